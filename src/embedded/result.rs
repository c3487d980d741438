use leptos::prelude::*;

use crate::i18n::{n_, tr};
use crate::shared::{OrderStatusLine, attempt};

/// What Stripe's Checkout did, by the session Stripe sent the shopper back with, and the order
/// as the webhooks settle it.
#[component]
pub fn SessionResult(session_id: String, poll_seconds: u32) -> impl IntoView {
    let session = LocalResource::new(move || {
        let id = session_id.clone();
        async move { crate::api::checkout_session_status(&id).await.map_err(|e| tr(e.shopper_message()).to_owned()) }
    });
    move || match session.get() {
        None => view! { <p class="payment-result" aria-busy="true">{tr("Checking your payment…")}</p> }.into_any(),
        Some(Err(message)) => view! {
            <section class="payment-result" role="alert">
                <h2>{tr("We could not find that payment")}</h2>
                <p>{message}</p>
                <a href=crate::host::shop_page("/embedded")>{tr("Back to checkout")}</a>
            </section>
        }
        .into_any(),
        Some(Ok(view)) if view.payment_status == "paid" => {
            // The attempt is paid: coming back to the checkout is a new purchase.
            attempt::finish();
            let amount = match (view.amount_total, &view.currency) {
                (Some(amount), Some(currency)) => crate::i18n::money(amount, currency),
                _ => String::new(),
            };
            view! {
                <section class="payment-result" role="status" aria-live="polite">
                    <h2>{tr("Payment succeeded")}</h2>
                    <p>{tr("Amount:")} " " <strong data-testid="paid-amount">{amount}</strong></p>
                    {view.order_id.map(|order_id| view! { <OrderStatusLine order_id poll_seconds /> })}
                </section>
            }
            .into_any()
        }
        Some(Ok(view)) => {
            let expired = view.status == "expired";
            view! {
                <section class="payment-result" role="alert">
                    <h2>{tr(if expired { n_("This checkout has expired") } else { n_("Your payment was not completed") })}</h2>
                    <p>{tr("Nothing was charged. You can start again.")}</p>
                    <a href=crate::host::shop_page("/embedded")>{tr("Back to checkout")}</a>
                </section>
            }
            .into_any()
        }
    }
}
