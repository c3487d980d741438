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

/// `redirect` of `confirmPayment` / `confirmSetup`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Redirect {
    /// Stripe.js's default: after a successful confirmation the shopper is sent to the
    /// `return_url`, so the call never completes with the intent (only with an error).
    #[default]
    Always,
    /// Resolve with the intent, unless the payment method the shopper chose needs a redirect.
    IfRequired,
}

/// `allow_redisplay` of a PaymentMethod: whether checkouts may show it to its customer again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AllowRedisplay {
    Always,
    Limited,
    Unspecified,
}

/// `confirmParams.payment_method_data` and `createPaymentMethod`'s `params`: what is added to
/// the PaymentMethod Elements create. Billing details given here are overridden by what
/// Elements collected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PaymentMethodData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_details: Option<BillingDetails>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_redisplay: Option<AllowRedisplay>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

/// `confirmParams` of `stripe.confirmPayment`, in API (snake_case) names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConfirmPaymentParams {
    /// Where Stripe sends the shopper after a redirect (and, with [`Redirect::Always`], after
    /// every successful confirmation). Required unless [`Redirect::IfRequired`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping: Option<Shipping>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_data: Option<PaymentMethodData>,
    /// An existing PaymentMethod (`pm_…`) to confirm with, when there are no Elements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
}

/// `confirmParams` of `stripe.confirmSetup`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConfirmSetupParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_data: Option<PaymentMethodData>,
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
    pub elements: Option<&'a Elements>,
    pub client_secret: Option<String>,
    pub confirm_params: P,
    pub redirect: Redirect,
}

impl<'a, P> Confirm<'a, P> {
    /// With an Elements group created from the intent's client secret.
    pub fn elements(elements: &'a Elements, confirm_params: P) -> Self {
        Self { elements: Some(elements), client_secret: None, confirm_params, redirect: Redirect::Always }
    }

    /// With a deferred-intent Elements group (after `elements.submit()`) and the client secret
    /// of the intent the server created for it.
    pub fn deferred(elements: &'a Elements, client_secret: impl Into<String>, confirm_params: P) -> Self {
        Self { client_secret: Some(client_secret.into()), ..Self::elements(elements, confirm_params) }
    }

    /// Without Elements: `confirm_params` names the PaymentMethod.
    pub fn client_secret(client_secret: impl Into<String>, confirm_params: P) -> Self {
        Self { elements: None, client_secret: Some(client_secret.into()), confirm_params, redirect: Redirect::Always }
    }

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
    /// ever completes with an error.
    pub async fn confirm_payment(
        &self,
        confirm: &Confirm<'_, ConfirmPaymentParams>,
    ) -> Result<PaymentIntent, StripeError> {
        let promise = self.js().confirm_payment(&confirm.to_js()?.into()).map_err(thrown)?;
        resolve(promise, "paymentIntent").await
    }

    /// `stripe.confirmSetup(...)`: as [`Stripe::confirm_payment`], for a SetupIntent (saving a
    /// payment method for later).
    pub async fn confirm_setup(&self, confirm: &Confirm<'_, ConfirmSetupParams>) -> Result<SetupIntent, StripeError> {
        let promise = self.js().confirm_setup(&confirm.to_js()?.into()).map_err(thrown)?;
        resolve(promise, "setupIntent").await
    }

    /// `stripe.retrieveSetupIntent(clientSecret)`: e.g. on the `return_url` page after
    /// `confirm_setup`.
    pub async fn retrieve_setup_intent(&self, client_secret: &str) -> Result<SetupIntent, StripeError> {
        let promise = self.js().retrieve_setup_intent(client_secret).map_err(thrown)?;
        resolve(promise, "setupIntent").await
    }

    /// `stripe.createPaymentMethod({elements, params})`, after `elements.submit()`, with an
    /// Elements group created with `paymentMethodCreation: 'manual'`.
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
