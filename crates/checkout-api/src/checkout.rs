use serde::{Deserialize, Serialize};
use stripe_common::PaymentIntentStatus;

use crate::{CartItem, ValidationError, cart::validate_items};

/// `POST /api/checkout/confirm`: the ConfirmationToken Stripe.js created and the cart to charge
/// for. The server prices the items itself; there is deliberately no amount field, and unknown
/// fields (such as a forged `amount`) are refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfirmRequest {
    pub confirmation_token_id: String,
    pub items: Vec<CartItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_code: Option<String>,
}

impl ConfirmRequest {
    pub fn validate(&self) -> Result<(), ValidationError> {
        let id = &self.confirmation_token_id;
        let well_formed = id.strip_prefix("ctoken_").is_some_and(|rest| {
            // Short enough that `checkout-confirm-<id>` fits Stripe's 255-character idempotency keys.
            !rest.is_empty() && rest.len() <= 200 && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        if !well_formed {
            return Err(ValidationError::new(
                "confirmationTokenId",
                "A ConfirmationToken id (ctoken_...) is required.",
            ));
        }
        validate_items(&self.items)
    }
}

/// The PaymentIntent the server created and confirmed. With `status == RequiresAction` the
/// page hands `client_secret` to `stripe.handleNextAction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmResponse {
    /// The order, whose status the webhooks set (`GET /api/orders/{order_id}`).
    pub order_id: String,
    pub client_secret: String,
    pub status: PaymentIntentStatus,
    pub payment_intent_id: String,
    pub amount: i64,
    pub currency: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(token: &str) -> ConfirmRequest {
        ConfirmRequest {
            confirmation_token_id: token.into(),
            items: vec![CartItem { product_id: "tee".into(), quantity: 1 }],
            discount_code: None,
        }
    }

    #[test]
    fn requires_a_confirmation_token_id() {
        assert!(request("ctoken_1Pgc73B7WZ01zgkW").validate().is_ok());
        let too_long = format!("ctoken_{}", "a".repeat(201));
        for bad in ["", "ctoken_", "pm_123", "ctoken_<script>", &too_long] {
            assert_eq!(request(bad).validate().unwrap_err().param, "confirmationTokenId", "{bad:?}");
        }
    }

    #[test]
    fn wire_names_are_camel_case() {
        let json = serde_json::to_value(request("ctoken_1")).unwrap();
        assert_eq!(json["confirmationTokenId"], "ctoken_1");
        assert_eq!(json["items"][0]["productId"], "tee");
    }

    #[test]
    fn a_forged_amount_is_refused() {
        let forged = r#"{"confirmationTokenId":"ctoken_1","items":[],"amount":1}"#;
        assert!(serde_json::from_str::<ConfirmRequest>(forged).is_err());
    }
}
