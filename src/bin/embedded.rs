//! Stripe's Embedded Checkout, `/embedded`: the second way to pay.

use leptos::prelude::*;

fn main() {
    checkout_app::shared::start(|ready| view! { <checkout_app::embedded::EmbeddedPage ready /> }.into_any());
}
