//! The Stripe.js stand-in: `/{release}/stripe.js` (and `/v3`) plus the documents its Elements
//! load into cross-origin iframes, as js.stripe.com serves them.

use std::sync::Arc;

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::{get, post};

use crate::Sim;
use crate::api::{authentication, konbini};

const STRIPE_JS: &str = include_str!("../assets/stripe.js");
const PAYMENT_ELEMENT: &str = include_str!("../assets/payment-element.html");
const ADDRESS_ELEMENT: &str = include_str!("../assets/address-element.html");
const ELEMENT_FRAME_JS: &str = include_str!("../assets/element-frame.js");
const ELEMENTS_CSS: &str = include_str!("../assets/elements.css");
const THREE_D_SECURE: &str = include_str!("../assets/three-d-secure.html");
const KONBINI_VOUCHER: &str = include_str!("../assets/konbini-voucher.html");

pub fn router() -> Router<Arc<Sim>> {
    Router::new()
        .route("/v3", get(stripe_js))
        .route("/v3/", get(stripe_js))
        .route("/{release}/stripe.js", get(stripe_js))
        .route("/elements/payment", get(|| html(PAYMENT_ELEMENT)))
        .route("/elements/address", get(|| html(ADDRESS_ELEMENT)))
        .route("/elements/element-frame.js", get(|| asset("application/javascript; charset=utf-8", ELEMENT_FRAME_JS)))
        .route("/elements/elements.css", get(|| asset("text/css; charset=utf-8", ELEMENTS_CSS)))
        // Stripe's test 3-D Secure page: in Stripe.js's modal, or reached by redirect.
        .route("/three_d_secure/{id}", get(|| html(THREE_D_SECURE)))
        .route("/three_d_secure/{id}/complete", post(authentication::complete))
        .route("/three_d_secure/{id}/fail", post(authentication::fail))
        // Stripe's hosted konbini voucher (hosted_voucher_url), also shown in Stripe.js's modal.
        .route("/konbini/vouchers/{id}", get(|| html(KONBINI_VOUCHER)))
        .route("/konbini/vouchers/{id}/details", get(konbini::voucher))
}

async fn stripe_js() -> impl IntoResponse {
    asset("application/javascript; charset=utf-8", STRIPE_JS).await
}

async fn html(page: &'static str) -> impl IntoResponse {
    asset("text/html; charset=utf-8", page).await
}

async fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(CONTENT_TYPE, content_type), (CACHE_CONTROL, "no-cache")], body)
}
