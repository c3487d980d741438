//! A PaymentIntent's client secret is the shopper's credential for one payment: a route that
//! takes a PaymentIntent id from the browser answers only to the holder of its secret, and
//! says the same for an unknown payment and a wrong secret, so there is nothing to learn.

use axum::http::StatusCode;
use checkout_api::stripe_common::{ErrorType, StripeError};

use crate::error::AppError;

/// `given` must be `expected`, compared in constant time.
pub fn check(expected: &str, given: &str) -> Result<(), AppError> {
    let same =
        expected.len() == given.len() && expected.bytes().zip(given.bytes()).fold(0, |acc, (a, b)| acc | (a ^ b)) == 0;
    if same { Ok(()) } else { Err(no_such_payment()) }
}

pub fn no_such_payment() -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        StripeError::new(ErrorType::InvalidRequestError, "No such payment.").with_code("resource_missing"),
    )
}
