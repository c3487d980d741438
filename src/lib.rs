//! The checkout app (Leptos, client-side rendered), a folder per feature: `checkout` (the card
//! checkout at `/`), `konbini` (`/konbini`), `complete` (the `return_url` page), and `shared`
//! (what several pages use). `api` is the server's `/api`, `look` the theme of page and
//! Elements.

pub mod api;
mod app;
pub mod checkout;
pub mod complete;
pub mod konbini;
pub mod look;
pub mod shared;

pub use app::App;
pub use shared::Ready;
