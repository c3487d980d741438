use leptos::prelude::*;
use stripe_wasm::{ElementEvent, LinkAuthenticationChangeEvent, LinkAuthenticationElementOptions, LoadErrorEvent};

use crate::element::{ElementCallbacks, element_view};

/// The Link Authentication Element: the shopper's email, which Link uses to prefill the Payment
/// Element of the same `<Elements>` group and which goes with the payment as the billing email.
/// `on_change` gives the email as it is typed. The counterpart of react-stripe-js's
/// `<LinkAuthenticationElement>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::stripe_wasm::{LinkAuthenticationChangeEvent, LinkAuthenticationElementOptions};
/// use leptos_stripe::{LinkAuthenticationElement, PaymentElement};
///
/// #[component]
/// fn ContactAndPayment() -> impl IntoView {
///     let email = RwSignal::new(String::new());
///     view! {
///         // Inside <Elements>.
///         <LinkAuthenticationElement
///             options=Signal::stored(LinkAuthenticationElementOptions::with_email("jenny@example.com"))
///             on_change=move |e: LinkAuthenticationChangeEvent| email.set(e.value.email)
///         />
///         <PaymentElement />
///     }
/// }
/// ```
#[component]
pub fn LinkAuthenticationElement(
    /// Its options: the email it starts with. Set at creation only (the Element has no `update()`).
    #[prop(optional, into)]
    options: Signal<LinkAuthenticationElementOptions>,
    /// The `id` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    id: Option<String>,
    /// The `class` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    class: Option<String>,
    /// `change`: the email typed so far and whether it is complete.
    #[prop(optional, into)]
    on_change: Option<Callback<LinkAuthenticationChangeEvent>>,
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
    element_view("linkAuthentication", options, callbacks.into_attach(), load_errors, id, class)
}
