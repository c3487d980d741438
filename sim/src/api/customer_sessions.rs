//! CustomerSessions: let Stripe.js (publishable key) show a customer's saved payment methods.
//! `/v1/elements/...` are the stand-in's counterpart of the calls Stripe.js makes for that.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::objects::{CustomerSession, PaymentElementFeatures, PaymentMethod};
use crate::params::{Params, StripeRequest};
use crate::store::Store;
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
        if !store.customers.contains_key(&customer) {
            return Err(ApiError::no_such("customer", &customer, "customer"));
        }
        let session = CustomerSession {
            client_secret: format!("cuss_secret_{}", &ids::new_id("x")[2..]),
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

/// The live session for a client secret Stripe.js presents.
pub fn session<'a>(store: &'a Store, now: i64, p: &Params) -> Result<&'a CustomerSession, ApiError> {
    let secret = p.required_str("customer_session_client_secret")?;
    store.customer_sessions.get(secret).filter(|s| now < s.expires_at()).ok_or_else(|| {
        ApiError::param_invalid("customer_session_client_secret", "The CustomerSession is invalid or has expired.")
    })
}

/// What the Payment Element needs to offer saved payment methods: those the session may show,
/// and the session's features.
pub async fn elements_session(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    sim.apply(|store| {
        let session = session(store, sim.clock.now(), &req.params)?;
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
        Ok(Json(json!({
            "customer": session.customer,
            "payment_methods": saved,
            "features": {"save": f.enabled && f.save, "remove": f.enabled && f.remove, "save_usage": f.save_usage},
        })))
    })
}

/// Removing a saved payment method from the Payment Element (the session's `remove` feature).
pub async fn elements_detach(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    sim.apply(|store| {
        let session = session(store, sim.clock.now(), &req.params)?;
        if !(session.payment_element.enabled && session.payment_element.remove) {
            return Err(ApiError::invalid_request("This CustomerSession does not allow removing payment methods."));
        }
        let customer = session.customer.clone();
        let pm = store
            .payment_methods
            .get_mut(&id)
            .filter(|pm| pm.customer.as_deref() == Some(customer.as_str()))
            .ok_or_else(|| ApiError::no_such("PaymentMethod", &id, "payment_method"))?;
        pm.customer = None;
        Ok(Json(pm.to_json()))
    })
}
