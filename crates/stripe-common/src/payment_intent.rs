use serde::{Deserialize, Serialize};

/// `PaymentIntent.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentIntentStatus {
    RequiresPaymentMethod,
    RequiresConfirmation,
    RequiresAction,
    Processing,
    RequiresCapture,
    Canceled,
    Succeeded,
    #[serde(other)]
    Unknown,
}

impl PaymentIntentStatus {
    /// Stripe's own name (`requires_payment_method`, ...): stable, for attributes and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RequiresPaymentMethod => "requires_payment_method",
            Self::RequiresConfirmation => "requires_confirmation",
            Self::RequiresAction => "requires_action",
            Self::Processing => "processing",
            Self::RequiresCapture => "requires_capture",
            Self::Canceled => "canceled",
            Self::Succeeded => "succeeded",
            Self::Unknown => "unknown",
        }
    }
}

/// `PaymentIntent.next_action`. Only the types this project acts on are typed; every other
/// type deserializes with `type_` set and nothing else, so it never fails a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextAction {
    #[serde(rename = "type")]
    pub type_: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_to_url: Option<RedirectToUrl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konbini_display_details: Option<crate::konbini::KonbiniDisplayDetails>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedirectToUrl {
    pub url: Option<String>,
    pub return_url: Option<String>,
}

/// The parts of a PaymentIntent a checkout page reads (what Stripe.js resolves with a
/// publishable key). Unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentIntent {
    pub id: String,
    pub amount: i64,
    pub currency: String,
    pub status: PaymentIntentStatus,
    #[serde(default)]
    pub client_secret: Option<String>,
    #[serde(default)]
    pub next_action: Option<NextAction>,
    #[serde(default)]
    pub payment_method: Option<IdOrObject>,
}

/// An expandable field: an id, or the object when expanded. Only the id is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum IdOrObject {
    Id(String),
    Object { id: String },
}

impl IdOrObject {
    pub fn id(&self) -> &str {
        match self {
            Self::Id(id) | Self::Object { id } => id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_next_action_types_and_statuses_do_not_fail() {
        let pi: PaymentIntent = serde_json::from_str(
            r#"{"id":"pi_1","amount":1099,"currency":"usd","status":"some_future_status",
                "next_action":{"type":"display_future_thing","display_future_thing":{"x":1}},
                "payment_method":{"id":"pm_1","object":"payment_method"}}"#,
        )
        .unwrap();
        assert_eq!(pi.status, PaymentIntentStatus::Unknown);
        assert_eq!(pi.next_action.unwrap().type_, "display_future_thing");
        assert_eq!(pi.payment_method, Some(IdOrObject::Object { id: "pm_1".into() }));
    }

    #[test]
    fn reads_konbini_display_details() {
        let pi: PaymentIntent = serde_json::from_str(
            r#"{"id":"pi_1","amount":6900,"currency":"jpy","status":"requires_action",
                "next_action":{"type":"konbini_display_details","konbini_display_details":{"expires_at":1795675199,
                "hosted_voucher_url":"https://x/v","stores":{"familymart":{"confirmation_number":"09012345678","payment_code":"123456"}}}}}"#,
        )
        .unwrap();
        let details = pi.next_action.unwrap().konbini_display_details.unwrap();
        assert_eq!(details.stores.familymart.unwrap().payment_code, "123456");
        assert!(details.stores.lawson.is_none());
    }

    #[test]
    fn reads_a_redirect_next_action() {
        let pi: PaymentIntent = serde_json::from_str(
            r#"{"id":"pi_1","amount":1099,"currency":"usd","status":"requires_action","client_secret":"pi_1_secret_x",
                "next_action":{"type":"redirect_to_url","redirect_to_url":{"url":"https://hooks.stripe.com/x","return_url":"https://shop/complete"}}}"#,
        )
        .unwrap();
        assert_eq!(pi.status, PaymentIntentStatus::RequiresAction);
        let url = pi.next_action.unwrap().redirect_to_url.unwrap().url;
        assert_eq!(url.as_deref(), Some("https://hooks.stripe.com/x"));
    }
}
