//! The add-on offer experiment on the checkout (`POST /api/offers`, `server/src/offers.rs`):
//! when the shopper chooses a buy-now-pay-later method in the Payment Element (its `change`
//! event's `value.type`), the page asks the server, which knows the visitor's variant; the
//! `addon` variant suggests one product, which the shopper may add (the cart is priced again, and
//! the Elements amount follows). The order is told the shopper was in the experiment
//! (`offerShown`); which variant is the server's to say. Part of the checkout's extras chunk but
//! for the few lines the form needs (`OfferChoice`, `chosen_type`).

use checkout_api::{Cart, CartItem, OFFER_METHODS, OfferRequest, PriceRequest};
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::RawEvent;

use crate::i18n::tr;

/// What the form tells the offer, and the offer the order.
#[derive(Debug, Clone, Copy)]
pub struct OfferChoice {
    /// The payment method type chosen in the Payment Element.
    pub method: RwSignal<Option<String>>,
    /// The page asked for the offer (the shopper is in the experiment).
    pub shown: RwSignal<bool>,
}

impl Default for OfferChoice {
    fn default() -> Self {
        Self { method: RwSignal::new(None), shown: RwSignal::new(false) }
    }
}

/// The Payment Element's `change` event's `value.type`.
pub fn chosen_type(event: &RawEvent) -> Option<String> {
    let value = js_sys::Reflect::get(event.as_js(), &"value".into()).ok()?;
    js_sys::Reflect::get(&value, &"type".into()).ok()?.as_string()
}

/// The suggestion, once the shopper chose a BNPL method and the server answered with one.
#[component]
pub fn AddonOffer(cart: RwSignal<Cart>, choice: OfferChoice, #[prop(into)] locked: Signal<bool>) -> impl IntoView {
    let ask = Action::new_local(move |method: &String| {
        let request = OfferRequest { items: cart.with_untracked(Cart::items), method: method.clone() };
        async move { crate::api::offer(&request).await }
    });
    // Asked once, when a BNPL method is first chosen.
    leptos_stripe::effect(move || {
        let bnpl = choice.method.with(|m| m.as_deref().is_some_and(|m| OFFER_METHODS.contains(&m)));
        if bnpl && ask.value().with_untracked(Option::is_none) && !ask.pending().get_untracked() {
            ask.dispatch(choice.method.get_untracked().unwrap_or_default());
        }
    });
    leptos_stripe::effect(move || {
        if ask.value().with(|answer| matches!(answer, Some(Ok(offer)) if offer.variant.is_some())) {
            choice.shown.set(true);
        }
    });
    let add = Action::new_local(move |product_id: &String| {
        let mut items = cart.with_untracked(Cart::items);
        items.push(CartItem { product_id: product_id.clone(), quantity: 1 });
        let request = PriceRequest { items, discount_code: cart.with_untracked(Cart::discount_code) };
        async move { crate::api::price(&request).await }
    });
    leptos_stripe::effect(move || {
        if let Some(Ok(priced)) = add.value().get() {
            cart.set(priced);
        }
    });
    move || {
        let offer = ask.value().get().and_then(Result::ok)?.suggestion?;
        let bnpl = choice.method.with(|m| m.as_deref().is_some_and(|m| OFFER_METHODS.contains(&m)));
        let in_cart = cart.with(|c| c.items().iter().any(|item| item.product_id == offer.product_id));
        (bnpl && !in_cart).then(|| {
            let price = crate::i18n::money(offer.unit_amount, &offer.currency);
            let product = offer.product_id.clone();
            view! {
                <aside class="addon-offer" aria-label=tr("A suggestion")>
                    <p>{crate::i18n::tr_with("Paying later? Add {} to your order.", tr(&offer.name))} " " <strong>{price}</strong></p>
                    <button type="button" class="link" disabled=move || locked.get() || add.pending().get()
                        on:click=move |_| { add.dispatch(product.clone()); }>
                        {tr("Add to order")}
                    </button>
                </aside>
            }
        })
    }
}
