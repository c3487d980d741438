use std::rc::Rc;

use leptos::prelude::*;
use stripe_wasm::{
    ClickEvent, ConfirmEvent, Element, ElementEvent, ExpressCheckoutElementOptions, ExpressCheckoutReadyEvent,
    LoadErrorEvent, ShippingAddressChangeEvent, ShippingRateChangeEvent,
};

use crate::element::{Attach, LoadErrors, element_view, listen};

/// The Express Checkout Element: wallet buttons (Apple Pay, Google Pay, Link, PayPal, ...).
/// Answer `on_click` within a second ([`ClickEvent::resolve`]); on `on_confirm` go on as with
/// the Payment Element (`elements.submit()`, then a ConfirmationToken or `confirm_payment`),
/// or call [`ConfirmEvent::payment_failed`]. Shipping changes are answered the same way. The
/// counterpart of react-stripe-js's `<ExpressCheckoutElement>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos::task::spawn_local;
/// use leptos_stripe::stripe_wasm::{
///     ClickEvent, ClickResolveDetails, ConfirmEvent, ConfirmationTokenParams, ExpressCheckoutReadyEvent,
///     PaymentFailedDetails, PaymentFailedReason,
/// };
/// use leptos_stripe::{ExpressCheckoutElement, use_elements_handle};
///
/// #[component]
/// fn Wallets() -> impl IntoView {
///     // Inside <Elements>.
///     let handle = use_elements_handle().expect("inside <Elements>");
///     let visible = RwSignal::new(true);
///     let on_confirm = move |confirm: ConfirmEvent| {
///         let (Some(stripe), Some(elements)) = (handle.stripe(), handle.elements()) else { return };
///         spawn_local(async move {
///             let token = async {
///                 elements.submit().await?;
///                 stripe.create_confirmation_token(&elements, &ConfirmationTokenParams::default()).await
///             };
///             if token.await.is_err() {
///                 let failed = PaymentFailedDetails { reason: PaymentFailedReason::Fail, message: None };
///                 let _ = confirm.payment_failed(&failed);
///             }
///         });
///     };
///     view! {
///         <div hidden=move || !visible.get()>
///             <ExpressCheckoutElement
///                 on_ready=move |e: ExpressCheckoutReadyEvent| visible.set(e.available_payment_methods.is_some())
///                 on_click=move |click: ClickEvent| { let _ = click.resolve(&ClickResolveDetails::default()); }
///                 on_confirm
///             />
///         </div>
///     }
/// }
/// ```
#[component]
pub fn ExpressCheckoutElement(
    /// Its options: wallets, buttons, what the sheet collects; changes are sent with
    /// `element.update()`, without what only creation may set.
    #[prop(optional, into)]
    options: Signal<ExpressCheckoutElementOptions>,
    /// The `id` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    id: Option<String>,
    /// The `class` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    class: Option<String>,
    /// With the wallets the shopper's browser has (none: nothing to show).
    #[prop(optional, into)]
    on_ready: Option<Callback<ExpressCheckoutReadyEvent>>,
    /// `click`: answer within a second with [`ClickEvent::resolve`] (or `reject`).
    #[prop(optional, into)]
    on_click: Option<Callback<ClickEvent>>,
    /// `confirm`: the shopper approved in the wallet; submit and confirm, or
    /// [`ConfirmEvent::payment_failed`].
    #[prop(optional, into)]
    on_confirm: Option<Callback<ConfirmEvent>>,
    /// `cancel`: the shopper closed the wallet sheet.
    #[prop(optional, into)]
    on_cancel: Option<Callback<ElementEvent>>,
    /// `shippingaddresschange`: answer with the rates and lines for the address, or reject it.
    #[prop(optional, into)]
    on_shipping_address_change: Option<Callback<ShippingAddressChangeEvent>>,
    /// `shippingratechange`: answer with the lines for the rate.
    #[prop(optional, into)]
    on_shipping_rate_change: Option<Callback<ShippingRateChangeEvent>>,
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
) -> impl IntoView {
    let mut attach: Vec<Attach> = Vec::new();
    attach.extend(on_ready.map(|cb| listen("ready", cb)));
    attach.extend(on_cancel.map(|cb| listen("cancel", cb)));
    attach.extend(on_focus.map(|cb| listen("focus", cb)));
    attach.extend(on_blur.map(|cb| listen("blur", cb)));
    attach.extend(on_escape.map(|cb| listen("escape", cb)));
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
    element_view("expressCheckout", options, attach, LoadErrors::Emitted(on_load_error), id, class)
}
