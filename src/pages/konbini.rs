use std::sync::Arc;

use checkout_api::stripe_common::PaymentIntent;
use checkout_api::{KonbiniPaymentRequest, KonbiniPaymentResponse};
use leptos::prelude::*;

use crate::Ready;
use crate::components::{KonbiniForm, KonbiniInstructions, OrderSummary};

/// A konbini payment started: what the server created, what Stripe.js answered, and the form
/// (needed again to issue new instructions).
#[derive(Debug, Clone)]
pub struct KonbiniStarted {
    pub created: KonbiniPaymentResponse,
    pub intent: PaymentIntent,
    pub request: KonbiniPaymentRequest,
}

/// Paying at a Japanese convenience store: the cart in yen, the shopper's name, email and phone,
/// then the payment instructions and the payment's live status.
#[component]
pub fn KonbiniPage(ready: Ready) -> impl IntoView {
    let Some(konbini) = ready.config.konbini.clone() else {
        return view! { <p class="load-failure">"コンビニ決済はご利用いただけません。 Konbini payments are not offered."</p> }.into_any();
    };
    let started = RwSignal::new(None::<Arc<KonbiniStarted>>);
    let poll_seconds = ready.config.poll_seconds;
    let cart = konbini.cart.clone();
    let stripe = ready.stripe;
    view! {
        <div class="checkout konbini" lang="ja">
            <div class="summary-column">
                <OrderSummary cart />
                <p class="other-way"><a href="/" lang="en">"Pay by card instead (USD)"</a></p>
            </div>
            <section class="payment" aria-label="コンビニ決済 Konbini payment">
                {move || match started.get() {
                    None => view! {
                        <KonbiniForm cart=konbini.cart.clone() stripe=stripe.clone() on_started=move |s| started.set(Some(Arc::new(s))) />
                    }
                    .into_any(),
                    Some(payment) => view! {
                        <KonbiniInstructions payment stripe=stripe.clone() poll_seconds />
                    }
                    .into_any(),
                }}
            </section>
        </div>
    }
    .into_any()
}
