use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::Value;

use crate::Sim;
use crate::error::ApiError;
use crate::params::StripeRequest;

pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let store = sim.store();
    let pm = store.payment_methods.get(&id).ok_or_else(|| ApiError::no_such("PaymentMethod", &id, "payment_method"))?;
    Ok(Json(pm.to_json()))
}
