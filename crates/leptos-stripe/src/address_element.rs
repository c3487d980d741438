use leptos::prelude::*;
use stripe_wasm::{AddressChangeEvent, AddressElementOptions, ElementEvent, LoadErrorEvent};

use crate::element::{ElementCallbacks, element_view};

/// The Address Element: a shipping or billing address (`options.mode`). Must be inside
/// `<Elements>`; read it with `use_elements()` → `get_element("address")` →
/// `get_address_value()`.
#[component]
pub fn AddressElement(
    #[prop(into)] options: Signal<AddressElementOptions>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] on_change: Option<Callback<AddressChangeEvent>>,
    #[prop(optional, into)] on_ready: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_focus: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_blur: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_escape: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_load_error: Option<Callback<LoadErrorEvent>>,
    #[prop(optional, into)] on_loader_start: Option<Callback<ElementEvent>>,
) -> impl IntoView {
    let callbacks =
        ElementCallbacks { on_change, on_ready, on_focus, on_blur, on_escape, on_load_error, on_loader_start };
    element_view("address", options, callbacks.into_attach(), id, class)
}
