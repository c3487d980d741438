use std::sync::Arc;

use checkout_api::KonbiniStatus;
use checkout_api::stripe_common::PaymentIntentStatus;
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::Stripe;

use super::pay::{KonbiniFailure, KonbiniStarted, confirm};
use super::status::cancel_error;
use crate::i18n::tr;

/// While the payment is pending: issue a new voucher (confirming again voids the old one) or
/// cancel. Each answer updates `status`; what happened stays said after the buttons go.
#[component]
pub fn KonbiniActions(
    payment: Arc<KonbiniStarted>,
    stripe: Stripe,
    status: RwSignal<Option<KonbiniStatus>>,
) -> impl IntoView {
    let stripe = StoredValue::new_local(stripe);
    let (id, secret) = (payment.created.payment_intent_id.clone(), payment.created.client_secret.clone());
    let cancel = Action::new_local(move |(): &()| {
        let (id, secret) = (id.clone(), secret.clone());
        async move { crate::api::konbini_cancel(&id, &secret).await.map_err(|err| cancel_error(&err)) }
    });
    let reissue = Action::new_local(move |(): &()| {
        let (payment, stripe) = (payment.clone(), stripe.get_value());
        async move {
            let created = &payment.created;
            confirm(&stripe, &created.client_secret, &payment.request, created.confirmation_number.clone())
                .await
                .map_err(|failure| match failure {
                    KonbiniFailure::Field { message, .. } | KonbiniFailure::Other(message) => message,
                    _ => tr("Please try again later.").to_owned(),
                })
        }
    });
    leptos_stripe::effect(move || {
        if let Some(Ok(latest)) = cancel.value().get() {
            status.set(Some(latest));
        }
    });
    leptos_stripe::effect(move || {
        if let Some(Ok(intent)) = reissue.value().get() {
            status.update(|s| {
                if let Some(s) = s {
                    s.status = intent.status;
                    s.instructions = intent.next_action.and_then(|a| a.konbini_display_details);
                }
            });
        }
    });
    let busy = move || cancel.pending().get() || reissue.pending().get();
    let error = move || {
        [cancel.value().get().and_then(Result::err), reissue.value().get().and_then(Result::err)]
            .into_iter()
            .flatten()
            .next()
    };
    let notice = move || {
        matches!(reissue.value().get(), Some(Ok(_)))
            .then(|| tr("A new voucher was issued. The previous voucher and payment codes are no longer valid."))
    };
    let pending = move || status.with(|s| s.as_ref().is_some_and(|s| s.status == PaymentIntentStatus::RequiresAction));
    view! {
        <p class="notice" role="status">{notice}</p>
        <div class="payment-error" role="alert">{error}</div>
        <Show when=pending>
            <div class="konbini-actions">
                <button type="button" disabled=busy on:click=move |_| { reissue.dispatch(()); }>{tr("Issue a new voucher")}</button>
                <button type="button" class="secondary" disabled=busy on:click=move |_| { cancel.dispatch(()); }>{tr("Cancel payment")}</button>
            </div>
        </Show>
    }
}
