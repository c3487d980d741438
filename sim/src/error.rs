//! Errors exactly as Stripe sends them: `{"error": {...}}` with Stripe's status codes.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use stripe_common::{ErrorType, StripeError};

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub error: StripeError,
    /// Objects Stripe attaches to some errors (`payment_intent`, `payment_method`, `charge`).
    pub attached: Map<String, Value>,
}

impl ApiError {
    pub fn new(status: StatusCode, error: StripeError) -> Self {
        Self { status, error, attached: Map::new() }
    }

    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, StripeError::new(ErrorType::InvalidRequestError, message))
    }

    pub fn param_invalid(param: &str, message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            StripeError::new(ErrorType::InvalidRequestError, message).with_param(param).with_code("parameter_invalid"),
        )
    }

    pub fn param_missing(param: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            StripeError::new(ErrorType::InvalidRequestError, format!("Missing required param: {param}."))
                .with_param(param)
                .with_code("parameter_missing"),
        )
    }

    pub fn param_unknown(param: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            StripeError::new(ErrorType::InvalidRequestError, format!("Received unknown parameter: {param}"))
                .with_param(param)
                .with_code("parameter_unknown"),
        )
    }

    /// `No such payment_intent: 'pi_123'`, as Stripe words it.
    pub fn no_such(object: &str, id: &str, param: &str) -> Self {
        let mut error = StripeError::new(ErrorType::InvalidRequestError, format!("No such {object}: '{id}'"))
            .with_param(param)
            .with_code("resource_missing");
        error.doc_url = Some("https://stripe.com/docs/error-codes/resource-missing".into());
        Self::new(StatusCode::NOT_FOUND, error)
    }

    pub fn unrecognized_url(method: &str, path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            StripeError::new(
                ErrorType::InvalidRequestError,
                format!(
                    "Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/."
                ),
            ),
        )
    }

    pub fn with_code(mut self, code: &str) -> Self {
        self.error.code = Some(code.to_owned());
        self
    }

    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.error.message = Some(message.into());
        self
    }

    pub fn attach(mut self, key: &str, value: Value) -> Self {
        self.attached.insert(key.to_owned(), value);
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = serde_json::to_value(&self.error).unwrap_or_else(|_| json!({}));
        if let Value::Object(map) = &mut body {
            map.extend(self.attached);
        }
        (self.status, Json(json!({ "error": body }))).into_response()
    }
}

/// An `invalid_request_error` with Stripe's code and its documentation page, as
/// `last_payment_error` carries them.
pub fn invalid_request_with_doc(code: &str, message: &str) -> StripeError {
    let mut error = StripeError::new(ErrorType::InvalidRequestError, message).with_code(code);
    error.doc_url = Some(format!("https://stripe.com/docs/error-codes/{}", code.replace('_', "-")));
    error
}
