//! The checkout page: a Leptos (CSR) app that shows the cart priced by the server, mounts the
//! Payment Element in deferred-intent mode, and pays with a ConfirmationToken the server
//! confirms.

pub mod api;
mod app;
pub mod components;
pub mod pay;

pub use app::App;
