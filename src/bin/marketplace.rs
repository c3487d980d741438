//! The marketplace, `/marketplace`: sellers paid with a new card or a saved one.

use leptos::prelude::*;

fn main() {
    checkout_app::shared::start(|ready| view! { <checkout_app::marketplace::MarketplacePage ready /> }.into_any());
}
