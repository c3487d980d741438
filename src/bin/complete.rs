//! The return page after a redirect, `/complete`.

use leptos::prelude::*;

fn main() {
    checkout_app::shared::start(|ready| view! { <checkout_app::complete::CompletePage ready /> }.into_any());
}
