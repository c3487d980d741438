//! The embedded checkout's shell: the shop's pages without the shop's header, inside the host
//! element. What the host handed in is applied once the configuration is there: its cart
//! priced by the server (in dollars for the card at once, in yen when the shopper first picks
//! konbini, so a cart konbini cannot take never stops the card; unknown products are refused
//! and said), its Appearance variables over the server's look.

use checkout_api::{Cart, CartItem, PriceRequest};
use leptos::prelude::*;

use super::{EmbedOptions, Method, events};
use crate::checkout::CheckoutPage;
use crate::complete::CompletePage;
use crate::konbini::KonbiniPage;
use crate::shared::{CheckoutSkeleton, LoadFailure, Ready, load, query_parameter};

#[component]
pub fn EmbeddedShop(options: EmbedOptions) -> impl IntoView {
    let loading = RwSignal::new_local(None::<Result<Ready, String>>);
    let start = {
        let options = options.clone();
        move || {
            loading.set(None);
            let options = options.clone();
            leptos::task::spawn_local(async move {
                let loaded = load_for(&options).await;
                if let Err(message) = &loaded {
                    events::failed("load_failed", message);
                }
                loading.set(Some(loaded));
            });
        }
    };
    start();
    let method = RwSignal::new(options.method);
    let email = options.email.clone().unwrap_or_default();
    let yen = RwSignal::new_local(None::<Result<Cart, String>>);
    let items = options.cart.clone();
    // Back from a redirect (Stripe's `return_url` is this page): the result, not the form.
    let returned = query_parameter("payment_intent_client_secret").is_some();
    let content = move || match loading.get() {
        None => view! { <CheckoutSkeleton /> }.into_any(),
        Some(Err(message)) => {
            let start = start.clone();
            view! { <LoadFailure message on_retry=move |_| start() /> }.into_any()
        }
        Some(Ok(ready)) if returned => view! { <CompletePage ready /> }.into_any(),
        Some(Ok(ready)) => {
            let (email, items) = (email.clone(), items.clone());
            view! {
                <MethodChoice method />
                {move || match method.get() {
                    Method::Card => view! { <CheckoutPage ready=ready.clone() /> }.into_any(),
                    Method::Konbini => view! { <InYen ready=ready.clone() items=items.clone() email=email.clone() yen /> }.into_any(),
                }}
            }
            .into_any()
        }
    };
    view! { <div class="page embedded-shop">{content}</div> }
}

/// The konbini page for the host's cart priced in yen (the server's own yen cart when the
/// host gave none), asked for once, and again after a failure.
#[component]
fn InYen(
    ready: Ready,
    items: Option<Vec<CartItem>>,
    email: String,
    yen: RwSignal<Option<Result<Cart, String>>, LocalStorage>,
) -> impl IntoView {
    let default_cart = ready.config.konbini.cart.clone();
    let price = move || {
        let Some(items) = items.clone() else {
            yen.set(Some(Ok(default_cart.clone())));
            return;
        };
        yen.set(None);
        leptos::task::spawn_local(async move {
            let request = PriceRequest { items, discount_code: None };
            let priced = crate::api::konbini_price(&request).await.map_err(cart_refused);
            if let Err(message) = &priced {
                events::failed("load_failed", message);
            }
            yen.set(Some(priced));
        });
    };
    if !matches!(yen.get_untracked(), Some(Ok(_))) {
        price();
    }
    move || match yen.get() {
        None => view! { <CheckoutSkeleton /> }.into_any(),
        Some(Err(message)) => {
            let price = price.clone();
            view! { <LoadFailure message on_retry=move |_| price() /> }.into_any()
        }
        Some(Ok(cart)) => {
            let mut ready = ready.clone();
            ready.config.konbini.cart = cart;
            view! { <KonbiniPage ready email=email.clone() /> }.into_any()
        }
    }
}

/// Card or konbini: two toggle buttons (the shop's own pages link to each other instead).
#[component]
fn MethodChoice(method: RwSignal<Method>) -> impl IntoView {
    let choice = move |which: Method, label: &'static str| {
        view! {
            <button type="button" aria-pressed=move || (method.get() == which).to_string()
                on:click=move |_| method.set(which)>{label}</button>
        }
    };
    view! {
        <div class="method-choice" role="group" aria-label=crate::i18n::tr("Payment method")>
            {choice(Method::Card, crate::i18n::tr("Card (USD)"))}
            {choice(Method::Konbini, crate::i18n::tr("Konbini (JPY)"))}
        </div>
    }
}

/// The configuration and Stripe.js (as for the shop's pages), then what the host handed in.
async fn load_for(options: &EmbedOptions) -> Result<Ready, String> {
    let mut ready = load().await?;
    if !options.appearance.is_empty() {
        ready.config.look.variables.extend(options.appearance.clone());
        crate::look::apply_to_page(&ready.config.look);
    }
    if let Some(items) = &options.cart {
        let request = PriceRequest { items: items.clone(), discount_code: None };
        ready.config.cart = crate::api::price(&request).await.map_err(cart_refused)?;
    }
    Ok(ready)
}

/// The server's reason (an unknown product, a bad quantity), for the merchant's developer and
/// the shopper alike.
fn cart_refused(error: checkout_api::stripe_common::StripeError) -> String {
    crate::i18n::tr_with("This cart cannot be paid for: {}", error.message.as_deref().unwrap_or("the shop refused it."))
}
