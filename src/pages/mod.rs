mod checkout;
mod complete;

pub use checkout::CheckoutPage;
pub use complete::{CompletePage, PaymentStatus};
