//! The second way to pay, `/embedded`: Stripe's Embedded Checkout (Stripe's whole payment form
//! in the page, for a Checkout Session the server creates for the priced cart) instead of the
//! Payment Element. A merchant links to `/` or `/embedded`, whichever they prefer. Stripe sends
//! the shopper back here with `session_id` once paid.

mod pay;
mod result;

use leptos::prelude::*;

use crate::shared::{Ready, query_parameter};

pub use pay::EmbeddedPay;
pub use result::SessionResult;

#[component]
pub fn EmbeddedPage(ready: Ready) -> impl IntoView {
    let poll_seconds = ready.config.poll_seconds;
    match query_parameter("session_id") {
        Some(session_id) => view! { <SessionResult session_id poll_seconds /> }.into_any(),
        None => view! { <EmbeddedPay ready /> }.into_any(),
    }
}
