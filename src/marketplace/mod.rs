//! The marketplace, `/marketplace`: each seller's shelf (`?seller=`), paid with a new card in
//! the Payment Element (a destination charge for the seller, server side) or, signed in, with a
//! card saved on the platform without typing it again (`saved_cards`: shared with the seller's
//! account and charged there). Both ways share the checkout attempt, so the server finds a
//! payment made one way when the shopper then tries the other.

mod saved_cards;

use checkout_api::{MarketplaceView, SellerView};
use leptos::prelude::*;
use leptos_stripe::Elements;

use crate::checkout::{CheckoutForm, Paid, PaymentResult, SessionBar};
use crate::i18n::{tr, tr_with};
use crate::look;
use crate::shared::{OrderSummary, Ready};
use saved_cards::SavedCards;

/// The sellers (from the server), then the chosen seller's checkout.
#[component]
pub fn MarketplacePage(ready: Ready) -> impl IntoView {
    let sellers = LocalResource::new(crate::api::marketplace);
    let chosen = crate::shared::query_parameter("seller");
    move || {
        let (ready, chosen) = (ready.clone(), chosen.clone());
        sellers.get().map(move |answer| match answer {
            Ok(MarketplaceView { sellers }) => {
                let seller = match &chosen {
                    Some(id) => sellers.iter().find(|s| &s.id == id).cloned(),
                    None => sellers.first().cloned(),
                };
                match seller {
                    Some(seller) => view! { <SellerCheckout ready seller sellers /> }.into_any(),
                    None => view! {
                        <SellerLinks sellers current=String::new() />
                        <p class="payment-error" role="alert">{tr_with("No such seller: {}", chosen.as_deref().unwrap_or_default())}</p>
                    }
                    .into_any(),
                }
            }
            Err(err) => view! { <p class="payment-error" role="alert">{tr(err.shopper_message()).to_owned()}</p> }.into_any(),
        })
    }
}

/// The sellers, the current one marked.
#[component]
fn SellerLinks(sellers: Vec<SellerView>, current: String) -> impl IntoView {
    let links = sellers
        .into_iter()
        .map(|seller| {
            let href = crate::host::shop_page(&format!("/marketplace?seller={}", seller.id));
            let current = (seller.id == current).then_some("page");
            view! { <li><a href=href aria-current=current>{seller.name}</a></li> }
        })
        .collect_view();
    view! { <nav class="sellers" aria-label=tr("Sellers")><ul>{links}</ul></nav> }
}

/// One seller's checkout: the shelf, the saved cards (signed in) and the Payment Element.
#[component]
fn SellerCheckout(ready: Ready, seller: SellerView, sellers: Vec<SellerView>) -> impl IntoView {
    let Ready { config, stripe } = ready;
    let cart = RwSignal::new(seller.cart.clone());
    let paying = RwSignal::new(false);
    let paid = RwSignal::new(None::<Paid>);
    let layout = look::layout(&config.look);
    let signed_in = config.session.signed_in;
    let options = crate::checkout::elements_options(&config, cart);
    let on_paid = Callback::new(move |p: Paid| paid.set(Some(p)));
    let (seller_id, name) = (seller.id.clone(), seller.name.clone());
    let (address, poll_seconds, key) = (config.address, config.poll_seconds, config.publishable_key.clone());
    view! {
        <SellerLinks sellers current=seller.id.clone() />
        <div class="checkout">
            <div class="summary-column">
                <p class="seller">{tr("Sold by")} " " <strong data-testid="seller-name">{name}</strong></p>
                <SessionBar session=config.session.clone() />
                <OrderSummary cart />
            </div>
            <section class="payment" aria-label=tr("Payment")>
                {move || match paid.get() {
                    Some(paid) => view! { <PaymentResult paid poll_seconds /> }.into_any(),
                    None => {
                        let (stripe, layout, seller_id, key) = (stripe.clone(), layout.clone(), seller_id.clone(), key.clone());
                        // Saved cards are only ever a signed-in customer's.
                        let saved = signed_in.then(|| {
                            view! { <SavedCards seller_id=seller_id.clone() cart paying on_paid publishable_key=key /> }
                        });
                        view! {
                            {saved}
                            <Elements stripe options>
                                <CheckoutForm cart address layout paying on_paid seller=seller_id />
                            </Elements>
                        }
                        .into_any()
                    }
                }}
            </section>
        </div>
    }
}
