//! The checkout page: a Leptos (CSR) app that shows the cart priced by the server, mounts the
//! Payment Element in deferred-intent mode, and pays with a ConfirmationToken the server
//! confirms. `/complete` is the `return_url` page.

// `StripeError` carries every field of Stripe's error object, as callers expect; errors are
// rare and off the hot path, so boxing it would only make the API clumsier.
#![allow(clippy::result_large_err)]

pub mod api;
mod app;
mod attempt;
pub mod components;
pub mod konbini_pay;
mod loader;
pub mod look;
pub mod pages;
pub mod pay;
pub mod time;

pub use app::App;
pub use loader::Ready;
