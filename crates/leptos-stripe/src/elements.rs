use leptos::logging::error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stripe_wasm::{ElementsOptions, Stripe};

use crate::context::StripeContext;

/// The Stripe instance `<Elements>` works with: one already loaded, or one still loading (a
/// signal that becomes `Some`), so the page and its Elements' places render before Stripe.js
/// arrives, as react-stripe-js's `<Elements stripe={promise}>`.
#[derive(Clone)]
pub enum StripeSource {
    Loaded(Stripe),
    Loading(Signal<Option<Stripe>, LocalStorage>),
}

impl From<Stripe> for StripeSource {
    fn from(stripe: Stripe) -> Self {
        Self::Loaded(stripe)
    }
}

impl From<Signal<Option<Stripe>, LocalStorage>> for StripeSource {
    fn from(stripe: Signal<Option<Stripe>, LocalStorage>) -> Self {
        Self::Loading(stripe)
    }
}

impl From<ReadSignal<Option<Stripe>, LocalStorage>> for StripeSource {
    fn from(stripe: ReadSignal<Option<Stripe>, LocalStorage>) -> Self {
        Self::Loading(stripe.into())
    }
}

impl StripeSource {
    pub(crate) fn get(&self) -> Option<Stripe> {
        match self {
            Self::Loaded(stripe) => Some(stripe.clone()),
            Self::Loading(signal) => signal.get(),
        }
    }
}

/// Creates one Elements group (deferred intent: mode, amount, currency from `options`) as soon
/// as Stripe is there, and shares it with its children, which render at once. Later changes of
/// `options` are sent with `elements.update()`; options Stripe cannot update are refused with a
/// console error.
#[component]
pub fn Elements(
    /// A loaded Stripe, or a signal of one still loading.
    #[prop(into)]
    stripe: StripeSource,
    #[prop(into)] options: Signal<ElementsOptions>,
    children: Children,
) -> impl IntoView {
    let context = StripeContext::provide();
    // The options the group has, once created: the base of each update.
    let sent = StoredValue::new_local(None::<ElementsOptions>);
    let create = move |stripe: Stripe| -> Result<(), String> {
        let initial = options.get_untracked();
        let elements = stripe.elements(&initial).map_err(|err| {
            error!("stripe.elements() failed: {err}");
            err.to_string()
        })?;
        sent.set_value(Some(initial));
        context.set(stripe, elements);
        Ok(())
    };
    match &stripe {
        // Created now, so the children's Elements mount on their first run; a refusal (bad
        // options) is shown in place of the form.
        StripeSource::Loaded(stripe) => {
            if let Err(err) = create(stripe.clone()) {
                return view! { <p class="stripe-integration-error" role="alert">"Payment form unavailable: " {err}</p> }
                    .into_any();
            }
        }
        // Created when Stripe.js is there; a refusal then is in the console (the Elements' places
        // stay empty).
        StripeSource::Loading(_) => {
            Effect::new(move |_| {
                if sent.with_value(Option::is_none)
                    && let Some(stripe) = stripe.get()
                {
                    let _ = create(stripe);
                }
            });
        }
    }
    Effect::new(move |_| {
        let next = options.get();
        let Some(previous) = sent.get_value() else { return };
        if previous == next {
            return;
        }
        sent.set_value(Some(next.clone()));
        if let Some(elements) = context.elements() {
            spawn_local(async move {
                if let Err(err) = elements.update_changed(&previous, &next).await {
                    error!("elements.update() refused: {err}");
                }
            });
        }
    });

    children().into_any()
}
