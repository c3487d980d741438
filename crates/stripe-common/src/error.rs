use serde::{Deserialize, Serialize};

/// The `type` of a Stripe error, as in Stripe's API and Stripe.js.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorType {
    ApiConnectionError,
    ApiError,
    AuthenticationError,
    CardError,
    IdempotencyError,
    InvalidRequestError,
    RateLimitError,
    ValidationError,
    /// Thrown (not returned) by Stripe.js when it is used wrongly, e.g. `createConfirmationToken`
    /// before `elements.submit()`. Not an API error type; the bindings report it with this type.
    IntegrationError,
    /// A type this crate does not know yet.
    #[serde(other)]
    Unknown,
}

/// A Stripe error object: what the API returns under `"error"` and what Stripe.js resolves
/// as `{error}`. Unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StripeError {
    #[serde(rename = "type")]
    pub type_: ErrorType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
}

/// Shown to a shopper when the error's own message is not meant for them.
pub const GENERIC_MESSAGE: &str = "Something went wrong while processing your payment. Please try again.";

impl StripeError {
    pub fn new(type_: ErrorType, message: impl Into<String>) -> Self {
        Self { type_, code: None, decline_code: None, message: Some(message.into()), param: None, doc_url: None }
    }

    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    pub fn with_decline_code(mut self, decline_code: impl Into<String>) -> Self {
        self.decline_code = Some(decline_code.into());
        self
    }

    pub fn with_param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    /// Stripe's guidance: card and validation errors carry a message written for the customer;
    /// every other type is for the integrator and should not be shown as is. A failed 3-D Secure
    /// authentication comes as an `invalid_request_error` whose message is also the shopper's.
    pub fn is_shopper_facing(&self) -> bool {
        matches!(self.type_, ErrorType::CardError | ErrorType::ValidationError)
            || self.code.as_deref() == Some("payment_intent_authentication_failure")
    }

    /// The text to show a shopper for this error.
    pub fn shopper_message(&self) -> &str {
        match (&self.message, self.is_shopper_facing()) {
            (Some(message), true) => message,
            _ => GENERIC_MESSAGE,
        }
    }
}

impl std::fmt::Display for StripeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.type_)?;
        if let Some(code) = &self.code {
            write!(f, " ({code})")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for StripeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_card_decline_as_stripe_sends_it() {
        let body = r#"{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
            "message":"Your card has insufficient funds.","param":"","doc_url":"https://stripe.com/docs/error-codes/card-declined",
            "charge":"ch_1","request_log_url":"https://dashboard.stripe.com/logs/req_1"}"#;
        let err: StripeError = serde_json::from_str(body).unwrap();
        assert_eq!(err.type_, ErrorType::CardError);
        assert_eq!(err.decline_code.as_deref(), Some("insufficient_funds"));
        assert_eq!(err.shopper_message(), "Your card has insufficient funds.");
    }

    #[test]
    fn unknown_error_types_are_tolerated_and_not_shown_to_shoppers() {
        let err: StripeError =
            serde_json::from_str(r#"{"type":"brand_new_error","message":"internal detail"}"#).unwrap();
        assert_eq!(err.type_, ErrorType::Unknown);
        assert_eq!(err.shopper_message(), GENERIC_MESSAGE);
    }

    #[test]
    fn api_errors_keep_their_message_away_from_shoppers() {
        let err = StripeError::new(ErrorType::InvalidRequestError, "No such confirmation_token: 'ctoken_x'");
        assert!(!err.is_shopper_facing());
        assert_eq!(err.shopper_message(), GENERIC_MESSAGE);
    }

    #[test]
    fn a_failed_authentication_is_explained_to_the_shopper() {
        let err =
            StripeError::new(ErrorType::InvalidRequestError, "We are unable to authenticate your payment method.")
                .with_code("payment_intent_authentication_failure");
        assert_eq!(err.shopper_message(), "We are unable to authenticate your payment method.");
    }

    #[test]
    fn serializes_without_empty_fields() {
        let err = StripeError::new(ErrorType::ValidationError, "Your card number is incomplete.")
            .with_code("incomplete_number");
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({"type":"validation_error","code":"incomplete_number","message":"Your card number is incomplete."})
        );
    }
}
