//! Objects Stripe.js resolves with. Unknown fields are ignored; optional ones default.

use serde::{Deserialize, Serialize};

/// An address as Stripe's API has it: every field present, `null` when unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Address {
    pub line1: Option<String>,
    pub line2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
}

/// `shipping`, as a ConfirmationToken carries it and `createConfirmationToken` takes it. Stripe
/// may send it without a name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipping {
    #[serde(default)]
    pub name: Option<String>,
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

/// What `stripe.createPaymentMethod` resolves with: pass `id` to your server.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PaymentMethod {
    pub id: String,
    #[serde(rename = "type")]
    pub type_: String,
    #[serde(default)]
    pub card: Option<CardPreview>,
    #[serde(default)]
    pub billing_details: Option<BillingDetails>,
    /// The customer it is saved to, if any.
    #[serde(default)]
    pub customer: Option<String>,
    /// `always`, `limited` or `unspecified`.
    #[serde(default)]
    pub allow_redisplay: Option<String>,
    #[serde(default)]
    pub created: i64,
    #[serde(default)]
    pub livemode: bool,
}
