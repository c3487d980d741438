#![recursion_limit = "256"]
//! An offline stand-in for Stripe: its HTTP API (form-encoded requests, key auth, Stripe's
//! JSON objects and errors; Connect: connected accounts and the `Stripe-Account` header) and a
//! Stripe.js stand-in that renders the Payment Element as a cross-origin iframe, as Stripe's
//! does. Run it with `cargo run -p stripe-sim`.

mod api;
mod api_keys;
mod bnpl;
mod cards;
mod clock;
mod error;
mod form;
mod history;
mod ids;
mod objects;
mod params;
mod store;
mod stripe_js;
mod webhooks;

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;

pub use clock::Clock;
use store::Store;
pub use webhooks::Endpoint;

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
    webhooks: Arc<webhooks::Webhooks>,
}

impl Sim {
    pub fn new(public_url: impl Into<String>) -> Self {
        Self { public_url: Some(public_url.into()), ..Self::default() }
    }

    fn public_url(&self) -> &str {
        self.public_url.as_deref().unwrap_or("http://127.0.0.1:12111")
    }

    /// Sends the platform's events to `url`, signed with `secret`.
    pub fn add_webhook_endpoint(&self, url: impl Into<String>, secret: impl Into<String>) {
        self.webhooks.add_endpoint(Endpoint { url: url.into(), secret: secret.into(), connect: false });
    }

    /// A Connect endpoint: sends the events of the connected accounts (those with `account`)
    /// to `url`, signed with `secret`.
    pub fn add_connect_webhook_endpoint(&self, url: impl Into<String>, secret: impl Into<String>) {
        self.webhooks.add_endpoint(Endpoint { url: url.into(), secret: secret.into(), connect: true });
    }

    /// First wait before retrying a failed delivery (doubling each time); 1 s by default.
    pub fn set_webhook_retry(&self, delay: Duration) {
        self.webhooks.set_retry_base(delay);
    }

    /// One API call's work on the store, as Stripe does it, in three visible steps under one
    /// lock: what became due by now on the stand-in's clock happens first (konbini payments
    /// made or expired, Checkout Sessions expired), then `operation` (and the Checkout Sessions
    /// it paid complete), then every change becomes an event, recorded and queued for delivery
    /// to the webhook endpoints.
    /// Generated history goes straight into the store, without the event machinery of [`apply`].
    fn seed_history(&self, request: &history::SeedRequest, until: i64) -> history::Seeded {
        history::seed(&mut locked(&self.store).history, request, until)
    }

    fn apply<T>(&self, operation: impl FnOnce(&mut Store) -> T) -> T {
        let mut store = locked(&self.store);
        let now = self.clock.now();
        let before = webhooks::Snapshot::of(&store);
        api::konbini::settle(&mut store, now);
        api::checkout_sessions::settle(&mut store, now);
        let value = operation(&mut store);
        api::checkout_sessions::settle(&mut store, now);
        let events = webhooks::changes(&before, &mut store, now, self.webhooks.counts());
        drop(store);
        self.webhooks.enqueue(&events);
        value
    }
}

/// A mutex's data even if a thread panicked while holding it: every write here completes or not
/// at all, so the data is consistent.
pub(crate) fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The stand-in's routes: `/v1/...` (API), Stripe.js and its iframes, `/_sim/...` (test controls).
pub fn router(sim: Arc<Sim>) -> Router {
    sim.webhooks.start();
    // What happens at the stores on the clock (konbini payments made or expired) happens even
    // when nobody calls the API, as at Stripe: look every half second.
    let ticker = Arc::downgrade(&sim);
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_millis(500)).await;
            match ticker.upgrade() {
                Some(sim) => sim.apply(|_| ()),
                None => break,
            }
        }
    });
    api::router(sim.clone()).merge(stripe_js::router()).with_state(sim)
}

/// Runs a fresh stand-in on `127.0.0.1` at a free port in the background of the current tokio
/// runtime and returns its base URL: for other crates' tests that need Stripe.
pub async fn spawn_on_loopback() -> std::io::Result<String> {
    Ok(spawn_with(|_| {}).await?.0)
}

/// Like [`spawn_on_loopback`], set up by `configure` first (webhook endpoints, ...); also
/// gives the stand-in itself.
pub async fn spawn_with(configure: impl FnOnce(&Sim)) -> std::io::Result<(String, Arc<Sim>)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    let sim = Arc::new(Sim::new(url.clone()));
    configure(&sim);
    let app = router(sim.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok((url, sim))
}

/// The form Stripe.js posts to `/v1/confirmation_tokens` for a card typed into the Payment
/// Element (any future expiry, any CVC), with the publishable key: for tests and benchmarks
/// that play the browser.
pub fn card_token_form<'a>(publishable_key: &'a str, card: &'a str) -> [(&'a str, &'a str); 7] {
    [
        ("key", publishable_key),
        ("payment_method_data[type]", "card"),
        ("payment_method_data[card][number]", card),
        ("payment_method_data[card][exp_month]", "12"),
        ("payment_method_data[card][exp_year]", "2040"),
        ("payment_method_data[card][cvc]", if cards::brand(card) == "amex" { "1234" } else { "123" }),
        ("return_url", "http://127.0.0.1:4242/complete"),
    ]
}
