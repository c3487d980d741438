use leptos::prelude::*;
use stripe_wasm::{ElementEvent, LoadErrorEvent, PaymentMethodMessagingElementOptions};

use crate::element::{Attach, element_view, listen};

/// The Payment Method Messaging Element: what buy-now-pay-later methods would charge for this
/// amount ("4 interest-free payments of …"), e.g. beside the price. A new amount in `options`
/// is sent with `update()`. Inside `<Elements>` (any group, with or without a mode).
#[component]
pub fn PaymentMethodMessagingElement(
    #[prop(into)] options: Signal<PaymentMethodMessagingElementOptions>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] on_ready: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_load_error: Option<Callback<LoadErrorEvent>>,
) -> impl IntoView {
    let mut attach: Vec<Attach> = Vec::new();
    attach.extend(on_ready.map(|cb| listen("ready", cb)));
    attach.extend(on_load_error.map(|cb| listen("loaderror", cb)));
    element_view("paymentMethodMessaging", options, attach, id, class)
}
