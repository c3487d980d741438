//! Application fees (`/v1/application_fees`): what the platform took of its direct charges.
//! They are the platform's: on a connected account (`Stripe-Account`) there are none.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::Value;

use crate::Sim;
use crate::error::ApiError;
use crate::objects::ApplicationFee;
use crate::params::StripeRequest;
use crate::store::Store;

pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.params.allow_only(&["expand"])?;
    super::retrieve_with_secret(&sim, &req, &id, ("application_fee", "id"), |store| {
        fee(store, req.scope(), &id).map(ApplicationFee::to_json)
    })
}

/// `GET /v1/application_fees`: newest first, `limit` 1..=100 (10), `starting_after` or
/// `ending_before`, `charge`.
pub async fn list(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["limit", "starting_after", "ending_before", "charge", "expand"])?;
    let limit = p.list_limit()?;
    let cursor = super::Cursor::from_params(p)?;
    let charge = p.str("charge")?;
    sim.apply(|store| {
        let fees: &[ApplicationFee] = if req.scope().is_none() { &store.application_fees } else { &[] };
        super::page_by_position(
            fees,
            |id| fees.iter().position(|fee| fee.id == id),
            |fee| charge.is_none_or(|c| fee.charge == c),
            cursor,
            ("application_fee", limit, "/v1/application_fees".to_owned()),
            ApplicationFee::to_json,
        )
    })
}

/// `GET /v1/application_fees/{id}/refunds`: newest first.
pub async fn refunds(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["limit", "starting_after", "expand"])?;
    let limit = p.list_limit()?;
    sim.apply(|store| {
        let fee = fee(store, req.scope(), &id).ok_or_else(|| ApiError::no_such("application_fee", &id, "id"))?;
        super::list_page(
            fee.refunds.iter().rev(),
            |refund| &refund.id,
            p.str("starting_after")?,
            ("fee_refund", limit, format!("/v1/application_fees/{id}/refunds")),
            |refund| refund.to_json(fee),
        )
    })
}

/// The platform's fee `id` (a connected account has none).
fn fee<'a>(store: &'a Store, scope: Option<&str>, id: &str) -> Option<&'a ApplicationFee> {
    store.application_fees.iter().find(|fee| scope.is_none() && fee.id == id)
}
