//! `/api`: small handlers over the catalogue and Stripe.

mod cart;
mod checkout;
mod config;
mod konbini;
mod orders;
mod payment_secret;

use axum::Router;
use axum::extract::Request;
use axum::routing::{get, post};

use crate::AppState;
use crate::error::AppError;

pub fn api() -> Router<AppState> {
    Router::new()
        .route("/config", get(config::get_config))
        .route("/cart", post(cart::price))
        .route("/checkout/confirm", post(checkout::confirm))
        .route("/orders", get(orders::order_for_payment))
        .route("/orders/{id}", get(orders::get_order))
        .route("/webhooks/stripe", post(crate::webhooks::receive))
        .route("/konbini/payments", post(konbini::create))
        .route("/konbini/payments/{id}", get(konbini::status))
        .route("/konbini/payments/{id}/cancel", post(konbini::cancel))
        .fallback(unknown)
}

async fn unknown(request: Request) -> AppError {
    AppError::not_found(request.method().as_str(), request.uri().path())
}
