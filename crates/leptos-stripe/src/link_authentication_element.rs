use leptos::prelude::*;
use stripe_wasm::{ElementEvent, LinkAuthenticationChangeEvent, LinkAuthenticationElementOptions, LoadErrorEvent};

use crate::element::{ElementCallbacks, element_view};

/// The Link Authentication Element: the shopper's email, which Link uses to prefill the Payment
/// Element of the same `<Elements>` group and which goes with the payment as the billing email.
/// `on_change` gives the email as it is typed.
#[component]
pub fn LinkAuthenticationElement(
    #[prop(optional, into)] options: Signal<LinkAuthenticationElementOptions>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] on_change: Option<Callback<LinkAuthenticationChangeEvent>>,
    #[prop(optional, into)] on_ready: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_focus: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_blur: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_escape: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_load_error: Option<Callback<LoadErrorEvent>>,
    #[prop(optional, into)] on_loader_start: Option<Callback<ElementEvent>>,
) -> impl IntoView {
    let callbacks =
        ElementCallbacks { on_change, on_ready, on_focus, on_blur, on_escape, on_load_error, on_loader_start };
    element_view("linkAuthentication", options, callbacks.into_attach(), id, class)
}
