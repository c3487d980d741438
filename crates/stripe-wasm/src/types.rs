//! Objects Stripe.js resolves with. Unknown fields are ignored; optional ones default.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipping {
    pub name: String,
    pub address: Address,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingDetails {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub address: Option<Address>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CardPreview {
    pub brand: String,
    pub last4: String,
    #[serde(default)]
    pub exp_month: Option<u32>,
    #[serde(default)]
    pub exp_year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PaymentMethodPreview {
    #[serde(rename = "type")]
    pub type_: String,
    #[serde(default)]
    pub card: Option<CardPreview>,
    #[serde(default)]
    pub billing_details: Option<BillingDetails>,
}

/// What `stripe.createConfirmationToken` resolves with: pass `id` to your server.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ConfirmationToken {
    pub id: String,
    #[serde(default)]
    pub expires_at: Option<i64>,
    #[serde(default)]
    pub payment_method_preview: Option<PaymentMethodPreview>,
    #[serde(default)]
    pub return_url: Option<String>,
    #[serde(default)]
    pub shipping: Option<Shipping>,
}
