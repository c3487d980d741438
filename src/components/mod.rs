mod checkout_form;
mod discount_form;
mod konbini_form;
mod konbini_instructions;
mod load_failure;
mod order_status;
mod order_summary;
mod payment_succeeded;
mod skeleton;

pub use checkout_form::CheckoutForm;
pub use discount_form::DiscountForm;
pub use konbini_form::KonbiniForm;
pub use konbini_instructions::KonbiniInstructions;
pub use load_failure::LoadFailure;
pub use order_status::{OrderStatusForPayment, OrderStatusLine};
pub use order_summary::OrderSummary;
pub use payment_succeeded::PaymentSucceeded;
pub use skeleton::CheckoutSkeleton;
