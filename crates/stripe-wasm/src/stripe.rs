use js_sys::Object;
use wasm_bindgen::JsValue;

use crate::confirm::set;
use crate::interop::{from_js, property, resolve, thrown, to_js};
use crate::{
    AppInfo, ConfirmKonbiniData, ConfirmKonbiniOptions, ConfirmationToken, ConfirmationTokenParams, Elements,
    ElementsOptions, HandleNextActionOptions, LoadError, PaymentIntent, PaymentIntentStatus, SetupIntent, StripeError,
    StripeOptions, sys,
};

/// A Stripe.js instance for one publishable key. Cloning shares the instance.
#[derive(Clone)]
pub struct Stripe {
    inner: sys::StripeJs,
}

impl Stripe {
    /// `Stripe(publishableKey)`. Stripe.js must be loaded (see [`crate::load`]); a secret or
    /// malformed key is refused by Stripe.js with an IntegrationError.
    pub fn new(publishable_key: &str) -> Result<Self, StripeError> {
        sys::stripe(publishable_key, &JsValue::UNDEFINED).map(|inner| Self { inner }).map_err(thrown)
    }

    /// `Stripe(publishableKey, options)`: e.g. a platform's key acting for a connected account.
    pub fn with_options(publishable_key: &str, options: &StripeOptions) -> Result<Self, StripeError> {
        sys::stripe(publishable_key, &to_js(options)?).map(|inner| Self { inner }).map_err(thrown)
    }

    /// `stripe.registerAppInfo(info)`: a library built on Stripe.js says who it is.
    pub fn register_app_info(&self, info: &AppInfo) -> Result<(), StripeError> {
        self.inner.register_app_info(&to_js(info)?).map_err(thrown)
    }

    pub(crate) fn js(&self) -> &sys::StripeJs {
        &self.inner
    }

    /// Loads Stripe.js from `url` and creates the instance.
    pub async fn load(url: &str, publishable_key: &str) -> Result<Self, LoadOrKeyError> {
        crate::load(url).await.map_err(LoadOrKeyError::Load)?;
        Self::new(publishable_key).map_err(LoadOrKeyError::Key)
    }

    /// `stripe.elements(options)`: an Elements group, for a deferred intent or for an intent's
    /// client secret (see [`ElementsOptions`]); options Stripe.js would refuse are refused here
    /// with an IntegrationError.
    pub fn elements(&self, options: &ElementsOptions) -> Result<Elements, StripeError> {
        options.check().map_err(|message| StripeError::new(crate::ErrorType::IntegrationError, message))?;
        let js = self.inner.elements(&to_js(options)?).map_err(thrown)?;
        Ok(Elements::from_js(js))
    }

    /// `stripe.createConfirmationToken({elements, params})`, after `elements.submit()`.
    pub async fn create_confirmation_token(
        &self,
        elements: &Elements,
        params: &ConfirmationTokenParams,
    ) -> Result<ConfirmationToken, StripeError> {
        let options = Object::new();
        set(&options, "elements", elements.as_js())?;
        set(&options, "params", &to_js(params)?)?;
        let promise = self.inner.create_confirmation_token(&options).map_err(thrown)?;
        resolve(promise, "confirmationToken").await
    }

    /// `stripe.handleNextAction({clientSecret})`: 3-D Secure, redirects and other next actions
    /// of a PaymentIntent or SetupIntent the server confirmed; resolves with the intent the
    /// client secret is of.
    pub async fn handle_next_action(&self, client_secret: &str) -> Result<NextActionResult, StripeError> {
        let options = HandleNextActionOptions { client_secret: client_secret.to_owned() };
        let promise = self.inner.handle_next_action(&to_js(&options)?).map_err(thrown)?;
        let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(thrown)?;
        if let Some(error) = property(&value, "error") {
            return Err(from_js(error, "error")?);
        }
        if let Some(intent) = property(&value, "paymentIntent") {
            return Ok(NextActionResult::PaymentIntent(from_js(intent, "paymentIntent")?));
        }
        match property(&value, "setupIntent") {
            Some(intent) => Ok(NextActionResult::SetupIntent(from_js(intent, "setupIntent")?)),
            None => Err(StripeError::new(
                crate::ErrorType::ApiError,
                "Stripe.js resolved handleNextAction without `paymentIntent`, `setupIntent` or `error`",
            )),
        }
    }

    /// `stripe.confirmKonbiniPayment(clientSecret, data, options)`: confirms a konbini
    /// PaymentIntent; by default Stripe.js shows the payment instructions in a modal and this
    /// resolves when the shopper closes it, with `next_action.konbini_display_details`.
    pub async fn confirm_konbini_payment(
        &self,
        client_secret: &str,
        data: &ConfirmKonbiniData,
        options: ConfirmKonbiniOptions,
    ) -> Result<PaymentIntent, StripeError> {
        let promise =
            self.inner.confirm_konbini_payment(client_secret, &to_js(data)?, &to_js(&options)?).map_err(thrown)?;
        resolve(promise, "paymentIntent").await
    }

    /// `stripe.retrievePaymentIntent(clientSecret)`: e.g. on the `return_url` page.
    pub async fn retrieve_payment_intent(&self, client_secret: &str) -> Result<PaymentIntent, StripeError> {
        let promise = self.inner.retrieve_payment_intent(client_secret).map_err(thrown)?;
        resolve(promise, "paymentIntent").await
    }
}

/// Why [`Stripe::load`] failed: Stripe.js did not load, or it refused the key.
// Made at most once per page load: the size of a StripeError costs nothing here.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum LoadOrKeyError {
    Load(LoadError),
    Key(StripeError),
}

impl std::fmt::Display for LoadOrKeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Load(err) => err.fmt(f),
            Self::Key(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for LoadOrKeyError {}

/// What `handleNextAction` resolves with: the intent of the client secret it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextActionResult {
    PaymentIntent(PaymentIntent),
    SetupIntent(SetupIntent),
}

impl NextActionResult {
    /// The intent's status, either kind.
    pub fn status(&self) -> PaymentIntentStatus {
        match self {
            Self::PaymentIntent(intent) => intent.status,
            Self::SetupIntent(intent) => intent.status,
        }
    }
}
