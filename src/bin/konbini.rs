//! Paying at a Japanese convenience store, `/konbini`.

use leptos::prelude::*;

fn main() {
    checkout_app::shared::start(|ready| view! { <checkout_app::konbini::KonbiniPage ready /> }.into_any());
}
