//! The smallest deferred-intent checkout with leptos-stripe: the page renders while Stripe.js
//! loads, the Payment Element mounts when it arrives, and Pay validates the form, makes a
//! ConfirmationToken and sends its id to your server, which creates and confirms the
//! PaymentIntent (here `POST /api/confirm`, yours to name). Build it for wasm32 (Trunk).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_stripe::stripe_wasm::{ConfirmationTokenParams, ElementsOptions, Stripe};
use leptos_stripe::{Elements, PaymentElement, use_elements_handle};

const PUBLISHABLE_KEY: &str = "pk_test_your_key";
const STRIPE_JS: &str = "https://js.stripe.com/endive/stripe.js";

fn main() {
    leptos::mount::mount_to_body(|| {
        let (stripe, set_stripe) = signal_local(None::<Stripe>);
        spawn_local(async move {
            match Stripe::load(STRIPE_JS, PUBLISHABLE_KEY).await {
                Ok(loaded) => set_stripe.set(Some(loaded)),
                Err(err) => leptos::logging::error!("{err}"),
            }
        });
        view! {
            <Elements stripe options=Signal::stored(ElementsOptions::payment(2000, "usd"))>
                <PaymentElement />
                <PayButton />
            </Elements>
        }
    });
}

#[component]
fn PayButton() -> impl IntoView {
    let handle = use_elements_handle().expect("inside <Elements>");
    let message = RwSignal::new(String::new());
    let pay = move |_| {
        let (Some(stripe), Some(elements)) = (handle.stripe(), handle.elements()) else { return };
        spawn_local(async move {
            let result = async {
                elements.submit().await?;
                let token = stripe.create_confirmation_token(&elements, &ConfirmationTokenParams::default()).await?;
                Ok::<_, leptos_stripe::stripe_wasm::StripeError>(token.id)
            };
            match result.await {
                // Send the token's id to your server: it confirms the PaymentIntent with it.
                Ok(token) => message.set(format!("Send {token} to POST /api/confirm")),
                Err(err) => message.set(err.shopper_message().to_owned()),
            }
        });
    };
    view! {
        <button on:click=pay>"Pay $20.00"</button>
        <p role="status">{message}</p>
    }
}
