use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;

use crate::interop::{changed_options, from_js, thrown, to_js};
use crate::{
    AddressChangeEvent, AvailablePaymentMethodsChangeEvent, CardDetailsChangeEvent, ChangeEvent, ElementEvent,
    ElementOptions, LoadErrorEvent, SavedPaymentMethodEvent, StripeError, sys,
};

/// One Element (the Payment Element, the Address Element, ...), as `elements.create(type,
/// options)` makes it: mount it into a node of the page, send it option updates, listen to its
/// events. Cloning shares the Element.
///
/// ```no_run
/// use stripe_wasm::{Elements, PaymentElementOptions};
/// # fn example(elements: &Elements) -> Result<(), stripe_wasm::StripeError> {
/// let document = web_sys::window().unwrap().document().unwrap();
/// let payment = elements.create_payment_element(&PaymentElementOptions::default())?;
/// payment.mount(&document.get_element_by_id("payment-element").unwrap())?;
/// let _ready = payment.on_ready(|_| { /* hide the page's own spinner */ })?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Element {
    inner: sys::ElementJs,
    kind: String,
}

impl Element {
    pub(crate) fn from_js(inner: sys::ElementJs, kind: &str) -> Self {
        Self { inner, kind: kind.to_owned() }
    }

    /// Stripe.js's name of its type, as it was created or looked up: `"payment"`, `"address"`,
    /// `"expressCheckout"`, ...
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// assert_eq!(element.kind(), "payment");
    /// # Ok(())
    /// # }
    /// ```
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// `element.mount(domElement)`: puts the Element's iframe into `target`, an empty node in
    /// the page (clicking a `<label>` of it focuses the Element).
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let document = web_sys::window().unwrap().document().unwrap();
    /// element.mount(&document.get_element_by_id("payment-element").unwrap())?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn mount(&self, target: &web_sys::Element) -> Result<(), StripeError> {
        self.inner.mount(target).map_err(thrown)
    }

    /// `element.unmount()`: takes the Element out of the page; [`Element::mount`] puts it back,
    /// with what the shopper entered.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// element.unmount()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn unmount(&self) -> Result<(), StripeError> {
        self.inner.unmount().map_err(thrown)
    }

    /// `element.destroy()`: removes the Element for good (it cannot be mounted again); a new one
    /// of its kind may then be created in the group.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// element.destroy()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn destroy(&self) -> Result<(), StripeError> {
        self.inner.destroy().map_err(thrown)
    }

    /// `element.update(options)` with a partial set of options, serialised as they are (merged
    /// into the Element's options by Stripe.js). [`Element::update_changed`] sends only what
    /// changed and may be updated.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// use stripe_wasm::{LayoutType, PaymentElementOptions};
    /// element.update(&PaymentElementOptions { layout: Some(LayoutType::Accordion.into()) })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self, options: &impl Serialize) -> Result<(), StripeError> {
        self.inner.update(&to_js(options)?).map_err(thrown)
    }

    /// `element.update()` with only the options that differ between `old` and `new`, and
    /// only those `update()` takes (options set at creation only are not sent again; see
    /// [`ElementOptions::updatable`]). Nothing is sent when nothing changed.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// use stripe_wasm::{LayoutType, PaymentElementOptions};
    /// let before = PaymentElementOptions { layout: Some(LayoutType::Tabs.into()) };
    /// let after = PaymentElementOptions { layout: Some(LayoutType::Accordion.into()) };
    /// element.update_changed(&before, &after)?; // sends {layout: {type: "accordion"}}
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_changed<O: ElementOptions>(&self, old: &O, new: &O) -> Result<(), StripeError> {
        match changed_options(&old.updatable(), &new.updatable())? {
            Some((patch, _)) => self.inner.update(&patch).map_err(thrown),
            None => Ok(()),
        }
    }

    /// `element.focus()`: focuses the Element (once it is `ready`).
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// element.focus()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn focus(&self) -> Result<(), StripeError> {
        self.inner.focus().map_err(thrown)
    }

    /// `element.blur()`: takes the focus away from the Element.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// element.blur()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn blur(&self) -> Result<(), StripeError> {
        self.inner.blur().map_err(thrown)
    }

    /// `element.clear()`: empties what the shopper entered.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// element.clear()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn clear(&self) -> Result<(), StripeError> {
        self.inner.clear().map_err(thrown)
    }

    /// Collapses the Payment Element's accordion. Stripe.js has `collapse()` on the Payment
    /// Element only; on any other Element this is an IntegrationError, not a call.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// element.collapse()?; // element.kind() == "payment"
    /// # Ok(())
    /// # }
    /// ```
    pub fn collapse(&self) -> Result<(), StripeError> {
        if self.kind != "payment" {
            return Err(StripeError::new(
                crate::ErrorType::IntegrationError,
                format!("collapse() exists on the Payment Element only, not on the {} Element", self.kind),
            ));
        }
        self.inner.collapse().map_err(thrown)
    }

    /// The Address Element's `getValue()`: what the shopper entered, and whether it is complete.
    ///
    /// ```no_run
    /// use stripe_wasm::{AddressMode, Elements, StripeError};
    /// # async fn example(elements: &Elements) -> Result<(), StripeError> {
    /// if let Some(address) = elements.get_address_element(AddressMode::Shipping) {
    ///     let value = address.get_address_value().await?;
    ///     if value.complete {
    ///         let shipping = value.value.to_shipping();
    ///         # let _ = shipping;
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn get_address_value(&self) -> Result<AddressChangeEvent, StripeError> {
        let promise = self.inner.get_value().map_err(thrown)?;
        let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(thrown)?;
        from_js(value, "address value")
    }

    /// Listens to `event` with payloads of type `E`; listening stops when the returned
    /// [`Listener`] is dropped. A payload that does not decode as `E` is dropped with a console
    /// warning (a newer Stripe.js must not break the page). The typed `on_*` methods are this
    /// with Stripe.js's event names.
    ///
    /// ```no_run
    /// #[derive(serde::Deserialize)]
    /// #[serde(rename_all = "camelCase")]
    /// struct Change {
    ///     complete: bool,
    /// }
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let listener = element.on("change", |change: Change| { /* change.complete */ })?;
    /// // ... later: stop listening.
    /// drop(listener);
    /// # Ok(())
    /// # }
    /// ```
    pub fn on<E: DeserializeOwned + 'static>(
        &self,
        event: &'static str,
        mut handler: impl FnMut(E) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on_raw(event, move |payload: RawEvent| match payload.decode::<E>() {
            Ok(decoded) => handler(decoded),
            Err(err) => warn_ignored(event, &err),
        })
    }

    /// Listens to `event` with Stripe.js's payload as it is: the escape hatch for events and
    /// Elements these bindings do not type yet. Listening stops when the [`Listener`] is dropped.
    ///
    /// ```no_run
    /// #[derive(serde::Deserialize)]
    /// struct Shown {
    ///     #[serde(rename = "elementType")]
    ///     element_type: String,
    /// }
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_raw("ready", |event| match event.decode::<Shown>() {
    ///     Ok(shown) => { /* shown.element_type */ }
    ///     Err(_) => { /* or read event.as_js() with js_sys::Reflect */ }
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_raw(
        &self,
        event: &'static str,
        mut handler: impl FnMut(RawEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |payload: JsValue| handler(RawEvent(payload)));
        self.inner.on(event, closure.as_ref().unchecked_ref()).map_err(thrown)?;
        Ok(Listener { element: self.inner.clone(), event, closure })
    }

    /// `change` of the Payment Element (for the Address Element's, see [`AddressChangeEvent`]:
    /// use [`Element::on`] with it): whether the input is complete, which payment method is
    /// selected.
    ///
    /// ```no_run
    /// use std::{cell::Cell, rc::Rc};
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let complete = Rc::new(Cell::new(false));
    /// let seen = complete.clone();
    /// let _listener = element.on_change(move |event| seen.set(event.complete))?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_change(&self, handler: impl FnMut(ChangeEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("change", handler)
    }

    /// `ready`: the Element is fully rendered and can take [`Element::focus`].
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_ready(|event| { /* event.element_type */ })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_ready(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("ready", handler)
    }

    /// `focus`: the Element gained the focus.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_focus(|_| { /* highlight the form row */ })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_focus(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("focus", handler)
    }

    /// `blur`: the Element lost the focus.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_blur(|_| { /* un-highlight the form row */ })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_blur(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("blur", handler)
    }

    /// `escape`: the shopper pressed Escape inside the Element.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_escape(|_| { /* close the page's dialog */ })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_escape(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("escape", handler)
    }

    /// `loaderror`: the Element failed to load (e.g. a wrong key, or options Stripe refused).
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_load_error(|event| { /* event.error.message */ })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_load_error(&self, handler: impl FnMut(LoadErrorEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("loaderror", handler)
    }

    /// `loaderstart`: the loader UI is in the page (with `loader` not `never`).
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_loader_start(|_| { /* hide the page's own placeholder */ })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_loader_start(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("loaderstart", handler)
    }

    /// The Payment Element's `carddetailschange`: the brands and funding of the card being
    /// typed (e.g. to show a surcharge or refuse a brand).
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_card_details_change(|event| {
    ///     let brands = event.details.and_then(|details| details.brands);
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_card_details_change(
        &self,
        handler: impl FnMut(CardDetailsChangeEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("carddetailschange", handler)
    }

    /// The Payment Element's `savedpaymentmethodupdate`: the shopper edited a saved payment
    /// method (with a CustomerSession).
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_saved_payment_method_update(|event| {
    ///     if event.success { /* event.payment_method.id was updated */ }
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_saved_payment_method_update(
        &self,
        handler: impl FnMut(SavedPaymentMethodEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("savedpaymentmethodupdate", handler)
    }

    /// The Payment Element's `savedpaymentmethodremove`: the shopper removed a saved payment
    /// method (with a CustomerSession that allows it).
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_saved_payment_method_remove(|event| {
    ///     if event.success { /* forget event.payment_method.id */ }
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_saved_payment_method_remove(
        &self,
        handler: impl FnMut(SavedPaymentMethodEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("savedpaymentmethodremove", handler)
    }

    /// The Payment Element's `availablepaymentmethodschange`: which payment methods it can show
    /// now (e.g. after an amount or currency update).
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_available_payment_methods_change(|event| {
    ///     let konbini = event.payment_methods.as_ref().and_then(|m| m.get("konbini")).is_some_and(|a| a.available);
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_available_payment_methods_change(
        &self,
        handler: impl FnMut(AvailablePaymentMethodsChangeEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("availablepaymentmethodschange", handler)
    }
}

/// An event subscription ([`Element::on`] and the `on_*` methods); dropping it unsubscribes
/// (`element.off`). Keep it as long as you listen, e.g. beside the Element.
///
/// ```no_run
/// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
/// let listeners = vec![element.on_ready(|_| {})?, element.on_change(|_| {})?];
/// drop(listeners); // no more events
/// # Ok(())
/// # }
/// ```
pub struct Listener {
    element: sys::ElementJs,
    event: &'static str,
    closure: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        // The element may be destroyed already; then there is nothing left to unsubscribe.
        let _ = self.element.off(self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// An event payload as Stripe.js passed it (see [`Element::on_raw`]): decode it into your own
/// serde type, or read it as it is.
#[derive(Debug, Clone)]
pub struct RawEvent(JsValue);

impl RawEvent {
    /// The payload as a Rust type (camelCase in Stripe.js's names); an `Err` (type `api_error`)
    /// when it does not fit.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_raw("ready", |event| {
    ///     let element_type: Result<stripe_wasm::ElementEvent, _> = event.decode();
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, StripeError> {
        from_js(self.0.clone(), "event")
    }

    /// The payload itself (the escape hatch's one `JsValue`), e.g. for `js_sys::Reflect`.
    ///
    /// ```no_run
    /// # fn example(element: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = element.on_raw("ready", |event| {
    ///     let kind = js_sys::Reflect::get(event.as_js(), &"elementType".into()).ok().and_then(|v| v.as_string());
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn as_js(&self) -> &JsValue {
        &self.0
    }

    /// `payload[name]` if it is a function: the answers some events carry (`resolve`,
    /// `reject`, `paymentFailed`).
    pub(crate) fn function(&self, name: &str) -> Option<js_sys::Function> {
        crate::interop::property(&self.0, name)?.dyn_into().ok()
    }
}

/// An event payload that did not decode is dropped with a console warning: a newer Stripe.js
/// must not break the page.
pub(crate) fn warn_ignored(event: &str, err: &StripeError) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("stripe-wasm: ignored `{event}` event: {err}")));
}
