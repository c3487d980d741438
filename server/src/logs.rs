//! The log's format: lines of text for people (the default), or with `CHECKOUT_LOG_FORMAT=json`
//! one JSON object per line (tracing-subscriber's json format) for log pipelines. A JSON line
//! has the event's fields at the top level and the spans it was logged in (`spans`): each line
//! of a request, Stripe's calls for it included, carries the request's `request_id`. Which
//! lines: `RUST_LOG` (default `info`). What is never in either format: see `telemetry`.

use tracing_subscriber::EnvFilter;

/// Installs the process's logger; an unknown format is a configuration error.
pub fn init() -> Result<(), String> {
    let filter = EnvFilter::try_from_env("RUST_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    match std::env::var("CHECKOUT_LOG_FORMAT").ok().filter(|v| !v.is_empty()).as_deref() {
        None | Some("text") => tracing_subscriber::fmt().with_env_filter(filter).init(),
        Some("json") => tracing_subscriber::fmt()
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(true)
            .with_env_filter(filter)
            .init(),
        Some(other) => return Err(format!("CHECKOUT_LOG_FORMAT={other:?} must be text or json")),
    }
    Ok(())
}
