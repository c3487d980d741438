use serde::{Deserialize, Serialize};
use stripe_common::{ErrorType, StripeError};

/// Every `/api` error body: Stripe's error shape under `"error"`, sent with a 4xx/5xx status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiErrorBody {
    pub error: StripeError,
}

/// A request that breaks a rule of this crate: which field, and what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub param: String,
    pub message: String,
}

impl ValidationError {
    pub fn new(param: impl Into<String>, message: impl Into<String>) -> Self {
        Self { param: param.into(), message: message.into() }
    }
}

impl From<ValidationError> for StripeError {
    fn from(err: ValidationError) -> Self {
        StripeError::new(ErrorType::InvalidRequestError, err.message)
            .with_code("parameter_invalid")
            .with_param(err.param)
    }
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.param, self.message)
    }
}

impl std::error::Error for ValidationError {}
