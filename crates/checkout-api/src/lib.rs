//! The contract between the checkout app (browser) and its server: request and response
//! bodies of `/api`, the validation rules both sides apply, and money formatting.
//!
//! JSON field names are camelCase; errors are Stripe's error shape under `"error"`
//! (`{"error": {"type", "code", "message", ...}}`) so that one type describes a failure
//! whether it came from Stripe.js, from Stripe via the server, or from the server itself.

pub mod bnpl;
mod cart;
mod checkout;
mod config;
mod embedded;
mod error;
mod konbini;
mod look;
mod marketplace;
mod money;
mod offer;
mod order;
pub mod texts;

pub use cart::{Cart, CartItem, CartLine, Discount, MAX_LINES, MAX_QUANTITY, PriceRequest, validate_items};
pub use checkout::{ConfirmRequest, ConfirmResponse, is_attempt_id};
pub use config::{AddressCollection, ConfigResponse, SessionState, SessionView};
pub use embedded::{CheckoutSessionRequest, CheckoutSessionResponse, CheckoutSessionView, is_checkout_session_id};
pub use error::{ApiErrorBody, ValidationError};
pub use konbini::{
    FormProblem, KonbiniCancelRequest, KonbiniConfig, KonbiniPaymentRequest, KonbiniPaymentResponse, KonbiniStatus,
};
pub use look::{LayoutName, Look, ThemeName};
pub use marketplace::{
    MarketplaceView, OrderSeller, SavedCard, SavedCardPaymentRequest, SavedCards, SellerView, is_seller_id,
};
pub use money::format_amount;
pub use offer::{OFFER_METHODS, OfferRequest, OfferResponse, OfferSuggestion};
pub use order::{OrderForPaymentQuery, OrderStatus, OrderView};
pub use stripe_common;
