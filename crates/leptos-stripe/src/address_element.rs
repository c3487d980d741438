use leptos::prelude::*;
use stripe_wasm::{AddressChangeEvent, AddressElementOptions, ElementEvent, LoadErrorEvent};

use crate::element::{ElementCallbacks, element_view};

/// The Address Element: a shipping or billing address (`options.mode`). Must be inside
/// `<Elements>`; read it with `use_elements()` → `get_element("address")` →
/// `get_address_value()`, or listen to `on_change`. The counterpart of react-stripe-js's
/// `<AddressElement>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::stripe_wasm::{AddressChangeEvent, AddressElementOptions, AddressMode, Shipping};
/// use leptos_stripe::AddressElement;
///
/// #[component]
/// fn ShippingForm() -> impl IntoView {
///     let shipping = RwSignal::new(None::<Shipping>);
///     view! {
///         // Inside <Elements>.
///         <AddressElement
///             options=Signal::stored(AddressElementOptions::new(AddressMode::Shipping))
///             on_change=move |e: AddressChangeEvent| shipping.set(e.complete.then(|| e.value.to_shipping()))
///         />
///     }
/// }
/// ```
#[component]
pub fn AddressElement(
    /// The Address Element's options: `mode` (shipping or billing) and the rest; changes are sent
    /// with `element.update()`.
    #[prop(into)]
    options: Signal<AddressElementOptions>,
    /// The `id` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    id: Option<String>,
    /// The `class` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    class: Option<String>,
    /// `change`: the address entered so far and whether it is complete.
    #[prop(optional, into)]
    on_change: Option<Callback<AddressChangeEvent>>,
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
    element_view("address", options, callbacks.into_attach(), load_errors, id, class)
}
