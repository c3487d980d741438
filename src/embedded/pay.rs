use checkout_api::CheckoutSessionRequest;
use leptos::prelude::*;
use leptos_stripe::EmbeddedCheckout;
use leptos_stripe::stripe_wasm::{ClientSecretSource, StripeError};

use crate::i18n::tr;
use crate::shared::{OrderSummary, Ready, attempt};

/// The cart beside Stripe's Embedded Checkout. The Checkout Session is asked for when Stripe.js
/// mounts it (Stripe's advice), for this cart's attempt: a reload gets the same session.
#[component]
pub fn EmbeddedPay(ready: Ready) -> impl IntoView {
    let Ready { config, stripe } = ready;
    let cart = config.cart.clone();
    let request = CheckoutSessionRequest { attempt_id: attempt::for_cart(&cart), items: cart.items() };
    let client_secret = ClientSecretSource::fetch(move || {
        let request = request.clone();
        async move {
            crate::api::checkout_session(&request)
                .await
                .map(|session| session.client_secret)
                .map_err(|err| tr(err.shopper_message()).to_owned())
        }
    });
    let error = RwSignal::new(None::<String>);
    view! {
        <div class="checkout">
            <div class="summary-column">
                <OrderSummary cart=Signal::stored(cart) />
                <p class="other-way"><a href=crate::host::shop_page("/")>{tr("Pay with the card form instead")}</a></p>
            </div>
            <section class="payment embedded" aria-label=tr("Payment")>
                <EmbeddedCheckout
                    stripe
                    client_secret
                    id="embedded-checkout"
                    on_error=move |err: StripeError| error.set(Some(tr(err.shopper_message()).to_owned()))
                />
                <div class="payment-error" role="alert">{move || error.get()}</div>
            </section>
        </div>
    }
}
