//! Customers and the payment methods saved on them, on the account the request is made on (a
//! connected account's customers are its own: a platform customer's clones are attached to one
//! there).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::objects::{Customer, PaymentMethod, Within};
use crate::params::StripeRequest;
use crate::{Sim, ids};

pub async fn create(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["email", "name", "metadata", "description", "expand"])?;
    let customer = Customer {
        id: ids::new_id("cus"),
        account: req.account.clone(),
        created: sim.clock.now(),
        email: p.str("email")?.map(str::to_owned),
        name: p.str("name")?.map(str::to_owned),
        invoice_prefix: ids::new_id("x")[2..10].to_ascii_uppercase(),
        metadata: p.metadata()?,
    };
    let json = customer.to_json();
    sim.apply(|store| {
        store.history.record_customer(&customer);
        store.customers.insert(customer.id.clone(), customer)
    });
    Ok(Json(json))
}

pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    super::retrieve_with_secret(&sim, &req, &id, ("customer", "id"), |store| {
        store.customers.get(&id).within(req.scope()).map(Customer::to_json).or_else(|| {
            req.scope().is_none().then(|| store.history.customers.get(&id).map(Customer::to_json)).flatten()
        })
    })
}

/// `GET /v1/customers/{id}/payment_methods`, optionally filtered by `type` and
/// `allow_redisplay`, `limit` at a time.
pub async fn payment_methods(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["type", "allow_redisplay", "limit", "expand"])?;
    sim.apply(|store| {
        if store.customers.get(&id).within(req.scope()).is_none() {
            return Err(ApiError::no_such("customer", &id, "customer"));
        }
        let redisplay = p.str("allow_redisplay")?;
        let kind = p.str("type")?;
        let limit = p.list_limit()?;
        let matching: Vec<&PaymentMethod> = store
            .customer_payment_methods(&id)
            .into_iter()
            .filter(|pm| kind.is_none_or(|k| k == pm.type_()))
            .filter(|pm| redisplay.is_none_or(|r| pm.allow_redisplay == r))
            .collect();
        let data: Vec<Value> = matching.iter().take(limit).map(|pm| pm.to_json()).collect();
        Ok(Json(json!({
            "object": "list",
            "data": data,
            "has_more": matching.len() > limit,
            "url": format!("/v1/customers/{id}/payment_methods"),
        })))
    })
}
