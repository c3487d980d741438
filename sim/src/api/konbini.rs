//! Konbini: the options checked at PaymentIntent creation, confirmation (as Stripe.js's
//! `confirmKonbiniPayment` does it, or from a server) with Stripe's test values, the
//! instructions and voucher, and what later happens at the store on the stand-in's clock.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use rand::Rng;
use serde_json::{Value, json};
use stripe_common::konbini::{
    DEFAULT_EXPIRES_AFTER_DAYS, KonbiniRuleError, MAX_AMOUNT, MIN_AMOUNT, check_confirmation_number,
    check_product_description, expires_after_days_at,
};
use stripe_common::{ErrorType, StripeError};

use crate::error::ApiError;
use crate::objects::{
    KonbiniOptions, NextAction, PaymentError, PaymentIntent, PaymentMethod, Pending, Status, billing_details_from,
};
use crate::params::Params;
use crate::store::{Store, Voucher};
use crate::{Sim, ids};

const OPTIONS: &str = "payment_method_options[konbini]";
/// A confirmation number that Stripe rejects in test mode as used too often.
const REJECTED_CONFIRMATION_NUMBER: &str = "01234567890";
const THREE_MINUTES: i64 = 3 * 60;
const SIXTY_DAYS: i64 = 60 * 24 * 60 * 60;

/// `payment_method_options[konbini][...]` of a PaymentIntent, checked as Stripe checks them.
pub fn options(p: &Params, currency: &str, amount: i64, now: i64) -> Result<KonbiniOptions, ApiError> {
    if currency != "jpy" {
        return Err(ApiError::param_invalid(
            "currency",
            format!(
                "The currency provided ({currency}) is invalid. Payments with konbini support the following currencies: jpy."
            ),
        ));
    }
    if !(MIN_AMOUNT..=MAX_AMOUNT).contains(&amount) {
        return Err(ApiError::param_invalid(
            "amount",
            format!("Konbini payments must be between ¥{MIN_AMOUNT} and ¥{MAX_AMOUNT}."),
        ));
    }
    let options = p.hash("payment_method_options")?.and_then(|o| o.hash("konbini").ok().flatten()).unwrap_or_default();
    options.allow_only(&[
        "product_description",
        "expires_after_days",
        "expires_at",
        "confirmation_number",
        "setup_future_usage",
    ])?;
    let param = |name: &str| format!("{OPTIONS}[{name}]");
    let product_description = options.str("product_description")?.map(str::to_owned);
    if let Some(description) = &product_description {
        check_product_description(description).map_err(|problem| {
            ApiError::param_invalid(&param("product_description"), match problem {
                KonbiniRuleError::TooLong { max } => format!("product_description must be at most {max} characters long."),
                KonbiniRuleError::NotShiftJis { characters } => format!(
                    "product_description contains characters that convenience stores cannot display: {characters}. Use Shift JIS (JIS X 0208:1997) characters only."
                ),
                _ => "product_description must not be empty.".to_owned(),
            })
        })?;
    }
    let expires_after_days = options.int("expires_after_days")?;
    let expires_at = options.int("expires_at")?;
    if expires_after_days.is_some() && expires_at.is_some() {
        return Err(ApiError::invalid_request(
            "You may only specify one of these parameters: expires_after_days, expires_at.",
        )
        .with_code("parameter_invalid"));
    }
    let expires_after_days = expires_after_days
        .map(|days| {
            u32::try_from(days).ok().filter(|d| (1..=60).contains(d)).ok_or_else(|| {
                ApiError::param_invalid(&param("expires_after_days"), "expires_after_days must be between 1 and 60.")
            })
        })
        .transpose()?;
    if let Some(at) = expires_at
        && (at <= now + 30 * 60 || at >= now + SIXTY_DAYS)
    {
        return Err(ApiError::param_invalid(
            &param("expires_at"),
            "expires_at must be more than 30 minutes and less than 60 days in the future.",
        ));
    }
    let confirmation_number = options.str("confirmation_number")?.map(str::to_owned);
    if let Some(number) = &confirmation_number {
        check_number(number, &param("confirmation_number"))?;
    }
    Ok(KonbiniOptions { product_description, expires_after_days, expires_at, confirmation_number })
}

fn check_number(number: &str, param: &str) -> Result<(), ApiError> {
    check_confirmation_number(number).map_err(|_| {
        ApiError::param_invalid(
            param,
            "confirmation_number must be a string of 10 or 11 digits and cannot be all zeros.",
        )
    })
}

/// What Stripe's test mode does with a confirmation: the special confirmation numbers win over
/// the email patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TestOutcome {
    SucceedAfterThreeMinutes,
    SucceedImmediately,
    ExpireImmediately,
    ExpireAfterThreeMinutes,
    NeverPaid,
}

fn test_outcome(confirmation_number: Option<&str>, email: &str) -> TestOutcome {
    match confirmation_number {
        Some("11111111110") => TestOutcome::SucceedAfterThreeMinutes,
        Some("22222222220") => TestOutcome::SucceedImmediately,
        Some("33333333330") => TestOutcome::ExpireImmediately,
        Some("44444444440") => TestOutcome::ExpireAfterThreeMinutes,
        Some("55555555550") => TestOutcome::NeverPaid,
        _ if email.contains("succeed_immediately@") => TestOutcome::SucceedImmediately,
        _ if email.contains("expire_immediately@") => TestOutcome::ExpireImmediately,
        _ if email.contains("expire_with_delay@") => TestOutcome::ExpireAfterThreeMinutes,
        _ if email.contains("fill_never@") => TestOutcome::NeverPaid,
        _ => TestOutcome::SucceedAfterThreeMinutes,
    }
}

/// Confirms PaymentIntent `intent` with `payment_method_data[type]=konbini`.
pub fn confirm(store: &mut Store, now: i64, public_url: &str, id: &str, p: &Params) -> Result<PaymentIntent, ApiError> {
    let mut intent =
        store.payment_intent(id).cloned().ok_or_else(|| ApiError::no_such("payment_intent", id, "intent"))?;
    if !intent.payment_method_types.iter().any(|t| t == "konbini") {
        return Err(ApiError::param_invalid(
            "payment_method_data[type]",
            format!(
                "The payment method type provided: konbini is invalid. This PaymentIntent was created with payment_method_types: [{}].",
                intent.payment_method_types.join(", ")
            ),
        ));
    }
    // A pending konbini payment may be confirmed again: new instructions replace the old.
    if !matches!(intent.status, Status::RequiresPaymentMethod | Status::RequiresAction) {
        return Err(ApiError::invalid_request(format!(
            "You cannot confirm this PaymentIntent because it has a status of {}.",
            intent.status.as_str()
        ))
        .with_code("payment_intent_unexpected_state"));
    }
    let data = p.hash("payment_method_data")?.unwrap_or_default();
    data.allow_only(&["type", "billing_details"])?;
    let billing = data.hash("billing_details")?.unwrap_or_default();
    for required in ["name", "email"] {
        if billing.str(required)?.is_none_or(|v| v.trim().is_empty()) {
            return Err(ApiError::param_missing(&format!("payment_method_data[billing_details][{required}]")));
        }
    }
    let email = billing.str("email")?.unwrap_or_default().to_owned();
    let options = p.hash("payment_method_options")?.and_then(|o| o.hash("konbini").ok().flatten()).unwrap_or_default();
    let konbini = intent.konbini.clone().unwrap_or_default();
    let number = options.str("confirmation_number")?.map(str::to_owned).or(konbini.confirmation_number.clone());
    if let Some(number) = &number {
        check_number(number, &format!("{OPTIONS}[confirmation_number]"))?;
        if number == REJECTED_CONFIRMATION_NUMBER {
            let error = StripeError::new(
                ErrorType::InvalidRequestError,
                "The confirmation number was rejected because it is used too often in ongoing konbini payments. \
                 Use another confirmation number, or leave it out and Stripe will generate one.",
            )
            .with_code("payment_intent_konbini_rejected_confirmation_number")
            .with_param(format!("{OPTIONS}[confirmation_number]"));
            return Err(ApiError::new(StatusCode::BAD_REQUEST, error));
        }
    }

    let outcome = test_outcome(number.as_deref(), &email);
    let expires_at = match outcome {
        TestOutcome::ExpireImmediately => now,
        TestOutcome::ExpireAfterThreeMinutes => now + THREE_MINUTES,
        _ => konbini.expires_at.unwrap_or_else(|| {
            expires_after_days_at(now, konbini.expires_after_days.unwrap_or(DEFAULT_EXPIRES_AFTER_DAYS))
        }),
    };
    intent.pending = Some(match outcome {
        TestOutcome::SucceedAfterThreeMinutes => Pending::SucceedAt(now + THREE_MINUTES),
        TestOutcome::SucceedImmediately => Pending::SucceedAt(now),
        _ => Pending::ExpireAt(expires_at),
    });

    intent.payment_method =
        Some(store.new_payment_method(now, intent.account.as_deref(), None, billing_details_from(Some(billing))?));

    if let Some(old) = intent.voucher.take().and_then(|v| store.vouchers.get_mut(&v)) {
        old.active = false;
    }
    let voucher_id = ids::new_id("voucher");
    let confirmation_number = number.unwrap_or_else(|| digits(11));
    let (code, loppi_code, seicomart_code) = (digits(6), digits(6), digits(6));
    let store_details =
        |payment_code: &str| json!({"confirmation_number": confirmation_number, "payment_code": payment_code});
    let details = json!({
        "expires_at": expires_at,
        "hosted_voucher_url": format!("{public_url}/konbini/vouchers/{voucher_id}"),
        "stores": {
            "familymart": store_details(&code),
            "lawson": store_details(&loppi_code),
            "ministop": store_details(&loppi_code),
            "seicomart": store_details(&seicomart_code),
        },
    });
    store
        .vouchers
        .insert(voucher_id.clone(), Voucher { intent: intent.id.clone(), details: details.clone(), active: true });
    intent.voucher = Some(voucher_id);
    intent.status = Status::RequiresAction;
    intent.last_payment_error = None;
    intent.next_action = Some(NextAction::KonbiniDisplayDetails(details));
    if let Some(stored) = store.payment_intent_mut(id) {
        *stored = intent.clone();
    }
    Ok(intent)
}

fn digits(n: usize) -> String {
    let mut rng = rand::rng();
    (0..n).map(|i| char::from(b'0' + if i == 0 { rng.random_range(1..10) } else { rng.random_range(0..10) })).collect()
}

/// Applies what has happened at the stores by `now`: payments made, instructions expired.
pub fn settle(store: &mut Store, now: i64) {
    let due: Vec<String> = store
        .payment_intents
        .iter()
        .filter(|pi| pi.status == Status::RequiresAction && pi.pending.is_some_and(|p| p.due(now)))
        .map(|pi| pi.id.clone())
        .collect();
    for id in due {
        let Some(mut intent) = store.payment_intent(&id).cloned() else { continue };
        match intent.pending.take() {
            Some(Pending::SucceedAt(_)) => super::confirm::succeed(store, now, &mut intent),
            Some(Pending::ExpireAt(_)) => {
                let payment_method = intent
                    .payment_method
                    .take()
                    .and_then(|pm| store.payment_methods.get(&pm))
                    .map(PaymentMethod::to_json);
                intent.status = Status::RequiresPaymentMethod;
                intent.next_action = None;
                intent.last_payment_error = Some(PaymentError {
                    error: crate::error::invalid_request_with_doc(
                        "payment_intent_payment_attempt_expired",
                        "The payment attempt for this PaymentIntent has expired: the konbini payment was not made before the deadline.",
                    ),
                    charge: None,
                    payment_method,
                });
            }
            None => {}
        }
        if let Some(voucher) = intent.voucher.as_ref().and_then(|v| store.vouchers.get_mut(v)) {
            voucher.active = false;
        }
        if let Some(stored) = store.payment_intent_mut(&id) {
            *stored = intent;
        }
    }
}

/// `GET /konbini/vouchers/{id}/details`: what the hosted voucher page shows. The unguessable id is
/// the credential, as for Stripe's hosted voucher URLs.
pub async fn voucher(State(sim): State<Arc<Sim>>, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    sim.apply(|store| {
        let voucher = store.vouchers.get(&id).ok_or_else(|| ApiError::no_such("voucher", &id, "voucher"))?;
        let intent = store
            .payment_intent(&voucher.intent)
            .ok_or_else(|| ApiError::no_such("payment_intent", &voucher.intent, "intent"))?;
        Ok(Json(json!({
            "active": voucher.active,
            "amount": intent.amount,
            "currency": intent.currency,
            "status": intent.status,
            "product_description": intent.konbini.as_ref().and_then(|k| k.product_description.clone()),
            "konbini_display_details": voucher.details,
        })))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_confirmation_numbers_win_over_email_patterns() {
        assert_eq!(
            test_outcome(Some("22222222220"), "x+expire_immediately@example.com"),
            TestOutcome::SucceedImmediately
        );
        assert_eq!(test_outcome(None, "jenny+expire_immediately@example.com"), TestOutcome::ExpireImmediately);
        assert_eq!(test_outcome(Some("09012345678"), "jenny+fill_never@example.com"), TestOutcome::NeverPaid);
        assert_eq!(test_outcome(None, "jenny@example.com"), TestOutcome::SucceedAfterThreeMinutes);
        assert_eq!(test_outcome(Some("44444444440"), "jenny@example.com"), TestOutcome::ExpireAfterThreeMinutes);
    }
}
