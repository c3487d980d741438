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

/// One Element (the Payment Element, the Address Element, ...).
#[derive(Clone)]
pub struct Element {
    inner: sys::ElementJs,
    kind: String,
}

impl Element {
    pub(crate) fn from_js(inner: sys::ElementJs, kind: &str) -> Self {
        Self { inner, kind: kind.to_owned() }
    }

    /// `"payment"`, `"address"`, ...
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// Mounts the Element's iframe into `target`.
    pub fn mount(&self, target: &web_sys::Element) -> Result<(), StripeError> {
        self.inner.mount(target).map_err(thrown)
    }

    pub fn unmount(&self) -> Result<(), StripeError> {
        self.inner.unmount().map_err(thrown)
    }

    /// Removes the Element for good; a new one of its kind may then be created.
    pub fn destroy(&self) -> Result<(), StripeError> {
        self.inner.destroy().map_err(thrown)
    }

    /// `element.update(options)` with a partial set of options.
    pub fn update(&self, options: &impl Serialize) -> Result<(), StripeError> {
        self.inner.update(&to_js(options)?).map_err(thrown)
    }

    /// `element.update()` with only the options that differ between `old` and `new`, and
    /// only those `update()` takes (options set at creation only are not sent again).
    pub fn update_changed<O: ElementOptions>(&self, old: &O, new: &O) -> Result<(), StripeError> {
        match changed_options(&old.updatable(), &new.updatable())? {
            Some((patch, _)) => self.inner.update(&patch).map_err(thrown),
            None => Ok(()),
        }
    }

    pub fn focus(&self) -> Result<(), StripeError> {
        self.inner.focus().map_err(thrown)
    }

    pub fn blur(&self) -> Result<(), StripeError> {
        self.inner.blur().map_err(thrown)
    }

    pub fn clear(&self) -> Result<(), StripeError> {
        self.inner.clear().map_err(thrown)
    }

    /// Collapses the Payment Element's accordion. Stripe.js has `collapse()` on the Payment
    /// Element only; on any other Element this is an IntegrationError, not a call.
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
    pub async fn get_address_value(&self) -> Result<AddressChangeEvent, StripeError> {
        let promise = self.inner.get_value().map_err(thrown)?;
        let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(thrown)?;
        from_js(value, "address value")
    }

    /// Listens to `event` with payloads of type `E`; listening stops when the returned
    /// [`Listener`] is dropped.
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
    pub fn on_raw(
        &self,
        event: &'static str,
        mut handler: impl FnMut(RawEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |payload: JsValue| handler(RawEvent(payload)));
        self.inner.on(event, closure.as_ref().unchecked_ref()).map_err(thrown)?;
        Ok(Listener { element: self.inner.clone(), event, closure })
    }

    pub fn on_change(&self, handler: impl FnMut(ChangeEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("change", handler)
    }

    pub fn on_ready(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("ready", handler)
    }

    pub fn on_focus(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("focus", handler)
    }

    pub fn on_blur(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("blur", handler)
    }

    pub fn on_escape(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("escape", handler)
    }

    pub fn on_load_error(&self, handler: impl FnMut(LoadErrorEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("loaderror", handler)
    }

    pub fn on_loader_start(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("loaderstart", handler)
    }

    /// The Payment Element's `carddetailschange`.
    pub fn on_card_details_change(
        &self,
        handler: impl FnMut(CardDetailsChangeEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("carddetailschange", handler)
    }

    /// The Payment Element's `savedpaymentmethodupdate`.
    pub fn on_saved_payment_method_update(
        &self,
        handler: impl FnMut(SavedPaymentMethodEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("savedpaymentmethodupdate", handler)
    }

    /// The Payment Element's `savedpaymentmethodremove`.
    pub fn on_saved_payment_method_remove(
        &self,
        handler: impl FnMut(SavedPaymentMethodEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("savedpaymentmethodremove", handler)
    }

    /// The Payment Element's `availablepaymentmethodschange`.
    pub fn on_available_payment_methods_change(
        &self,
        handler: impl FnMut(AvailablePaymentMethodsChangeEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("availablepaymentmethodschange", handler)
    }
}

/// An event subscription; dropping it unsubscribes.
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

/// An event payload as Stripe.js passed it (see [`Element::on_raw`]).
#[derive(Debug, Clone)]
pub struct RawEvent(JsValue);

impl RawEvent {
    /// The payload as a Rust type.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, StripeError> {
        from_js(self.0.clone(), "event")
    }

    /// The payload itself (the escape hatch's one `JsValue`).
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
