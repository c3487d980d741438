use js_sys::Object;
use wasm_bindgen::JsValue;

use crate::confirm::set;
use crate::interop::{from_js, property, resolve, thrown, to_js};
use crate::{
    AppInfo, ConfirmKonbiniData, ConfirmKonbiniOptions, ConfirmationToken, ConfirmationTokenParams, Elements,
    ElementsOptions, HandleNextActionOptions, LoadError, PaymentIntent, PaymentIntentStatus, SetupIntent, StripeError,
    StripeOptions, sys,
};

/// A Stripe.js instance (`Stripe(publishableKey, options)`) for one publishable key: the entry
/// point to Elements, confirmations, next actions and Embedded Checkout. Cloning shares the
/// instance. Make one per page and key, after Stripe.js has loaded ([`Stripe::load`]).
///
/// ```no_run
/// use stripe_wasm::{ElementsOptions, Stripe};
/// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
/// let stripe = Stripe::load("https://js.stripe.com/endive/stripe.js", "pk_test_123").await?;
/// let elements = stripe.elements(&ElementsOptions::payment(2000, "usd"))?;
/// # let _ = elements;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Stripe {
    inner: sys::StripeJs,
}

impl Stripe {
    /// `Stripe(publishableKey)`. Stripe.js must be loaded (see [`crate::load`]); a secret or
    /// malformed key is refused by Stripe.js with an IntegrationError.
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// stripe_wasm::load("https://js.stripe.com/endive/stripe.js").await?;
    /// let stripe = stripe_wasm::Stripe::new("pk_test_123")?;
    /// # let _ = stripe;
    /// # Ok(())
    /// # }
    /// ```
    pub fn new(publishable_key: &str) -> Result<Self, StripeError> {
        sys::stripe(publishable_key, &JsValue::UNDEFINED).map(|inner| Self { inner }).map_err(thrown)
    }

    /// `Stripe(publishableKey, options)`: e.g. a platform's key acting for a connected account,
    /// or Stripe.js's messages in the shopper's language (see [`StripeOptions`]).
    ///
    /// ```no_run
    /// use stripe_wasm::{Stripe, StripeOptions};
    /// # fn example() -> Result<(), stripe_wasm::StripeError> {
    /// let options = StripeOptions { locale: Some("ja".into()), ..StripeOptions::default() };
    /// let stripe = Stripe::with_options("pk_test_123", &options)?;
    /// # let _ = stripe;
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_options(publishable_key: &str, options: &StripeOptions) -> Result<Self, StripeError> {
        sys::stripe(publishable_key, &to_js(options)?).map(|inner| Self { inner }).map_err(thrown)
    }

    /// `stripe.registerAppInfo(info)`: a library built on Stripe.js says who it is.
    ///
    /// ```no_run
    /// use stripe_wasm::{AppInfo, Stripe};
    /// # fn example(stripe: &Stripe) -> Result<(), stripe_wasm::StripeError> {
    /// stripe.register_app_info(&AppInfo {
    ///     name: "my-shop-kit".into(),
    ///     version: Some("1.2.0".into()),
    ///     url: Some("https://example.com/my-shop-kit".into()),
    ///     partner_id: None,
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn register_app_info(&self, info: &AppInfo) -> Result<(), StripeError> {
        self.inner.register_app_info(&to_js(info)?).map_err(thrown)
    }

    pub(crate) fn js(&self) -> &sys::StripeJs {
        &self.inner
    }

    /// Loads Stripe.js from `url` ([`crate::load`]) and creates the instance ([`Stripe::new`]):
    /// `loadStripe(publishableKey)`.
    ///
    /// ```no_run
    /// use stripe_wasm::{LoadOrKeyError, Stripe};
    /// # async fn example() {
    /// match Stripe::load("https://js.stripe.com/endive/stripe.js", "pk_test_123").await {
    ///     Ok(stripe) => { /* stripe.elements(...) */ }
    ///     Err(LoadOrKeyError::Load(err)) => { /* offline or blocked: show a retry */ }
    ///     Err(LoadOrKeyError::Key(err)) => { /* a wrong key: a bug of the page */ }
    /// }
    /// # }
    /// ```
    pub async fn load(url: &str, publishable_key: &str) -> Result<Self, LoadOrKeyError> {
        crate::load(url).await.map_err(LoadOrKeyError::Load)?;
        Self::new(publishable_key).map_err(LoadOrKeyError::Key)
    }

    /// `loadStripe(publishableKey, options)`: as [`Stripe::load`], the instance made with
    /// `Stripe(pk, options)` (a connected account's `stripeAccount`, a `locale`, an `apiVersion`).
    ///
    /// ```no_run
    /// use stripe_wasm::{Stripe, StripeOptions};
    /// # async fn example() -> Result<(), stripe_wasm::LoadOrKeyError> {
    /// let options = StripeOptions { stripe_account: Some("acct_123".into()), ..StripeOptions::default() };
    /// let seller = Stripe::load_with_options("https://js.stripe.com/endive/stripe.js", "pk_test_123", &options).await?;
    /// # let _ = seller;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn load_with_options(
        url: &str,
        publishable_key: &str,
        options: &StripeOptions,
    ) -> Result<Self, LoadOrKeyError> {
        crate::load(url).await.map_err(LoadOrKeyError::Load)?;
        Self::with_options(publishable_key, options).map_err(LoadOrKeyError::Key)
    }

    /// `stripe.elements(options)`: an Elements group, for a deferred intent or for an intent's
    /// client secret (see [`ElementsOptions`]); options Stripe.js would refuse are refused here
    /// with an IntegrationError.
    ///
    /// ```no_run
    /// use stripe_wasm::{Appearance, ElementsOptions, Stripe, Theme};
    /// # fn example(stripe: &Stripe) -> Result<(), stripe_wasm::StripeError> {
    /// // Deferred intent: no PaymentIntent yet.
    /// let options = ElementsOptions {
    ///     appearance: Some(Appearance { theme: Some(Theme::Night), ..Appearance::default() }),
    ///     ..ElementsOptions::payment(2000, "usd")
    /// };
    /// let elements = stripe.elements(&options)?;
    /// // Or for an intent the server created first.
    /// let for_intent = stripe.elements(&ElementsOptions::for_intent("pi_123_secret_456"))?;
    /// # let _ = (elements, for_intent);
    /// # Ok(())
    /// # }
    /// ```
    pub fn elements(&self, options: &ElementsOptions) -> Result<Elements, StripeError> {
        options.check().map_err(|message| StripeError::new(crate::ErrorType::IntegrationError, message))?;
        let js = self.inner.elements(&to_js(options)?).map_err(thrown)?;
        Ok(Elements::from_js(js))
    }

    /// `stripe.createConfirmationToken({elements, params})`, after `elements.submit()`: the
    /// payment details Elements collected, as a ConfirmationToken (`ctoken_…`) your server
    /// confirms a PaymentIntent or SetupIntent with ("finalize payments on the server"). Values
    /// in `params` override what Elements collected.
    ///
    /// ```no_run
    /// use stripe_wasm::{ConfirmationTokenParams, Elements, Stripe, StripeError};
    /// # async fn example(stripe: &Stripe, elements: &Elements) -> Result<(), StripeError> {
    /// elements.submit().await?;
    /// let token = stripe.create_confirmation_token(elements, &ConfirmationTokenParams::default()).await?;
    /// // Send token.id to your server.
    /// # Ok(())
    /// # }
    /// ```
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
    /// client secret is of. Call it when the server answers with an intent in `requires_action`.
    ///
    /// ```no_run
    /// use stripe_wasm::{NextActionResult, PaymentIntentStatus, Stripe, StripeError};
    /// # async fn example(stripe: &Stripe, client_secret: &str) -> Result<(), StripeError> {
    /// match stripe.handle_next_action(client_secret).await?.status() {
    ///     PaymentIntentStatus::Succeeded | PaymentIntentStatus::Processing => { /* done */ }
    ///     _ => { /* failed authentication: ask for another payment method */ }
    /// }
    /// # Ok(())
    /// # }
    /// ```
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
    ///
    /// ```no_run
    /// use stripe_wasm::{ConfirmKonbiniData, ConfirmKonbiniOptions, Stripe, StripeError};
    /// # async fn example(stripe: &Stripe, client_secret: &str) -> Result<(), StripeError> {
    /// let data = ConfirmKonbiniData::new("山田太郎", "taro@example.jp", Some("09012345678".into()));
    /// let intent = stripe.confirm_konbini_payment(client_secret, &data, ConfirmKonbiniOptions::default()).await?;
    /// let voucher = intent.next_action.and_then(|action| action.konbini_display_details);
    /// # let _ = voucher;
    /// # Ok(())
    /// # }
    /// ```
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

    /// `stripe.retrievePaymentIntent(clientSecret)`: e.g. on the `return_url` page, where Stripe
    /// adds `payment_intent_client_secret` to the URL.
    ///
    /// ```no_run
    /// use stripe_wasm::{PaymentIntentStatus, Stripe, StripeError};
    /// # async fn example(stripe: &Stripe, client_secret: &str) -> Result<(), StripeError> {
    /// let intent = stripe.retrieve_payment_intent(client_secret).await?;
    /// let paid = intent.status == PaymentIntentStatus::Succeeded;
    /// # let _ = paid;
    /// # Ok(())
    /// # }
    /// ```
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
    /// Stripe.js could not be loaded ([`crate::load`]).
    Load(LoadError),
    /// `Stripe(publishableKey)` threw: a secret, malformed or missing key.
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
    /// For a `pi_…_secret_…`.
    PaymentIntent(PaymentIntent),
    /// For a `seti_…_secret_…`.
    SetupIntent(SetupIntent),
}

impl NextActionResult {
    /// The intent's status, either kind.
    ///
    /// ```
    /// use stripe_wasm::{NextActionResult, PaymentIntentStatus, SetupIntent};
    /// let intent: SetupIntent = serde_json::from_str(r#"{"id": "seti_1", "status": "succeeded"}"#).unwrap();
    /// assert_eq!(NextActionResult::SetupIntent(intent).status(), PaymentIntentStatus::Succeeded);
    /// ```
    pub fn status(&self) -> PaymentIntentStatus {
        match self {
            Self::PaymentIntent(intent) => intent.status,
            Self::SetupIntent(intent) => intent.status,
        }
    }
}
