//! Events from what changed in the store: a snapshot before a request, the store after it.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::objects::{PaymentError, Status};
use crate::store::Store;

/// The API version of the events the stand-in sends (async-stripe's, the server's).
pub const API_VERSION: &str = "2026-09-30.endive";

/// What events are computed from: PaymentIntent status and last error, charge refunds.
#[derive(Debug, Default)]
pub struct Snapshot {
    intents: HashMap<String, (Status, Option<PaymentError>)>,
    charges: HashMap<String, i64>,
}

impl Snapshot {
    pub fn of(store: &Store) -> Self {
        Self {
            intents: store
                .payment_intents
                .iter()
                .map(|pi| (pi.id.clone(), (pi.status, pi.last_payment_error.clone())))
                .collect(),
            charges: store.charges.iter().map(|(id, c)| (id.clone(), c.amount_refunded())).collect(),
        }
    }
}

/// The events for everything that changed since `before`, in a natural order, recorded in the
/// store's event log.
pub fn changes(before: &Snapshot, store: &mut Store, now: i64, endpoints: usize) -> Vec<Value> {
    let mut types: Vec<(&'static str, Value)> = Vec::new();
    for intent in &store.payment_intents {
        let error = intent.last_payment_error.clone();
        let mut kinds = Vec::new();
        let (old_status, old_error) = match before.intents.get(&intent.id) {
            None => {
                kinds.push("payment_intent.created");
                (Status::RequiresPaymentMethod, None)
            }
            Some((status, error)) => (*status, error.clone()),
        };
        if intent.status != old_status {
            kinds.extend(status_event(intent.status));
        }
        if intent.status == Status::RequiresPaymentMethod && error.is_some() && error != old_error {
            kinds.push("payment_intent.payment_failed");
        }
        if !kinds.is_empty() {
            let object = intent.to_json();
            types.extend(kinds.into_iter().map(|kind| (kind, object.clone())));
        }
    }
    // The charges live in a map: order them as they happened, so events come out the same way.
    let mut charges: Vec<_> = store.charges.iter().collect();
    charges.sort_by(|(a_id, a), (b_id, b)| a.created.cmp(&b.created).then_with(|| a_id.cmp(b_id)));
    for (id, charge) in charges {
        let json = || store.charge_json(id).unwrap_or_default();
        match before.charges.get(id) {
            None if charge.succeeded() => types.push(("charge.succeeded", json())),
            None => types.push(("charge.failed", json())),
            Some(refunded) if charge.amount_refunded() > *refunded => types.push(("charge.refunded", json())),
            Some(_) => {}
        }
    }
    let events: Vec<Value> = types
        .into_iter()
        .map(|(kind, object)| {
            json!({
                "id": crate::ids::new_id("evt"),
                "object": "event",
                "api_version": API_VERSION,
                "created": now,
                "data": {"object": object},
                "livemode": false,
                "pending_webhooks": endpoints,
                "request": {"id": null, "idempotency_key": null},
                "type": kind,
            })
        })
        .collect();
    store.events.extend(events.iter().cloned());
    events
}

fn status_event(status: Status) -> Option<&'static str> {
    Some(match status {
        Status::RequiresAction => "payment_intent.requires_action",
        Status::Processing => "payment_intent.processing",
        Status::Succeeded => "payment_intent.succeeded",
        Status::Canceled => "payment_intent.canceled",
        Status::RequiresCapture => "payment_intent.amount_capturable_updated",
        _ => return None,
    })
}
