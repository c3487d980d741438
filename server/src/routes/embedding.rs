//! The shopper's `/api` from the pages of a merchant's own site (`CHECKOUT_EMBED_ORIGINS`): CORS
//! with credentials (the shopper's session cookie goes with the checkout's calls) for exactly the
//! listed origins, and for nothing else. tower-http's CorsLayer answers the preflights, echoes an
//! allowed `Origin` (never `*`, which credentials forbid) and adds `Vary: Origin`. Only the
//! shopper's routes: the operators' `/api/operator` (a cookie that must never be usable from a
//! shop's page) and Stripe's webhooks are not in the router this is laid on.

use std::time::Duration;

use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowCredentials, AllowOrigin, CorsLayer};

/// Where the payment's client secret travels (`src/api.rs`'s `CLIENT_SECRET`).
const CLIENT_SECRET: HeaderName = HeaderName::from_static("x-client-secret");

/// `None` when no origin may embed the checkout: then no CORS header is ever sent.
pub fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    // The configuration checked each one is an origin (scheme, host, port), lowercased.
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|origin| HeaderValue::from_str(origin).ok()).collect();
    let listed = origins.clone();
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            // Credentials said only to a listed origin (tower-http would say so to any).
            .allow_credentials(AllowCredentials::predicate(move |origin, _| listed.contains(origin)))
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers([CONTENT_TYPE, CLIENT_SECRET, crate::ops::request_id::HEADER])
            .expose_headers([crate::ops::request_id::HEADER])
            // Browsers cap it (Chromium at 2 hours); 10 minutes spares most preflights.
            .max_age(Duration::from_secs(600)),
    )
}
