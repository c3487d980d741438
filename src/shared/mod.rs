//! What several pages use: the loaded configuration and Stripe.js, the checkout attempt, the
//! order summary, the order's status from the webhooks, a polling helper, the skeleton and the
//! load failure.

pub mod attempt;
mod focus;
mod load_failure;
mod order_status;
mod poll;
mod query;
mod ready;
mod shell;
mod skeleton;
mod summary;

pub use focus::focus_when_shown;
pub use load_failure::LoadFailure;
pub use order_status::{OrderStatusForPayment, OrderStatusLine};
pub use poll::poll;
pub use query::query_parameter;
pub use ready::{Ready, load};
pub use shell::{Shell, start};
pub use skeleton::CheckoutSkeleton;
pub use summary::OrderSummary;
