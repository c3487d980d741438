use leptos::prelude::*;
use stripe_wasm::{ChangeEvent, ElementEvent, LoadErrorEvent, PaymentElementOptions};

use crate::element::{ElementCallbacks, element_view};

/// The Payment Element: every payment method the Elements group's mode, amount and currency
/// allow, in one iframe. Must be inside `<Elements>`.
#[component]
pub fn PaymentElement(
    #[prop(optional, into)] options: Signal<PaymentElementOptions>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] on_change: Option<Callback<ChangeEvent>>,
    #[prop(optional, into)] on_ready: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_focus: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_blur: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_escape: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_load_error: Option<Callback<LoadErrorEvent>>,
    #[prop(optional, into)] on_loader_start: Option<Callback<ElementEvent>>,
) -> impl IntoView {
    let callbacks =
        ElementCallbacks { on_change, on_ready, on_focus, on_blur, on_escape, on_load_error, on_loader_start };
    element_view("payment", options, callbacks.into_attach(), id, class)
}
