use serde::{Deserialize, Serialize};
use stripe_common::PaymentIntentStatus;

use crate::{CartItem, ValidationError, cart::validate_items};

/// `POST /api/checkout/confirm`: the ConfirmationToken Stripe.js created and the cart to charge
/// for. The server prices the items itself; there is deliberately no amount field, and unknown
/// fields (such as a forged `amount`) are refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfirmRequest {
    /// The page's checkout attempt: made once per cart and kept across presses of Pay and
    /// reloads, so that pressing Pay again after a lost answer finds the first payment instead
    /// of making a second one. With the cart's content it names the order.
    pub attempt_id: String,
    pub confirmation_token_id: String,
    pub items: Vec<CartItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_code: Option<String>,
    /// The marketplace seller the cart is bought from (`GET /api/marketplace`); none: the
    /// shop's own products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller_id: Option<String>,
    /// The shopper chose a buy-now-pay-later method and the page asked for the add-on offer
    /// (`POST /api/offers`): the order records the visitor's variant.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub offer_shown: bool,
}

impl ConfirmRequest {
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_attempt_id(&self.attempt_id)?;
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
        if let Some(seller) = &self.seller_id {
            crate::marketplace::check_seller_id(seller)?;
        }
        validate_items(&self.items)
    }
}

/// The request's `attemptId`, refused unless it is one (see [`is_attempt_id`]).
pub fn check_attempt_id(id: &str) -> Result<(), ValidationError> {
    if is_attempt_id(id) {
        return Ok(());
    }
    Err(ValidationError::new("attemptId", "A checkout attempt id (16-64 letters, digits, '-' or '_') is required."))
}

/// An attempt id as the page makes them (a UUID); long enough not to be guessed.
pub fn is_attempt_id(id: &str) -> bool {
    (16..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
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
    /// The attempt's payment had already got this far before this request (another tab paid,
    /// or the answer to an earlier press was lost): nothing new was charged.
    #[serde(default)]
    pub already_confirmed: bool,
    /// The connected account the PaymentIntent lives on (a seller's direct charge): its next
    /// action is handled by a Stripe.js made with `Stripe(pk, {stripeAccount})`. None: the
    /// platform's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stripe_account: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(token: &str) -> ConfirmRequest {
        ConfirmRequest {
            attempt_id: "5f0c1c8e-7c1e-4b8e-9a55-1f2d3c4b5a69".into(),
            confirmation_token_id: token.into(),
            items: vec![CartItem { product_id: "tee".into(), quantity: 1 }],
            discount_code: None,
            seller_id: None,
            offer_shown: false,
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
    fn requires_an_attempt_id_that_cannot_be_guessed() {
        for bad in ["", "short", "has spaces in it here", "<script>alert(1)</script>", &"a".repeat(65)] {
            let mut r = request("ctoken_1");
            r.attempt_id = bad.into();
            assert_eq!(r.validate().unwrap_err().param, "attemptId", "{bad:?}");
        }
    }

    #[test]
    fn wire_names_are_camel_case() {
        let json = serde_json::to_value(request("ctoken_1")).unwrap();
        assert_eq!(json["confirmationTokenId"], "ctoken_1");
        assert_eq!(json["attemptId"], "5f0c1c8e-7c1e-4b8e-9a55-1f2d3c4b5a69");
        assert_eq!(json["items"][0]["productId"], "tee");
    }

    #[test]
    fn a_forged_amount_is_refused() {
        let forged =
            r#"{"attemptId":"5f0c1c8e-7c1e-4b8e-9a55","confirmationTokenId":"ctoken_1","items":[],"amount":1}"#;
        assert!(serde_json::from_str::<ConfirmRequest>(forged).is_err());
    }
}
