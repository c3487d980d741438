//! SetupIntents: a card saved for later payments without paying now. Create (optionally
//! confirming at once), retrieve, list, update, confirm (from a server, or from Stripe.js's
//! `confirmSetup`), cancel. Confirming is a PaymentIntent's (`confirm.rs`), 3-D Secure
//! included; success attaches the card to the SetupIntent's customer.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::Value;

use super::confirm::{self, ConfirmWith, Confirmable};
use crate::error::ApiError;
use crate::objects::{ConfirmationToken, SetupIntent, Status, Within};
use crate::params::{Params, StripeRequest};
use crate::store::Store;
use crate::{Sim, ids};

const CREATE_PARAMS: &[&str] = &[
    "automatic_payment_methods",
    "payment_method_types",
    "allowed_payment_method_types",
    "confirm",
    "confirmation_token",
    "customer",
    "description",
    "mandate_data",
    "metadata",
    "payment_method",
    "payment_method_data",
    "return_url",
    "usage",
    "use_stripe_sdk",
    "expand",
];

/// What a server sends, and what Stripe.js's `confirmSetup` sends with the publishable key
/// (`client_secret`, the Payment Element's `payment_method_data`, `return_url`, and
/// `mandate_data`, which cards do not need and the stand-in ignores).
const CONFIRM_PARAMS: &[&str] = &[
    "confirmation_token",
    "payment_method",
    "payment_method_data",
    "return_url",
    "mandate_data",
    "use_stripe_sdk",
    "client_secret",
    "expand",
];

/// The statuses in which a SetupIntent can still be confirmed, changed or canceled.
const OPEN: [Status; 3] = [Status::RequiresPaymentMethod, Status::RequiresConfirmation, Status::RequiresAction];

pub async fn create(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(CREATE_PARAMS)?;
    let (automatic_payment_methods, payment_method_types) = super::payment_intents::payment_methods(p)?;
    if let Some(other) = payment_method_types.iter().find(|t| *t != "card") {
        return Err(ApiError::param_invalid(
            "payment_method_types",
            format!("The stand-in sets up only cards, not payment method type `{other}`."),
        ));
    }
    let now = sim.clock.now();
    let id = ids::new_id("seti");
    let mut intent = SetupIntent {
        client_secret: ids::client_secret(&id),
        id,
        account: req.account.clone(),
        created: now,
        status: Status::RequiresPaymentMethod,
        automatic_payment_methods,
        payment_method_types,
        payment_method: None,
        customer: p.str("customer")?.map(str::to_owned),
        description: p.str("description")?.map(str::to_owned),
        metadata: p.metadata()?,
        usage: usage(p)?,
        next_action: None,
        last_setup_error: None,
        latest_attempt: None,
        cancellation_reason: None,
        return_url: p.str("return_url")?.map(str::to_owned),
    };
    let confirm_now = p.bool("confirm")?.unwrap_or(false);
    if !confirm_now && p.get("confirmation_token").is_some() {
        return Err(ApiError::param_invalid(
            "confirmation_token",
            "confirmation_token can only be used with confirm=true.",
        ));
    }
    let with = ConfirmWith::from_params(p, now)?;

    sim.apply(|store| {
        if let Some(customer) = &intent.customer {
            existing_customer(store, req.scope(), customer)?;
        }
        if confirm_now {
            return confirm::create_confirmed(store, now, sim.public_url(), intent, with).map(Json);
        }
        // A payment method given without confirming waits for the confirmation.
        if let Some((payment_method, _)) = with.given_payment_method(store, now, req.scope())? {
            intent.payment_method = Some(payment_method);
            intent.status = Status::RequiresConfirmation;
        }
        let json = intent.to_json();
        store.setup_intents.push(intent);
        Ok(Json(json))
    })
}

pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    super::intents::retrieve::<SetupIntent>(&sim, &id, &req)
}

pub async fn list(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    super::intents::list::<SetupIntent>(&sim, &req)
}

/// `POST /v1/setup_intents/{id}`: `metadata` and `description` at any time; `payment_method`
/// (which then waits for confirmation) and `customer` while the SetupIntent is still open.
pub async fn update(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["metadata", "payment_method", "customer", "description", "expand"])?;
    // Checked before anything changes: a refused update changes nothing.
    p.metadata()?;
    let (payment_method, customer, description) = (p.str("payment_method")?, p.str("customer")?, p.str("description")?);
    let now = sim.clock.now();
    sim.apply(|store| {
        let scope = req.scope();
        let intent =
            store.setup_intent(&id).within(scope).ok_or_else(|| ApiError::no_such("setupintent", &id, "intent"))?;
        if (payment_method.is_some() || customer.is_some()) && !OPEN.contains(&intent.status) {
            return Err(unexpected_state(intent, ("update", "updated")));
        }
        if let Some(customer) = customer {
            existing_customer(store, scope, customer)?;
        }
        let payment_method =
            payment_method.map(|pm| confirm::card_payment_method(store, now, scope, pm)).transpose()?;
        let intent = store.setup_intent_mut(&id).expect("found above");
        if let Some((payment_method, _)) = payment_method {
            intent.payment_method = Some(payment_method);
            intent.status = Status::RequiresConfirmation;
            intent.next_action = None;
        }
        if let Some(customer) = customer {
            intent.customer = Some(customer.to_owned());
        }
        // An empty string unsets, as everywhere in Stripe's API.
        if let Some(description) = description {
            intent.description = (!description.is_empty()).then(|| description.to_owned());
        }
        p.merge_metadata(&mut intent.metadata)?;
        Ok(Json(intent.to_json()))
    })
}

/// `POST /v1/setup_intents/{id}/confirm`, from a server (secret key) or from Stripe.js
/// (publishable key and the SetupIntent's client secret, which then sees only public fields).
pub async fn confirm(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    let p = &req.params;
    p.allow_only(CONFIRM_PARAMS)?;
    let (now, public_url) = (sim.clock.now(), sim.public_url());
    super::intents::confirm::<SetupIntent>(&sim, &id, &req, |store| {
        let with = ConfirmWith::from_params(p, now)?;
        confirm::run::<SetupIntent>(store, now, public_url, &id, with).map(drop)
    })
}

/// `POST /v1/setup_intents/{id}/cancel`: while the SetupIntent is still open.
pub async fn cancel(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    req.params.allow_only(&["cancellation_reason", "expand"])?;
    let reason = match req.params.str("cancellation_reason")? {
        None => None,
        Some(r @ ("abandoned" | "requested_by_customer" | "duplicate")) => Some(r.to_owned()),
        Some(other) => {
            return Err(ApiError::param_invalid(
                "cancellation_reason",
                format!("Invalid cancellation_reason: {other}"),
            ));
        }
    };
    sim.apply(|store| {
        let intent = store
            .setup_intent_mut(&id)
            .within(req.scope())
            .ok_or_else(|| ApiError::no_such("setupintent", &id, "intent"))?;
        if !OPEN.contains(&intent.status) {
            return Err(unexpected_state(intent, ("cancel", "canceled")));
        }
        intent.status = Status::Canceled;
        intent.cancellation_reason = reason;
        intent.next_action = None;
        Ok(Json(intent.to_json()))
    })
}

impl Confirmable for SetupIntent {
    /// A card saved on one customer cannot be set up for another.
    fn prepare(
        &mut self,
        store: &Store,
        _with: &ConfirmWith,
        _token: Option<&ConfirmationToken>,
        payment_method: &str,
    ) -> Result<(), ApiError> {
        store.payment_methods.get(payment_method).map_or(Ok(()), |pm| confirm::check_owner(self, pm))
    }

    /// The card is saved: attached to the SetupIntent's customer, if it has one, as
    /// `POST /v1/payment_methods/{id}/attach` attaches it.
    fn succeed(&mut self, store: &mut Store, _now: i64) {
        self.status = Status::Succeeded;
        self.next_action = None;
        if let Some(customer) = &self.customer
            && let Some(pm) = self.payment_method.as_ref().and_then(|id| store.payment_methods.get_mut(id))
        {
            pm.customer.get_or_insert_with(|| customer.clone());
        }
    }
}

/// `usage`: `off_session` by default.
fn usage(p: &Params) -> Result<String, ApiError> {
    match p.str("usage")?.unwrap_or("off_session") {
        u @ ("off_session" | "on_session") => Ok(u.to_owned()),
        other => Err(ApiError::param_invalid("usage", format!("Invalid usage: {other}"))),
    }
}

/// A customer of account `scope`.
fn existing_customer(store: &Store, scope: Option<&str>, id: &str) -> Result<(), ApiError> {
    if store.customers.get(id).within(scope).is_none() {
        return Err(ApiError::no_such("customer", id, "customer"));
    }
    Ok(())
}

/// Stripe's refusal to update or cancel (`(verb, participle)`) a SetupIntent that is no longer
/// open.
fn unexpected_state(intent: &SetupIntent, (verb, participle): (&str, &str)) -> ApiError {
    let status = intent.status.as_str();
    ApiError::invalid_request(format!(
        "You cannot {verb} this SetupIntent because it has a status of {status}. Only a SetupIntent with one of the \
         following statuses may be {participle}: requires_payment_method, requires_confirmation, requires_action."
    ))
    .with_code("setup_intent_unexpected_state")
    .attach("setup_intent", intent.to_json())
}
