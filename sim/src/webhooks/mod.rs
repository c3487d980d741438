//! Webhooks: every change to a PaymentIntent, SetupIntent, charge, application fee or connected
//! account, and a Checkout Session's outcome, becomes an Event (Stripe's Event object), delivered
//! signed to the configured endpoints of its kind (the platform's own, or Connect for its
//! connected accounts' events), retried with backoff on failure.
//! Tests can deliver an event again (with a bad signature too), hold deliveries and release
//! them in another order, and read the delivery log.

mod control;
mod delivery;
mod events;

pub use control::{controls, events_api};
pub use delivery::{Counts, Endpoint, Webhooks};
pub use events::{Snapshot, changes};
