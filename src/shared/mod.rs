//! What several pages use: the loaded configuration and Stripe.js, the checkout attempt, the
//! order summary, the order's status from the webhooks, a polling helper, the skeleton and the
//! load failure.

pub mod attempt;
mod load_failure;
mod order_status;
mod poll;
mod ready;
mod skeleton;
mod summary;

pub use load_failure::LoadFailure;
pub use order_status::{OrderStatusForPayment, OrderStatusLine};
pub use poll::poll;
pub use ready::{Loading, Ready, load};
pub use skeleton::CheckoutSkeleton;
pub use summary::OrderSummary;

/// Removes the skeleton the server wrote into `index.html`, once the app shows its own.
pub fn remove_boot_skeleton() {
    if let Some(skeleton) = leptos::prelude::document().get_element_by_id("boot-skeleton") {
        skeleton.remove();
    }
}
