//! The Payment Method Messaging Element (`elements.create('paymentMethodMessaging', options)`):
//! "4 interest-free payments of …" for the buy-now-pay-later methods a purchase of this amount
//! can use, shown beside the price before checkout.

use serde::Serialize;

use crate::ElementOptions;

/// The BNPL methods the messaging may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessagingPaymentMethod {
    AfterpayClearpay,
    Klarna,
    Affirm,
}

/// `logoColor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogoColor {
    Black,
    White,
    Color,
}

/// `elements.create('paymentMethodMessaging', options)`. Every option may be updated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentMethodMessagingElementOptions {
    /// In the currency's smallest unit.
    pub amount: i64,
    /// Upper case, as this Element takes it (`USD`, `EUR`, `GBP`, …).
    pub currency: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_types: Option<Vec<MessagingPaymentMethod>>,
    /// The shopper's country (`US`, `GB`, `DE`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
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
