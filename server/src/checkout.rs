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
//! - A marketplace seller's order is the same, by a new card (a destination charge on the
//!   platform) or by a saved card (a direct charge on the seller's account,
//!   `crate::marketplace`): both ways share the order, so a payment made one way is found, not
//!   repeated, when the shopper then tries the other.

use axum::http::StatusCode;
use checkout_api::stripe_common::{ErrorType, PaymentIntentStatus, StripeError};
use checkout_api::{Cart, ConfirmResponse};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::client::ClientIp;
use crate::error::AppError;
use crate::marketplace::Seller;
use crate::orders::{OpenOrder, PaymentMethodKind, SellerOrder};
use crate::payments::{Confirmed, DestinationCharge, StripeFailure};

/// Who pays: the signed-in customer, if any, and the client (for the card-testing count).
#[derive(Debug, Clone, Copy)]
pub struct Shopper<'a> {
    pub customer: Option<&'a str>,
    pub client: ClientIp,
}

/// How the shopper pays: the Payment Element's ConfirmationToken, or a card saved on the
/// platform (`pm_...`, a marketplace seller's direct charge).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way<'a> {
    Token(&'a str),
    SavedCard(&'a str),
}

impl<'a> Way<'a> {
    /// The way an order's create request was claimed with (`orders.create_token`).
    fn claimed(id: &'a str) -> Self {
        if id.starts_with("pm_") { Self::SavedCard(id) } else { Self::Token(id) }
    }

    fn id(self) -> &'a str {
        match self {
            Self::Token(id) | Self::SavedCard(id) => id,
        }
    }
}

/// A marketplace seller being paid, and its connected account.
#[derive(Debug, Clone, Copy)]
pub struct Payee<'a> {
    pub seller: &'a Seller,
    pub account: &'a str,
}

impl<'a> Payee<'a> {
    fn destination(self, amount: i64) -> DestinationCharge<'a> {
        DestinationCharge { account: self.account, application_fee_amount: self.seller.fee_on(amount) }
    }

    fn order(self, amount: i64) -> SellerOrder<'a> {
        SellerOrder {
            seller: self.seller.id,
            account: self.account,
            application_fee_amount: self.seller.fee_on(amount),
        }
    }
}

/// What the shopper asked for: the attempt, how they pay, and whom (none: the shop itself).
#[derive(Debug, Clone, Copy)]
pub struct Payment<'a> {
    pub attempt_id: &'a str,
    pub way: Way<'a>,
    pub payee: Option<Payee<'a>>,
    /// The add-on offer's variant the shopper was in (`crate::offers`), if any.
    pub offer_variant: Option<&'a str>,
}

pub async fn confirm(
    state: &AppState,
    payment: Payment<'_>,
    cart: &Cart,
    shopper: Shopper<'_>,
) -> Result<ConfirmResponse, AppError> {
    refuse_card_testing(state, shopper.client).await?;
    let now = chrono::Utc::now().timestamp();
    // The order exists before Stripe is called, so that no event can arrive for an order we do
    // not know; its status then moves by events only.
    let key = match payment.payee {
        None => order_key(payment.attempt_id, shopper.customer, cart),
        Some(payee) => keyed(&format!("seller-{}", payee.seller.id), payment.attempt_id, shopper.customer, cart),
    };
    let seller = payment.payee.map(|payee| payee.order(cart.total));
    let mut order = state.orders.open(&key, cart, PaymentMethodKind::Card, shopper.customer, seller, now).await?;
    if let Some(variant) = payment.offer_variant {
        order.offer_variant = state.orders.record_offer(&order, variant).await?;
    }
    if let (Some(discount), Some(customer)) = (&cart.discount, shopper.customer)
        && crate::discounts::is_single_use(&discount.code)
        && !state.orders.redeem(&discount.code, customer, &order.id, now).await?
    {
        return Err(crate::pricing::already_used(&discount.code));
    }
    let paid = match &order.payment_intent_id {
        Some(payment_intent) => continue_payment(state, &order, payment_intent, payment, shopper.customer).await,
        None => first_payment(state, &order, cart, shopper.customer, payment).await,
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
        stripe_account: confirmed.account,
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
    payment: Payment<'_>,
) -> Result<(Confirmed, bool), StripeFailure> {
    let offered = payment.way.id();
    let mut claimed = state
        .orders
        .claim_create_token(&order.id, offered, payment_account(payment.way, payment.payee))
        .await
        .map_err(database)?;
    loop {
        // The request the order was first asked with, whichever way the shopper pays now: a
        // retry is that very request (the same Idempotency-Key and parameters).
        let attempt = match Way::claimed(&claimed) {
            Way::Token(token) => {
                let destination = payment.payee.map(|payee| payee.destination(cart.total));
                let offer = order.offer_variant.as_deref();
                state.payments.create_and_confirm(cart, token, customer, (&order.id, offer), destination).await
            }
            Way::SavedCard(card) => match (customer, payment.payee) {
                (Some(customer), Some(payee)) => {
                    crate::marketplace::saved_card::charge(state, &order.id, cart, customer, card, payee).await
                }
                // The order key names the customer and the seller: a saved card's order has both.
                _ => Err(StripeFailure::from_error(other_way())),
            },
        };
        match attempt {
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
            Err(failure) if failure.token_refused && claimed != offered => {
                let account = payment_account(payment.way, payment.payee);
                if !state.orders.replace_create_token(&order.id, &claimed, offered, account).await.map_err(database)? {
                    return Err(failure);
                }
                claimed = offered.to_owned();
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

/// Where a PaymentIntent made this way lives: a saved card's direct charge on the seller's
/// account, anything else on the platform.
fn payment_account<'a>(way: Way<'_>, payee: Option<Payee<'a>>) -> Option<&'a str> {
    match (way, payee) {
        (Way::SavedCard(_), Some(payee)) => Some(payee.account),
        _ => None,
    }
}

/// The order has its PaymentIntent: report what Stripe holds, or confirm it again after a
/// decline. Never a second PaymentIntent.
async fn continue_payment(
    state: &AppState,
    order: &OpenOrder,
    payment_intent: &str,
    payment: Payment<'_>,
    customer: Option<&str>,
) -> Result<(Confirmed, bool), StripeFailure> {
    let account = order.payment_account.as_deref();
    let retrieve = || state.payments.retrieve_in(account, payment_intent);
    let current = retrieve().await?;
    if let Err(err) = state.orders.remember_secret(payment_intent, &current.client_secret).await {
        tracing::error!(%payment_intent, error = %err, "could not record the client secret's hash");
    }
    match current.status {
        PaymentIntentStatus::RequiresPaymentMethod | PaymentIntentStatus::RequiresConfirmation => {
            let again = match (payment.way, account, customer) {
                (Way::Token(token), None, _) => state.payments.confirm_again(payment_intent, token).await,
                (Way::SavedCard(card), Some(account), Some(customer)) => {
                    let (_, clone) = crate::marketplace::saved_card::shared_card(state, customer, card, account)
                        .await
                        .map_err(StripeFailure::from_error)?;
                    state.payments.confirm_again_on(account, payment_intent, &clone).await
                }
                // The PaymentIntent lives where the first way made it: the other way cannot
                // confirm it.
                _ => return Err(StripeFailure::from_error(other_way())),
            };
            match again {
                Ok(confirmed) => Ok((confirmed, false)),
                // Another press confirmed it meanwhile: say what that did.
                Err(failure) if failure.code.as_deref() == Some("payment_intent_unexpected_state") => {
                    let now = retrieve().await?;
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

/// A seller's order whose payment was started with a saved card, then tried with a new one
/// (or the other way round) after a decline: its PaymentIntent can be confirmed again only the
/// way it was made.
fn other_way() -> AppError {
    AppError::new(
        StatusCode::CONFLICT,
        StripeError::new(
            ErrorType::InvalidRequestError,
            "This payment was started with another card. Pay with that card again, or reload the page to start a new checkout.",
        )
        .with_code("payment_intent_unexpected_state"),
    )
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
