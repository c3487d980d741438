use leptos::logging::error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stripe_wasm::{ElementsOptions, Stripe};

use crate::context::StripeContext;

/// The Stripe instance `<Elements>` works with: one already loaded, or one still loading (a
/// signal that becomes `Some`), so the page and its Elements' places render before Stripe.js
/// arrives, as react-stripe-js's `<Elements stripe={promise}>`. Props take it with `into`: a
/// [`Stripe`], or a `Signal` / `ReadSignal<Option<Stripe>, LocalStorage>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::StripeSource;
/// use leptos_stripe::stripe_wasm::Stripe;
/// # fn example(loaded: Stripe) {
/// let now: StripeSource = loaded.into();
/// let (stripe, set_stripe) = signal_local(None::<Stripe>);
/// let later: StripeSource = stripe.into(); // becomes Some when Stripe.js is there
/// # let _ = (now, later, set_stripe);
/// # }
/// ```
#[derive(Clone)]
pub enum StripeSource {
    /// Stripe.js is loaded and the instance made.
    Loaded(Stripe),
    /// Still loading: `None` until the instance is set.
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
/// console error. The counterpart of react-stripe-js's `<Elements>`: its children read it with
/// [`use_stripe`](crate::use_stripe), [`use_elements`](crate::use_elements) and
/// [`use_elements_handle`](crate::use_elements_handle), and its Element components mount into
/// it. The group is made once, with the first options: `stripe.elements()` options that
/// `elements.update()` cannot change (e.g. `clientSecret`, `paymentMethodCreation`) need a new
/// `<Elements>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::stripe_wasm::{ElementsOptions, Stripe};
/// use leptos_stripe::{Elements, PaymentElement};
///
/// #[component]
/// fn Checkout(stripe: Signal<Option<Stripe>, LocalStorage>, total: Signal<i64>) -> impl IntoView {
///     let options = Signal::derive(move || ElementsOptions::payment(total.get(), "usd"));
///     view! {
///         <Elements stripe options>
///             <PaymentElement />
///         </Elements>
///     }
/// }
/// ```
#[component]
pub fn Elements(
    /// A loaded Stripe, or a signal of one still loading.
    #[prop(into)]
    stripe: StripeSource,
    /// `stripe.elements()`'s options: deferred intent
    /// ([`ElementsOptions::payment`](stripe_wasm::ElementsOptions::payment), `setup`) or an
    /// intent's client secret ([`ElementsOptions::for_intent`](stripe_wasm::ElementsOptions::for_intent));
    /// `Signal::stored(options)` for fixed ones.
    #[prop(into)]
    options: Signal<ElementsOptions>,
    /// What may use the group: Element components, a Pay button.
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
            crate::watch::effect(move || {
                if sent.with_value(Option::is_none)
                    && let Some(stripe) = stripe.get()
                {
                    let _ = create(stripe);
                }
            });
        }
    }
    crate::watch::effect(move || {
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
