//! Charges (retrieve) and refunds (create): a refund makes `charge.refunded`; refunding a direct
//! charge with `refund_application_fee=true` gives back the same share of the platform's fee
//! (`application_fee.refunded`).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::Value;

use crate::error::ApiError;
use crate::objects::{FeeRefund, Refund, Within};
use crate::params::StripeRequest;
use crate::{Sim, ids};

pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    super::retrieve_with_secret(&sim, &req, &id, ("charge", "id"), |store| {
        store.any_charge(&id).map(|(charge, _)| charge).within(req.scope()).and_then(|_| store.charge_json(&id))
    })
}

/// `POST /v1/refunds` with `payment_intent` or `charge`, and optionally `amount` and `reason`.
pub async fn refund(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["payment_intent", "charge", "amount", "reason", "refund_application_fee", "metadata", "expand"])?;
    let refund_fee = p.bool("refund_application_fee")?.unwrap_or(false);
    let now = sim.clock.now();
    let scope = req.scope();
    sim.apply(|store| {
        let charge_id = match (p.str("charge")?, p.str("payment_intent")?) {
            (Some(charge), None) => charge.to_owned(),
            (None, Some(pi)) => store
                .payment_intent(pi)
                .within(scope)
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
        let charge = store
            .charges
            .get_mut(&charge_id)
            .within(scope)
            .ok_or_else(|| ApiError::no_such("charge", &charge_id, "charge"))?;
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
        let recorded = refund.clone();
        charge.refunds.push(refund);
        let charge_now = charge.clone();
        store.history.record_refund(&charge_now, &recorded);
        let (charged, all_refunded, fee) =
            (charge.amount, charge.amount_refunded() == charge.amount, charge.application_fee.clone());
        if let Some(fee) =
            fee.filter(|_| refund_fee).and_then(|id| store.application_fees.iter_mut().find(|f| f.id == id))
        {
            // The fee's share of what was refunded ("proportional to the amount of the charge
            // refunded", docs.stripe.com/api/refunds/create); the rest of it with the last of the
            // charge.
            let left = fee.amount - fee.amount_refunded();
            let share = if all_refunded { left } else { (fee.amount * amount / charged).min(left) };
            if share > 0 {
                fee.refunds.push(FeeRefund { id: ids::new_id("fr"), created: now, amount: share });
            }
        }
        Ok(Json(json))
    })
}
