//! Charges (retrieve) and refunds (create): a refund makes `charge.refunded`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::Value;

use crate::error::ApiError;
use crate::objects::Refund;
use crate::params::StripeRequest;
use crate::{Sim, ids};

pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    super::retrieve_with_secret(&sim, &req, &id, ("charge", "id"), |store| store.charge_json(&id))
}

/// `POST /v1/refunds` with `payment_intent` or `charge`, and optionally `amount` and `reason`.
pub async fn refund(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["payment_intent", "charge", "amount", "reason", "metadata", "expand"])?;
    let now = sim.clock.now();
    sim.apply(|store| {
        let charge_id = match (p.str("charge")?, p.str("payment_intent")?) {
            (Some(charge), None) => charge.to_owned(),
            (None, Some(pi)) => store
                .payment_intent(pi)
                .ok_or_else(|| ApiError::no_such("payment_intent", pi, "payment_intent"))?
                .latest_charge
                .clone()
                .ok_or_else(|| {
                    ApiError::invalid_request(format!(
                        "This PaymentIntent ({pi}) does not have a successful charge to refund."
                    ))
                })?,
            _ => {
                return Err(ApiError::invalid_request(
                    "You must provide one of these parameters: charge, payment_intent.",
                ));
            }
        };
        let charge =
            store.charges.get_mut(&charge_id).ok_or_else(|| ApiError::no_such("charge", &charge_id, "charge"))?;
        if !charge.succeeded() {
            return Err(ApiError::invalid_request(format!("Charge {charge_id} has failed and cannot be refunded.")));
        }
        let remaining = charge.amount - charge.amount_refunded();
        let amount = p.int("amount")?.unwrap_or(remaining);
        if amount <= 0 || amount > remaining {
            return Err(ApiError::param_invalid(
                "amount",
                format!("Refund amount ({amount}) is greater than unrefunded amount on charge ({remaining})"),
            ));
        }
        let refund =
            Refund { id: ids::new_id("re"), created: now, amount, reason: p.str("reason")?.map(str::to_owned) };
        let json = refund.to_json(charge);
        charge.refunds.push(refund);
        Ok(Json(json))
    })
}
