//! What the checkout offers beside the card: signing in, the discount code and the add-on offer. Their code is a
//! chunk of the release build (the `extras` split point), fetched once the Payment Element is
//! ready: the first load carries the card path only, and the extras do not compete with
//! Stripe.js and the Element's frame for the shopper's bandwidth. Meanwhile a still copy of
//! each holds its place (nothing moves when the live one arrives); if the chunk cannot be
//! downloaded, the discount's place says so and offers to try again.

use checkout_api::{Cart, SessionView};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::offer::{AddonOffer, OfferChoice};
use super::{DiscountForm, SessionBar};
use crate::i18n::{tr, tr_with};
use crate::split::{NotLoaded, split};

/// The live session bar and discount form, once their chunk is there.
#[derive(Clone)]
pub struct Extras {
    session: ViewFn,
    discount: ViewFn,
    offer: ViewFn,
}

split! {
    module extras;
    fn extras(session: SessionView, cart: RwSignal<Cart>, locked: Signal<bool>, hidden: Signal<bool>, choice: OfferChoice) -> Extras {
        Extras {
            session: ViewFn::from(move || view! { <SessionBar session=session.clone() /> }.into_any()),
            discount: ViewFn::from(move || {
                view! { <Show when=move || !hidden.get()><DiscountForm cart locked /></Show> }.into_any()
            }),
            offer: ViewFn::from(move || {
                view! { <Show when=move || !hidden.get()><AddonOffer cart choice locked /></Show> }.into_any()
            }),
        }
    }
}

/// The extras' state on the page: not there yet (`None`: not asked for, or downloading), there,
/// or not downloaded (then [`ExtrasLoader::load`] tries again).
#[derive(Clone, Copy)]
pub struct ExtrasLoader {
    state: RwSignal<Option<Result<Extras, NotLoaded>>>,
    /// A download is running: a second call waits for it rather than starting another (whose
    /// answer would build the live forms again, losing what the shopper typed).
    loading: RwSignal<bool>,
    /// Downloads that failed (each one said anew to the shopper).
    failures: RwSignal<u32>,
    session: StoredValue<SessionView>,
    cart: RwSignal<Cart>,
    locked: Signal<bool>,
    hidden: Signal<bool>,
    choice: OfferChoice,
}

/// If the Payment Element says neither `ready` nor `loaderror` by then (its frame stalls, or it
/// could not be created), the extras come all the same.
const AT_THE_LATEST: std::time::Duration = std::time::Duration::from_secs(5);

impl ExtrasLoader {
    /// `locked` while a payment runs; `hidden` once paid (the discount form goes). The extras
    /// are downloaded on [`ExtrasLoader::load`], and at the latest [`AT_THE_LATEST`] from now.
    pub fn new(
        session: SessionView,
        cart: RwSignal<Cart>,
        locked: Signal<bool>,
        hidden: Signal<bool>,
        choice: OfferChoice,
    ) -> Self {
        let extras = Self {
            state: RwSignal::new(None),
            loading: RwSignal::new(false),
            failures: RwSignal::new(0),
            session: StoredValue::new(session),
            cart,
            locked,
            hidden,
            choice,
        };
        // Only if nothing was asked yet: a failed download is tried again by the shopper.
        set_timeout(
            move || {
                if extras.state.try_with_untracked(Option::is_none).unwrap_or(false) {
                    extras.load();
                }
            },
            AT_THE_LATEST,
        );
        extras
    }

    /// Downloads the extras: once, and again after a failed download.
    pub fn load(self) {
        let there = self.state.try_with_untracked(|state| matches!(state, Some(Ok(_)))).unwrap_or(true);
        if there || self.loading.get_untracked() {
            return;
        }
        self.loading.set(true);
        leptos::task::spawn_local(async move {
            let loaded = extras(self.session.get_value(), self.cart, self.locked, self.hidden, self.choice).await;
            self.loading.set(false);
            if loaded.is_err() {
                self.failures.update(|n| *n += 1);
            }
            self.state.set(Some(loaded));
        });
    }

    /// Whether the live extras are there (a memo: the slots change once, when they arrive).
    fn arrived(self) -> Memo<bool> {
        Memo::new(move |_| self.state.with(|state| matches!(state, Some(Ok(_)))))
    }

    /// The live extras, read without tracking: the slots track [`ExtrasLoader::arrived`] (read
    /// it first), so that they change once, when the extras arrive.
    fn live(self) -> Option<Extras> {
        self.state.get_untracked().and_then(Result::ok)
    }

    fn failed(self) -> bool {
        self.state.with(|state| matches!(state, Some(Err(NotLoaded))))
    }
}

/// The add-on offer, once the extras are there (nothing holds its place: it appears only after
/// the shopper chooses a BNPL method).
#[component]
pub fn OfferSlot(extras: ExtrasLoader) -> impl IntoView {
    let arrived = extras.arrived();
    move || arrived.get().then(|| extras.live()).flatten().map(|live| live.offer.run())
}

/// The session bar: the live one, or its still copy.
#[component]
pub fn SessionBarSlot(extras: ExtrasLoader) -> impl IntoView {
    let (text, label, _) = super::session::offer(&extras.session.get_value())?;
    let arrived = extras.arrived();
    Some(move || match arrived.get().then(|| extras.live()).flatten() {
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

/// The discount form: the live one, or its still copy, which says so if the download failed and
/// offers to try again (its alert region stays in place, so the message is announced).
#[component]
pub fn DiscountSlot(extras: ExtrasLoader) -> impl IntoView {
    let arrived = extras.arrived();
    // A memo: a second failure leaves the message (and the focus on Try again) as it is.
    let failed = Memo::new(move |_| extras.failed());
    let retried = StoredValue::new(false);
    let retry = move |_| {
        if !extras.loading.get_untracked() {
            retried.set_value(true);
            extras.load();
        }
    };
    // After Try again, the focus goes to the live field if it was lost with the button it was
    // on (never taken from wherever the shopper has moved it meanwhile).
    leptos_stripe::effect(move || {
        if arrived.get() && retried.get_value() {
            retried.set_value(false);
            request_animation_frame(|| {
                let document = document();
                let lost =
                    document.active_element().is_none_or(|active| Some(active) == document.body().map(Into::into));
                if let (true, Some(field)) = (lost, document.get_element_by_id("discount-code")) {
                    let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    });
    move || {
        match arrived.get().then(|| extras.live()).flatten() {
        Some(live) => live.discount.run(),
        None if extras.hidden.get() => ().into_any(),
        None => view! {
            <form class="discount-form">
                <label for="discount-code">{tr("Discount code")}</label>
                <div class="discount-row">
                    <input id="discount-code" autocomplete="off" disabled />
                    <button type="submit" disabled>{tr("Apply")}</button>
                </div>
                <div id="discount-error" class="field-error" role="alert">
                    {move || failed.get().then(|| view! {
                        // Its own text node: a second failure is said anew, the button stays.
                        {move || match extras.failures.get() {
                            1 => tr("Discount codes and signing in could not load: part of the page did not download. ").to_owned(),
                            n => tr_with("Discount codes and signing in could not load ({} tries): part of the page did not download. ", &n.to_string()),
                        }}
                        <button type="button" class="link" aria-disabled=move || extras.loading.get().to_string() on:click=retry>
                            {tr("Try again")}
                        </button>
                    })}
                </div>
            </form>
        }
        .into_any(),
    }
    }
}
