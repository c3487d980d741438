//! Confirming intents from the browser with what Elements collected: `stripe.confirmPayment`,
//! `stripe.confirmSetup`, and `stripe.createPaymentMethod({elements})`; reading a SetupIntent
//! back (`stripe.retrieveSetupIntent`). For "finalize payments on the server" use
//! `createConfirmationToken` instead: the server then confirms.

use std::collections::BTreeMap;

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::interop::{resolve, thrown, to_js};
use crate::{BillingDetails, Elements, PaymentIntent, PaymentMethod, SetupIntent, Shipping, Stripe, StripeError};

/// `redirect` of `confirmPayment` / `confirmSetup`: whether a successful confirmation always
/// leaves the page for the `return_url`.
///
/// ```
/// use stripe_wasm::Redirect;
/// assert_eq!(serde_json::to_value(Redirect::IfRequired).unwrap(), "if_required");
/// assert_eq!(Redirect::default(), Redirect::Always);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Redirect {
    /// Stripe.js's default: after a successful confirmation the shopper is sent to the
    /// `return_url`, so the call never completes with the intent (only with an error).
    #[default]
    Always,
    /// `if_required`: resolve with the intent, unless the payment method the shopper chose
    /// needs a redirect (then the page must handle both outcomes).
    IfRequired,
}

/// `allow_redisplay` of a PaymentMethod: whether checkouts (Elements, Checkout) may show it to
/// its customer again as a saved payment method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AllowRedisplay {
    /// `always`: the customer agreed to have it shown again.
    Always,
    /// `limited`: shown again only where Stripe allows a limited redisplay.
    Limited,
    /// `unspecified`: no consent recorded (Stripe's default).
    Unspecified,
}

/// `confirmParams.payment_method_data` and `createPaymentMethod`'s `params`: what is added to
/// the PaymentMethod Elements create. Billing details given here are overridden by what
/// Elements collected.
///
/// ```
/// use stripe_wasm::{AllowRedisplay, BillingDetails, PaymentMethodData};
/// let data = PaymentMethodData {
///     billing_details: Some(BillingDetails { name: Some("Jenny Rosen".into()), ..Default::default() }),
///     allow_redisplay: Some(AllowRedisplay::Always),
///     metadata: [("order".to_owned(), "42".to_owned())].into(),
/// };
/// assert_eq!(
///     serde_json::to_value(&data).unwrap(),
///     serde_json::json!({
///         "billing_details": {"name": "Jenny Rosen", "email": null, "phone": null},
///         "allow_redisplay": "always",
///         "metadata": {"order": "42"}
///     })
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PaymentMethodData {
    /// Billing details to add (those the Payment Element's `fields` option hides must be given
    /// here); `None` for what Elements collected alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_details: Option<BillingDetails>,
    /// Whether the saved payment method may be shown to the customer again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_redisplay: Option<AllowRedisplay>,
    /// Key-value pairs stored on the PaymentMethod; left out when empty.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

/// `confirmParams` of `stripe.confirmPayment`, in API (snake_case) names.
///
/// ```
/// use stripe_wasm::ConfirmPaymentParams;
/// let params = ConfirmPaymentParams {
///     return_url: Some("https://shop.example/complete".into()),
///     receipt_email: Some("jenny@example.com".into()),
///     ..ConfirmPaymentParams::default()
/// };
/// assert_eq!(
///     serde_json::to_value(&params).unwrap(),
///     serde_json::json!({"return_url": "https://shop.example/complete", "receipt_email": "jenny@example.com"})
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConfirmPaymentParams {
    /// Where Stripe sends the shopper after a redirect (and, with [`Redirect::Always`], after
    /// every successful confirmation). Required unless [`Redirect::IfRequired`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    /// Shipping information for the PaymentIntent (its name and first address line required).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping: Option<ShippingParams>,
    /// Where Stripe emails the receipt of the payment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt_email: Option<String>,
    /// What to add to the PaymentMethod Elements create.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_data: Option<PaymentMethodData>,
    /// An existing PaymentMethod (`pm_…`) to confirm with, when there are no Elements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
}

/// `confirmParams.shipping` of `confirmPayment`: unlike a ConfirmationToken's [`Shipping`], Stripe
/// requires the name and the first address line here, and takes no `null`s.
///
/// ```
/// use stripe_wasm::{Address, Shipping, ShippingParams};
/// let collected = Shipping {
///     name: Some("Jenny Rosen".into()),
///     address: Address { line1: Some("1 Harbour Way".into()), country: Some("US".into()), ..Default::default() },
///     phone: None,
/// };
/// let sent = serde_json::to_value(ShippingParams::from_shipping(&collected).unwrap()).unwrap();
/// assert_eq!(sent, serde_json::json!({"name": "Jenny Rosen", "address": {"line1": "1 Harbour Way", "country": "US"}}));
/// assert!(ShippingParams::from_shipping(&Shipping::default()).is_none(), "no name, no line1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShippingParams {
    /// The recipient's name.
    pub name: String,
    /// Where to deliver.
    pub address: AddressParams,
    /// The recipient's phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// An address as Stripe's API takes it in `confirmParams` (Stripe.js's `AddressParam`): the
/// first line required, the rest left out when unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddressParams {
    /// Street address, first line.
    pub line1: String,
    /// Apartment, suite, unit, building.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// City, district, suburb, town or village.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, county, province or region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// ZIP or postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Two-letter country code (ISO 3166-1 alpha-2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

impl ShippingParams {
    /// From what the Address Element collected (`AddressValue::to_shipping`); `None` without a
    /// name or a first address line, which Stripe requires here.
    pub fn from_shipping(shipping: &Shipping) -> Option<Self> {
        let address = &shipping.address;
        Some(Self {
            name: shipping.name.clone().filter(|n| !n.is_empty())?,
            address: AddressParams {
                line1: address.line1.clone().filter(|l| !l.is_empty())?,
                line2: address.line2.clone(),
                city: address.city.clone(),
                state: address.state.clone(),
                postal_code: address.postal_code.clone(),
                country: address.country.clone(),
            },
            phone: shipping.phone.clone(),
        })
    }
}

/// `confirmParams` of `stripe.confirmSetup`, in API (snake_case) names.
///
/// ```
/// use stripe_wasm::ConfirmSetupParams;
/// let params = ConfirmSetupParams { return_url: Some("https://shop.example/saved".into()), ..Default::default() };
/// assert_eq!(serde_json::to_value(&params).unwrap(), serde_json::json!({"return_url": "https://shop.example/saved"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConfirmSetupParams {
    /// Where Stripe sends the shopper after a redirect (and, with [`Redirect::Always`], after
    /// every successful confirmation). Required unless [`Redirect::IfRequired`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    /// What to add to the PaymentMethod Elements create.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_data: Option<PaymentMethodData>,
    /// An existing PaymentMethod (`pm_…`) to set up, when there are no Elements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
}

/// What to confirm and with what: an Elements group made for the intent
/// ([`Confirm::elements`]), a deferred-intent group after `elements.submit()` and the client
/// secret the server returned ([`Confirm::deferred`]), or a client secret with
/// `confirm_params.payment_method` ([`Confirm::client_secret`]).
///
/// ```
/// use stripe_wasm::{Confirm, ConfirmPaymentParams, Redirect};
/// let confirm = Confirm::client_secret(
///     "pi_123_secret_456",
///     ConfirmPaymentParams { payment_method: Some("pm_card_visa".into()), ..Default::default() },
/// )
/// .redirect(Redirect::IfRequired);
/// assert_eq!(confirm.redirect, Redirect::IfRequired);
/// ```
#[derive(Clone)]
pub struct Confirm<'a, P> {
    /// `elements`: the group whose Payment Element collected the details; `None` to confirm
    /// with `confirm_params.payment_method`.
    pub elements: Option<&'a Elements>,
    /// `clientSecret`: the intent's client secret; `None` for a group created with one.
    pub client_secret: Option<String>,
    /// `confirmParams`: [`ConfirmPaymentParams`] or [`ConfirmSetupParams`].
    pub confirm_params: P,
    /// `redirect`: [`Redirect::Always`] unless set with [`Confirm::redirect`].
    pub redirect: Redirect,
}

impl<'a, P> Confirm<'a, P> {
    /// With an Elements group created from the intent's client secret
    /// ([`ElementsOptions::for_intent`](crate::ElementsOptions::for_intent)).
    ///
    /// ```no_run
    /// use stripe_wasm::{Confirm, ConfirmPaymentParams, Elements, Stripe, StripeError};
    /// # async fn example(stripe: &Stripe, elements: &Elements) -> Result<(), StripeError> {
    /// let params = ConfirmPaymentParams {
    ///     return_url: Some("https://shop.example/complete".into()),
    ///     ..Default::default()
    /// };
    /// // Redirect::Always: on success the page leaves for the return_url; only errors come back.
    /// let error = stripe.confirm_payment(&Confirm::elements(elements, params)).await.unwrap_err();
    /// # let _ = error;
    /// # Ok(())
    /// # }
    /// ```
    pub fn elements(elements: &'a Elements, confirm_params: P) -> Self {
        Self { elements: Some(elements), client_secret: None, confirm_params, redirect: Redirect::Always }
    }

    /// With a deferred-intent Elements group (after `elements.submit()`) and the client secret
    /// of the intent the server created for it.
    ///
    /// ```no_run
    /// use stripe_wasm::{Confirm, ConfirmPaymentParams, Elements, Redirect, Stripe, StripeError};
    /// # async fn create_intent_on_server() -> Result<String, StripeError> { Ok(String::new()) }
    /// # async fn example(stripe: &Stripe, elements: &Elements) -> Result<(), StripeError> {
    /// elements.submit().await?;
    /// let client_secret = create_intent_on_server().await?;
    /// let confirm = Confirm::deferred(elements, client_secret, ConfirmPaymentParams::default())
    ///     .redirect(Redirect::IfRequired);
    /// let intent = stripe.confirm_payment(&confirm).await?;
    /// # let _ = intent;
    /// # Ok(())
    /// # }
    /// ```
    pub fn deferred(elements: &'a Elements, client_secret: impl Into<String>, confirm_params: P) -> Self {
        Self { client_secret: Some(client_secret.into()), ..Self::elements(elements, confirm_params) }
    }

    /// Without Elements: `confirm_params` names the PaymentMethod (a saved one, say).
    ///
    /// ```
    /// use stripe_wasm::{Confirm, ConfirmSetupParams};
    /// let params = ConfirmSetupParams { payment_method: Some("pm_123".into()), ..Default::default() };
    /// let confirm = Confirm::client_secret("seti_123_secret_456", params);
    /// assert!(confirm.elements.is_none());
    /// ```
    pub fn client_secret(client_secret: impl Into<String>, confirm_params: P) -> Self {
        Self { elements: None, client_secret: Some(client_secret.into()), confirm_params, redirect: Redirect::Always }
    }

    /// Sets `redirect` ([`Redirect::Always`] otherwise).
    ///
    /// ```
    /// use stripe_wasm::{Confirm, ConfirmPaymentParams, Redirect};
    /// let confirm =
    ///     Confirm::client_secret("pi_1_secret_2", ConfirmPaymentParams::default()).redirect(Redirect::IfRequired);
    /// assert_eq!(confirm.redirect, Redirect::IfRequired);
    /// ```
    pub fn redirect(self, redirect: Redirect) -> Self {
        Self { redirect, ..self }
    }

    fn to_js(&self) -> Result<Object, StripeError>
    where
        P: Serialize,
    {
        let options = Object::new();
        if let Some(elements) = self.elements {
            set(&options, "elements", elements.as_js())?;
        }
        if let Some(secret) = &self.client_secret {
            set(&options, "clientSecret", &JsValue::from_str(secret))?;
        }
        set(&options, "confirmParams", &to_js(&self.confirm_params)?)?;
        set(&options, "redirect", &to_js(&self.redirect)?)?;
        Ok(options)
    }
}

impl Stripe {
    /// `stripe.confirmPayment({elements, clientSecret, confirmParams, redirect})`: confirms the
    /// PaymentIntent in the browser, doing any next action (3-D Secure, redirects). With
    /// [`Redirect::Always`] a success leaves the page for the `return_url`, so the future only
    /// ever completes with an error. Resolves with the PaymentIntent (`succeeded`, `processing`,
    /// `requires_capture`, ...) otherwise; a decline is an `Err` whose
    /// [`payment_intent`](StripeError::payment_intent) is the intent as it was left.
    ///
    /// ```no_run
    /// use stripe_wasm::{Confirm, ConfirmPaymentParams, Elements, Redirect, Stripe, StripeError};
    /// # async fn example(stripe: &Stripe, elements: &Elements) -> Result<(), StripeError> {
    /// let params = ConfirmPaymentParams {
    ///     return_url: Some("https://shop.example/complete".into()),
    ///     ..Default::default()
    /// };
    /// match stripe.confirm_payment(&Confirm::elements(elements, params).redirect(Redirect::IfRequired)).await {
    ///     Ok(intent) => { /* show intent.status */ }
    ///     Err(error) => { /* show error.shopper_message() */ }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn confirm_payment(
        &self,
        confirm: &Confirm<'_, ConfirmPaymentParams>,
    ) -> Result<PaymentIntent, StripeError> {
        let promise = self.js().confirm_payment(&confirm.to_js()?.into()).map_err(thrown)?;
        resolve(promise, "paymentIntent").await
    }

    /// `stripe.confirmSetup(...)`: as [`Stripe::confirm_payment`], for a SetupIntent (saving a
    /// payment method for later).
    ///
    /// ```no_run
    /// use stripe_wasm::{Confirm, ConfirmSetupParams, Elements, Redirect, Stripe, StripeError};
    /// # async fn example(stripe: &Stripe, elements: &Elements) -> Result<(), StripeError> {
    /// let params = ConfirmSetupParams { return_url: Some("https://shop.example/saved".into()), ..Default::default() };
    /// let intent = stripe.confirm_setup(&Confirm::elements(elements, params).redirect(Redirect::IfRequired)).await?;
    /// let saved = intent.payment_method.map(|pm| pm.id().to_owned());
    /// # let _ = saved;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn confirm_setup(&self, confirm: &Confirm<'_, ConfirmSetupParams>) -> Result<SetupIntent, StripeError> {
        let promise = self.js().confirm_setup(&confirm.to_js()?.into()).map_err(thrown)?;
        resolve(promise, "setupIntent").await
    }

    /// `stripe.retrieveSetupIntent(clientSecret)`: e.g. on the `return_url` page after
    /// `confirm_setup` (Stripe adds `setup_intent_client_secret` to the URL).
    ///
    /// ```no_run
    /// use stripe_wasm::{PaymentIntentStatus, Stripe, StripeError};
    /// # async fn example(stripe: &Stripe, client_secret: &str) -> Result<(), StripeError> {
    /// let intent = stripe.retrieve_setup_intent(client_secret).await?;
    /// let saved = intent.status == PaymentIntentStatus::Succeeded;
    /// # let _ = saved;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn retrieve_setup_intent(&self, client_secret: &str) -> Result<SetupIntent, StripeError> {
        let promise = self.js().retrieve_setup_intent(client_secret).map_err(thrown)?;
        resolve(promise, "setupIntent").await
    }

    /// `stripe.createPaymentMethod({elements, params})`, after `elements.submit()`, with an
    /// Elements group created with `paymentMethodCreation: 'manual'`: a PaymentMethod
    /// (`pm_…`) your server then uses (the older flow; a ConfirmationToken is Stripe's
    /// recommendation now).
    ///
    /// ```no_run
    /// use stripe_wasm::{ElementsOptions, PaymentMethodCreation, PaymentMethodData, Stripe, StripeError};
    /// # async fn example(stripe: &Stripe) -> Result<(), StripeError> {
    /// let options = ElementsOptions {
    ///     payment_method_creation: Some(PaymentMethodCreation::Manual),
    ///     ..ElementsOptions::payment(2000, "usd")
    /// };
    /// let elements = stripe.elements(&options)?;
    /// // ... the Payment Element mounted, the shopper presses pay ...
    /// elements.submit().await?;
    /// let method = stripe.create_payment_method(&elements, &PaymentMethodData::default()).await?;
    /// // Send method.id to your server.
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create_payment_method(
        &self,
        elements: &Elements,
        params: &PaymentMethodData,
    ) -> Result<PaymentMethod, StripeError> {
        let options = Object::new();
        set(&options, "elements", elements.as_js())?;
        set(&options, "params", &to_js(params)?)?;
        let promise = self.js().create_payment_method(&options).map_err(thrown)?;
        resolve(promise, "paymentMethod").await
    }
}

pub(crate) fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), StripeError> {
    Reflect::set(target, &JsValue::from_str(key), value).map(drop).map_err(thrown)
}
