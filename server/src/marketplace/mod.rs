//! The marketplace (Stripe Connect): the shop is a platform whose sellers are connected
//! accounts, each with its own products and a platform fee in basis points.
//!
//! How a seller is paid:
//! - **A new card** (the Payment Element, the platform's Stripe.js): a *destination charge* on
//!   the platform, `on_behalf_of` the seller (the seller is the merchant of record and its
//!   statement descriptor shows) with `transfer_data[destination]` the seller and the platform's
//!   `application_fee_amount`. Made on the platform, so a card the shopper asks to save is the
//!   platform customer's: the one copy every seller can be paid with later. A direct charge
//!   through a Stripe.js acting for the seller would leave the card on that seller only.
//! - **A saved card** ("Pay with Visa •••• 4242", no card entry): the platform card is shared
//!   (cloned) onto the seller's account, attached to the shopper's own customer there (made
//!   once per seller and remembered), and charged there: a *direct charge* on the seller's
//!   account with the platform's fee (docs.stripe.com/connect/direct-charges-multiple-accounts).
//!   A 3-D Secure challenge is handled by a Stripe.js made with `Stripe(pk, {stripeAccount})`.
//!
//! Both ways go through `crate::checkout` (one order per attempt and cart, one PaymentIntent per
//! order, replayable create requests), and the orders move by events alike: a direct charge's
//! come from the Connect endpoint, signed with its own secret (`crate::webhooks`).

pub mod accounts;
pub mod saved_card;
mod sellers;
mod store;

pub use sellers::{Seller, Sellers, parse_accounts};
pub use store::Store;
