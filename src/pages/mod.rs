mod checkout;
mod complete;
mod konbini;

pub use checkout::CheckoutPage;
pub use complete::{CompletePage, PaymentStatus};
pub use konbini::{KonbiniPage, KonbiniStarted};
