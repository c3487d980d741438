//! PaymentIntents: create (optionally confirming at once; on a connected account a direct charge,
//! or a destination charge for one, `connect_charges.rs`), retrieve, list, confirm, cancel.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use super::confirm::{self, ConfirmWith};
use crate::error::ApiError;
use crate::objects::{PaymentIntent, Status, Within, shipping_from};
use crate::params::{Params, StripeRequest};
use crate::{Sim, ids};

const CREATE_PARAMS: &[&str] = &[
    "amount",
    "currency",
    "automatic_payment_methods",
    "payment_method_types",
    "allowed_payment_method_types",
    "confirm",
    "confirmation_token",
    "payment_method",
    "return_url",
    "metadata",
    "description",
    "receipt_email",
    "customer",
    "capture_method",
    "setup_future_usage",
    "shipping",
    "expand",
    "use_stripe_sdk",
    "error_on_requires_action",
    "statement_descriptor",
    "statement_descriptor_suffix",
    "payment_method_options",
    "application_fee_amount",
    "on_behalf_of",
    "transfer_data",
];

const CONFIRM_PARAMS: &[&str] = &[
    "confirmation_token",
    "payment_method",
    "payment_method_data",
    "return_url",
    "expand",
    "use_stripe_sdk",
    "receipt_email",
    "setup_future_usage",
    "shipping",
    "error_on_requires_action",
    "payment_method_options",
    "client_secret",
];

pub async fn create(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(CREATE_PARAMS)?;
    let currency = currency(p)?;
    let amount = p.int("amount")?.ok_or_else(|| ApiError::param_missing("amount"))?;
    check_minimum(amount, &currency)?;
    let (automatic_payment_methods, mut payment_method_types) = payment_methods(p)?;
    if let Some(apm) = automatic_payment_methods.as_ref().filter(|apm| apm["enabled"] == true) {
        // Stripe lists the methods the Dashboard enables that are eligible for the payment.
        payment_method_types = crate::bnpl::automatic_types(&currency, amount, apm["allow_redirects"] != "never");
    }
    let capture_method = match p.str("capture_method")?.unwrap_or("automatic_async") {
        m @ ("automatic" | "automatic_async" | "manual") => m.to_owned(),
        other => return Err(ApiError::param_invalid("capture_method", format!("Invalid capture_method: {other}"))),
    };
    let konbini = if payment_method_types.iter().any(|t| t == "konbini") {
        Some(super::konbini::options(p, &currency, amount, sim.clock.now())?)
    } else {
        None
    };
    let connect = super::connect_charges::from_params(p, amount, req.scope())?;
    let id = ids::new_id("pi");
    let intent = PaymentIntent {
        client_secret: ids::client_secret(&id),
        id,
        account: req.account.clone(),
        created: sim.clock.now(),
        amount,
        currency,
        status: Status::RequiresPaymentMethod,
        automatic_payment_methods,
        payment_method_types,
        payment_method: None,
        latest_charge: None,
        last_payment_error: None,
        next_action: None,
        metadata: p.metadata()?,
        description: p.str("description")?.map(str::to_owned),
        receipt_email: p.str("receipt_email")?.map(str::to_owned),
        customer: p.str("customer")?.map(str::to_owned),
        capture_method,
        setup_future_usage: p.str("setup_future_usage")?.map(str::to_owned),
        shipping: shipping_from(p.hash("shipping")?)?,
        return_url: p.str("return_url")?.map(str::to_owned),
        canceled_at: None,
        cancellation_reason: None,
        konbini,
        pending: None,
        voucher: None,
        application_fee_amount: connect.application_fee_amount,
        on_behalf_of: connect.on_behalf_of.clone(),
        transfer_data: connect.transfer_data.clone(),
    };
    let confirm_now = p.bool("confirm")?.unwrap_or(false);
    let with = confirm_now.then(|| ConfirmWith::from_params(p, sim.clock.now())).transpose()?;
    if !confirm_now && p.get("confirmation_token").is_some() {
        return Err(ApiError::param_invalid(
            "confirmation_token",
            "confirmation_token can only be used with confirm=true.",
        ));
    }

    sim.apply(|store| {
        super::connect_charges::check_accounts(store, &connect)?;
        if let Some(customer) = &intent.customer
            && store.customers.get(customer).within(req.scope()).is_none()
        {
            return Err(ApiError::no_such("customer", customer, "customer"));
        }
        match with {
            Some(with) => confirm::create_confirmed(store, sim.clock.now(), sim.public_url(), intent, with).map(Json),
            None => {
                let json = intent.to_json();
                store.payment_intents.push(intent);
                Ok(Json(json))
            }
        }
    })
}

/// `POST /v1/payment_intents/{id}/confirm`, from a server (secret key) or from Stripe.js
/// (publishable key and the PaymentIntent's client secret, which then sees only public fields).
pub async fn confirm(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    let p = &req.params;
    p.allow_only(CONFIRM_PARAMS)?;
    let (now, public_url) = (sim.clock.now(), sim.public_url());
    super::intents::confirm::<PaymentIntent>(&sim, &id, &req, |store| {
        let konbini = p.hash("payment_method_data")?.is_some_and(|d| d.str("type").ok().flatten() == Some("konbini"));
        if konbini {
            super::konbini::confirm(store, now, public_url, &id, p).map(drop)
        } else {
            ConfirmWith::from_params(p, now)
                .and_then(|with| confirm::run::<PaymentIntent>(store, now, public_url, &id, with))
                .map(drop)
        }
    })
}

/// `POST /v1/payment_intents/{id}/cancel`: any status but succeeded and canceled.
pub async fn cancel(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    req.params.allow_only(&["cancellation_reason", "expand"])?;
    let reason = match req.params.str("cancellation_reason")? {
        None => None,
        Some(r @ ("duplicate" | "fraudulent" | "requested_by_customer" | "abandoned")) => Some(r.to_owned()),
        Some(other) => {
            return Err(ApiError::param_invalid(
                "cancellation_reason",
                format!("Invalid cancellation_reason: {other}"),
            ));
        }
    };
    let now = sim.clock.now();
    sim.apply(|store| {
        let intent = store
            .payment_intent_mut(&id)
            .within(req.scope())
            .ok_or_else(|| ApiError::no_such("payment_intent", &id, "intent"))?;
        if matches!(intent.status, Status::Succeeded | Status::Canceled) {
            let status = intent.status.as_str();
            return Err(ApiError::invalid_request(format!(
                "You cannot cancel this PaymentIntent because it has a status of {}. Only a PaymentIntent with one of the \
                 following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, \
                 requires_action, processing.",
                status
            ))
            .with_code("payment_intent_unexpected_state")
            .attach("payment_intent", intent.to_json()));
        }
        intent.status = Status::Canceled;
        intent.canceled_at = Some(now);
        intent.cancellation_reason = reason;
        intent.next_action = None;
        // A pending konbini payment can no longer be paid at the store.
        intent.pending = None;
        let (json, voucher) = (intent.to_json(), intent.voucher.clone());
        if let Some(voucher) = voucher.and_then(|v| store.vouchers.get_mut(&v)) {
            voucher.active = false;
        }
        Ok(Json(json))
    })
}

/// With a secret key: the whole object. With a publishable key (Stripe.js's
/// `retrievePaymentIntent`): only with the matching `client_secret`, and only public fields.
pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    super::intents::retrieve::<PaymentIntent>(&sim, &id, &req)
}

/// `GET /v1/payment_intents`: newest first, `limit` 1..=100 (default 10), `starting_after`,
/// `customer`.
pub async fn list(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    super::intents::list::<PaymentIntent>(&sim, &req)
}

fn currency(p: &Params) -> Result<String, ApiError> {
    let currency = p.required_str("currency")?.to_ascii_lowercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_lowercase()) {
        return Err(ApiError::param_invalid(
            "currency",
            format!(
                "Invalid currency: {currency}. Stripe currently supports these currencies: usd, eur, gbp, jpy, ..."
            ),
        ));
    }
    Ok(currency)
}

/// An amount Stripe charges: at least the currency's minimum, at most 99,999,999.
fn check_minimum(amount: i64, currency: &str) -> Result<(), ApiError> {
    let minimum = minimum_amount(currency);
    if amount < minimum {
        let mut err = ApiError::param_invalid(
            "amount",
            format!("Amount must be at least {} {currency}", checkout_minimum_text(minimum, currency)),
        );
        err.error.code = Some("amount_too_small".into());
        return Err(err);
    }
    if amount > 99_999_999 {
        let mut err = ApiError::param_invalid("amount", "Amount must be no more than 99,999,999");
        err.error.code = Some("amount_too_large".into());
        return Err(err);
    }
    Ok(())
}

/// Stripe's minimum charge amounts, for the currencies the project uses (a PaymentIntent's
/// amount, a Checkout Session's total).
pub(super) fn minimum_amount(currency: &str) -> i64 {
    match currency {
        "usd" | "eur" | "cad" | "aud" | "chf" => 50,
        "gbp" => 30,
        "jpy" => 50,
        _ => 1,
    }
}

pub(super) fn checkout_minimum_text(minimum: i64, currency: &str) -> String {
    match stripe_common::minor_unit_exponent(currency) {
        0 => format!("{minimum}"),
        e => format!("{:.*}", e as usize, minimum as f64 / 10_f64.powi(e as i32)),
    }
}

/// `automatic_payment_methods` or the payment method types (not both); automatic by default.
/// API version 2026-09-30 (endive) names the types `allowed_payment_method_types`; older
/// versions `payment_method_types`. The stand-in takes either. SetupIntents take them alike.
pub(super) fn payment_methods(p: &Params) -> Result<(Option<Value>, Vec<String>), ApiError> {
    let automatic = p.hash("automatic_payment_methods")?;
    let types = match (p.str_list("payment_method_types")?, p.str_list("allowed_payment_method_types")?) {
        (Some(_), Some(_)) => {
            return Err(ApiError::invalid_request(
                "You may only specify one of these parameters: allowed_payment_method_types, payment_method_types.",
            ));
        }
        (old, new) => old.or(new),
    };
    match (automatic, types) {
        (Some(_), Some(_)) => Err(ApiError::invalid_request(
            "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.",
        )),
        (Some(apm), None) => {
            apm.allow_only(&["enabled", "allow_redirects"])?;
            let enabled =
                apm.bool("enabled")?.ok_or_else(|| ApiError::param_missing("automatic_payment_methods[enabled]"))?;
            let mut value = json!({"enabled": enabled});
            if let Some(redirects) = apm.str("allow_redirects")? {
                if !matches!(redirects, "always" | "never") {
                    return Err(ApiError::param_invalid(
                        "automatic_payment_methods[allow_redirects]",
                        format!("Invalid allow_redirects: {redirects}"),
                    ));
                }
                value["allow_redirects"] = json!(redirects);
            }
            Ok((Some(value), vec!["card".into()]))
        }
        (None, Some(types)) if types.is_empty() => {
            Err(ApiError::param_invalid("payment_method_types", "payment_method_types must not be empty"))
        }
        (None, Some(types)) => Ok((None, types)),
        (None, None) => Ok((Some(json!({"enabled": true})), vec!["card".into()])),
    }
}
