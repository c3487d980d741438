//! Events from what changed in the store: a snapshot before a request, the store after it.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::objects::{Intent, PaymentError, PaymentIntent, SessionStatus, SetupIntent, Status};
use crate::store::Store;
use crate::webhooks::Counts;

/// The API version of the events the stand-in sends (async-stripe's, the server's).
pub const API_VERSION: &str = "2026-09-30.endive";

/// What events are computed from: PaymentIntent and SetupIntent status and last error, charge
/// and application fee refunds, Checkout Session status. (Accounts are too many to compare:
/// their changes are recorded as they are made, `Store::account_updates`.)
#[derive(Debug, Default)]
pub struct Snapshot {
    /// PaymentIntents and SetupIntents alike: their ids never collide.
    intents: HashMap<String, (Status, Option<PaymentError>)>,
    charges: HashMap<String, i64>,
    fees: HashMap<String, i64>,
    sessions: HashMap<String, SessionStatus>,
}

fn states<T: Intent>(intents: &[T]) -> impl Iterator<Item = (String, (Status, Option<PaymentError>))> + '_ {
    intents.iter().map(|intent| (intent.id().to_owned(), (intent.status(), intent.last_error().cloned())))
}

impl Snapshot {
    pub fn of(store: &Store) -> Self {
        Self {
            intents: states(&store.payment_intents).chain(states(&store.setup_intents)).collect(),
            charges: store.charges.iter().map(|(id, c)| (id.clone(), c.amount_refunded())).collect(),
            fees: store.application_fees.iter().map(|f| (f.id.clone(), f.amount_refunded())).collect(),
            sessions: store.checkout_sessions.iter().map(|s| (s.id.clone(), s.status)).collect(),
        }
    }
}

/// An event about to be made: its type, its object, the connected account it happened on
/// (`None`: the platform), and for an update what changed.
struct Change {
    kind: &'static str,
    object: Value,
    account: Option<String>,
    previous: Option<Value>,
}

fn change(kind: &'static str, object: Value, account: Option<&str>) -> Change {
    Change { kind, object, account: account.map(str::to_owned), previous: None }
}

/// The events for everything that changed since `before`, in a natural order, recorded in the
/// store's event log. An event on a connected account carries it as `account`, as Stripe's
/// Connect events do (docs.stripe.com/connect/webhooks); `endpoints` counts the endpoints each
/// kind of event goes to (`pending_webhooks`).
pub fn changes(before: &Snapshot, store: &mut Store, now: i64, endpoints: Counts) -> Vec<Value> {
    let mut types: Vec<Change> = Vec::new();
    // A Checkout Session's outcome first, then the PaymentIntent's events that led to it.
    for session in &store.checkout_sessions {
        let before = before.sessions.get(&session.id).copied().unwrap_or(SessionStatus::Open);
        let kind = match session.status {
            _ if session.status == before => continue,
            SessionStatus::Complete => "checkout.session.completed",
            SessionStatus::Expired => "checkout.session.expired",
            SessionStatus::Open => continue,
        };
        types.push(change(kind, session.to_json(), session.account.as_deref()));
    }
    intent_events(before, &store.payment_intents, &mut types);
    intent_events(before, &store.setup_intents, &mut types);
    // The charges live in a map: order them as they happened, so events come out the same way.
    let mut charges: Vec<_> = store.charges.iter().collect();
    charges.sort_by(|(a_id, a), (b_id, b)| a.created.cmp(&b.created).then_with(|| a_id.cmp(b_id)));
    for (id, charge) in charges {
        let json = || store.charge_json(id).unwrap_or_default();
        let kind = match before.charges.get(id) {
            None if charge.succeeded() => "charge.succeeded",
            None => "charge.failed",
            Some(refunded) if charge.amount_refunded() > *refunded => "charge.refunded",
            Some(_) => continue,
        };
        types.push(change(kind, json(), charge.account.as_deref()));
    }
    // The platform's own: what it took of its direct charges, and gave back.
    for fee in &store.application_fees {
        let kind = match before.fees.get(&fee.id) {
            None => "application_fee.created",
            Some(refunded) if fee.amount_refunded() > *refunded => "application_fee.refunded",
            Some(_) => continue,
        };
        types.push(change(kind, fee.to_json(), None));
    }
    // The connected accounts this call changed: Connect events, with what changed.
    for (id, previous) in std::mem::take(&mut store.account_updates) {
        if let Some(account) = store.account(&id) {
            types.push(Change { previous: Some(previous), ..change("account.updated", account.to_json(), Some(&id)) });
        }
    }
    let events: Vec<Value> = types.into_iter().map(|change| event(change, now, endpoints)).collect();
    store.events.extend(events.iter().cloned());
    events
}

/// Stripe's Event for `change`: a connected account's names it, and counts the Connect
/// endpoints it is pending for; the platform's, the others.
fn event(change: Change, now: i64, endpoints: Counts) -> Value {
    let mut data = json!({"object": change.object});
    if let Some(previous) = change.previous {
        data["previous_attributes"] = previous;
    }
    let mut event = json!({
        "id": crate::ids::new_id("evt"),
        "object": "event",
        "api_version": API_VERSION,
        "created": now,
        "data": data,
        "livemode": false,
        "pending_webhooks": if change.account.is_some() { endpoints.connect } else { endpoints.platform },
        "request": {"id": null, "idempotency_key": null},
        "type": change.kind,
    });
    if let Some(account) = change.account {
        event["account"] = json!(account);
    }
    event
}

/// The events of the intents of one kind that were created, changed status, or failed again.
fn intent_events<T: Evented>(before: &Snapshot, intents: &[T], types: &mut Vec<Change>) {
    for intent in intents {
        let error = intent.last_error();
        let mut kinds = Vec::new();
        let (old_status, old_error) = match before.intents.get(intent.id()) {
            None => {
                kinds.push(T::CREATED);
                (Status::RequiresPaymentMethod, None)
            }
            Some((status, error)) => (*status, error.as_ref()),
        };
        if intent.status() != old_status {
            kinds.extend(T::status_event(intent.status()));
        }
        if intent.status() == Status::RequiresPaymentMethod && error.is_some() && error != old_error {
            kinds.push(T::FAILED);
        }
        if !kinds.is_empty() {
            let object = intent.to_json();
            types.extend(kinds.into_iter().map(|kind| change(kind, object.clone(), intent.account())));
        }
    }
}

/// What a kind of intent's events are called.
trait Evented: Intent {
    const CREATED: &'static str;
    /// Back to `requires_payment_method` with a new error.
    const FAILED: &'static str;
    /// The event for reaching `status`, if it has one.
    fn status_event(status: Status) -> Option<&'static str>;
}

impl Evented for PaymentIntent {
    const CREATED: &'static str = "payment_intent.created";
    const FAILED: &'static str = "payment_intent.payment_failed";

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
}

impl Evented for SetupIntent {
    const CREATED: &'static str = "setup_intent.created";
    const FAILED: &'static str = "setup_intent.setup_failed";

    fn status_event(status: Status) -> Option<&'static str> {
        Some(match status {
            Status::RequiresAction => "setup_intent.requires_action",
            Status::Succeeded => "setup_intent.succeeded",
            Status::Canceled => "setup_intent.canceled",
            _ => return None,
        })
    }
}
