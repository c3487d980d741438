//! Stripe's own object shapes, as plain serde types.
//!
//! These are shared by the browser bindings (`stripe-wasm`), the checkout server and the
//! Stripe stand-in, so that an error or a PaymentIntent means the same thing everywhere.
//! Every type tolerates fields and enum values it does not know: Stripe adds both often,
//! and a new `next_action.type` must never break a checkout page.

mod currency;
mod error;
pub mod konbini;
mod payment_intent;
mod setup_intent;

pub use currency::minor_unit_exponent;
pub use error::{ErrorType, GENERIC_MESSAGE, StripeError};
pub use payment_intent::{IdOrObject, NextAction, PaymentIntent, PaymentIntentStatus, RedirectToUrl};
pub use setup_intent::SetupIntent;
