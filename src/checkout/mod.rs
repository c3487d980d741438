//! The card checkout: the cart (priced by the server, discount codes included), the Payment
//! Element, paying with a ConfirmationToken the server confirms, and the result.

mod address;
mod discount;
mod extras;
mod form;
mod offer;
mod pay;
mod session;
mod succeeded;

use checkout_api::{AddressCollection, Cart, ConfigResponse};
use leptos::prelude::*;
use leptos_stripe::Elements;
use leptos_stripe::stripe_wasm::{ElementsOptions, PaymentMethodCreation};

pub use discount::DiscountForm;
pub use extras::{DiscountSlot, Extras, ExtrasLoader, OfferSlot, SessionBarSlot};
pub use form::CheckoutForm;
pub use offer::OfferChoice;
pub(crate) use pay::outcome;
pub use pay::{Order, Paid, pay};
pub use session::SessionBar;
pub use succeeded::{PaymentResult, PaymentSucceeded};

use crate::look;
use crate::shared::{OrderSummary, Ready};

/// The Elements group of a card form for `cart`: a deferred intent for its amount (each new
/// amount by `elements.update()`), ConfirmationTokens made by the page, the shop's look, the
/// signed-in customer's saved cards, and Stripe's own words in the page's language.
pub fn elements_options(config: &ConfigResponse, cart: RwSignal<Cart>) -> Signal<ElementsOptions> {
    let appearance = look::appearance(&config.look);
    let customer_session = config.customer_session_client_secret.clone();
    Signal::derive(move || {
        let cart = cart.get();
        ElementsOptions {
            payment_method_creation: Some(PaymentMethodCreation::Manual),
            appearance: Some(appearance.clone()),
            customer_session_client_secret: customer_session.clone(),
            locale: Some(crate::i18n::locale().to_owned()),
            ..ElementsOptions::payment(cart.total, &cart.currency)
        }
    })
}

/// The checkout: the cart (priced by the server, discount codes included) beside the payment
/// form. Elements get the cart's amount, and each new amount by `elements.update()`.
#[component]
pub fn CheckoutPage(ready: Ready) -> impl IntoView {
    let Ready { config, stripe } = ready;
    let cart = RwSignal::new(config.cart.clone());
    let paying = RwSignal::new(false);
    let paid = RwSignal::new(None::<Paid>);
    let layout = look::layout(&config.look);
    let address: AddressCollection = config.address;
    let poll_seconds = config.poll_seconds;
    // Signing in and the discount code come once the card form is ready (`extras`).
    let choice = OfferChoice::default();
    let extras = ExtrasLoader::new(
        config.session.clone(),
        cart,
        paying.into(),
        Signal::derive(move || paid.with(Option::is_some)),
        choice,
    );
    let options = elements_options(&config, cart);

    // The shop's own page links to its konbini page; an embedded checkout has its own choice.
    #[cfg(not(feature = "embed"))]
    let other_way = view! {
        <p class="other-way"><a href=crate::host::shop_page("/konbini")>{crate::i18n::tr("Pay at a Japanese convenience store (JPY)")}</a></p>
    };
    #[cfg(feature = "embed")]
    let other_way = ();
    view! {
        <div class="checkout">
            <div class="summary-column">
                <SessionBarSlot extras />
                <OrderSummary cart />
                <DiscountSlot extras />
                <OfferSlot extras />
                {other_way}
            </div>
            <section class="payment" aria-label=crate::i18n::tr("Payment")>
                {move || match paid.get() {
                    Some(paid) => view! { <PaymentResult paid poll_seconds /> }.into_any(),
                    None => {
                        // Children are built once (FnOnce): hand them their own copies.
                        let (stripe, layout) = (stripe.clone(), layout.clone());
                        view! {
                            <Elements stripe options>
                                <CheckoutForm cart address layout paying on_paid=move |p| paid.set(Some(p)) on_ready=move || extras.load() offer=choice />
                            </Elements>
                        }
                        .into_any()
                    }
                }}
            </section>
        </div>
    }
}
