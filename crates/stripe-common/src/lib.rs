//! Stripe's own object shapes, as plain serde types.
//!
//! These are shared by the browser bindings (`stripe-wasm`, which re-exports them), the
//! checkout server and the Stripe stand-in, so that an error or a PaymentIntent means the same
//! thing everywhere. Every type tolerates fields and enum values it does not know: Stripe adds
//! both often, and a new `next_action.type` must never break a checkout page.
//!
//! * [`StripeError`] and [`ErrorType`]: the error object of Stripe's API and of Stripe.js, with
//!   what may be shown to a shopper ([`StripeError::shopper_message`]).
//! * [`PaymentIntent`], [`SetupIntent`], [`PaymentIntentStatus`], [`NextAction`]: the parts of
//!   an intent a checkout page reads.
//! * [`minor_unit_exponent`]: how many decimals a Stripe amount has in a currency.
//! * [`konbini`]: Stripe's rules for konbini (Japanese convenience store) payments.
//!
//! ```
//! use stripe_common::{ErrorType, PaymentIntent, PaymentIntentStatus, StripeError};
//!
//! // What the API answers under `"error"`, or Stripe.js resolves as `{error}`.
//! let error: StripeError = serde_json::from_str(
//!     r#"{"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
//!         "message": "Your card has insufficient funds."}"#,
//! )?;
//! assert_eq!(error.type_, ErrorType::CardError);
//! assert_eq!(error.shopper_message(), "Your card has insufficient funds.");
//!
//! // Unknown fields and statuses are tolerated.
//! let intent: PaymentIntent = serde_json::from_str(
//!     r#"{"id": "pi_1", "object": "payment_intent", "amount": 1099, "currency": "usd",
//!         "status": "succeeded", "livemode": false}"#,
//! )?;
//! assert_eq!(intent.status, PaymentIntentStatus::Succeeded);
//! # Ok::<(), serde_json::Error>(())
//! ```

#![warn(missing_docs)]

mod currency;
mod error;
pub mod konbini;
mod payment_intent;
mod setup_intent;

pub use currency::minor_unit_exponent;
pub use error::{ErrorType, GENERIC_MESSAGE, StripeError};
pub use payment_intent::{IdOrObject, NextAction, PaymentIntent, PaymentIntentStatus, RedirectToUrl};
pub use setup_intent::SetupIntent;
