use serde::{Deserialize, Serialize};

use wasm_bindgen::JsCast;

use crate::interop::{changed_options, from_js, property, thrown, to_js};
use crate::options::UPDATABLE_ELEMENTS_OPTIONS;
use crate::{
    AddressElementOptions, AddressMode, Element, ElementsOptions, ErrorType, PaymentElementOptions, StripeError, sys,
};

/// An Elements group: creates Elements, validates them on submit, takes option updates.
#[derive(Clone)]
pub struct Elements {
    inner: sys::ElementsJs,
}

impl Elements {
    pub(crate) fn from_js(inner: sys::ElementsJs) -> Self {
        Self { inner }
    }

    pub(crate) fn as_js(&self) -> &wasm_bindgen::JsValue {
        &self.inner
    }

    /// `elements.create(kind, options)` for any Element kind (`"payment"`, `"address"`, ...).
    pub fn create(&self, kind: &str, options: &impl Serialize) -> Result<Element, StripeError> {
        let js = self.inner.create(kind, &to_js(options)?).map_err(thrown)?;
        Ok(Element::from_js(js, kind))
    }

    /// `elements.create('payment', options)`.
    pub fn create_payment_element(&self, options: &PaymentElementOptions) -> Result<Element, StripeError> {
        self.create("payment", options)
    }

    /// `elements.create('address', options)`.
    pub fn create_address_element(&self, options: &AddressElementOptions) -> Result<Element, StripeError> {
        self.create("address", options)
    }

    /// `elements.getElement(kind)`: the Element of that kind in this group, if any (for
    /// `address`, the group's only or first Address Element).
    pub fn get_element(&self, kind: &str) -> Option<Element> {
        let found = self.inner.get_element(kind).ok().filter(|e| !e.is_null() && !e.is_undefined())?;
        Some(Element::from_js(found.unchecked_into(), kind))
    }

    /// `elements.getElement('address', {mode})`: a group may have a shipping and a billing
    /// Address Element.
    pub fn get_address_element(&self, mode: AddressMode) -> Option<Element> {
        #[derive(Serialize)]
        struct Options {
            mode: AddressMode,
        }
        let options = to_js(&Options { mode }).ok()?;
        let found =
            self.inner.get_element_with("address", &options).ok().filter(|e| !e.is_null() && !e.is_undefined())?;
        Some(Element::from_js(found.unchecked_into(), "address"))
    }

    /// `elements.submit()`: validates every Element (showing errors at the fields) and collects
    /// wallet data. Call it as soon as the shopper presses pay, before any other async work.
    /// Resolves with the payment method type the shopper chose.
    pub async fn submit(&self) -> Result<SubmitResult, StripeError> {
        let promise = self.inner.submit().map_err(thrown)?;
        let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(thrown)?;
        if let Some(error) = property(&value, "error") {
            return Err(from_js(error, "error")?);
        }
        from_js(value, "submit result")
    }

    /// `elements.update(options)`: only the options Stripe lets you change after creation
    /// (amount, currency, mode, appearance, locale, ...).
    pub async fn update(&self, options: &impl Serialize) -> Result<(), StripeError> {
        let promise = self.inner.update_group(&to_js(options)?).map_err(thrown)?;
        wasm_bindgen_futures::JsFuture::from(promise).await.map(drop).map_err(thrown)
    }

    /// Sends `elements.update()` with only the options that differ between `old` and `new`.
    /// Options Stripe does not allow to update are refused (nothing is sent), since Stripe.js
    /// would otherwise ignore them silently; that needs a new Elements group. An option Stripe
    /// lets you unset (`setupFutureUsage`) and `new` leaves out is sent as `null`.
    pub async fn update_changed(&self, old: &ElementsOptions, new: &ElementsOptions) -> Result<(), StripeError> {
        let unset_future_usage = old.setup_future_usage.is_some() && new.setup_future_usage.is_none();
        let (patch, keys) = match changed_options(old, new)? {
            Some(changed) => changed,
            None if unset_future_usage => (js_sys::Object::new(), Vec::new()),
            None => return Ok(()),
        };
        if let Some(key) = keys.iter().find(|k| !UPDATABLE_ELEMENTS_OPTIONS.contains(&k.as_str())) {
            return Err(StripeError::new(
                ErrorType::IntegrationError,
                format!("elements.update() cannot change `{key}`; create a new Elements group instead"),
            ));
        }
        if unset_future_usage {
            js_sys::Reflect::set(&patch, &"setupFutureUsage".into(), &wasm_bindgen::JsValue::NULL).map_err(thrown)?;
        }
        let promise = self.inner.update_group(&patch).map_err(thrown)?;
        wasm_bindgen_futures::JsFuture::from(promise).await.map(drop).map_err(thrown)
    }

    /// `elements.fetchUpdates()`: reloads the state of the associated intent. Its error is
    /// Stripe.js's `{message, status?}`, not a StripeError.
    pub async fn fetch_updates(&self) -> Result<(), FetchUpdatesError> {
        let as_error =
            |thrown: StripeError| FetchUpdatesError { message: thrown.message.unwrap_or_default(), status: None };
        let promise = self.inner.fetch_updates().map_err(|e| as_error(thrown(e)))?;
        let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| as_error(thrown(e)))?;
        match property(&value, "error") {
            Some(error) => Err(from_js(error, "fetchUpdates error").map_err(as_error)?),
            None => Ok(()),
        }
    }
}

/// What `elements.submit()` resolves with when the form is valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SubmitResult {
    /// The payment method type the shopper chose (`card`, `konbini`, ...).
    pub selected_payment_method: Option<String>,
}

/// Why `elements.fetchUpdates()` failed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FetchUpdatesError {
    pub message: String,
    #[serde(default)]
    pub status: Option<String>,
}

impl std::fmt::Display for FetchUpdatesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.status {
            Some(status) => write!(f, "{} ({status})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for FetchUpdatesError {}
