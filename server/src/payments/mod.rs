//! Stripe calls, through async-stripe. Chosen because it is generated from Stripe's OpenAPI
//! spec (every parameter typed, confirmation_token and konbini options included), pins one API
//! version (2026-09-30.endive), supports idempotency keys, and can be pointed at another base
//! URL (the offline stand-in) over plain http.
//!
//! `card` creates and confirms card PaymentIntents, `connect` the marketplace's (sellers'
//! accounts, shared cards, direct charges), `customer` makes CustomerSessions, `konbini`
//! the yen payments the page confirms, `accounts` lists connected accounts for the operator;
//! this file holds the client and how Stripe's failures
//! become answers to the page.

mod accounts;
mod card;
mod checkout_session;
mod connect;
mod customer;
mod konbini;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use checkout_api::stripe_common::{ErrorType, StripeError};
use stripe::{Client, ClientBuilder, IdempotencyKey, RequestStrategy};

use crate::config::StripeConfig;
use crate::error::AppError;
use crate::ops::Metrics;

pub use accounts::{AccountSummary, AccountsPage, EmailUpdateOutcome};
pub use card::Confirmed;
pub use connect::{DestinationCharge, DirectCharge};

#[derive(Clone)]
pub struct Payments {
    client: TimedClient,
}

/// async-stripe's client, each call timed for the request's `Server-Timing` (so the server's
/// own work can be told from Stripe's), counted and timed in the metrics by endpoint and
/// status, and logged in the request's span (its request id with it).
#[derive(Clone)]
struct TimedClient {
    client: Client,
    metrics: Metrics,
}

impl TimedClient {
    /// The client for a call to `endpoint`, named as Stripe's API reference names it, ids as
    /// `{id}` (`POST /v1/payment_intents/{id}/confirm`): one metric series per endpoint, not per
    /// object.
    fn at(&self, endpoint: &'static str) -> Endpoint<'_> {
        Endpoint { client: self, endpoint }
    }
}

struct Endpoint<'a> {
    client: &'a TimedClient,
    endpoint: &'static str,
}

impl stripe_client_core::StripeClient for Endpoint<'_> {
    type Err = <Client as stripe_client_core::StripeClient>::Err;

    fn execute(
        &self,
        request: stripe_client_core::CustomizedStripeRequest,
    ) -> impl std::future::Future<Output = Result<axum::body::Bytes, Self::Err>> + Send {
        let (client, endpoint) = (self.client, self.endpoint);
        async move {
            let started = Instant::now();
            let answer = crate::telemetry::stripe_call(client.client.execute(request)).await;
            let took = started.elapsed();
            let status = answer_status(&answer);
            client.metrics.stripe_call(endpoint, &status, took);
            tracing::info!(endpoint, %status, duration_ms = took.as_secs_f64() * 1000.0, "stripe call");
            answer
        }
    }
}

/// Stripe's HTTP status, or why there was none.
fn answer_status(answer: &Result<axum::body::Bytes, stripe::StripeError>) -> String {
    match answer {
        Ok(_) => "200".to_owned(),
        Err(stripe::StripeError::Stripe(_, status)) => status.to_string(),
        Err(stripe::StripeError::Timeout) => "timeout".to_owned(),
        Err(stripe::StripeError::ClientError(_)) => "connection_error".to_owned(),
        Err(_) => "unreadable".to_owned(),
    }
}

impl Payments {
    pub fn new(config: &StripeConfig, metrics: Metrics) -> Result<Self, String> {
        let mut builder = ClientBuilder::new(&config.secret_key)
            .app_info("stripe-checkout-leptos", Some(env!("CARGO_PKG_VERSION").into()), None)
            // Per attempt: async-stripe has no timeout by default.
            .timeout(Duration::from_secs(config.timeout_seconds));
        if let Some(base) = &config.api_base {
            builder = builder.url(base);
        }
        let client = builder.build().map_err(|e| format!("cannot build the Stripe client: {e}"))?;
        Ok(Self { client: TimedClient { client, metrics } })
    }
}

/// A Stripe call that did not give what was asked, and what that says about money.
#[derive(Debug)]
pub struct StripeFailure {
    /// The answer for the page.
    pub error: AppError,
    /// The PaymentIntent Stripe made anyway (a card decline leaves it behind), and its client
    /// secret.
    pub payment_intent: Option<String>,
    pub client_secret: Option<String>,
    /// Stripe's error code (`payment_intent_unexpected_state`, ...).
    pub code: Option<String>,
    /// Stripe refused the ConfirmationToken (used, expired, unknown): nothing was created.
    pub token_refused: bool,
    /// A card decline's code, as Stripe gave it (the page may see a generic one).
    pub decline_code: Option<String>,
}

impl StripeFailure {
    fn from_stripe(err: stripe::StripeError) -> Self {
        let mut failure = Self::from_error(AppError::new(StatusCode::OK, StripeError::new(ErrorType::Unknown, "")));
        if let stripe::StripeError::Stripe(api, _) = &err {
            failure.payment_intent = api.payment_intent.as_ref().map(|pi| pi.id.to_string());
            failure.client_secret = api.payment_intent.as_ref().and_then(|pi| pi.client_secret.clone());
            failure.code = api.code.as_ref().map(|c| c.as_str().to_owned());
            failure.token_refused =
                api.type_.as_str() == "invalid_request_error" && api.param.as_deref() == Some("confirmation_token");
            if api.type_.as_str() == "card_error" {
                failure.decline_code = api.decline_code.clone().or_else(|| failure.code.clone());
            }
        }
        failure.error = upstream_error(err);
        failure
    }

    pub fn from_error(error: AppError) -> Self {
        Self { error, payment_intent: None, client_secret: None, code: None, token_refused: false, decline_code: None }
    }
}

/// An Idempotency-Key request strategy: every retry of the request is the same request.
fn idempotent(key: &str) -> Result<RequestStrategy, StripeFailure> {
    // Only a key longer than Stripe's 255 characters fails; ids are validated far shorter.
    IdempotencyKey::new(key)
        .map(RequestStrategy::Idempotent)
        .map_err(|e| StripeFailure::from_error(AppError::bad_request("confirmationTokenId", e.to_string())))
}

/// Our order's id on the PaymentIntent: events carry it back to the order.
fn order_metadata(order_id: &str) -> std::collections::HashMap<String, String> {
    std::collections::HashMap::from([("order_id".to_owned(), order_id.to_owned())])
}

fn no_client_secret() -> AppError {
    no_client_secret_for("PaymentIntent")
}

fn no_client_secret_for(object: &str) -> AppError {
    AppError::new(
        StatusCode::BAD_GATEWAY,
        StripeError::new(ErrorType::ApiError, format!("Stripe returned a {object} without a client secret.")),
    )
}

/// One of Stripe's enum values (as async-stripe spells it on the wire) as our own enum.
fn from_wire<T: serde::de::DeserializeOwned>(value: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).ok()
}

/// Decline codes Stripe advises not to show: telling a card tester that a card is reported
/// stolen or that the issuer suspects fraud helps the tester. The shopper reads a generic
/// decline; the log keeps the real code.
const UNSPOKEN_DECLINE_CODES: &[&str] = &[
    "fraudulent",
    "lost_card",
    "stolen_card",
    "pickup_card",
    "restricted_card",
    "merchant_blacklist",
    "security_violation",
];

/// A card error as the shopper should read it.
fn card_error(mut error: StripeError) -> StripeError {
    if let Some(code) = error.decline_code.as_deref()
        && UNSPOKEN_DECLINE_CODES.contains(&code)
    {
        tracing::warn!(decline_code = code, "card declined; the shopper is told it was declined, not why");
        error.code = Some("card_declined".into());
        error.decline_code = Some("generic_decline".into());
        error.message = Some("Your card was declined.".into());
        error.doc_url = None;
    }
    error
}

/// Stripe's answer, as the page should see it: card errors pass through (402) with Stripe's
/// customer-facing message (or a generic decline, see [`UNSPOKEN_DECLINE_CODES`]); problems with
/// the page's ConfirmationToken are the page's (400); everything else is this server's or
/// Stripe's problem (5xx) and its details stay in the log.
fn upstream_error(err: stripe::StripeError) -> AppError {
    match err {
        stripe::StripeError::Stripe(api, status) => {
            let error = StripeError {
                type_: from_wire(api.type_.as_str()).unwrap_or(ErrorType::Unknown),
                code: api.code.as_ref().map(|c| c.as_str().to_owned()),
                decline_code: api.decline_code.clone(),
                message: api.message.clone(),
                param: api.param.clone(),
                doc_url: api.doc_url.clone(),
                charge: api.charge.clone(),
                ..StripeError::default()
            };
            match error.type_ {
                ErrorType::CardError => AppError::new(StatusCode::PAYMENT_REQUIRED, card_error(error)),
                ErrorType::IdempotencyError => {
                    tracing::warn!(error = %error, "Stripe: idempotent request in progress or with other parameters");
                    AppError::new(
                        StatusCode::CONFLICT,
                        StripeError::new(
                            ErrorType::IdempotencyError,
                            "This payment is already being processed. Please wait a moment before trying again.",
                        ),
                    )
                }
                ErrorType::InvalidRequestError if error.param.as_deref() == Some("confirmation_token") => {
                    AppError::new(StatusCode::BAD_REQUEST, error)
                }
                // A seller's account that is not (or no longer) connected to the platform.
                ErrorType::InvalidRequestError if error.code.as_deref() == Some("account_invalid") => {
                    tracing::error!(stripe_status = status, error = %error, "a seller's connected account refused");
                    AppError::new(
                        StatusCode::BAD_GATEWAY,
                        StripeError::new(
                            ErrorType::InvalidRequestError,
                            "This seller's Stripe account is not connected to the shop: the seller cannot be paid right now.",
                        )
                        .with_code("account_invalid"),
                    )
                }
                ErrorType::RateLimitError => AppError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    StripeError::new(
                        ErrorType::RateLimitError,
                        "Too many payment attempts right now. Please try again in a moment.",
                    ),
                ),
                _ => {
                    tracing::error!(stripe_status = status, error = %error, "Stripe refused a request");
                    AppError::new(
                        StatusCode::BAD_GATEWAY,
                        StripeError::new(ErrorType::ApiError, "The payment provider could not process this request."),
                    )
                }
            }
        }
        stripe::StripeError::ClientError(detail) => {
            tracing::error!(%detail, "cannot reach Stripe");
            AppError::new(
                StatusCode::BAD_GATEWAY,
                StripeError::new(
                    ErrorType::ApiConnectionError,
                    "Could not reach the payment provider. Please try again.",
                ),
            )
        }
        stripe::StripeError::Timeout => AppError::new(
            StatusCode::GATEWAY_TIMEOUT,
            StripeError::new(
                ErrorType::ApiConnectionError,
                "The payment provider did not answer in time. Please try again.",
            ),
        ),
        other => {
            tracing::error!(error = %other, "unexpected answer from Stripe");
            AppError::new(
                StatusCode::BAD_GATEWAY,
                StripeError::new(ErrorType::ApiError, "The payment provider sent an unexpected answer."),
            )
        }
    }
}
