//! The card checkout, `/`.

use leptos::prelude::*;

fn main() {
    checkout_app::shared::start(|ready| view! { <checkout_app::checkout::CheckoutPage ready /> }.into_any());
}
