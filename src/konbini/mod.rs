//! Paying at a Japanese convenience store: the cart in yen, the shopper's name, email and phone,
//! then the payment instructions and the payment's live status.

mod actions;
mod details;
mod failure;
mod field;
mod form;
mod instructions;
mod pay;
mod status;
mod text;
pub mod time;

use std::sync::Arc;

use leptos::prelude::*;

pub use form::KonbiniForm;
pub use instructions::KonbiniInstructions;
pub use pay::{KonbiniFailure, KonbiniStarted, pay_at_konbini};

use crate::i18n::tr;
use crate::shared::{OrderSummary, Ready};

#[component]
pub fn KonbiniPage(
    ready: Ready,
    /// The shopper's email when the shop knows it.
    #[prop(optional)]
    email: String,
) -> impl IntoView {
    let cart = ready.config.konbini.cart.clone();
    crate::host::ready();
    let started = RwSignal::new(None::<Arc<KonbiniStarted>>);
    let poll_seconds = ready.config.poll_seconds;
    let stripe = ready.stripe;
    #[cfg(not(feature = "embed"))]
    let other_way =
        view! { <p class="other-way"><a href=crate::host::checkout_url()>{tr("Pay by card instead (USD)")}</a></p> };
    #[cfg(feature = "embed")]
    let other_way = ();
    view! {
        <div class="checkout konbini">
            <div class="summary-column">
                <OrderSummary cart=cart.clone() />
                {other_way}
            </div>
            <section class="payment" aria-label=tr("Konbini payment")>
                {move || match started.get() {
                    None => view! {
                        <KonbiniForm cart=cart.clone() stripe=stripe.clone() email=email.clone() on_started=move |s: KonbiniStarted| {
                            let expires_at = s.intent.next_action.as_ref().and_then(|a| a.konbini_display_details.as_ref()).map(|d| d.expires_at);
                            crate::host::konbini_pending(&s.created.order_id, expires_at);
                            started.set(Some(Arc::new(s)))
                        } />
                    }
                    .into_any(),
                    Some(payment) => view! {
                        <KonbiniInstructions payment stripe=stripe.clone() poll_seconds on_again=move |()| started.set(None) />
                    }
                    .into_any(),
                }}
            </section>
        </div>
    }
}
