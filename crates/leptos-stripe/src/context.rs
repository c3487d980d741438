use leptos::prelude::*;
use stripe_wasm::{Elements, Stripe};

/// What `<Elements>` shares with its children: the Stripe instance and the Elements group, both
/// `None` until Stripe.js is there (a page may render before it loads). The Stripe.js objects
/// stay on this thread (`LocalStorage`); the handles are `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct StripeContext {
    stripe: RwSignal<Option<Stripe>, LocalStorage>,
    elements: RwSignal<Option<Elements>, LocalStorage>,
}

impl StripeContext {
    pub(crate) fn provide() -> Self {
        let context = Self { stripe: RwSignal::new_local(None), elements: RwSignal::new_local(None) };
        provide_context(context);
        context
    }

    pub(crate) fn set(&self, stripe: Stripe, elements: Elements) {
        self.stripe.set(Some(stripe));
        self.elements.set(Some(elements));
    }

    /// The group now, without subscribing.
    pub(crate) fn elements(&self) -> Option<Elements> {
        self.elements.try_get_untracked().flatten()
    }

    /// The group, subscribing the caller to its arrival.
    pub(crate) fn elements_tracked(&self) -> Option<Elements> {
        self.elements.try_get().flatten()
    }
}

/// The Stripe instance of the enclosing `<Elements>`, e.g. for `createConfirmationToken`;
/// `None` outside `<Elements>` or before Stripe.js has loaded.
pub fn use_stripe() -> Option<Stripe> {
    use_context::<StripeContext>().and_then(|c| c.stripe.try_get_untracked().flatten())
}

/// The Elements group of the enclosing `<Elements>`, e.g. for `submit()`; `None` outside
/// `<Elements>` or before Stripe.js has loaded.
pub fn use_elements() -> Option<Elements> {
    use_context::<StripeContext>().and_then(|c| c.elements())
}

/// The enclosing `<Elements>`, to read its Stripe instance and group when they are needed (in
/// an event handler, after Stripe.js has loaded), where `use_stripe()`/`use_elements()` give
/// what there is when called. `Copy`; `None` outside `<Elements>`.
#[derive(Clone, Copy)]
pub struct ElementsHandle(StripeContext);

impl ElementsHandle {
    /// The Stripe instance, once Stripe.js is there.
    pub fn stripe(&self) -> Option<Stripe> {
        self.0.stripe.try_get_untracked().flatten()
    }

    /// The Elements group, once created.
    pub fn elements(&self) -> Option<Elements> {
        self.0.elements()
    }
}

/// A handle on the enclosing `<Elements>` (see [`ElementsHandle`]).
pub fn use_elements_handle() -> Option<ElementsHandle> {
    use_context::<StripeContext>().map(ElementsHandle)
}
