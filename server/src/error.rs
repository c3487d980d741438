//! Every failure of `/api`, answered as `{"error": {type, code, message, ...}}` (Stripe's
//! error shape) with a fitting status, never 200; and the extractors whose rejection is such an
//! error (as axum's error-handling example does).

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use checkout_api::stripe_common::{ErrorType, StripeError};
use checkout_api::{ApiErrorBody, ValidationError};

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub error: StripeError,
    /// Seconds to wait before asking again (`Retry-After`), with a 429.
    pub retry_after: Option<u64>,
}

impl AppError {
    pub fn new(status: StatusCode, error: StripeError) -> Self {
        Self { status, error, retry_after: None }
    }

    pub fn bad_request(param: &str, message: impl Into<String>) -> Self {
        Self::from(ValidationError::new(param, message))
    }

    /// Too many requests of one kind from one client: 429 with `Retry-After`.
    pub fn rate_limited(message: &str, retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after.max(1)),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                StripeError::new(ErrorType::RateLimitError, message).with_code("rate_limit"),
            )
        }
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

    pub fn method_not_allowed(method: &str, path: &str) -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            StripeError::new(
                ErrorType::InvalidRequestError,
                format!("Unrecognized request method ({method}: {path})."),
            )
            .with_code("method_not_allowed"),
        )
    }

    /// The same answer for an unknown payment and a wrong client secret: nothing to learn.
    pub fn no_such_payment() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            StripeError::new(ErrorType::InvalidRequestError, "No such payment.").with_code("resource_missing"),
        )
    }
}

/// The database failed: the request is refused whole (a webhook is retried by Stripe).
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        tracing::error!(error = %err, "database error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            StripeError::new(ErrorType::ApiError, "The order could not be recorded."),
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
        let refusal = crate::routes::language::Refusal(self.error.clone());
        let mut response = (self.status, axum::Json(ApiErrorBody { error: self.error })).into_response();
        response.extensions_mut().insert(refusal);
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// A JSON body whose rejection is an [`AppError`].
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct AppJson<T>(pub T);

impl<T: serde::Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// A query string whose rejection is an [`AppError`].
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct AppQuery<T>(pub T);
