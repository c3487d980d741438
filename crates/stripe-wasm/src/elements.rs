use serde::{Deserialize, Serialize};

use wasm_bindgen::JsCast;

use crate::interop::{changed_options, from_js, property, thrown, to_js};
use crate::options::UPDATABLE_ELEMENTS_OPTIONS;
use crate::{
    AddressElementOptions, AddressMode, Element, ElementsOptions, ErrorType, PaymentElementOptions, StripeError, sys,
};

/// An Elements group (`stripe.elements(options)`, see [`Stripe::elements`](crate::Stripe::elements)):
/// creates Elements that share its options (amount, appearance, ...), validates them on submit,
/// takes option updates, and is what confirmations and ConfirmationTokens are made from.
/// Cloning shares the group.
///
/// ```no_run
/// use stripe_wasm::{ConfirmationTokenParams, ElementsOptions, PaymentElementOptions, Stripe, StripeError};
/// # async fn example(stripe: &Stripe, target: &web_sys::Element) -> Result<(), StripeError> {
/// let elements = stripe.elements(&ElementsOptions::payment(2000, "usd"))?;
/// elements.create_payment_element(&PaymentElementOptions::default())?.mount(target)?;
/// // When the shopper presses pay:
/// elements.submit().await?;
/// let token = stripe.create_confirmation_token(&elements, &ConfirmationTokenParams::default()).await?;
/// # let _ = token;
/// # Ok(())
/// # }
/// ```
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

    /// `elements.create(kind, options)` for any Element kind (`"payment"`, `"address"`,
    /// `"linkAuthentication"`, `"expressCheckout"`, `"paymentMethodMessaging"`, or one these
    /// bindings do not type, with your own serde options). Stripe.js refuses a second Element of
    /// most kinds in one group, and unknown options, with an IntegrationError.
    ///
    /// ```no_run
    /// use stripe_wasm::{Elements, LinkAuthenticationElementOptions};
    /// # fn example(elements: &Elements) -> Result<(), stripe_wasm::StripeError> {
    /// let email = elements.create("linkAuthentication", &LinkAuthenticationElementOptions::default())?;
    /// assert_eq!(email.kind(), "linkAuthentication");
    /// # Ok(())
    /// # }
    /// ```
    pub fn create(&self, kind: &str, options: &impl Serialize) -> Result<Element, StripeError> {
        let js = self.inner.create(kind, &to_js(options)?).map_err(thrown)?;
        Ok(Element::from_js(js, kind))
    }

    /// `elements.create('payment', options)`: the Payment Element.
    ///
    /// ```no_run
    /// use stripe_wasm::{Elements, LayoutType, PaymentElementOptions};
    /// # fn example(elements: &Elements) -> Result<(), stripe_wasm::StripeError> {
    /// let options = PaymentElementOptions { layout: Some(LayoutType::Accordion.into()) };
    /// let payment = elements.create_payment_element(&options)?;
    /// # let _ = payment;
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_payment_element(&self, options: &PaymentElementOptions) -> Result<Element, StripeError> {
        self.create("payment", options)
    }

    /// `elements.create('address', options)`: the Address Element (a group may have one of each
    /// [`AddressMode`]).
    ///
    /// ```no_run
    /// use stripe_wasm::{AddressElementOptions, AddressMode, Elements};
    /// # fn example(elements: &Elements) -> Result<(), stripe_wasm::StripeError> {
    /// let shipping = elements.create_address_element(&AddressElementOptions::new(AddressMode::Shipping))?;
    /// # let _ = shipping;
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_address_element(&self, options: &AddressElementOptions) -> Result<Element, StripeError> {
        self.create("address", options)
    }

    /// `elements.getElement(kind)`: the Element of that kind in this group, if any (for
    /// `address`, the group's only or first Address Element).
    ///
    /// ```no_run
    /// # fn example(elements: &stripe_wasm::Elements) -> Result<(), stripe_wasm::StripeError> {
    /// if let Some(payment) = elements.get_element("payment") {
    ///     payment.collapse()?;
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_element(&self, kind: &str) -> Option<Element> {
        let found = self.inner.get_element(kind).ok().filter(|e| !e.is_null() && !e.is_undefined())?;
        Some(Element::from_js(found.unchecked_into(), kind))
    }

    /// `elements.getElement('address', {mode})`: a group may have a shipping and a billing
    /// Address Element.
    ///
    /// ```no_run
    /// use stripe_wasm::AddressMode;
    /// # fn example(elements: &stripe_wasm::Elements) {
    /// let billing = elements.get_address_element(AddressMode::Billing);
    /// # let _ = billing;
    /// # }
    /// ```
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
    /// Resolves with the payment method type the shopper chose; an invalid form is an `Err`
    /// (type `validation_error`, already shown at the fields).
    ///
    /// ```no_run
    /// # async fn example(elements: &stripe_wasm::Elements) -> Result<(), stripe_wasm::StripeError> {
    /// let submitted = elements.submit().await?;
    /// let chosen = submitted.selected_payment_method; // Some("card"), Some("konbini"), ...
    /// # Ok(())
    /// # }
    /// ```
    pub async fn submit(&self) -> Result<SubmitResult, StripeError> {
        let promise = self.inner.submit().map_err(thrown)?;
        let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(thrown)?;
        if let Some(error) = property(&value, "error") {
            return Err(from_js(error, "error")?);
        }
        from_js(value, "submit result")
    }

    /// `elements.update(options)`: only the options Stripe lets you change after creation
    /// (amount, currency, mode, appearance, locale, ...; [`UPDATABLE_ELEMENTS_OPTIONS`]),
    /// serialised as they are: a partial set (your own serde struct) or all of them. Resolves when
    /// every Element shows them.
    ///
    /// ```no_run
    /// #[derive(serde::Serialize)]
    /// struct NewAmount {
    ///     amount: i64,
    /// }
    /// # async fn example(elements: &stripe_wasm::Elements) -> Result<(), stripe_wasm::StripeError> {
    /// elements.update(&NewAmount { amount: 2500 }).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn update(&self, options: &impl Serialize) -> Result<(), StripeError> {
        let promise = self.inner.update_group(&to_js(options)?).map_err(thrown)?;
        wasm_bindgen_futures::JsFuture::from(promise).await.map(drop).map_err(thrown)
    }

    /// Sends `elements.update()` with only the options that differ between `old` and `new`.
    /// Options Stripe does not allow to update are refused (nothing is sent), since Stripe.js
    /// would otherwise ignore them silently; that needs a new Elements group. An option Stripe
    /// lets you unset (`setupFutureUsage`) and `new` leaves out is sent as `null`.
    ///
    /// ```no_run
    /// use stripe_wasm::ElementsOptions;
    /// # async fn example(elements: &stripe_wasm::Elements) -> Result<(), stripe_wasm::StripeError> {
    /// let before = ElementsOptions::payment(2000, "usd");
    /// let after = ElementsOptions::payment(2500, "usd");
    /// elements.update_changed(&before, &after).await?; // sends {amount: 2500}
    /// # Ok(())
    /// # }
    /// ```
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
    /// Stripe.js's `{message, status?}`, not a StripeError. For a group made for an intent's
    /// client secret, after the server changed that intent (e.g. its amount).
    ///
    /// ```no_run
    /// # async fn example(elements: &stripe_wasm::Elements) {
    /// if let Err(error) = elements.fetch_updates().await {
    ///     // error.message, error.status
    /// }
    /// # }
    /// ```
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
///
/// ```
/// use stripe_wasm::SubmitResult;
/// let result: SubmitResult = serde_json::from_str(r#"{"selectedPaymentMethod": "card"}"#).unwrap();
/// assert_eq!(result.selected_payment_method.as_deref(), Some("card"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SubmitResult {
    /// The payment method type the shopper chose (`card`, `konbini`, `apple_pay`, ...); `None`
    /// if Stripe.js did not say.
    pub selected_payment_method: Option<String>,
}

/// Why `elements.fetchUpdates()` failed: Stripe.js's `{message, status?}`.
///
/// ```
/// use stripe_wasm::FetchUpdatesError;
/// let error = FetchUpdatesError { message: "No such payment_intent".into(), status: Some("404".into()) };
/// assert_eq!(error.to_string(), "No such payment_intent (404)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FetchUpdatesError {
    /// What went wrong, for the integrator.
    pub message: String,
    /// The status Stripe.js reports with it, when it gives one.
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
