use leptos::prelude::*;
use stripe_wasm::{ElementEvent, PaymentMethodMessagingElementOptions};

use crate::element::{Attach, LoadErrors, element_view, listen};

/// The Payment Method Messaging Element: what buy-now-pay-later methods would charge for this
/// amount ("4 interest-free payments of …"), e.g. beside the price. A new amount in `options`
/// is sent with `update()`. Inside `<Elements>` (any group, with or without a mode). The
/// counterpart of react-stripe-js's `<PaymentMethodMessagingElement>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::stripe_wasm::PaymentMethodMessagingElementOptions;
/// use leptos_stripe::PaymentMethodMessagingElement;
///
/// #[component]
/// fn Price(amount: Signal<i64>) -> impl IntoView {
///     let options = Signal::derive(move || PaymentMethodMessagingElementOptions::new(amount.get(), "usd"));
///     view! {
///         // Inside <Elements>.
///         <PaymentMethodMessagingElement options />
///     }
/// }
/// ```
#[component]
pub fn PaymentMethodMessagingElement(
    /// The amount, currency and what to show; every change is sent with `element.update()`.
    #[prop(into)]
    options: Signal<PaymentMethodMessagingElementOptions>,
    /// The `id` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    id: Option<String>,
    /// The `class` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    class: Option<String>,
    /// `ready`: the message is rendered.
    #[prop(optional, into)]
    on_ready: Option<Callback<ElementEvent>>,
) -> impl IntoView {
    let mut attach: Vec<Attach> = Vec::new();
    attach.extend(on_ready.map(|cb| listen("ready", cb)));
    // It has `ready` only: no `loaderror` to listen to.
    element_view("paymentMethodMessaging", options, attach, LoadErrors::NotEmitted, id, class)
}
