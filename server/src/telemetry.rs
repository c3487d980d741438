//! Request logging without secrets, the time limit of `/api` requests, and `Server-Timing`
//! (`app;dur=` the whole request, `stripe;dur=` the part spent waiting for Stripe), so that the
//! server's own work can be measured apart from Stripe's latency.
//!
//! Each request is logged by method and path only, with its request id: query strings carry
//! client secrets (`/complete?payment_intent_client_secret=...`, older pages' `?clientSecret=`),
//! so they never reach the log, at any level, in either format (`logs`).

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use checkout_api::stripe_common::{ErrorType, StripeError};
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{DefaultOnResponse, MakeSpan, TraceLayer};
use tracing::{Level, Span};

use crate::error::AppError;

#[derive(Debug, Clone, Copy)]
pub struct PathOnly;

impl<B> MakeSpan<B> for PathOnly {
    fn make_span(&mut self, request: &axum::http::Request<B>) -> Span {
        // The id `ops::request_id` gave the request (a plain token, checked there).
        let id = request.headers().get(crate::ops::request_id::HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
        tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
    }
}

pub fn trace_layer() -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, PathOnly> {
    TraceLayer::new_for_http().make_span_with(PathOnly).on_response(DefaultOnResponse::new().level(Level::INFO))
}

/// Middleware: an `/api` request that takes longer than `limit` is answered 504. What it was
/// doing is safe to abandon: a confirm's order and Idempotency-Key make the retry find it.
pub async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => AppError::new(
            StatusCode::GATEWAY_TIMEOUT,
            StripeError::new(ErrorType::ApiError, "The request took too long. Please try again."),
        )
        .into_response(),
    }
}

tokio::task_local! {
    /// Microseconds this request spent waiting for Stripe.
    static STRIPE_MICROS: Arc<AtomicU64>;
}

/// A Stripe call, its time counted for the request's `Server-Timing`.
pub async fn stripe_call<F: Future>(call: F) -> F::Output {
    let started = Instant::now();
    let output = call.await;
    let _ = STRIPE_MICROS.try_with(|spent| spent.fetch_add(started.elapsed().as_micros() as u64, Ordering::Relaxed));
    output
}

/// Middleware: `Server-Timing: app;dur=<ms>, stripe;dur=<ms>` on each `/api` answer.
pub async fn server_timing(request: Request, next: Next) -> Response {
    let spent = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut response = STRIPE_MICROS.scope(spent.clone(), next.run(request)).await;
    let app = started.elapsed().as_secs_f64() * 1000.0;
    let stripe = spent.load(Ordering::Relaxed) as f64 / 1000.0;
    if let Ok(value) = HeaderValue::from_str(&format!("app;dur={app:.3}, stripe;dur={stripe:.3}")) {
        response.headers_mut().insert("server-timing", value);
    }
    response
}
