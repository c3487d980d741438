use serde::{Deserialize, Serialize};

/// The `type` of a Stripe error, as in Stripe's API and Stripe.js (`StripeErrorType`).
/// Serialised in Stripe's snake_case names (`card_error`, ...).
///
/// ```
/// use stripe_common::ErrorType;
/// let type_: ErrorType = serde_json::from_str(r#""card_error""#).unwrap();
/// assert_eq!(type_, ErrorType::CardError);
/// // A type Stripe adds later is not an error.
/// let newer: ErrorType = serde_json::from_str(r#""brand_new_error""#).unwrap();
/// assert_eq!(newer, ErrorType::Unknown);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorType {
    /// `api_connection_error`: Stripe's API could not be reached (network failure).
    ApiConnectionError,
    /// `api_error`: any other problem on Stripe's side (e.g. a temporary one); very rare. The
    /// bindings also use it for an answer of Stripe.js they cannot read.
    ApiError,
    /// `authentication_error`: the request's key was not accepted.
    AuthenticationError,
    /// `card_error`: the card cannot be charged (a decline, a wrong CVC, ...); the most common
    /// error, and its `message` is written for the shopper.
    CardError,
    /// `idempotency_error`: an `Idempotency-Key` was reused with another endpoint or other
    /// parameters.
    IdempotencyError,
    /// `invalid_request_error`: the request has invalid parameters (also a failed 3-D Secure
    /// authentication, with code `payment_intent_authentication_failure`).
    InvalidRequestError,
    /// `rate_limit_error`: too many requests too quickly.
    RateLimitError,
    /// `validation_error`: Stripe.js's own check of a field failed (e.g. an incomplete card
    /// number) before anything was sent; its `message` is written for the shopper.
    ValidationError,
    /// Thrown (not returned) by Stripe.js when it is used wrongly, e.g. `createConfirmationToken`
    /// before `elements.submit()`. Not an API error type; the bindings report it with this type.
    IntegrationError,
    /// A type this crate does not know yet.
    #[default]
    #[serde(other)]
    Unknown,
}

impl ErrorType {
    /// Stripe's name for it (`card_error`, ...).
    ///
    /// ```
    /// assert_eq!(stripe_common::ErrorType::CardError.as_str(), "card_error");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ApiConnectionError => "api_connection_error",
            Self::ApiError => "api_error",
            Self::AuthenticationError => "authentication_error",
            Self::CardError => "card_error",
            Self::IdempotencyError => "idempotency_error",
            Self::InvalidRequestError => "invalid_request_error",
            Self::RateLimitError => "rate_limit_error",
            Self::ValidationError => "validation_error",
            Self::IntegrationError => "integration_error",
            Self::Unknown => "unknown",
        }
    }
}

/// A Stripe error object: what the API returns under `"error"` and what Stripe.js resolves
/// as `{error}`. Unknown fields are ignored; `None` fields are left out when serialised.
///
/// ```
/// use stripe_common::{ErrorType, StripeError};
/// let error: StripeError = serde_json::from_str(
///     r#"{"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
///         "message": "Your card was declined.", "charge": "ch_1",
///         "doc_url": "https://stripe.com/docs/error-codes/card-declined"}"#,
/// )
/// .unwrap();
/// assert_eq!(error.code.as_deref(), Some("card_declined"));
/// assert_eq!(error.to_string(), "card_error (card_declined): Your card was declined.");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StripeError {
    /// `type`: the kind of error; decides who its message is for.
    #[serde(rename = "type")]
    pub type_: ErrorType,
    /// For errors that can be handled programmatically, Stripe's
    /// [error code](https://stripe.com/docs/error-codes) (`card_declined`, `expired_card`,
    /// `incomplete_number`, ...); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// For a card declined by its issuer, the issuer's reason if given
    /// (`insufficient_funds`, `lost_card`, ...); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decline_code: Option<String>,
    /// A human-readable explanation. Card and validation errors' messages may be shown to the
    /// shopper ([`StripeError::shopper_message`]); others are for the integrator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// For an error about one parameter, its name (e.g. to show the message beside that field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// A page of Stripe's docs about the error code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// For a card error, the id (`ch_…`) of the charge that failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge: Option<String>,
    /// The request in the Dashboard's logs (for the merchant, never for the shopper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_log_url: Option<String>,
    /// The PaymentIntent as the failure left it (Stripe.js sends it with confirm and
    /// next-action errors): its status says whether to ask for another payment method. Decoded
    /// with the `error-objects` feature (a default), `None` without.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "error-objects"), serde(skip_deserializing))]
    pub payment_intent: Option<Box<crate::PaymentIntent>>,
    /// The SetupIntent as the failure left it (with `error-objects`, as above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "error-objects"), serde(skip_deserializing))]
    pub setup_intent: Option<Box<crate::SetupIntent>>,
    /// The payment method that failed (with `error-objects`, as above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(feature = "error-objects"), serde(skip_deserializing))]
    pub payment_method: Option<crate::IdOrObject>,
}

/// Shown to a shopper when the error's own message is not meant for them.
pub const GENERIC_MESSAGE: &str = "Something went wrong while processing your payment. Please try again.";

impl StripeError {
    /// An error of `type_` with `message` and nothing else, as the bindings and servers make
    /// them; add a code, decline code or parameter with the `with_*` methods.
    ///
    /// ```
    /// use stripe_common::{ErrorType, StripeError};
    /// let error = StripeError::new(ErrorType::ValidationError, "Your card number is incomplete.")
    ///     .with_code("incomplete_number")
    ///     .with_param("number");
    /// assert_eq!(
    ///     serde_json::to_value(&error).unwrap(),
    ///     serde_json::json!({"type": "validation_error", "code": "incomplete_number",
    ///         "message": "Your card number is incomplete.", "param": "number"})
    /// );
    /// ```
    pub fn new(type_: ErrorType, message: impl Into<String>) -> Self {
        Self { type_, message: Some(message.into()), ..Self::default() }
    }

    /// Sets [`StripeError::code`].
    ///
    /// ```
    /// use stripe_common::{ErrorType, StripeError};
    /// let error = StripeError::new(ErrorType::CardError, "Your card was declined.").with_code("card_declined");
    /// assert_eq!(error.code.as_deref(), Some("card_declined"));
    /// ```
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets [`StripeError::decline_code`].
    ///
    /// ```
    /// use stripe_common::{ErrorType, StripeError};
    /// let error = StripeError::new(ErrorType::CardError, "Your card has insufficient funds.")
    ///     .with_code("card_declined")
    ///     .with_decline_code("insufficient_funds");
    /// assert_eq!(error.decline_code.as_deref(), Some("insufficient_funds"));
    /// ```
    pub fn with_decline_code(mut self, decline_code: impl Into<String>) -> Self {
        self.decline_code = Some(decline_code.into());
        self
    }

    /// Sets [`StripeError::param`].
    ///
    /// ```
    /// use stripe_common::{ErrorType, StripeError};
    /// let error =
    ///     StripeError::new(ErrorType::InvalidRequestError, "Invalid email address.").with_param("receipt_email");
    /// assert_eq!(error.param.as_deref(), Some("receipt_email"));
    /// ```
    pub fn with_param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    /// Stripe's guidance: card and validation errors carry a message written for the customer;
    /// every other type is for the integrator and should not be shown as is. A failed 3-D Secure
    /// authentication comes as an `invalid_request_error` whose message is also the shopper's.
    ///
    /// ```
    /// use stripe_common::{ErrorType, StripeError};
    /// assert!(StripeError::new(ErrorType::CardError, "Your card was declined.").is_shopper_facing());
    /// assert!(!StripeError::new(ErrorType::InvalidRequestError, "No such customer: 'cus_x'").is_shopper_facing());
    /// ```
    pub fn is_shopper_facing(&self) -> bool {
        matches!(self.type_, ErrorType::CardError | ErrorType::ValidationError)
            || self.code.as_deref() == Some("payment_intent_authentication_failure")
    }

    /// The text to show a shopper for this error: its message if it is
    /// [shopper-facing](StripeError::is_shopper_facing), [`GENERIC_MESSAGE`] otherwise.
    ///
    /// ```
    /// use stripe_common::{ErrorType, GENERIC_MESSAGE, StripeError};
    /// let declined = StripeError::new(ErrorType::CardError, "Your card was declined.");
    /// assert_eq!(declined.shopper_message(), "Your card was declined.");
    /// let misuse = StripeError::new(ErrorType::IntegrationError, "elements.submit() was not called");
    /// assert_eq!(misuse.shopper_message(), GENERIC_MESSAGE);
    /// ```
    pub fn shopper_message(&self) -> &str {
        match (&self.message, self.is_shopper_facing()) {
            (Some(message), true) => message,
            _ => GENERIC_MESSAGE,
        }
    }
}

impl std::fmt::Display for StripeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.type_.as_str())?;
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
    #[cfg(feature = "error-objects")]
    fn keeps_what_stripe_js_sends_with_an_error() {
        // Stripe.js's StripeError: the PaymentIntent, the payment method, the charge and the
        // request's log with a decline after handleNextAction.
        let body = r#"{"type":"card_error","code":"card_declined","message":"Your card was declined.",
            "charge":"ch_1","request_log_url":"https://dashboard.stripe.com/test/logs/req_1",
            "payment_method":{"id":"pm_1","object":"payment_method","type":"card"},
            "payment_intent":{"id":"pi_1","object":"payment_intent","amount":5098,"currency":"usd",
              "status":"requires_payment_method","client_secret":"pi_1_secret_2","next_action":null,"payment_method":null}}"#;
        let err: StripeError = serde_json::from_str(body).unwrap();
        assert_eq!(err.charge.as_deref(), Some("ch_1"));
        assert_eq!(err.request_log_url.as_deref(), Some("https://dashboard.stripe.com/test/logs/req_1"));
        assert_eq!(err.payment_method.as_ref().map(|pm| pm.id()), Some("pm_1"));
        let intent = err.payment_intent.unwrap();
        assert_eq!((intent.id.as_str(), intent.status), ("pi_1", crate::PaymentIntentStatus::RequiresPaymentMethod));
        assert!(err.setup_intent.is_none());
        let seti: StripeError = serde_json::from_str(
            r#"{"type":"card_error","setup_intent":{"id":"seti_1","status":"requires_payment_method"}}"#,
        )
        .unwrap();
        assert_eq!(seti.setup_intent.unwrap().id, "seti_1");
    }

    /// Without `error-objects` (a page that never reads them): the objects are left out, the
    /// rest of the error is read all the same (scripts/test.sh runs this build too).
    #[test]
    #[cfg(not(feature = "error-objects"))]
    fn without_error_objects_the_rest_of_the_error_is_read() {
        let body = r#"{"type":"card_error","code":"card_declined","message":"Your card was declined.",
            "charge":"ch_1","payment_method":{"id":"pm_1","object":"payment_method","type":"card"},
            "payment_intent":{"id":"pi_1","object":"payment_intent","amount":5098,"currency":"usd",
              "status":"requires_payment_method","client_secret":"pi_1_secret_2","next_action":null,"payment_method":null},
            "setup_intent":{"id":"seti_1","status":"requires_payment_method"}}"#;
        let err: StripeError = serde_json::from_str(body).unwrap();
        assert_eq!(
            (err.type_, err.code.as_deref(), err.charge.as_deref()),
            (ErrorType::CardError, Some("card_declined"), Some("ch_1"))
        );
        assert_eq!(err.shopper_message(), "Your card was declined.");
        assert!(err.payment_intent.is_none() && err.setup_intent.is_none() && err.payment_method.is_none());
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
