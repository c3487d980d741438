//! The objects the stand-in keeps, and their JSON as Stripe renders it. Each `to_json` emits
//! exactly the fields of Stripe's fixture for that resource (checked by `tests/fixtures.rs`).

mod account;
mod address;
mod application_fee;
mod billing;
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
mod timeline;

pub use account::{Account, BUSINESS_PROFILE_FIELDS, Controller, Person};
pub use address::{Shipping, billing_details_from, shipping_from};
pub use application_fee::{APPLICATION, ApplicationFee, FeeRefund};
pub use billing::{BalanceTransaction, Price, Product, Subscription};
pub use charge::{Charge, Refund};
pub use checkout_session::{CheckoutSession, DEFAULT_LIFETIME_SECONDS, LineItem, SessionStatus, UiMode};
pub use confirmation_token::ConfirmationToken;
pub use customer::Customer;
pub use customer_session::{CustomerSession, PaymentElementFeatures};
pub use intent::Intent;
pub use next_step::{NextAction, PaymentError};
pub use payment_intent::{KonbiniOptions, PaymentIntent, Pending, Status, TransferData};
pub use payment_method::{Card, Paying, PaymentMethod};
pub use setup_intent::SetupIntent;
pub use timeline::{Created, Timeline};

/// Where an object lives: on the platform (`None`) or on one of its connected accounts (made
/// with the `Stripe-Account` header). Another account's objects are not there for a request:
/// Stripe answers "No such ..." for them.
pub trait Owned {
    fn account(&self) -> Option<&str>;
}

macro_rules! owned {
    ($($kind:ty),*) => {
        $(impl Owned for $kind {
            fn account(&self) -> Option<&str> {
                self.account.as_deref()
            }
        })*
    };
}

owned!(
    Charge,
    CheckoutSession,
    ConfirmationToken,
    Customer,
    CustomerSession,
    PaymentIntent,
    PaymentMethod,
    SetupIntent
);

/// `found`, if it lives where the request is made (`scope`: `None` the platform, else a
/// connected account).
pub trait Within<T> {
    fn within(self, scope: Option<&str>) -> Self;
}

impl<T: Owned> Within<T> for Option<&T> {
    fn within(self, scope: Option<&str>) -> Self {
        self.filter(|found| found.account() == scope)
    }
}

impl<T: Owned> Within<T> for Option<&mut T> {
    fn within(self, scope: Option<&str>) -> Self {
        self.filter(|found| found.account() == scope)
    }
}
