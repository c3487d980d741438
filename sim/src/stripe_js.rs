//! The Stripe.js stand-in: `/{release}/stripe.js` (and `/v3`) plus the documents its Elements
//! load into cross-origin iframes, as js.stripe.com serves them.

use std::sync::Arc;

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;

use crate::Sim;

const STRIPE_JS: &str = include_str!("../assets/stripe.js");
const PAYMENT_ELEMENT: &str = include_str!("../assets/payment-element.html");

pub fn router() -> Router<Arc<Sim>> {
    Router::new()
        .route("/v3", get(stripe_js))
        .route("/v3/", get(stripe_js))
        .route("/{release}/stripe.js", get(stripe_js))
        .route("/elements/payment", get(payment_element))
}

async fn stripe_js() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/javascript; charset=utf-8"), (CACHE_CONTROL, "no-cache")], STRIPE_JS)
}

async fn payment_element() -> impl IntoResponse {
    ([(CONTENT_TYPE, "text/html; charset=utf-8"), (CACHE_CONTROL, "no-cache")], PAYMENT_ELEMENT)
}
