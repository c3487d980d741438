//! Confirming a PaymentIntent: the state machine
//! `requires_payment_method -> requires_action -> succeeded`, or back to
//! `requires_payment_method` with `last_payment_error` when the card is declined.

use axum::http::StatusCode;
use serde_json::{Value, json};
use stripe_common::{ErrorType, StripeError};

use crate::cards::{self, Outcome};
use crate::error::ApiError;
use crate::ids;
use crate::objects::{
    Card, NextAction, PaymentError, PaymentIntent, PaymentMethod, Status, billing_details_from, shipping_from,
};
use crate::params::Params;
use crate::store::Store;

/// Where the payment method comes from, and what else the confirm call set.
#[derive(Debug, Default)]
pub struct ConfirmWith {
    confirmation_token: Option<String>,
    payment_method: Option<String>,
    return_url: Option<String>,
    shipping: Option<crate::objects::Shipping>,
}

impl ConfirmWith {
    pub fn from_params(p: &Params) -> Result<Self, ApiError> {
        let with = Self {
            confirmation_token: p.str("confirmation_token")?.map(str::to_owned),
            payment_method: p.str("payment_method")?.map(str::to_owned),
            return_url: p.str("return_url")?.map(str::to_owned),
            shipping: shipping_from(p.hash("shipping")?)?,
        };
        if with.confirmation_token.is_some() && with.payment_method.is_some() {
            return Err(ApiError::invalid_request(
                "You may only specify one of these parameters: confirmation_token, payment_method.",
            ));
        }
        Ok(with)
    }
}

/// Confirms PaymentIntent `id` (which exists) and answers what Stripe answers: the
/// PaymentIntent, or a 402 card error carrying it.
pub fn run(store: &mut Store, now: i64, public_url: &str, id: &str, with: ConfirmWith) -> Result<Value, ApiError> {
    let intent = store.payment_intent(id).cloned().ok_or_else(|| ApiError::no_such("payment_intent", id, "intent"))?;
    if !matches!(intent.status, Status::RequiresPaymentMethod | Status::RequiresConfirmation | Status::RequiresAction) {
        return Err(unexpected_state(&intent));
    }
    // Checked before anything is created: a refused confirmation leaves no PaymentMethod behind.
    let token = match &with.confirmation_token {
        Some(id) => Some(
            store
                .confirmation_tokens
                .get(id)
                .ok_or_else(|| ApiError::no_such("confirmation_token", id, "confirmation_token"))?,
        ),
        None => None,
    };
    let token_return_url = token.and_then(|token| token.return_url.as_ref());
    if intent.allows_redirects()
        && with.return_url.is_none()
        && intent.return_url.is_none()
        && token_return_url.is_none()
    {
        return Err(ApiError::param_missing("return_url").with_message(
            "This PaymentIntent is configured to accept payment methods enabled in your Dashboard. Because some of these \
             payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't \
             want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and \
             `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
        ));
    }
    let mut intent = intent;
    if let Some(url) = with.return_url.clone() {
        intent.return_url = Some(url);
    }
    let card = resolve_payment_method(store, now, &mut intent, &with)?;
    if let Some(shipping) = with.shipping {
        intent.shipping = Some(shipping);
    }
    // The token is spent once the confirmation is attempted, whatever the outcome.
    if let Some(token_id) = &with.confirmation_token
        && let Some(token) = store.confirmation_tokens.get_mut(token_id)
    {
        token.payment_intent = Some(intent.id.clone());
    }

    intent.last_payment_error = None;
    intent.next_action = None;
    // Without a return_url there is nowhere to come back to: Stripe.js authenticates in a modal.
    let outcome = match cards::outcome(&card.number) {
        Outcome::AuthenticateByRedirect if intent.return_url.is_none() => Outcome::Authenticate,
        outcome => outcome,
    };
    let result = match outcome {
        Outcome::Succeed => {
            succeed(store, now, &mut intent);
            Ok(())
        }
        Outcome::Authenticate => {
            intent.status = Status::RequiresAction;
            intent.next_action = Some(NextAction::UseStripeSdk { source: ids::new_id("src") });
            Ok(())
        }
        Outcome::AuthenticateByRedirect => {
            intent.status = Status::RequiresAction;
            let return_url = intent.return_url.clone().unwrap_or_default();
            let url = format!(
                "{public_url}/three_d_secure/{}?client_secret={}&return_url={}",
                intent.id,
                intent.client_secret,
                form_urlencoded::byte_serialize(return_url.as_bytes()).collect::<String>()
            );
            intent.next_action = Some(NextAction::RedirectToUrl { url, return_url });
            Ok(())
        }
        Outcome::Decline(error) => {
            let mut error = *error;
            let failure = (error.code.clone().unwrap_or_default(), error.message.clone().unwrap_or_default());
            let charge = store.charge(now, &intent, Some(failure));
            intent.status = Status::RequiresPaymentMethod;
            intent.latest_charge = Some(charge.clone());
            let payment_method = store
                .payment_methods
                .get(intent.payment_method.as_deref().unwrap_or_default())
                .map(PaymentMethod::to_json);
            error.param = None;
            intent.last_payment_error = Some(PaymentError {
                error: error.clone(),
                charge: Some(charge.clone()),
                payment_method: payment_method.clone(),
            });
            intent.payment_method = None;
            Err((error, charge, payment_method))
        }
    };
    let rendered = intent.to_json();
    if let Some(stored) = store.payment_intent_mut(id) {
        *stored = intent;
    }
    match result {
        Ok(()) => Ok(rendered),
        Err((error, charge, payment_method)) => Err(ApiError::new(StatusCode::PAYMENT_REQUIRED, error)
            .attach("charge", json!(charge))
            .attach("payment_intent", rendered)
            .attach("payment_method", payment_method.unwrap_or(Value::Null))),
    }
}

/// Finds the card to charge, creating the PaymentMethod a ConfirmationToken or test id stands
/// for, and records it on the intent.
fn resolve_payment_method(
    store: &mut Store,
    now: i64,
    intent: &mut PaymentIntent,
    with: &ConfirmWith,
) -> Result<Card, ApiError> {
    if let Some(token_id) = &with.confirmation_token {
        let token = store
            .confirmation_tokens
            .get(token_id)
            .ok_or_else(|| ApiError::no_such("confirmation_token", token_id, "confirmation_token"))?;
        if token.payment_intent.is_some() {
            return Err(ApiError::param_invalid(
                "confirmation_token",
                "This ConfirmationToken has already been used to confirm a PaymentIntent or SetupIntent. Create a new ConfirmationToken.",
            ));
        }
        if now >= token.expires_at() {
            return Err(ApiError::param_invalid(
                "confirmation_token",
                "This ConfirmationToken has expired. Create a new ConfirmationToken.",
            ));
        }
        let token = token.clone();
        if intent.return_url.is_none() {
            intent.return_url = token.return_url.clone();
        }
        if intent.shipping.is_none() {
            intent.shipping = token.shipping.clone();
        }
        if intent.setup_future_usage.is_none() {
            intent.setup_future_usage = token.setup_future_usage.clone();
        }
        if let (Some(saved), Some(owner)) = (&token.saved_payment_method, &token.customer) {
            return use_saved_payment_method(store, intent, saved, owner);
        }
        let card = attach_new_payment_method(store, now, intent, token.card, token.billing_details);
        if let Some(pm) = intent.payment_method.as_ref().and_then(|id| store.payment_methods.get_mut(id)) {
            pm.allow_redisplay = token.allow_redisplay;
        }
        return Ok(card);
    }
    let pm_id = with.payment_method.clone().or_else(|| intent.payment_method.clone()).ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            StripeError::new(
                ErrorType::InvalidRequestError,
                "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the \
                 PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment \
                 method or ConfirmationToken.",
            )
            .with_code("payment_intent_unexpected_state"),
        )
    })?;
    if let Some(pm) = store.payment_methods.get(&pm_id) {
        let card = pm
            .card
            .clone()
            .ok_or_else(|| ApiError::param_invalid("payment_method", "This PaymentMethod is not a card."))?;
        intent.payment_method = Some(pm.id.clone());
        return Ok(card);
    }
    let number = cards::test_payment_method_number(&pm_id)
        .ok_or_else(|| ApiError::no_such("PaymentMethod", &pm_id, "payment_method"))?;
    let card = Card { number: number.into(), exp_month: 12, exp_year: 2034 };
    Ok(attach_new_payment_method(store, now, intent, card, billing_details_from(None).unwrap_or_default()))
}

/// A saved PaymentMethod is used with its customer, or not at all.
fn use_saved_payment_method(
    store: &Store,
    intent: &mut PaymentIntent,
    id: &str,
    owner: &str,
) -> Result<Card, ApiError> {
    let pm = store
        .payment_methods
        .get(id)
        .filter(|pm| pm.customer.as_deref() == Some(owner))
        .ok_or_else(|| ApiError::no_such("PaymentMethod", id, "payment_method"))?;
    if intent.customer.as_deref() != Some(owner) {
        return Err(ApiError::param_invalid(
            "customer",
            format!(
                "The PaymentMethod {id} belongs to the Customer {owner}. Please include the Customer in the `customer` parameter on the PaymentIntent."
            ),
        ));
    }
    let card = pm.card.clone().ok_or_else(|| ApiError::no_such("PaymentMethod", id, "payment_method"))?;
    intent.payment_method = Some(pm.id.clone());
    Ok(card)
}

/// The payment went through: record the charge, and keep the card for the customer when the
/// shopper asked to save it (`setup_future_usage`).
pub fn succeed(store: &mut Store, now: i64, intent: &mut PaymentIntent) {
    intent.status = Status::Succeeded;
    intent.latest_charge = Some(store.charge(now, intent, None));
    intent.next_action = None;
    if let (Some(_), Some(customer)) = (&intent.setup_future_usage, &intent.customer)
        && let Some(pm) = intent.payment_method.as_ref().and_then(|id| store.payment_methods.get_mut(id))
    {
        pm.customer.get_or_insert_with(|| customer.clone());
    }
}

fn attach_new_payment_method(
    store: &mut Store,
    now: i64,
    intent: &mut PaymentIntent,
    card: Card,
    billing_details: Value,
) -> Card {
    intent.payment_method = Some(store.new_payment_method(now, Some(card.clone()), billing_details));
    card
}

fn unexpected_state(intent: &PaymentIntent) -> ApiError {
    let status = intent.status.as_str();
    ApiError::new(
        StatusCode::BAD_REQUEST,
        StripeError::new(
            ErrorType::InvalidRequestError,
            format!("You cannot confirm this PaymentIntent because it has a status of {status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action."),
        )
        .with_code("payment_intent_unexpected_state"),
    )
    .attach("payment_intent", intent.to_json())
}
