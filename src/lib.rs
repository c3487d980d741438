//! The checkout app (Leptos, client-side rendered), a folder per feature: `checkout` (the card
//! checkout at `/`), `konbini` (`/konbini`), `complete` (the `return_url` page), `marketplace`
//! (`/marketplace`: sellers paid with a new or a saved card), and `shared`
//! (what several pages use). `api` is the server's `/api`, `look` the theme of page and
//! Elements. Each page is its own entry (`src/main.rs` is the card checkout, `src/bin/` the
//! others), built into a wasm of its own: the card checkout downloads nothing of the others.
//! `split` holds the split points: code a page needs only after the shopper acts, which the
//! release build leaves out of the page's first load.

pub mod api;
pub mod checkout;
pub mod complete;
#[cfg(feature = "embed")]
pub mod embed;
pub mod embedded;
mod host;
pub mod i18n;
mod json;
pub mod konbini;
pub mod look;
pub mod marketplace;
pub mod shared;
mod split;

pub use shared::Ready;
