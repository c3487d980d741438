//! An intent's `next_action` and `last_payment_error` (a SetupIntent's `last_setup_error`),
//! typed: what the shopper must do next, and why the last attempt failed.

use serde_json::{Value, json};
use stripe_common::StripeError;

/// `next_action`.
#[derive(Debug, Clone, PartialEq)]
pub enum NextAction {
    /// 3-D Secure in Stripe.js's modal.
    UseStripeSdk { source: String },
    /// 3-D Secure on a page the shopper is sent to, then back to `return_url`.
    RedirectToUrl { url: String, return_url: String },
    /// Pay at the store with these instructions.
    KonbiniDisplayDetails(Value),
}

impl NextAction {
    /// The shopper has to authenticate (3-D Secure).
    pub fn authenticates(&self) -> bool {
        matches!(self, Self::UseStripeSdk { .. } | Self::RedirectToUrl { .. })
    }

    pub fn to_json(&self) -> Value {
        match self {
            Self::UseStripeSdk { source } => json!({
                "type": "use_stripe_sdk",
                "use_stripe_sdk": {"type": "three_d_secure_redirect", "source": source},
            }),
            Self::RedirectToUrl { url, return_url } => json!({
                "type": "redirect_to_url",
                "redirect_to_url": {"url": url, "return_url": return_url},
            }),
            Self::KonbiniDisplayDetails(details) => {
                json!({"type": "konbini_display_details", "konbini_display_details": details})
            }
        }
    }
}

/// `last_payment_error` or `last_setup_error`: Stripe's error object with the failed attempt's
/// PaymentMethod and, for a declined payment, its charge.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentError {
    pub error: StripeError,
    pub charge: Option<String>,
    pub payment_method: Option<Value>,
}

impl PaymentError {
    pub fn to_json(&self) -> Value {
        let mut json = serde_json::to_value(&self.error).unwrap_or_default();
        if let Some(charge) = &self.charge {
            json["charge"] = json!(charge);
        }
        json["payment_method"] = self.payment_method.clone().unwrap_or(Value::Null);
        json
    }
}
