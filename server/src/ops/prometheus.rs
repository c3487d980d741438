//! The instance's metrics in Prometheus' text format, for `GET /metrics`.
//!
//! One registry per [`AppState`](crate::AppState) (a `PrometheusRecorder` held here and called
//! directly) rather than the `metrics` facade's process-wide recorder: nothing global to
//! install, and several servers in one process (the tests) each count their own. Every label
//! value comes from a small known set (our outcomes, Stripe's endpoint templates, route
//! templates, Stripe's event types once signed): nothing a client sends becomes a label, so the
//! series cannot be multiplied by a caller.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use checkout_api::ConfirmResponse;
use checkout_api::stripe_common::PaymentIntentStatus;
use metrics::{Key, KeyName, Label, Level, Metadata, Recorder, SharedString, Unit};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder};

use crate::error::AppError;

pub const CONFIRMS: &str = "checkout_confirms_total";
pub const STRIPE_REQUESTS: &str = "checkout_stripe_requests_total";
pub const STRIPE_DURATION: &str = "checkout_stripe_request_duration_seconds";
pub const WEBHOOK_EVENTS: &str = "checkout_webhook_events_total";
pub const HTTP_REQUESTS: &str = "checkout_http_requests_total";
pub const HTTP_DURATION: &str = "checkout_http_request_duration_seconds";
pub const ORDERS: &str = "checkout_orders";
pub const KONBINI_PENDING: &str = "checkout_konbini_vouchers_pending";
pub const LEADER: &str = "checkout_housekeeping_leader";
pub const BUILD_INFO: &str = "checkout_build_info";

/// What Prometheus asks for (text exposition format 0.0.4).
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Seconds, from a quick local answer (1 ms) to Stripe's slowest (its 20 s default timeout).
const SECONDS_BUCKETS: &[f64] =
    &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0];

/// How a press of Pay ended, as `checkout_confirms_total{outcome}` counts it.
const CONFIRM_OUTCOMES: [&str; 6] = ["succeeded", "requires_action", "processing", "declined", "refused", "error"];

static METADATA: Metadata<'static> = Metadata::new(module_path!(), Level::INFO, Some(module_path!()));

#[derive(Clone)]
pub struct Metrics {
    recorder: Arc<PrometheusRecorder>,
    handle: PrometheusHandle,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), SECONDS_BUCKETS)
            .map(PrometheusBuilder::build_recorder)
            .unwrap_or_else(|_| PrometheusBuilder::new().build_recorder());
        let metrics = Self { handle: recorder.handle(), recorder: Arc::new(recorder) };
        metrics.describe();
        for outcome in CONFIRM_OUTCOMES {
            // Present at 0 from the start, so that rate() and alerts see the first one.
            metrics.counter(CONFIRMS, vec![Label::new("outcome", outcome)]).absolute(0);
        }
        let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
        let build = vec![Label::new("version", env!("CARGO_PKG_VERSION")), Label::new("profile", profile)];
        metrics.gauge(BUILD_INFO, build).set(1.0);
        metrics
    }

    fn describe(&self) {
        let described = [
            (CONFIRMS, None, "Presses of Pay (POST /api/checkout/confirm) by outcome"),
            (STRIPE_REQUESTS, None, "Calls to Stripe's API by endpoint and HTTP status (or timeout, connection_error)"),
            (STRIPE_DURATION, Some(Unit::Seconds), "Time of each call to Stripe's API"),
            (WEBHOOK_EVENTS, None, "Stripe events received at the webhook endpoint by type and outcome"),
            (HTTP_REQUESTS, None, "Requests answered by route template, method and status"),
            (HTTP_DURATION, Some(Unit::Seconds), "Time to answer a request, by route template"),
            (ORDERS, None, "Orders in the database by payment method and status (the same on every instance)"),
            (KONBINI_PENDING, None, "Konbini orders whose voucher is out and not yet paid at the store"),
            (LEADER, None, "1 on the instance holding the housekeeping lease"),
            (BUILD_INFO, None, "The running build: version and cargo profile"),
        ];
        for (name, unit, text) in described {
            let (name, text) = (KeyName::from(name), SharedString::from(text));
            if name.as_str().ends_with("_seconds") {
                self.recorder.describe_histogram(name, unit, text);
            } else if name.as_str().ends_with("_total") {
                self.recorder.describe_counter(name, unit, text);
            } else {
                self.recorder.describe_gauge(name, unit, text);
            }
        }
    }

    fn counter(&self, name: &'static str, labels: Vec<Label>) -> metrics::Counter {
        self.recorder.register_counter(&Key::from_parts(name, labels), &METADATA)
    }

    fn gauge(&self, name: &'static str, labels: Vec<Label>) -> metrics::Gauge {
        self.recorder.register_gauge(&Key::from_parts(name, labels), &METADATA)
    }

    fn histogram(&self, name: &'static str, labels: Vec<Label>) -> metrics::Histogram {
        self.recorder.register_histogram(&Key::from_parts(name, labels), &METADATA)
    }

    /// A confirm's answer, by outcome.
    pub fn confirmed(&self, answer: &Result<ConfirmResponse, AppError>) {
        self.counter(CONFIRMS, vec![Label::new("outcome", confirm_outcome(answer))]).increment(1);
    }

    /// One call to Stripe: `endpoint` as Stripe's API reference names it (`POST
    /// /v1/payment_intents/{id}/confirm`), `status` its HTTP status or why there was none.
    pub fn stripe_call(&self, endpoint: &'static str, status: &str, took: Duration) {
        let labels = vec![Label::new("endpoint", endpoint), Label::new("status", status.to_owned())];
        self.counter(STRIPE_REQUESTS, labels).increment(1);
        self.histogram(STRIPE_DURATION, vec![Label::new("endpoint", endpoint)]).record(took.as_secs_f64());
    }

    /// One webhook delivery: the event's type (`unknown` until its signature is checked: an
    /// unsigned body names nothing) and what became of it.
    pub fn webhook(&self, kind: &str, outcome: &'static str) {
        let labels = vec![Label::new("type", kind.to_owned()), Label::new("outcome", outcome)];
        self.counter(WEBHOOK_EVENTS, labels).increment(1);
    }

    /// The orders in the database now, by method and status (the statuses none has at 0).
    pub fn orders(&self, counts: &[(String, String, i64)], konbini_pending: i64) {
        for (method, status, count) in counts {
            let labels = vec![Label::new("method", method.clone()), Label::new("status", status.clone())];
            self.gauge(ORDERS, labels).set(*count as f64);
        }
        self.gauge(KONBINI_PENDING, Vec::new()).set(konbini_pending as f64);
    }

    pub fn leader(&self, holds_lease: bool) {
        self.gauge(LEADER, Vec::new()).set(if holds_lease { 1.0 } else { 0.0 });
    }

    pub fn render(&self) -> String {
        self.handle.render()
    }

    /// Drains recorded histogram samples into their buckets, so that memory stays bounded
    /// between scrapes (or without any).
    pub fn upkeep(&self) {
        self.handle.run_upkeep();
    }
}

/// The outcome label of a confirm's answer: the PaymentIntent's status, a card decline (402),
/// a refusal of the request (another 4xx: invalid, rate-limited, token refused) or an error
/// (5xx: ours, the database's or Stripe's).
pub fn confirm_outcome(answer: &Result<ConfirmResponse, AppError>) -> &'static str {
    match answer {
        Ok(paid) => match paid.status {
            PaymentIntentStatus::Succeeded => "succeeded",
            PaymentIntentStatus::RequiresAction => "requires_action",
            PaymentIntentStatus::Processing => "processing",
            _ => "error",
        },
        Err(e) if e.status == StatusCode::PAYMENT_REQUIRED => "declined",
        Err(e) if e.status.is_client_error() => "refused",
        Err(_) => "error",
    }
}

/// Middleware: every request counted and timed by its route template (`/api/orders/{id}`, never
/// the path itself), its method (one of HTTP's own) and status. Static files are `static`.
pub async fn track(State(metrics): State<Metrics>, request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().map_or("static".to_owned(), |p| p.as_str().to_owned());
    let method = known_method(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    let took = started.elapsed().as_secs_f64();
    let status = response.status().as_u16().to_string();
    let labels = vec![Label::new("route", route.clone()), Label::new("method", method), Label::new("status", status)];
    metrics.counter(HTTP_REQUESTS, labels).increment(1);
    metrics.histogram(HTTP_DURATION, vec![Label::new("route", route)]).record(took);
    response
}

fn known_method(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of the series `name{labels}` in `text`, if present.
    fn value(text: &str, series: &str) -> Option<f64> {
        text.lines().find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
    }

    #[test]
    fn counts_render_in_prometheus_text_with_help_and_type() {
        let metrics = Metrics::new();
        metrics.stripe_call("POST /v1/payment_intents", "200", Duration::from_millis(30));
        metrics.webhook("payment_intent.succeeded", "applied");
        metrics.webhook("payment_intent.succeeded", "applied");
        let text = metrics.render();
        assert!(text.contains("# TYPE checkout_stripe_requests_total counter"), "{text}");
        assert!(text.contains("# HELP checkout_confirms_total Presses of Pay"));
        assert!(text.contains("# TYPE checkout_stripe_request_duration_seconds histogram"));
        let calls = "checkout_stripe_requests_total{endpoint=\"POST /v1/payment_intents\",status=\"200\"}";
        assert_eq!(value(&text, calls), Some(1.0));
        let bucket =
            "checkout_stripe_request_duration_seconds_bucket{endpoint=\"POST /v1/payment_intents\",le=\"0.05\"}";
        assert_eq!(value(&text, bucket), Some(1.0));
        let events = "checkout_webhook_events_total{type=\"payment_intent.succeeded\",outcome=\"applied\"}";
        assert_eq!(value(&text, events), Some(2.0));
        assert_eq!(value(&text, "checkout_confirms_total{outcome=\"declined\"}"), Some(0.0), "present at 0");
        assert!(text.contains("checkout_build_info{version=\"0.1.0\",profile=\"debug\"} 1"));
    }

    #[test]
    fn each_registry_counts_its_own() {
        let (one, other) = (Metrics::new(), Metrics::new());
        one.webhook("charge.refunded", "duplicate");
        assert!(one.render().contains("charge.refunded") && !other.render().contains("charge.refunded"));
    }

    #[test]
    fn methods_outside_http_s_own_are_one_label() {
        assert_eq!(known_method(&Method::from_bytes(b"BREW").unwrap()), "other");
        assert_eq!(known_method(&Method::POST), "POST");
    }
}
