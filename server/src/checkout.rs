//! Confirming a card checkout so that money moves once, for the order's own amount, whatever
//! the network, Stripe, the database or the shopper does.
//!
//! - The order is named by the page's checkout attempt, the signed-in customer and the cart's
//!   content ([`order_key`]): pressing Pay again, in the same tab after a lost answer, after a
//!   reload or in a second tab, finds the same order; another cart is another order.
//! - An order has at most one PaymentIntent. Its create request is sent with the first
//!   ConfirmationToken offered for the order and an Idempotency-Key naming the order and that
//!   token, so every retry is the very same request and Stripe replays what it did. Only when
//!   Stripe refused that token (it made nothing) does a later token take its place.
//! - Once the order has its PaymentIntent, a retry reads it: a payment that went through is
//!   reported, not repeated; a declined one is confirmed again with the new token.
//! - Recording the PaymentIntent on the order may fail after Stripe charged: the shopper still
//!   gets Stripe's answer, and the webhook links and settles the order.

use axum::http::StatusCode;
use checkout_api::stripe_common::{ErrorType, PaymentIntentStatus, StripeError};
use checkout_api::{Cart, ConfirmRequest, ConfirmResponse};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::client::ClientIp;
use crate::error::AppError;
use crate::orders::{OpenOrder, PaymentMethodKind};
use crate::payments::{Confirmed, StripeFailure};

/// Who pays: the signed-in customer, if any, and the client (for the card-testing count).
#[derive(Debug, Clone, Copy)]
pub struct Shopper<'a> {
    pub customer: Option<&'a str>,
    pub client: ClientIp,
}

pub async fn confirm(
    state: &AppState,
    request: &ConfirmRequest,
    cart: &Cart,
    shopper: Shopper<'_>,
) -> Result<ConfirmResponse, AppError> {
    refuse_card_testing(state, shopper.client).await?;
    let now = chrono::Utc::now().timestamp();
    // The order exists before Stripe is called, so that no event can arrive for an order we do
    // not know; its status then moves by events only.
    let key = order_key(&request.attempt_id, shopper.customer, cart);
    let order = state.orders.open(&key, cart, PaymentMethodKind::Card, shopper.customer, now).await?;
    if let (Some(discount), Some(customer)) = (&cart.discount, shopper.customer)
        && crate::discounts::is_single_use(&discount.code)
        && !state.orders.redeem(&discount.code, customer, &order.id, now).await?
    {
        return Err(crate::pricing::already_used(&discount.code));
    }
    let token = request.confirmation_token_id.as_str();
    let paid = match &order.payment_intent_id {
        Some(payment_intent) => continue_payment(state, payment_intent, token).await,
        None => first_payment(state, &order, cart, shopper.customer, token).await,
    };
    let (confirmed, already_confirmed) = match paid {
        Ok(paid) => paid,
        Err(failure) => {
            if let Some(code) = &failure.decline_code {
                state.orders.record_decline(&shopper.client.key(), Some(code), now).await?;
            }
            return Err(failure.error);
        }
    };
    tracing::info!(order = %order.id, payment_intent = %confirmed.payment_intent_id, status = ?confirmed.status, amount = confirmed.amount, already_confirmed, "checkout confirmed");
    Ok(ConfirmResponse {
        order_id: order.id,
        client_secret: confirmed.client_secret,
        status: confirmed.status,
        payment_intent_id: confirmed.payment_intent_id,
        amount: confirmed.amount,
        currency: confirmed.currency,
        already_confirmed,
    })
}

/// The order's key: SHA-256 of the attempt, the customer and the priced cart (lines, discount,
/// total, currency). Any change to what is bought, or by whom, is another order.
pub fn order_key(attempt_id: &str, customer: Option<&str>, cart: &Cart) -> String {
    keyed("card", attempt_id, customer, cart)
}

/// The order key of an Embedded Checkout: as [`order_key`], of another kind, so that the card
/// checkout and a Checkout Session never share an order (each has its own way to pay it).
pub fn embedded_order_key(attempt_id: &str, customer: Option<&str>, cart: &Cart) -> String {
    keyed("embedded", attempt_id, customer, cart)
}

fn keyed(kind: &str, attempt_id: &str, customer: Option<&str>, cart: &Cart) -> String {
    let cart = serde_json::to_string(cart).unwrap_or_default();
    let digest = Sha256::digest(format!("{attempt_id}\n{}\n{cart}", customer.unwrap_or("")).as_bytes());
    format!("{kind}:{}", hex::encode(digest))
}

/// The order's PaymentIntent does not exist yet, or its creation's outcome is unknown.
async fn first_payment(
    state: &AppState,
    order: &OpenOrder,
    cart: &Cart,
    customer: Option<&str>,
    offered: &str,
) -> Result<(Confirmed, bool), StripeFailure> {
    let mut token = state.orders.claim_create_token(&order.id, offered).await.map_err(database)?;
    loop {
        match state.payments.create_and_confirm(cart, &token, customer, &order.id).await {
            Ok(confirmed) => {
                link(state, &order.id, &confirmed.payment_intent_id, Some(&confirmed.client_secret)).await;
                return Ok((confirmed, false));
            }
            Err(failure) if failure.payment_intent.is_some() => {
                // A decline: the PaymentIntent exists and its events will fail the order; the
                // next press confirms it again.
                let pi = failure.payment_intent.as_deref().unwrap_or_default();
                link(state, &order.id, pi, failure.client_secret.as_deref()).await;
                return Err(failure);
            }
            // Stripe refused the token the order was waiting on: that token made nothing, so
            // the shopper's new one may take its place (once; another request may win).
            Err(failure) if failure.token_refused && token != offered => {
                if !state.orders.replace_create_token(&order.id, &token, offered).await.map_err(database)? {
                    return Err(failure);
                }
                token = offered.to_owned();
            }
            // The shopper's own token was refused: nothing was created; the order goes, and
            // the next press starts it again.
            Err(failure) if failure.token_refused => {
                state.orders.discard(&order.id).await.map_err(database)?;
                return Err(failure);
            }
            // A timeout, a lost connection, a 5xx, a 429 or a request still in flight prove
            // nothing: the order keeps its token, and a retry replays the same request.
            Err(failure) => return Err(failure),
        }
    }
}

/// The order has its PaymentIntent: report what Stripe holds, or confirm it again after a
/// decline. Never a second PaymentIntent.
async fn continue_payment(
    state: &AppState,
    payment_intent: &str,
    offered: &str,
) -> Result<(Confirmed, bool), StripeFailure> {
    let current = state.payments.retrieve(payment_intent).await?;
    if let Err(err) = state.orders.remember_secret(payment_intent, &current.client_secret).await {
        tracing::error!(%payment_intent, error = %err, "could not record the client secret's hash");
    }
    match current.status {
        PaymentIntentStatus::RequiresPaymentMethod | PaymentIntentStatus::RequiresConfirmation => {
            match state.payments.confirm_again(payment_intent, offered).await {
                Ok(confirmed) => Ok((confirmed, false)),
                // Another press confirmed it meanwhile: say what that did.
                Err(failure) if failure.code.as_deref() == Some("payment_intent_unexpected_state") => {
                    let now = state.payments.retrieve(payment_intent).await?;
                    match now.status {
                        PaymentIntentStatus::RequiresPaymentMethod => Err(failure),
                        _ => Ok((now, true)),
                    }
                }
                Err(failure) => Err(failure),
            }
        }
        PaymentIntentStatus::Canceled => Err(StripeFailure::from_error(AppError::new(
            StatusCode::CONFLICT,
            StripeError::new(
                ErrorType::InvalidRequestError,
                "This payment was cancelled. Reload the page to start a new checkout.",
            )
            .with_code("payment_intent_unexpected_state"),
        ))),
        _ => Ok((current, true)),
    }
}

/// Records the order's PaymentIntent. Stripe has already acted: a failure here must not turn
/// the shopper's success into an error. The webhook links and settles the order instead.
async fn link(state: &AppState, order_id: &str, payment_intent: &str, client_secret: Option<&str>) {
    if let Err(err) = state.orders.attach_payment_intent(order_id, payment_intent, client_secret).await {
        tracing::error!(order = %order_id, %payment_intent, error = %err, "could not record the PaymentIntent on the order; its webhook will");
    }
}

/// Refuses a client that had too many declines lately (card testing).
async fn refuse_card_testing(state: &AppState, client: ClientIp) -> Result<(), AppError> {
    let Some(rate) = state.config.limits.declines else { return Ok(()) };
    let now = chrono::Utc::now().timestamp();
    let window = rate.period.as_secs() as i64;
    match state.orders.declined_until(&client.key(), rate.count, window, now).await? {
        Some(until) if until > now => {
            tracing::warn!(client = %client.0, until, "confirm refused: too many declines from this client");
            Err(AppError::rate_limited(
                "Too many declined payments. Please wait before trying again.",
                (until - now) as u64,
            ))
        }
        _ => Ok(()),
    }
}

fn database(err: sqlx::Error) -> StripeFailure {
    StripeFailure::from_error(AppError::from(err))
}
