//! `/api`: small handlers over the catalogue, the orders and Stripe. Requests that cost money
//! or invite guessing count against per-client limits; bodies are small.

mod cart;
mod checkout;
mod config;
mod embedded;
mod embedding;
mod konbini;
pub mod language;
mod marketplace;
mod orders;
mod payment_secret;
mod session;

pub use config::{localized, requested_locale, shared_config};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::handler::Handler;
use axum::middleware::from_fn_with_state;
use axum::routing::{MethodRouter, get, post};

use crate::AppState;
use crate::error::AppError;
use crate::limits::{Kind, enforce};

/// Largest `/api` request body: a cart is a few hundred bytes.
const BODY_LIMIT: usize = 64 * 1024;
/// Largest webhook body: a Stripe event with a large object must not be refused for ever.
const WEBHOOK_BODY_LIMIT: usize = 1024 * 1024;

pub fn api(state: &AppState) -> Router<AppState> {
    let limited =
        |kind: Kind, route: MethodRouter<AppState>| route.layer(from_fn_with_state((state.clone(), kind), enforce));
    // What a shopper's page calls: also from the merchant's own site when it embeds the checkout.
    let shopper = Router::new()
        .route("/config", get(config::get_config))
        .route("/cart", limited(Kind::Cart, post(cart::price)))
        .route("/checkout/confirm", limited(Kind::Confirm, post(checkout::confirm)))
        .route("/checkout/sessions", limited(Kind::Confirm, post(embedded::create)))
        .route("/checkout/sessions/{id}", limited(Kind::Lookup, get(embedded::status)))
        .route("/orders", limited(Kind::Lookup, get(orders::order_for_payment)))
        .route("/orders/{id}", limited(Kind::Lookup, get(orders::get_order)))
        .route("/konbini/cart", limited(Kind::Cart, post(konbini::price)))
        .route("/konbini/payments", limited(Kind::Konbini, post(konbini::create)))
        .route("/konbini/payments/{id}", limited(Kind::Lookup, get(konbini::status)))
        .route("/konbini/payments/{id}/cancel", limited(Kind::Lookup, post(konbini::cancel)))
        .route("/offers", limited(Kind::Cart, post(crate::offers::offer)))
        .route("/marketplace", get(marketplace::sellers))
        .route("/marketplace/saved-card-payments", limited(Kind::Confirm, post(marketplace::pay_with_saved_card)))
        .route("/saved-cards", limited(Kind::Lookup, get(marketplace::saved_cards)))
        .route("/session/demo", post(session::demo_sign_in))
        .route("/session", get(config::get_session).delete(session::sign_out))
        // Before the CORS layer: a layered route keeps the fallback it had.
        .method_not_allowed_fallback(wrong_method)
        .layer(axum::middleware::from_fn(language::shoppers_language));
    let shopper = match embedding::cors(&state.config.embed_origins) {
        Some(cors) => shopper.layer(cors),
        None => shopper,
    };
    Router::new()
        .merge(shopper)
        .route("/webhooks/stripe", post(crate::webhooks::receive.layer(DefaultBodyLimit::max(WEBHOOK_BODY_LIMIT))))
        .nest("/operator", crate::operator::routes(state))
        .fallback(unknown)
        .method_not_allowed_fallback(wrong_method)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

async fn unknown(request: Request) -> AppError {
    AppError::not_found(request.method().as_str(), request.uri().path())
}

/// A known path asked with a method it does not take: 405 in Stripe's error shape (axum adds
/// the `Allow` header), like every other refusal of `/api`.
async fn wrong_method(request: Request) -> AppError {
    AppError::method_not_allowed(request.method().as_str(), request.uri().path())
}
