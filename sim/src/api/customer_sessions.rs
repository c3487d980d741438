//! CustomerSessions: let Stripe.js (publishable key) show a customer's saved payment methods.
//! `/v1/elements/...` are the stand-in's counterpart of the calls Stripe.js makes for that (and
//! `/v1/elements/sessions` of the one it loads an Elements group with).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::{Map, Value, json};
use stripe_common::{ErrorType, StripeError};

use crate::error::ApiError;
use crate::objects::{CustomerSession, PaymentElementFeatures, PaymentIntent, PaymentMethod, SetupIntent, Within};
use crate::params::{Params, StripeRequest};
use crate::store::{Kept, Store};
use crate::{Sim, ids};

pub async fn create(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["customer", "components", "expand"])?;
    let customer = p.required_str("customer")?.to_owned();
    let components = p.hash("components")?.ok_or_else(|| ApiError::param_missing("components"))?;
    let payment_element = payment_element_features(components.hash("payment_element")?)?;
    if !payment_element.enabled && components.0.keys().all(|k| k == "payment_element") {
        return Err(ApiError::invalid_request("At least one component must be enabled."));
    }
    sim.apply(|store| {
        if store.customers.get(&customer).within(req.scope()).is_none() {
            return Err(ApiError::no_such("customer", &customer, "customer"));
        }
        let session = CustomerSession {
            client_secret: format!("cuss_secret_{}", &ids::new_id("x")[2..]),
            account: req.account.clone(),
            customer,
            created: sim.clock.now(),
            payment_element,
        };
        let json = session.to_json();
        store.customer_sessions.insert(session.client_secret.clone(), session);
        Ok(Json(json))
    })
}

fn payment_element_features(params: Option<Params>) -> Result<PaymentElementFeatures, ApiError> {
    let Some(params) = params else { return Ok(PaymentElementFeatures::default()) };
    params.allow_only(&["enabled", "features"])?;
    let enabled =
        params.bool("enabled")?.ok_or_else(|| ApiError::param_missing("components[payment_element][enabled]"))?;
    let features = params.hash("features")?.unwrap_or_default();
    features.allow_only(&[
        "payment_method_allow_redisplay_filters",
        "payment_method_redisplay",
        "payment_method_redisplay_limit",
        "payment_method_remove",
        "payment_method_save",
        "payment_method_save_usage",
    ])?;
    let flag = |name: &str| -> Result<bool, ApiError> {
        match features.str(name)? {
            None | Some("disabled") => Ok(false),
            Some("enabled") => Ok(true),
            Some(other) => Err(ApiError::param_invalid(
                &format!("components[payment_element][features][{name}]"),
                format!("Invalid value: {other}"),
            )),
        }
    };
    Ok(PaymentElementFeatures {
        enabled,
        redisplay: flag("payment_method_redisplay")?,
        save: flag("payment_method_save")?,
        remove: flag("payment_method_remove")?,
        save_usage: features.str("payment_method_save_usage")?.map(str::to_owned),
        allow_redisplay_filters: features
            .str_list("payment_method_allow_redisplay_filters")?
            .unwrap_or_else(|| vec!["always".into()]),
    })
}

/// The live session for a client secret Stripe.js presents, on the account it is made for.
pub fn session<'a>(store: &'a Store, now: i64, req: &StripeRequest) -> Result<&'a CustomerSession, ApiError> {
    let secret = req.params.required_str("customer_session_client_secret")?;
    store.customer_sessions.get(secret).within(req.scope()).filter(|s| now < s.expires_at()).ok_or_else(|| {
        ApiError::param_invalid("customer_session_client_secret", "The CustomerSession is invalid or has expired.")
    })
}

/// `GET /v1/elements/sessions`: what Stripe.js loads for an Elements group before its Elements
/// render, in one request as Stripe's elements/sessions: with `client_secret`, the group's
/// PaymentIntent or SetupIntent as the publishable key may see it; with
/// `customer_session_client_secret`, what the Payment Element needs to offer saved payment
/// methods (those the session may show, and the session's features). Either failing fails the
/// whole load, which Stripe.js reports as the Elements' `loaderror`. The payment method types
/// the Payment Element offers, in its order, are the session's `payment_method_preference`:
/// the intent's, or for a deferred-intent group (`deferred_intent[mode|amount|currency|
/// payment_method_types]`) those eligible for its amount and currency.
pub async fn elements_session(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    sim.apply(|store| {
        let mut body = Map::new();
        let mut types = None;
        if let Some(secret) = req.params.str("client_secret")? {
            let (object, intent) = elements_intent(store, req.scope(), secret)?;
            types = Some(intent["payment_method_types"].clone());
            body.insert(object.into(), intent);
        }
        if let Some(deferred) = req.params.hash("deferred_intent")? {
            types = Some(json!(deferred_types(&deferred)?));
        }
        if let Some(types) = types {
            body.insert(
                "payment_method_preference".into(),
                json!({"object": "payment_method_preference", "ordered_payment_method_types": types}),
            );
        }
        if req.params.get("customer_session_client_secret").is_some() {
            let session = session(store, sim.clock.now(), &req)?;
            let f = &session.payment_element;
            let saved: Vec<Value> = if f.enabled && f.redisplay {
                store
                    .customer_payment_methods(&session.customer)
                    .into_iter()
                    .filter(|pm| pm.card.is_some() && f.allow_redisplay_filters.contains(&pm.allow_redisplay))
                    .take(3)
                    .map(PaymentMethod::to_json)
                    .collect()
            } else {
                Vec::new()
            };
            body.insert("customer".into(), json!(session.customer));
            body.insert("payment_methods".into(), json!(saved));
            body.insert(
                "features".into(),
                json!({"save": f.enabled && f.save, "remove": f.enabled && f.remove, "save_usage": f.save_usage}),
            );
        }
        Ok(Json(Value::Object(body)))
    })
}

/// The types a deferred-intent group's Payment Element offers: those it names, or else what
/// automatic payment methods would give its PaymentIntent; a BNPL method only when eligible.
fn deferred_types(deferred: &Params) -> Result<Vec<String>, ApiError> {
    deferred.allow_only(&[
        "mode",
        "amount",
        "currency",
        "payment_method_types",
        "setup_future_usage",
        "capture_method",
        "on_behalf_of",
    ])?;
    let currency = deferred.str("currency")?.unwrap_or("usd").to_ascii_lowercase();
    let amount = deferred.int("amount")?.unwrap_or(0);
    if deferred.str("mode")? != Some("payment") || deferred.str("setup_future_usage")?.is_some() {
        // Setting up for later: the card (these BNPL methods are single-use here).
        return Ok(vec!["card".into()]);
    }
    let eligible = crate::bnpl::automatic_types(&currency, amount, true);
    Ok(match deferred.str_list("payment_method_types")? {
        Some(named) => {
            named.into_iter().filter(|t| crate::bnpl::Bnpl::from_type(t).is_none() || eligible.contains(t)).collect()
        }
        None => eligible,
    })
}

/// The intent of an Elements group's client secret: `("payment_intent" | "setup_intent", its
/// public fields)`. An intent the secret does not open (none of that id, or another secret) is
/// the error Stripe's elements/sessions answers, which Stripe.js hands to `loaderror` as it is:
/// `{"type": "invalid_request_error", "message": "The client_secret provided does not match any
/// associated PaymentIntent on this account.", "param": "client_secret"}` (as reported in
/// richnologies/ngx-stripe#167), with no code.
///
/// An intent of another account than the one Stripe.js was made for does not match either.
fn elements_intent(store: &Store, scope: Option<&str>, secret: &str) -> Result<(&'static str, Value), ApiError> {
    fn open<T: Kept>(
        store: &Store,
        scope: Option<&str>,
        id: &str,
        secret: &str,
    ) -> Result<(&'static str, Value), ApiError> {
        store
            .intent::<T>(id)
            .within(scope)
            .filter(|intent| intent.client_secret() == secret)
            .map(|intent| (T::OBJECT, intent.to_publishable_json()))
            .ok_or_else(|| no_matching_intent(T::NAME))
    }
    let id = secret.split("_secret_").next().unwrap_or_default();
    match id.split('_').next() {
        Some("pi") => open::<PaymentIntent>(store, scope, id, secret),
        Some("seti") => open::<SetupIntent>(store, scope, id, secret),
        _ => Err(no_matching_intent("PaymentIntent")),
    }
}

fn no_matching_intent(name: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        StripeError::new(
            ErrorType::InvalidRequestError,
            format!("The client_secret provided does not match any associated {name} on this account."),
        )
        .with_param("client_secret"),
    )
}

/// Removing a saved payment method from the Payment Element (the session's `remove` feature).
pub async fn elements_detach(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    sim.apply(|store| {
        let session = session(store, sim.clock.now(), &req)?;
        if !(session.payment_element.enabled && session.payment_element.remove) {
            return Err(ApiError::invalid_request("This CustomerSession does not allow removing payment methods."));
        }
        let customer = session.customer.clone();
        let pm = store
            .payment_methods
            .get_mut(&id)
            .within(req.scope())
            .filter(|pm| pm.customer.as_deref() == Some(customer.as_str()))
            .ok_or_else(|| ApiError::no_such("PaymentMethod", &id, "payment_method"))?;
        pm.customer = None;
        Ok(Json(pm.to_json()))
    })
}
