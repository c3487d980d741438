use std::rc::Rc;

use leptos::prelude::*;
use stripe_wasm::{
    ClickEvent, ConfirmEvent, Element, ElementEvent, ExpressCheckoutElementOptions, ExpressCheckoutReadyEvent,
    LoadErrorEvent, ShippingAddressChangeEvent, ShippingRateChangeEvent,
};

use crate::element::{Attach, element_view, listen};

/// The Express Checkout Element: wallet buttons (Apple Pay, Google Pay, Link, PayPal, ...).
/// Answer `on_click` within a second ([`ClickEvent::resolve`]); on `on_confirm` go on as with
/// the Payment Element (`elements.submit()`, then a ConfirmationToken or `confirm_payment`),
/// or call [`ConfirmEvent::payment_failed`]. Shipping changes are answered the same way.
#[component]
pub fn ExpressCheckoutElement(
    #[prop(optional, into)] options: Signal<ExpressCheckoutElementOptions>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] class: Option<String>,
    /// With the wallets the shopper's browser has (none: nothing to show).
    #[prop(optional, into)]
    on_ready: Option<Callback<ExpressCheckoutReadyEvent>>,
    #[prop(optional, into)] on_click: Option<Callback<ClickEvent>>,
    #[prop(optional, into)] on_confirm: Option<Callback<ConfirmEvent>>,
    #[prop(optional, into)] on_cancel: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_shipping_address_change: Option<Callback<ShippingAddressChangeEvent>>,
    #[prop(optional, into)] on_shipping_rate_change: Option<Callback<ShippingRateChangeEvent>>,
    #[prop(optional, into)] on_focus: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_blur: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_escape: Option<Callback<ElementEvent>>,
    #[prop(optional, into)] on_load_error: Option<Callback<LoadErrorEvent>>,
) -> impl IntoView {
    let mut attach: Vec<Attach> = Vec::new();
    attach.extend(on_ready.map(|cb| listen("ready", cb)));
    attach.extend(on_cancel.map(|cb| listen("cancel", cb)));
    attach.extend(on_focus.map(|cb| listen("focus", cb)));
    attach.extend(on_blur.map(|cb| listen("blur", cb)));
    attach.extend(on_escape.map(|cb| listen("escape", cb)));
    attach.extend(on_load_error.map(|cb| listen("loaderror", cb)));
    // The events that carry answers are decoded by the bindings' own listeners.
    attach.extend(on_click.map(|cb| -> Attach { Rc::new(move |e: &Element| e.on_click(move |event| cb.run(event))) }));
    attach.extend(
        on_confirm.map(|cb| -> Attach { Rc::new(move |e: &Element| e.on_confirm(move |event| cb.run(event))) }),
    );
    attach.extend(
        on_shipping_address_change.map(|cb| -> Attach {
            Rc::new(move |e: &Element| e.on_shipping_address_change(move |event| cb.run(event)))
        }),
    );
    attach.extend(
        on_shipping_rate_change
            .map(|cb| -> Attach { Rc::new(move |e: &Element| e.on_shipping_rate_change(move |event| cb.run(event))) }),
    );
    element_view("expressCheckout", options, attach, id, class)
}
