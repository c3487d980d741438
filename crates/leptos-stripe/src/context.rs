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
/// `None` outside `<Elements>` or before Stripe.js has loaded (react-stripe-js's
/// `useStripe()`). Not reactive: call it where it is needed, or use [`use_elements_handle`].
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::use_stripe;
///
/// #[component]
/// fn LoadedNote() -> impl IntoView {
///     let loaded = use_stripe().is_some();
///     view! { <p>{if loaded { "Stripe.js is ready" } else { "Loading…" }}</p> }
/// }
/// ```
pub fn use_stripe() -> Option<Stripe> {
    use_context::<StripeContext>().and_then(|c| c.stripe.try_get_untracked().flatten())
}

/// The Elements group of the enclosing `<Elements>`, e.g. for `submit()`; `None` outside
/// `<Elements>` or before Stripe.js has loaded (react-stripe-js's `useElements()`). Not
/// reactive: call it where it is needed, or use [`use_elements_handle`].
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos::task::spawn_local;
/// use leptos_stripe::use_elements;
///
/// #[component]
/// fn CheckButton() -> impl IntoView {
///     // While rendering: `None` if Stripe.js was still loading then (see use_elements_handle).
///     let elements = use_elements();
///     let check = move |_| {
///         // Validates the form and shows its errors at the fields.
///         if let Some(elements) = elements.clone() {
///             spawn_local(async move { let _ = elements.submit().await; });
///         }
///     };
///     view! { <button on:click=check>"Check"</button> }
/// }
/// ```
pub fn use_elements() -> Option<Elements> {
    use_context::<StripeContext>().and_then(|c| c.elements())
}

/// The enclosing `<Elements>`, to read its Stripe instance and group when they are needed (in
/// an event handler, after Stripe.js has loaded), where `use_stripe()`/`use_elements()` give
/// what there is when called. `Copy`; `None` outside `<Elements>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos::task::spawn_local;
/// use leptos_stripe::use_elements_handle;
///
/// #[component]
/// fn PayButton() -> impl IntoView {
///     let handle = use_elements_handle().expect("inside <Elements>");
///     let pay = move |_| {
///         // Read when pressed: Stripe.js may have been loading when the button rendered.
///         let (Some(stripe), Some(elements)) = (handle.stripe(), handle.elements()) else { return };
///         spawn_local(async move {
///             if elements.submit().await.is_ok() { /* stripe.create_confirmation_token(...) */ }
///             # let _ = stripe;
///         });
///     };
///     view! { <button on:click=pay>"Pay"</button> }
/// }
/// ```
#[derive(Clone, Copy)]
pub struct ElementsHandle(StripeContext);

impl ElementsHandle {
    /// The Stripe instance, once Stripe.js is there; `None` before (or after the `<Elements>`
    /// is gone). See [`ElementsHandle`] for an example.
    pub fn stripe(&self) -> Option<Stripe> {
        self.0.stripe.try_get_untracked().flatten()
    }

    /// The Elements group, once created; `None` before. See [`ElementsHandle`] for an example.
    pub fn elements(&self) -> Option<Elements> {
        self.0.elements()
    }
}

/// A handle on the enclosing `<Elements>` (see [`ElementsHandle`]); `None` outside one. Call it
/// while the component renders, then read the handle in its event handlers.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::use_elements_handle;
///
/// #[component]
/// fn Pay() -> impl IntoView {
///     let handle = use_elements_handle();
///     let pay = move |_| {
///         if let Some(elements) = handle.and_then(|h| h.elements()) { /* elements.submit() */ }
///     };
///     view! { <button on:click=pay>"Pay"</button> }
/// }
/// ```
pub fn use_elements_handle() -> Option<ElementsHandle> {
    use_context::<StripeContext>().map(ElementsHandle)
}
