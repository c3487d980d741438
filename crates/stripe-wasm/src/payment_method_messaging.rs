//! The Payment Method Messaging Element (`elements.create('paymentMethodMessaging', options)`):
//! "4 interest-free payments of …" for the buy-now-pay-later methods a purchase of this amount
//! can use, shown beside the price before checkout.

use serde::Serialize;

use crate::ElementOptions;

/// The BNPL methods the messaging may name (`paymentMethodTypes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessagingPaymentMethod {
    /// `afterpay_clearpay`: Afterpay (Clearpay in the UK).
    AfterpayClearpay,
    /// `klarna`.
    Klarna,
    /// `affirm`.
    Affirm,
}

/// `logoColor`: the colour of the payment methods' logos in the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogoColor {
    /// `black` (Stripe's default).
    Black,
    /// `white`, for dark backgrounds.
    White,
    /// `color`: the brands' own colours.
    Color,
}

/// `elements.create('paymentMethodMessaging', options)`. Every option may be updated.
///
/// ```
/// use stripe_wasm::{LogoColor, MessagingPaymentMethod, PaymentMethodMessagingElementOptions};
/// let options = PaymentMethodMessagingElementOptions {
///     payment_method_types: Some(vec![MessagingPaymentMethod::Klarna, MessagingPaymentMethod::AfterpayClearpay]),
///     logo_color: Some(LogoColor::Color),
///     ..PaymentMethodMessagingElementOptions::new(5098, "usd")
/// };
/// assert_eq!(
///     serde_json::to_value(&options).unwrap(),
///     serde_json::json!({"amount": 5098, "currency": "USD",
///         "paymentMethodTypes": ["klarna", "afterpay_clearpay"], "logoColor": "color"})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentMethodMessagingElementOptions {
    /// In the currency's smallest unit.
    pub amount: i64,
    /// Upper case, as this Element takes it (`USD`, `EUR`, `GBP`, `AUD`, `CAD`, …).
    pub currency: String,
    /// Which methods to show messaging for; `None` for all that apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_types: Option<Vec<MessagingPaymentMethod>>,
    /// The shopper's country (`US`, `GB`, `DE`, …); `None` for Stripe's guess.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The logos' colour; `None` for black.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo_color: Option<LogoColor>,
}

impl PaymentMethodMessagingElementOptions {
    /// Messaging for a price of `amount` (smallest unit) in `currency` (any case).
    ///
    /// ```
    /// use stripe_wasm::PaymentMethodMessagingElementOptions;
    /// let options = PaymentMethodMessagingElementOptions::new(5098, "usd");
    /// assert_eq!(options.currency, "USD");
    /// ```
    pub fn new(amount: i64, currency: &str) -> Self {
        Self {
            amount,
            currency: currency.to_ascii_uppercase(),
            payment_method_types: None,
            country_code: None,
            logo_color: None,
        }
    }
}

impl ElementOptions for PaymentMethodMessagingElementOptions {}
