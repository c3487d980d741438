//! `/api`: small handlers over the catalogue and Stripe.

mod cart;
mod checkout;
mod config;

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
        .fallback(unknown)
}

async fn unknown(request: Request) -> AppError {
    AppError::not_found(request.method().as_str(), request.uri().path())
}
