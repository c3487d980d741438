use checkout_api::format_amount;
use checkout_api::stripe_common::{PaymentIntent, PaymentIntentStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::Ready;
use crate::components::OrderStatusForPayment;

/// The `return_url` page: Stripe sends the shopper here after a redirect (3-D Secure on
/// another page, redirect-based payment methods) with `payment_intent_client_secret` in the
/// query string. The PaymentIntent's status decides what to say.
#[component]
pub fn CompletePage(ready: Ready) -> impl IntoView {
    let secret = use_query_map().with_untracked(|q| q.get("payment_intent_client_secret"));
    let poll_seconds = ready.config.poll_seconds;
    let stripe = ready.stripe;
    let intent = LocalResource::new({
        let secret = secret.clone();
        move || {
            let (stripe, secret) = (stripe.clone(), secret.clone());
            async move {
                match secret {
                    Some(secret) => {
                        stripe.retrieve_payment_intent(&secret).await.map_err(|e| e.shopper_message().to_owned())
                    }
                    None => Err("This page needs a payment to show.".to_owned()),
                }
            }
        }
    });
    move || match intent.get() {
        None => view! { <p class="payment-result" aria-busy="true">"Checking your payment…"</p> }.into_any(),
        Some(Err(message)) => view! {
            <section class="payment-result" role="alert">
                <h2>"We could not find that payment"</h2>
                <p>{message}</p>
                <a href="/">"Back to checkout"</a>
            </section>
        }
        .into_any(),
        Some(Ok(intent)) => {
            if intent.status == PaymentIntentStatus::Succeeded {
                // The attempt is paid: coming back to the checkout is a new purchase.
                crate::attempt::finish();
            }
            let order = view! {
                <OrderStatusForPayment
                    payment_intent=intent.id.clone()
                    client_secret=secret.clone().unwrap_or_default()
                    poll_seconds
                />
            };
            view! { <PaymentStatus intent>{order}</PaymentStatus> }.into_any()
        }
    }
}

/// What a PaymentIntent's status means for the shopper, in Stripe's suggested words.
#[component]
pub fn PaymentStatus(intent: PaymentIntent, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let amount = format_amount(intent.amount, &intent.currency);
    let (heading, text, retry) = match intent.status {
        PaymentIntentStatus::Succeeded => {
            ("Payment succeeded", format!("We received your payment of {amount}."), false)
        }
        PaymentIntentStatus::Processing => (
            "Payment processing",
            format!("Your payment of {amount} is processing. We'll let you know when it is received."),
            false,
        ),
        PaymentIntentStatus::RequiresPaymentMethod => {
            ("Payment failed", "Your payment was not successful, please try again.".to_owned(), true)
        }
        _ => ("Payment not completed", "Something went wrong with your payment, please try again.".to_owned(), true),
    };
    view! {
        <section class="payment-result" role="status" data-status=format!("{:?}", intent.status)>
            <h2>{heading}</h2>
            <p>{text}</p>
            <p class="reference">"Reference: " <code data-testid="payment-intent-id">{intent.id}</code></p>
            {children.map(|children| children())}
            {retry.then(|| view! { <a class="retry" href="/">"Back to checkout"</a> })}
        </section>
    }
}
