use leptos::prelude::*;
use stripe_wasm::{ChangeEvent, ElementEvent, LoadErrorEvent, PaymentElementOptions};

use crate::element::{ElementCallbacks, element_view};

/// The Payment Element: every payment method the Elements group's mode, amount and currency
/// allow, in one iframe. Must be inside `<Elements>`. The counterpart of react-stripe-js's
/// `<PaymentElement>`; its newer events (`carddetailschange`, `savedpaymentmethodupdate`,
/// `savedpaymentmethodremove`, `availablepaymentmethodschange`) are not props yet: listen with
/// [`StripeElement`](crate::StripeElement)'s raw `on`, or on the
/// [`stripe_wasm::Element`] from `use_elements()` → `get_element("payment")`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::stripe_wasm::{ChangeEvent, LayoutType, LoadErrorEvent, PaymentElementOptions};
/// use leptos_stripe::PaymentElement;
///
/// #[component]
/// fn PaymentForm() -> impl IntoView {
///     let complete = RwSignal::new(false);
///     let options = PaymentElementOptions { layout: Some(LayoutType::Accordion.into()) };
///     view! {
///         // Inside <Elements>.
///         <PaymentElement
///             options=Signal::stored(options)
///             id="payment-element"
///             on_change=move |e: ChangeEvent| complete.set(e.complete)
///             on_load_error=move |e: LoadErrorEvent| leptos::logging::error!("{}", e.error)
///         />
///         <button disabled=move || !complete.get()>"Pay"</button>
///     }
/// }
/// ```
#[component]
pub fn PaymentElement(
    /// The Payment Element's options (`Signal::stored(options)` for fixed ones); changes are sent
    /// with `element.update()`, without what only creation may set. Stripe's defaults when not
    /// given.
    #[prop(optional, into)]
    options: Signal<PaymentElementOptions>,
    /// The `id` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    id: Option<String>,
    /// The `class` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    class: Option<String>,
    /// `change`: whether the form is complete (`complete`), which payment method is selected
    /// (`value`).
    #[prop(optional, into)]
    on_change: Option<Callback<ChangeEvent>>,
    /// `ready`: the Element is rendered and can take the focus.
    #[prop(optional, into)]
    on_ready: Option<Callback<ElementEvent>>,
    /// `focus`: the Element gained the focus.
    #[prop(optional, into)]
    on_focus: Option<Callback<ElementEvent>>,
    /// `blur`: the Element lost the focus.
    #[prop(optional, into)]
    on_blur: Option<Callback<ElementEvent>>,
    /// `escape`: the shopper pressed Escape in the Element.
    #[prop(optional, into)]
    on_escape: Option<Callback<ElementEvent>>,
    /// `loaderror`: the Element could not load (Stripe.js then destroys it).
    #[prop(optional, into)]
    on_load_error: Option<Callback<LoadErrorEvent>>,
    /// `loaderstart`: the loading skeleton is in the page.
    #[prop(optional, into)]
    on_loader_start: Option<Callback<ElementEvent>>,
) -> impl IntoView {
    let callbacks =
        ElementCallbacks { on_change, on_ready, on_focus, on_blur, on_escape, on_load_error, on_loader_start };
    let load_errors = callbacks.load_errors();
    element_view("payment", options, callbacks.into_attach(), load_errors, id, class)
}
