use checkout_api::format_amount;
use checkout_api::stripe_common::PaymentIntentStatus;
use leptos::prelude::*;

use super::pay::Paid;
use crate::shared::OrderStatusLine;

/// What the page learned from Stripe.js, and the order as the webhooks confirm it.
#[component]
pub fn PaymentSucceeded(paid: Paid, poll_seconds: u32) -> impl IntoView {
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
            {paid.already_confirmed.then(|| view! {
                <p data-testid="already-paid">"This order was already paid. You have not been charged again."</p>
            })}
            <p class="reference">
                "Reference: " <code data-testid="payment-intent-id">{paid.payment_intent_id}</code>
            </p>
            <OrderStatusLine order_id=paid.order_id poll_seconds />
        </section>
    }
}
