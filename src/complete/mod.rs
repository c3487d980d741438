//! The `return_url` page: Stripe sends the shopper here after a redirect (3-D Secure on
//! another page, redirect-based payment methods) with `payment_intent_client_secret` in the
//! query string. The PaymentIntent's status decides what to say; the order line follows the
//! webhooks.

mod status;

use checkout_api::OrderView;
use checkout_api::stripe_common::PaymentIntentStatus;
use leptos::prelude::*;

pub use status::PaymentStatus;

use crate::i18n::tr;
use crate::shared::{OrderStatusForPayment, Ready, attempt, query_parameter};

#[component]
pub fn CompletePage(ready: Ready) -> impl IntoView {
    let secret = query_parameter("payment_intent_client_secret");
    let poll_seconds = ready.config.poll_seconds;
    let stripe = ready.stripe;
    let intent = LocalResource::new({
        let secret = secret.clone();
        move || {
            let (stripe, secret) = (stripe.clone(), secret.clone());
            async move {
                let secret = secret.ok_or_else(|| tr("This page needs a payment to show.").to_owned())?;
                stripe.retrieve_payment_intent(&secret).await.map_err(|e| tr(e.shopper_message()).to_owned())
            }
        }
    });
    move || match intent.get() {
        None => view! { <p class="payment-result" aria-busy="true">{tr("Checking your payment…")}</p> }.into_any(),
        Some(Err(message)) => view! {
            <section class="payment-result" role="alert">
                <h2>{tr("We could not find that payment")}</h2>
                <p>{message}</p>
                <a href=crate::host::checkout_url()>{tr("Back to checkout")}</a>
            </section>
        }
        .into_any(),
        Some(Ok(intent)) => {
            if intent.status == PaymentIntentStatus::Succeeded {
                // The attempt is paid: coming back to the checkout is a new purchase.
                attempt::finish();
            }
            let (payment_intent, client_secret) = (intent.id.clone(), secret.clone().unwrap_or_default());
            let went_through =
                matches!(intent.status, PaymentIntentStatus::Succeeded | PaymentIntentStatus::Processing);
            if intent.status == PaymentIntentStatus::RequiresPaymentMethod {
                crate::host::failed(
                    "payment_intent_authentication_failure",
                    &tr("Your payment was not successful, please try again."),
                );
            }
            let on_order = move |order: OrderView| {
                if went_through {
                    crate::host::paid(&order.id, order.amount, &order.currency);
                }
            };
            view! {
                <PaymentStatus intent>
                    <OrderStatusForPayment payment_intent client_secret poll_seconds on_order />
                </PaymentStatus>
            }
            .into_any()
        }
    }
}
