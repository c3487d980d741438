//! "Pay with Visa •••• 4242": the signed-in shopper's cards saved on the platform, each a
//! button that pays the seller without any card entry. The server shares the card with the
//! seller's account and charges it there; a 3-D Secure challenge is the seller's PaymentIntent,
//! so a Stripe.js acting for the seller's account (`Stripe(pk, {stripeAccount})`) handles it.

use checkout_api::stripe_common::{PaymentIntentStatus, StripeError};
use checkout_api::{Cart, SavedCard, SavedCardPaymentRequest};
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::{Stripe, StripeOptions};

use crate::checkout::Paid;
use crate::i18n::{tr, tr_with};
use crate::shared::attempt;

#[component]
pub fn SavedCards(
    seller_id: String,
    #[prop(into)] cart: Signal<Cart>,
    /// Shared with the new-card form: one payment at a time.
    paying: RwSignal<bool>,
    on_paid: Callback<Paid>,
    publishable_key: String,
) -> impl IntoView {
    let cards = LocalResource::new(crate::api::saved_cards);
    let (seller_id, publishable_key) = (StoredValue::new(seller_id), StoredValue::new(publishable_key));
    let payment = Action::new_local(move |card: &String| {
        // The same attempt as the new-card form's for this cart: one order, whichever way.
        let request = cart.with_untracked(|c| SavedCardPaymentRequest {
            attempt_id: attempt::for_cart(c),
            seller_id: seller_id.get_value(),
            items: c.items(),
            payment_method_id: card.clone(),
        });
        let key = publishable_key.get_value();
        paying.set(true);
        async move {
            let paid = pay(request, &key).await;
            paying.set(false);
            if let Ok(paid) = &paid {
                attempt::finish();
                on_paid.run(paid.clone());
            }
            paid
        }
    });
    let error = move || match payment.value().get() {
        Some(Err(err)) => Some(tr(crate::split::shopper_message(&err)).to_owned()),
        _ => None,
    };
    let buttons = move |cards: Vec<SavedCard>| {
        cards
            .into_iter()
            .map(|card| {
                let id = card.id.clone();
                view! {
                    <button type="button" class="pay saved-card" disabled=move || paying.get()
                        on:click=move |_| { if !paying.get_untracked() { payment.dispatch(id.clone()); } }>
                        {tr_with("Pay with {}", &card.label())}
                    </button>
                }
            })
            .collect_view()
    };
    move || {
        let cards = cards.get()?.ok()?.cards;
        (!cards.is_empty()).then(|| {
            view! {
                <div class="saved-cards">
                    <h2>{tr("Your saved cards")}</h2>
                    {buttons(cards)}
                    <div class="payment-error" role="alert">{error}</div>
                    <p class="or">{tr("Or pay with a new card")}</p>
                </div>
            }
        })
    }
}

/// Pays with the saved card, then the seller's next action (3-D Secure) if Stripe asks for one.
async fn pay(request: SavedCardPaymentRequest, publishable_key: &str) -> Result<Paid, StripeError> {
    let confirmed = crate::api::pay_with_saved_card(&request).await?;
    let status = match confirmed.status {
        PaymentIntentStatus::RequiresAction => {
            let options = StripeOptions {
                stripe_account: confirmed.stripe_account.clone(),
                locale: Some(crate::i18n::locale().to_owned()),
                ..StripeOptions::default()
            };
            let seller_stripe = Stripe::with_options(publishable_key, &options)?;
            seller_stripe.handle_next_action(&confirmed.client_secret).await?.status()
        }
        status => status,
    };
    crate::checkout::outcome(confirmed, status)
}
