use checkout_api::format_amount;
use checkout_api::stripe_common::PaymentIntentStatus;
use leptos::prelude::*;

use crate::pay::Paid;

#[component]
pub fn PaymentSucceeded(paid: Paid) -> impl IntoView {
    let heading = match paid.status {
        PaymentIntentStatus::Processing => "Payment processing",
        _ => "Payment succeeded",
    };
    view! {
        <section class="payment-result" role="status" aria-live="polite">
            <h2>{heading}</h2>
            <p>
                "Amount: " <strong data-testid="paid-amount">{format_amount(paid.amount, &paid.currency)}</strong>
            </p>
            <p class="reference">
                "Reference: " <code data-testid="payment-intent-id">{paid.payment_intent_id}</code>
            </p>
        </section>
    }
}
