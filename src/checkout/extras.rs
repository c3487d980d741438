//! What the checkout offers beside the card: signing in and the discount code. Their code is a
//! chunk of the release build (the `extras` split point), fetched once the Payment Element is
//! ready: the first load carries the card path only, and the extras do not compete with
//! Stripe.js and the Element's frame for the shopper's bandwidth. Meanwhile a still copy of
//! each holds its place (nothing moves when the live one arrives); if the chunk cannot be
//! downloaded, the discount's place says so and offers to try again.

use checkout_api::{Cart, SessionView};
use leptos::prelude::*;

use super::{DiscountForm, SessionBar};
use crate::split::{NotLoaded, split};

/// The live session bar and discount form, once their chunk is there.
#[derive(Clone)]
pub struct Extras {
    session: ViewFn,
    discount: ViewFn,
}

split! {
    module extras;
    fn extras(session: SessionView, cart: RwSignal<Cart>, locked: Signal<bool>, hidden: Signal<bool>) -> Extras {
        Extras {
            session: ViewFn::from(move || view! { <SessionBar session=session.clone() /> }.into_any()),
            discount: ViewFn::from(move || {
                view! { <Show when=move || !hidden.get()><DiscountForm cart locked /></Show> }.into_any()
            }),
        }
    }
}

/// The extras' state on the page: not asked for yet or downloading (`None`), there, or not
/// downloaded (then [`ExtrasLoader::load`] tries again).
#[derive(Clone, Copy)]
pub struct ExtrasLoader {
    state: RwSignal<Option<Result<Extras, NotLoaded>>>,
    session: StoredValue<SessionView>,
    cart: RwSignal<Cart>,
    locked: Signal<bool>,
    hidden: Signal<bool>,
}

impl ExtrasLoader {
    /// `locked` while a payment runs; `hidden` once paid (the discount form goes).
    pub fn new(session: SessionView, cart: RwSignal<Cart>, locked: Signal<bool>, hidden: Signal<bool>) -> Self {
        Self { state: RwSignal::new(None), session: StoredValue::new(session), cart, locked, hidden }
    }

    /// Downloads the extras (once; again after a failed download).
    pub fn load(self) {
        if matches!(self.state.get_untracked(), Some(Ok(_))) {
            return;
        }
        self.state.set(None);
        leptos::task::spawn_local(async move {
            let loaded = extras(self.session.get_value(), self.cart, self.locked, self.hidden).await;
            self.state.set(Some(loaded));
        });
    }

    fn loaded(self) -> Option<Extras> {
        self.state.get().and_then(Result::ok)
    }
}

/// The session bar: the live one, or its still copy.
#[component]
pub fn SessionBarSlot(extras: ExtrasLoader) -> impl IntoView {
    let (text, label) = match super::session::offer(&extras.session.get_value()) {
        Some((text, label, _)) => (text, label),
        None => return None,
    };
    Some(move || match extras.loaded() {
        Some(live) => live.session.run(),
        None => view! {
            <div class="session-bar">
                <span>{text}</span>
                " "
                <button type="button" disabled>{label}</button>
            </div>
        }
        .into_any(),
    })
}

/// The discount form: the live one, or its still copy (with a way to try the download again).
#[component]
pub fn DiscountSlot(extras: ExtrasLoader) -> impl IntoView {
    move || match extras.state.get() {
        Some(Ok(live)) => live.discount.run(),
        _ if extras.hidden.get() => ().into_any(),
        state => {
            let failed = matches!(state, Some(Err(NotLoaded)));
            view! {
                <form class="discount-form">
                    <label for="discount-code">"Discount code"</label>
                    <div class="discount-row">
                        <input id="discount-code" autocomplete="off" disabled />
                        <button type="submit" disabled>"Apply"</button>
                    </div>
                    <div id="discount-error" class="field-error" role="alert">
                        {failed.then(|| view! {
                            "Discount codes could not load: part of the page did not download. "
                            <button type="button" class="link" on:click=move |_| extras.load()>"Try again"</button>
                        })}
                    </div>
                </form>
            }
            .into_any()
        }
    }
}
