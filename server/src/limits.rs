//! Per-client rate limits (token buckets from `governor`, keyed by [`ClientIp`]) on the
//! requests that cost money or invite guessing. A refusal is a 429 with `Retry-After`, in
//! Stripe's error shape.
//!
//! The buckets live in each instance's memory: with k instances behind a balancer a client gets
//! up to k times a limit, which still stops scripted abuse at the scale this checkout is built
//! for (README: "Abuse limits"). What must hold across instances, the card-testing count of
//! declines, is kept in the database instead (`orders::declines`).

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::AppState;
use crate::client::ClientIp;
use crate::config::{Rate, RateLimits};
use crate::error::AppError;

/// What a request is limited as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Confirm,
    Cart,
    Konbini,
    Lookup,
    Discount,
}

#[derive(Clone)]
pub struct Limits {
    confirm: Option<Arc<Bucket>>,
    cart: Option<Arc<Bucket>>,
    konbini: Option<Arc<Bucket>>,
    lookup: Option<Arc<Bucket>>,
    discount: Option<Arc<Bucket>>,
}

type Bucket = DefaultKeyedRateLimiter<IpAddr>;

fn bucket(rate: Option<Rate>) -> Option<Arc<Bucket>> {
    let rate = rate?;
    let count = NonZeroU32::new(rate.count)?;
    let quota = Quota::with_period(rate.period / rate.count)?.allow_burst(count);
    Some(Arc::new(RateLimiter::keyed(quota)))
}

impl Limits {
    pub fn new(config: &RateLimits) -> Self {
        Self {
            confirm: bucket(config.confirm),
            cart: bucket(config.cart),
            konbini: bucket(config.konbini),
            lookup: bucket(config.lookup),
            discount: bucket(config.discount),
        }
    }

    /// Takes one request of `kind` from `client`'s bucket, or says how long to wait.
    pub fn check(&self, kind: Kind, client: ClientIp) -> Result<(), AppError> {
        let bucket = match kind {
            Kind::Confirm => &self.confirm,
            Kind::Cart => &self.cart,
            Kind::Konbini => &self.konbini,
            Kind::Lookup => &self.lookup,
            Kind::Discount => &self.discount,
        };
        let Some(bucket) = bucket else { return Ok(()) };
        bucket.check_key(&client.0).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            tracing::warn!(client = %client.0, ?kind, "rate limited");
            let message = match kind {
                Kind::Discount => "Too many discount codes tried. Please wait before trying another.",
                _ => "Too many requests. Please wait a moment and try again.",
            };
            AppError::rate_limited(message, wait.as_secs_f64().ceil() as u64)
        })
    }

    /// Forgets clients whose buckets are full again (memory stays bounded).
    pub fn forget_idle(&self) {
        for bucket in [&self.confirm, &self.cart, &self.konbini, &self.lookup, &self.discount].into_iter().flatten() {
            bucket.retain_recent();
            bucket.shrink_to_fit();
        }
    }
}

/// Middleware: the request counts against its client's bucket of `kind`.
pub async fn enforce(State((state, kind)): State<(AppState, Kind)>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let client = ClientIp::of(&parts, state.config.client_ip_header.as_deref());
    match state.limits.check(kind, client) {
        Ok(()) => next.run(Request::from_parts(parts, body)).await,
        Err(refused) => refused.into_response(),
    }
}
