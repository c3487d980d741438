//! The objects the stand-in keeps, and their JSON as Stripe renders it. Each `to_json` emits
//! exactly the fields of Stripe's fixture for that resource (checked by `tests/fixtures.rs`).

mod address;
mod charge;
mod checkout_session;
mod confirmation_token;
mod customer;
mod customer_session;
mod intent;
mod next_step;
mod payment_intent;
mod payment_method;
mod setup_intent;

pub use address::{Shipping, billing_details_from, shipping_from};
pub use charge::{Charge, Refund};
pub use checkout_session::{CheckoutSession, DEFAULT_LIFETIME_SECONDS, LineItem, SessionStatus, UiMode};
pub use confirmation_token::ConfirmationToken;
pub use customer::Customer;
pub use customer_session::{CustomerSession, PaymentElementFeatures};
pub use intent::Intent;
pub use next_step::{NextAction, PaymentError};
pub use payment_intent::{KonbiniOptions, PaymentIntent, Pending, Status};
pub use payment_method::{Card, PaymentMethod};
pub use setup_intent::SetupIntent;
