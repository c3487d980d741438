use checkout_api::stripe_common::PaymentIntentStatus;
use leptos::prelude::*;

use super::pay::Paid;
use crate::i18n::tr;
use crate::shared::OrderStatusLine;
use crate::split::{NotLoaded, split};

/// The page's part of a successful payment: [`PaymentSucceeded`], whose code (the view and the
/// order status polling) is in the payment's chunk of the release build (the `pay` split
/// point), already loaded by the payment that succeeded.
#[component]
pub fn PaymentResult(paid: Paid, poll_seconds: u32) -> impl IntoView {
    let reference = paid.payment_intent_id.clone();
    let view = RwSignal::new(None::<Result<ViewFn, NotLoaded>>);
    leptos::task::spawn_local(async move { view.set(Some(succeeded_view(paid, poll_seconds).await)) });
    move || {
        view.get().map(|view| match view {
            Ok(view) => view.run(),
            // Only if the chunk could not be loaded again: the payment went through all the same.
            Err(NotLoaded) => view! {
                <section class="payment-result" role="status">
                    <h2>{tr("Payment received")}</h2>
                    <p class="reference">{tr("Reference:")} " " <code data-testid="payment-intent-id">{reference.clone()}</code></p>
                </section>
            }
            .into_any(),
        })
    }
}

split! {
    module pay;
    fn succeeded_view(paid: Paid, poll_seconds: u32) -> ViewFn {
        ViewFn::from(move || view! { <PaymentSucceeded paid=paid.clone() poll_seconds /> }.into_any())
    }
}

/// What the page learned from Stripe.js, and the order as the webhooks confirm it.
#[component]
pub fn PaymentSucceeded(paid: Paid, poll_seconds: u32) -> impl IntoView {
    let heading = match paid.status {
        PaymentIntentStatus::Processing => tr("Payment processing"),
        _ => tr("Payment succeeded"),
    };
    let heading_node = NodeRef::<leptos::html::H2>::new();
    crate::shared::focus_when_shown(heading_node);
    view! {
        <section class="payment-result" role="status" aria-live="polite">
            <h2 tabindex="-1" node_ref=heading_node>{heading}</h2>
            <p>
                {tr("Amount:")} " " <strong data-testid="paid-amount">{crate::i18n::money(paid.amount, &paid.currency)}</strong>
            </p>
            {paid.already_confirmed.then(|| view! {
                <p data-testid="already-paid">{tr("This order was already paid. You have not been charged again.")}</p>
            })}
            <p class="reference">
                {tr("Reference:")} " " <code data-testid="payment-intent-id">{paid.payment_intent_id}</code>
            </p>
            <OrderStatusLine order_id=paid.order_id poll_seconds />
        </section>
    }
}
