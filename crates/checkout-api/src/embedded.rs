//! Stripe's Embedded Checkout, the second way to pay (`/embedded`): the server creates a
//! Checkout Session for the priced cart (`ui_mode=embedded_page`), the page mounts Stripe's
//! Checkout page with its client secret, and Stripe sends the shopper back to `/embedded` with
//! the session's id. The order is settled by the same webhooks as the card checkout's.

use serde::{Deserialize, Serialize};

use crate::{CartItem, ValidationError, cart::validate_items};

/// `POST /api/checkout/sessions`: a Checkout Session for these items. As for the card checkout,
/// the server prices them; the attempt names the order, so asking again (a reload, a lost
/// answer) gives the same session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckoutSessionRequest {
    pub attempt_id: String,
    pub items: Vec<CartItem>,
}

impl CheckoutSessionRequest {
    pub fn validate(&self) -> Result<(), ValidationError> {
        crate::checkout::check_attempt_id(&self.attempt_id)?;
        validate_items(&self.items)
    }
}

/// The session Stripe's Embedded Checkout mounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckoutSessionResponse {
    pub order_id: String,
    pub client_secret: String,
}

/// `GET /api/checkout/sessions/{id}`: how the session ended, for the page Stripe returns to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckoutSessionView {
    /// Stripe's `status`: `open`, `complete` or `expired`.
    pub status: String,
    /// Stripe's `payment_status`: `paid`, `unpaid` or `no_payment_required`.
    pub payment_status: String,
    /// The order the session pays for (the webhooks settle it).
    pub order_id: Option<String>,
    pub amount_total: Option<i64>,
    pub currency: Option<String>,
}

/// A Checkout Session id as Stripe makes them (`cs_test_…`, `cs_live_…`).
pub fn is_checkout_session_id(id: &str) -> bool {
    id.strip_prefix("cs_").is_some_and(|rest| {
        (8..=200).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_ids_are_stripes_and_nothing_else() {
        assert!(is_checkout_session_id("cs_test_a1B2c3D4e5F6g7H8"));
        assert!(!is_checkout_session_id("cs_"));
        assert!(!is_checkout_session_id("pi_123456789"));
        assert!(!is_checkout_session_id("cs_test_../../etc"));
    }

    #[test]
    fn a_client_cannot_send_a_price_or_a_return_url() {
        let forged = r#"{"attemptId":"0123456789abcdef0123","items":[{"productId":"tee","quantity":1}],"returnUrl":"https://evil.example"}"#;
        assert!(serde_json::from_str::<CheckoutSessionRequest>(forged).is_err());
    }
}
