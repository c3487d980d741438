//! Every failure of `/api`, answered as `{"error": {type, code, message, ...}}` (Stripe's
//! error shape) with a fitting status, never 200.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use checkout_api::stripe_common::{ErrorType, StripeError};
use checkout_api::{ApiErrorBody, ValidationError};

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub error: StripeError,
}

impl AppError {
    pub fn new(status: StatusCode, error: StripeError) -> Self {
        Self { status, error }
    }

    /// The database failed: the request is refused whole (a webhook is retried by Stripe).
    pub fn database(err: sqlx::Error) -> Self {
        tracing::error!(error = %err, "database error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            StripeError::new(ErrorType::ApiError, "The order could not be recorded."),
        )
    }

    /// A body or query string the request's types cannot read: axum's own words, as JSON.
    fn unreadable(status: StatusCode, text: String) -> Self {
        Self::new(status, StripeError::new(ErrorType::InvalidRequestError, text).with_code("parameter_invalid"))
    }

    pub fn not_found(method: &str, path: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            StripeError::new(ErrorType::InvalidRequestError, format!("Unrecognized request URL ({method}: {path})."))
                .with_code("resource_missing"),
        )
    }
}

impl From<ValidationError> for AppError {
    fn from(err: ValidationError) -> Self {
        Self::new(StatusCode::BAD_REQUEST, err.into())
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        Self::unreadable(rejection.status(), rejection.body_text())
    }
}

impl From<QueryRejection> for AppError {
    fn from(rejection: QueryRejection) -> Self {
        Self::unreadable(rejection.status(), rejection.body_text())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(status = %self.status, error = %self.error, "request failed");
        } else {
            tracing::info!(status = %self.status, error = %self.error, "request refused");
        }
        (self.status, Json(ApiErrorBody { error: self.error })).into_response()
    }
}
