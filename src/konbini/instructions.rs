use std::sync::Arc;

use checkout_api::KonbiniStatus;
use checkout_api::stripe_common::PaymentIntentStatus;
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::Stripe;

use super::actions::KonbiniActions;
use super::details::KonbiniDetails;
use super::pay::KonbiniStarted;
use super::status::{initial_status, is_settled, status_text};
use crate::i18n::tr;
use crate::shared::{OrderStatusLine, poll};

/// How to pay at the store (from `next_action.konbini_display_details`), and the payment's
/// status, asked from the server every `poll_seconds` until it is settled.
#[component]
pub fn KonbiniInstructions(
    payment: Arc<KonbiniStarted>,
    stripe: Stripe,
    poll_seconds: u32,
    /// "Pay at a konbini again": back to the form, in place (an embedded checkout too).
    #[prop(into)]
    on_again: Callback<()>,
) -> impl IntoView {
    let (id, secret) = (payment.created.payment_intent_id.clone(), payment.created.client_secret.clone());
    let status = poll(
        poll_seconds,
        Some(initial_status(&payment)),
        move || {
            let (id, secret) = (id.clone(), secret.clone());
            async move { crate::api::konbini_status(&id, &secret).await.ok() }
        },
        is_settled,
    );
    let current = move || status.get().expect("starts with Stripe.js's answer");
    let amount = crate::i18n::money(payment.created.amount, &payment.created.currency);
    let details = move || {
        let KonbiniStatus { status, instructions, .. } = current();
        let amount = amount.clone();
        (status == PaymentIntentStatus::RequiresAction)
            .then(|| instructions.map(|details| view! { <KonbiniDetails details amount /> }))
    };
    let elsewhere =
        move || matches!(current().status, PaymentIntentStatus::RequiresPaymentMethod | PaymentIntentStatus::Canceled);
    let heading = NodeRef::<leptos::html::H2>::new();
    crate::shared::focus_when_shown(heading);
    view! {
        <section class="konbini-instructions" aria-labelledby="konbini-heading">
            <h2 id="konbini-heading" tabindex="-1" node_ref=heading>{tr("How to pay at the store")}</h2>
            <p class="konbini-status" role="status" aria-live="polite" data-status=move || current().status.as_str()>
                {move || status_text(&current())}
            </p>
            <OrderStatusLine order_id=payment.created.order_id.clone() poll_seconds />
            {details}
            <KonbiniActions payment=payment.clone() stripe status />
            <Show when=elsewhere>
                <p class="konbini-actions">
                    <button type="button" on:click=move |_| on_again.run(())>{tr("Pay at a konbini again")}</button>
                    " · " <a href=crate::host::checkout_url() rel="external">{tr("Pay by card")}</a>
                </p>
            </Show>
        </section>
    }
}
