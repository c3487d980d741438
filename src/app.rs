use checkout_api::ConfigResponse;
use leptos::prelude::*;
use leptos_stripe::Elements;
use leptos_stripe::stripe_wasm::{Appearance, ElementsOptions, PaymentMethodCreation, Stripe, Theme};

use crate::components::{CheckoutForm, CheckoutSkeleton, LoadFailure, OrderSummary, PaymentSucceeded};
use crate::pay::Paid;

/// Everything the checkout needs before it can be shown.
#[derive(Clone)]
struct Ready {
    config: ConfigResponse,
    stripe: Stripe,
}

async fn load() -> Result<Ready, String> {
    let config = crate::api::config()
        .await
        .map_err(|_| "We could not reach the shop. Check your connection and try again.".to_owned())?;
    let stripe = Stripe::load(&config.stripe_js_url, &config.publishable_key).await.map_err(|err| {
        leptos::logging::error!("{err}");
        "The secure payment form (Stripe.js) could not be loaded. If an ad or script blocker is active, \
         allow js.stripe.com and try again."
            .to_owned()
    })?;
    Ok(Ready { config, stripe })
}

#[component]
pub fn App() -> impl IntoView {
    let checkout = LocalResource::new(load);
    view! {
        <header class="site-header">
            <span class="brand">"Ferris & Co."</span>
            <span class="secure">"Secure checkout"</span>
        </header>
        <main class="page">
            {move || match checkout.get() {
                None => view! { <CheckoutSkeleton /> }.into_any(),
                Some(Err(message)) => view! { <LoadFailure message on_retry=move |_| checkout.refetch() /> }.into_any(),
                Some(Ok(ready)) => view! { <Checkout ready /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Checkout(ready: Ready) -> impl IntoView {
    let cart = ready.config.cart;
    let paid = RwSignal::new(None::<Paid>);
    let options = ElementsOptions {
        payment_method_creation: Some(PaymentMethodCreation::Manual),
        appearance: Some(appearance()),
        ..ElementsOptions::payment(cart.total, &cart.currency)
    };
    let form_cart = cart.clone();
    view! {
        <div class="checkout">
            <OrderSummary cart />
            <section class="payment" aria-label="Payment">
                {move || match paid.get() {
                    Some(paid) => view! { <PaymentSucceeded paid /> }.into_any(),
                    None => {
                        // Children are built once (FnOnce): hand them their own copies.
                        let (stripe, cart) = (ready.stripe.clone(), form_cart.clone());
                        view! {
                            <Elements stripe options=Signal::stored(options.clone())>
                                <CheckoutForm cart on_paid=move |p| paid.set(Some(p)) />
                            </Elements>
                        }
                        .into_any()
                    }
                }}
            </section>
        </div>
    }
}

/// The page's own colours and shapes, given to Stripe so the Payment Element matches them
/// (the same values as the custom properties in style/main.css).
fn appearance() -> Appearance {
    let variables = [
        ("colorPrimary", "#5b3cc4"),
        ("colorText", "#1f1d2b"),
        ("colorDanger", "#c62839"),
        ("fontFamily", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"),
        ("borderRadius", "8px"),
    ];
    Appearance {
        theme: Some(Theme::Stripe),
        variables: variables.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect(),
        ..Default::default()
    }
}
