//! ConfirmationTokens: created by Stripe.js with a publishable key from the card the shopper
//! typed or the buy-now-pay-later method chosen, or (test mode, secret key) by the test helper
//! from a test PaymentMethod id or payment method data.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Datelike};
use serde_json::Value;
use stripe_common::{ErrorType, StripeError};

use crate::api_keys::Key;
use crate::bnpl::Bnpl;
use crate::cards::{self, CardInput};
use crate::error::ApiError;
use crate::objects::{Card, ConfirmationToken, Paying, Within, billing_details_from, shipping_from};
use crate::params::{Params, StripeRequest};
use crate::{Sim, ids};

const CREATE_PARAMS: &[&str] = &["payment_method_data", "return_url", "shipping", "setup_future_usage", "expand"];
/// Stripe.js also sends a saved PaymentMethod chosen in the Payment Element, with the
/// CustomerSession that allowed showing it.
const STRIPE_JS_PARAMS: &[&str] = &[
    "payment_method_data",
    "return_url",
    "shipping",
    "setup_future_usage",
    "expand",
    "payment_method",
    "customer_session_client_secret",
];

/// `POST /v1/confirmation_tokens`: what `stripe.createConfirmationToken` calls.
pub async fn create_from_stripe_js(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    if matches!(req.key, Key::Secret(_)) {
        return Err(ApiError::invalid_request(
            "ConfirmationTokens are created by Stripe.js with a publishable key. In tests, \
             use POST /v1/test_helpers/confirmation_tokens with a secret key.",
        ));
    }
    let p = &req.params;
    p.allow_only(STRIPE_JS_PARAMS)?;
    if let Some(saved) = p.str("payment_method")? {
        return saved_card_token(&sim, &req, saved);
    }
    let data = p.hash("payment_method_data")?.ok_or_else(|| ApiError::param_missing("payment_method_data"))?;
    let PaymentData { paying, billing_details, allow_redisplay } = payment_data(data, sim.clock.now())?;
    insert_token(&sim, &req, TokenSource { paying, billing_details, allow_redisplay, saved: None })
}

/// A new PaymentMethod's details as Stripe.js sends them in `payment_method_data[...]`.
#[derive(Debug, Clone)]
pub struct PaymentData {
    pub paying: Paying,
    pub billing_details: Value,
    pub allow_redisplay: String,
}

/// `payment_method_data[type]=card` with `[card][...]`, or a buy-now-pay-later type, with
/// `[billing_details][...]` and `[allow_redisplay]`, as Stripe.js sends them to create a
/// ConfirmationToken or to confirm an intent; the card checked as Stripe checks it, and the
/// billing details each provider needs (Klarna: email and country; Afterpay, Affirm and Zip:
/// name and email).
pub(super) fn payment_data(data: Params, now: i64) -> Result<PaymentData, ApiError> {
    data.allow_only(&["type", "card", "billing_details", "allow_redisplay"])?;
    let billing_details = billing_details_from(data.hash("billing_details")?)?;
    let paying = match data.str("type")? {
        Some("card") => Paying::Card(new_card(data.hash("card")?, "payment_method_data[card]", now)?),
        Some(other) => match Bnpl::from_type(other) {
            Some(bnpl) => {
                require_billing_details(bnpl, &billing_details)?;
                Paying::Bnpl(bnpl)
            }
            None => {
                return Err(ApiError::param_invalid(
                    "payment_method_data[type]",
                    format!("The stand-in does not support payment method type `{other}` here."),
                ));
            }
        },
        None => return Err(ApiError::param_missing("payment_method_data[type]")),
    };
    Ok(PaymentData {
        paying,
        billing_details,
        allow_redisplay: allow_redisplay(data.str("allow_redisplay")?, "payment_method_data[allow_redisplay]")?,
    })
}

/// What Stripe requires of a buy-now-pay-later PaymentMethod's billing details.
fn require_billing_details(bnpl: Bnpl, details: &Value) -> Result<(), ApiError> {
    let needed: &[(&str, &[&str])] = match bnpl {
        Bnpl::Klarna => &[("email", &["email"]), ("address][country", &["address", "country"])],
        _ => &[("name", &["name"]), ("email", &["email"])],
    };
    for (param, path) in needed {
        let value = path.iter().fold(details, |v, key| &v[*key]);
        if value.as_str().is_none_or(str::is_empty) {
            return Err(ApiError::param_missing(&format!("payment_method_data[billing_details][{param}]")));
        }
    }
    Ok(())
}

/// A token for a saved card the CustomerSession lets this page use.
fn saved_card_token(sim: &Sim, req: &StripeRequest, id: &str) -> Result<Json<Value>, ApiError> {
    let source = sim.apply(|store| {
        let session = super::customer_sessions::session(store, sim.clock.now(), req)?;
        let (pm, card) = store
            .payment_methods
            .get(id)
            .within(req.scope())
            .filter(|pm| pm.customer.as_deref() == Some(session.customer.as_str()))
            .and_then(|pm| Some((pm, pm.card.clone()?)))
            .ok_or_else(|| ApiError::no_such("PaymentMethod", id, "payment_method"))?;
        Ok(TokenSource {
            paying: Paying::Card(card),
            billing_details: pm.billing_details.clone(),
            allow_redisplay: pm.allow_redisplay.clone(),
            saved: Some((pm.id.clone(), session.customer.clone())),
        })
    })?;
    insert_token(sim, req, source)
}

/// What a token pays with: new card details or a buy-now-pay-later method, or a saved
/// PaymentMethod (id, customer).
struct TokenSource {
    paying: Paying,
    billing_details: Value,
    allow_redisplay: String,
    saved: Option<(String, String)>,
}

/// `POST /v1/test_helpers/confirmation_tokens`: a token from a test PaymentMethod id
/// (`payment_method=pm_card_visa`) or from `payment_method_data` (a buy-now-pay-later method:
/// `payment_method_data[type]=klarna`), for server-side tests.
pub async fn create_test_helper(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    let mut allowed = CREATE_PARAMS.to_vec();
    allowed.push("payment_method");
    p.allow_only(&allowed)?;
    if let Some(data) = p.hash("payment_method_data")?.filter(|_| p.get("payment_method").is_none()) {
        let PaymentData { paying, billing_details, allow_redisplay } = payment_data(data, sim.clock.now())?;
        return insert_token(&sim, &req, TokenSource { paying, billing_details, allow_redisplay, saved: None });
    }
    let id = p.required_str("payment_method")?;
    let number = cards::test_payment_method_number(id)
        .ok_or_else(|| ApiError::no_such("PaymentMethod", id, "payment_method"))?;
    let card = Card { number: number.into(), exp_month: 12, exp_year: year_month(sim.clock.now()).0 + 3 };
    let source = TokenSource {
        paying: Paying::Card(card),
        billing_details: billing_details_from(None)?,
        allow_redisplay: "unspecified".into(),
        saved: None,
    };
    insert_token(&sim, &req, source)
}

/// The token, on the account the request is made on.
fn insert_token(sim: &Sim, req: &StripeRequest, source: TokenSource) -> Result<Json<Value>, ApiError> {
    let p = &req.params;
    let (saved_payment_method, customer) = source.saved.unzip();
    let token = ConfirmationToken {
        id: ids::new_id("ctoken"),
        account: req.account.clone(),
        created: sim.clock.now(),
        paying: source.paying,
        billing_details: source.billing_details,
        saved_payment_method,
        customer,
        allow_redisplay: source.allow_redisplay,
        return_url: p.str("return_url")?.map(str::to_owned),
        shipping: shipping_from(p.hash("shipping")?)?,
        setup_future_usage: p.str("setup_future_usage")?.map(str::to_owned),
        used_by: None,
    };
    let json = token.to_json();
    sim.apply(|store| store.confirmation_tokens.insert(token.id.clone(), token));
    Ok(Json(json))
}

pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    super::retrieve_with_secret(&sim, &req, &id, ("confirmation_token", "confirmation_token"), |store| {
        store.confirmation_tokens.get(&id).within(req.scope()).map(|token| token.to_json())
    })
}

/// The card Stripe.js sends (`{prefix}[number]`, `[exp_month]`, `[exp_year]`, `[cvc]`), checked
/// as Stripe checks it when tokenizing: a 402 card error for a number, expiry or CVC it refuses.
/// Test cards that decline are fine here; they decline when a payment is confirmed.
pub(super) fn new_card(card: Option<Params>, prefix: &str, now: i64) -> Result<Card, ApiError> {
    let card = card_input(card.ok_or_else(|| ApiError::param_missing(prefix))?, prefix)?;
    card.validate(year_month(now)).map_err(|err| ApiError::new(StatusCode::PAYMENT_REQUIRED, err))?;
    Ok(Card { number: card.number, exp_month: card.exp_month, exp_year: card.exp_year })
}

/// A PaymentMethod's `allow_redisplay` as given in `param`; `unspecified` when absent.
pub(super) fn allow_redisplay(value: Option<&str>, param: &str) -> Result<String, ApiError> {
    match value.unwrap_or("unspecified") {
        v @ ("always" | "limited" | "unspecified") => Ok(v.to_owned()),
        other => Err(ApiError::param_invalid(param, format!("Invalid allow_redisplay: {other}"))),
    }
}

fn card_input(card: Params, prefix: &str) -> Result<CardInput, ApiError> {
    card.allow_only(&["number", "exp_month", "exp_year", "cvc"])?;
    let missing = |field: &str| ApiError::param_missing(&format!("{prefix}[{field}]"));
    let number: String = card
        .str("number")?
        .filter(|n| !n.is_empty())
        .ok_or_else(|| missing("number"))?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let exp_month = card.int("exp_month")?.ok_or_else(|| missing("exp_month"))?;
    let mut exp_year = card.int("exp_year")?.ok_or_else(|| missing("exp_year"))?;
    if exp_year < 100 {
        exp_year += 2000; // Stripe accepts two-digit years.
    }
    let bad = |param: &str| {
        ApiError::new(
            StatusCode::PAYMENT_REQUIRED,
            StripeError::new(ErrorType::CardError, "Your card's expiration date is invalid.").with_param(param),
        )
    };
    Ok(CardInput {
        number,
        exp_month: u32::try_from(exp_month).map_err(|_| bad("exp_month"))?,
        exp_year: i32::try_from(exp_year).map_err(|_| bad("exp_year"))?,
        cvc: card.str("cvc")?.unwrap_or_default().to_owned(),
    })
}

/// (year, month) in UTC at unix time `now`.
fn year_month(now: i64) -> (i32, u32) {
    DateTime::from_timestamp(now, 0).map(|t| (t.year(), t.month())).unwrap_or((1970, 1))
}
