//! The checkout backend: prices the cart from its own catalogue, creates and confirms the
//! PaymentIntent in one request with the ConfirmationToken the page created, and serves the
//! Trunk-built app. Stripe is reached through async-stripe, at api.stripe.com or at the
//! offline stand-in (`STRIPE_API_BASE`).

// An AppError is built at most once per request; boxing it would buy nothing.
#![allow(clippy::result_large_err)]

mod catalog;
pub mod config;
pub mod db;
mod discounts;
mod error;
mod orders;
mod payments;
mod routes;
pub mod webhooks;

use std::sync::Arc;

use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use catalog::Catalog;
pub use config::Config;
use orders::Orders;
use payments::Payments;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    config: Arc<Config>,
    catalog: Arc<Catalog>,
    /// Konbini takes yen only: its own catalogue.
    konbini_catalog: Arc<Catalog>,
    payments: Payments,
    orders: Orders,
}

impl AppState {
    /// Connects to Stripe's client and the database (running its migrations).
    pub async fn new(config: Config) -> Result<Self, String> {
        let payments = Payments::new(&config.stripe)?;
        let db = db::Db::connect(&config.database_url).await?;
        Ok(Self {
            catalog: Arc::new(Catalog::demo(&config.currency)?),
            konbini_catalog: Arc::new(Catalog::demo("jpy")?),
            orders: Orders::new(db, config.crash_before_commit.clone()),
            config: Arc::new(config),
            payments,
        })
    }
}

/// `/api/...`, and the app itself for every other path (the SPA's routes fall back to
/// `index.html`).
pub fn app(state: AppState) -> Router {
    let dist = &state.config.dist_dir;
    let spa = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
    Router::new().nest("/api", routes::api()).fallback_service(spa).with_state(state).layer(
        TraceLayer::new_for_http()
            .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
            .on_response(DefaultOnResponse::new().level(Level::INFO)),
    )
}

/// Today's date in UTC, `YYYY-MM-DD`: the day discount codes are checked against.
fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}
