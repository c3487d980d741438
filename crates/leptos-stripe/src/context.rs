use leptos::prelude::*;
use stripe_wasm::{Elements, Stripe};

/// What `<Elements>` shares with its children. The Stripe.js objects stay on this thread
/// (`LocalStorage`); the handles are `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct StripeContext {
    stripe: StoredValue<Stripe, LocalStorage>,
    elements: StoredValue<Elements, LocalStorage>,
}

impl StripeContext {
    pub(crate) fn provide(stripe: Stripe, elements: Elements) -> Self {
        let context = Self { stripe: StoredValue::new_local(stripe), elements: StoredValue::new_local(elements) };
        provide_context(context);
        context
    }

    pub(crate) fn elements(&self) -> Option<Elements> {
        self.elements.try_get_value()
    }
}

/// The Stripe instance of the enclosing `<Elements>`, e.g. for `createConfirmationToken`.
pub fn use_stripe() -> Option<Stripe> {
    use_context::<StripeContext>().and_then(|c| c.stripe.try_get_value())
}

/// The Elements group of the enclosing `<Elements>`, e.g. for `submit()`.
pub fn use_elements() -> Option<Elements> {
    use_context::<StripeContext>().and_then(|c| c.elements())
}
