use serde_json::{Value, json};

use super::Paying;

/// Lifetime of an unused ConfirmationToken: 12 hours.
pub const LIFETIME_SECONDS: i64 = 12 * 60 * 60;

/// A ConfirmationToken: the payment details Stripe.js collected, waiting to be used once.
#[derive(Debug, Clone)]
pub struct ConfirmationToken {
    pub id: String,
    /// The connected account Stripe.js made it for (`stripeAccount`), or `None`: the platform.
    pub account: Option<String>,
    pub created: i64,
    pub paying: Paying,
    pub billing_details: Value,
    /// A saved PaymentMethod the shopper chose, instead of new card details.
    pub saved_payment_method: Option<String>,
    /// The customer of that saved PaymentMethod.
    pub customer: Option<String>,
    /// `allow_redisplay` for the PaymentMethod confirming creates (`always` when the shopper
    /// ticked "save").
    pub allow_redisplay: String,
    pub return_url: Option<String>,
    pub shipping: Option<super::Shipping>,
    pub setup_future_usage: Option<String>,
    /// The PaymentIntent or SetupIntent confirmed with this token; a token is used once.
    pub used_by: Option<String>,
}

impl ConfirmationToken {
    pub fn expires_at(&self) -> i64 {
        self.created + LIFETIME_SECONDS
    }

    /// The intent this token confirmed, if it is of the kind whose ids start with `prefix`.
    fn confirmed(&self, prefix: &str) -> Option<&str> {
        self.used_by.as_deref().filter(|id| id.starts_with(prefix))
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "confirmation_token",
            "created": self.created,
            "expires_at": self.expires_at(),
            "livemode": false,
            "mandate_data": null,
            "payment_intent": self.confirmed("pi_"),
            "payment_method_options": self.paying.card().map(|_| json!({"card": {"cvc_token": null}})),
            "payment_method_preview": {
                "allow_redisplay": self.allow_redisplay,
                "billing_details": self.billing_details,
                self.paying.type_(): self.paying.to_json(),
                "customer": self.customer,
                "customer_account": null,
                "type": self.paying.type_(),
            },
            "return_url": self.return_url,
            "setup_future_usage": self.setup_future_usage,
            "setup_intent": self.confirmed("seti_"),
            "shipping": self.shipping,
            "use_stripe_sdk": true,
        })
    }
}
