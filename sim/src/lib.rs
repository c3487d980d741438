#![recursion_limit = "256"]
// An ApiError is built at most once per HTTP request; boxing it would buy nothing.
#![allow(clippy::result_large_err)]
//! An offline stand-in for Stripe: its HTTP API (form-encoded requests, key auth, Stripe's
//! JSON objects and errors) and a Stripe.js stand-in that renders the Payment Element as a
//! cross-origin iframe, as Stripe's does. Run it with `cargo run -p stripe-sim`.

mod api;
mod auth;
mod cards;
mod clock;
mod error;
mod form;
mod ids;
mod objects;
mod params;
mod store;
mod stripe_js;

use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;

pub use clock::Clock;
use store::Store;

/// The stand-in's whole state.
#[derive(Debug, Default)]
pub struct Sim {
    /// Where browsers reach the stand-in (for the URLs it hands out, such as 3-D Secure
    /// redirects); `http://127.0.0.1:12111` by default.
    public_url: Option<String>,
    pub clock: Clock,
    store: Mutex<Store>,
    idempotency: api::idempotency::IdempotencyStore,
    faults: api::faults::Faults,
}

impl Sim {
    pub fn new(public_url: impl Into<String>) -> Self {
        Self { public_url: Some(public_url.into()), ..Self::default() }
    }

    fn public_url(&self) -> &str {
        self.public_url.as_deref().unwrap_or("http://127.0.0.1:12111")
    }

    /// The store, with everything due by now on the stand-in's clock applied first (konbini
    /// payments made or expired), so every request sees the present.
    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves consistent data (every write completes or not
        // at all), so a poisoned lock is still usable.
        let mut store = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        api::konbini::settle(&mut store, self.clock.now());
        store
    }
}

/// The stand-in's routes: `/v1/...` (API), Stripe.js and its iframes, `/_sim/...` (test controls).
pub fn router(sim: Arc<Sim>) -> Router {
    api::router(sim.clone()).merge(stripe_js::router()).with_state(sim)
}

/// Runs a fresh stand-in on `127.0.0.1` at a free port in the background of the current tokio
/// runtime and returns its base URL: for other crates' tests that need Stripe.
pub async fn spawn_on_loopback() -> std::io::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    let app = router(Arc::new(Sim::new(url.clone())));
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(url)
}
