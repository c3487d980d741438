//! A PaymentIntent's client secret is the shopper's credential for one payment: a route that
//! takes a PaymentIntent id from the browser answers only to the holder of its secret. The
//! secret comes in the `X-Client-Secret` header (not the URL, which proxies and logs keep), and
//! is checked against the order's stored hash before anything is asked of Stripe; an unknown
//! payment and a wrong secret take the same path and get the same 404.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;

use crate::AppState;
use crate::error::AppError;
use crate::orders::PaymentOrder;
use crate::secrets;

pub const HEADER: &str = "x-client-secret";

/// The client secret the browser presented: the header, or (older pages) `clientSecret` in the
/// query string.
pub struct GivenSecret(pub String);

impl<S: Send + Sync> FromRequestParts<S> for GivenSecret {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let query = || {
            Query::<HashMap<String, String>>::try_from_uri(&parts.uri)
                .ok()
                .and_then(|Query(mut q)| q.remove("clientSecret"))
        };
        header.or_else(query).filter(|s| !s.is_empty()).map(Self).ok_or_else(|| {
            AppError::bad_request("clientSecret", "The payment's client secret is required (X-Client-Secret header).")
        })
    }
}

/// Our order paid by `payment_intent`, for the holder of its client secret.
pub async fn order_for_holder(
    state: &AppState,
    payment_intent: &str,
    given: &GivenSecret,
) -> Result<PaymentOrder, AppError> {
    let order = state.orders.for_payment(payment_intent).await?;
    if let Some(order) = order.as_ref().filter(|o| o.secret_sha256.is_none()) {
        // Only the webhook linked this order (the checkout could not record it): learn the
        // secret from Stripe once, for our own order only.
        let current =
            state.payments.retrieve_in(order.payment_account.as_deref(), payment_intent).await.map_err(|f| f.error)?;
        state.orders.remember_secret(payment_intent, &current.client_secret).await?;
        return if secrets::matches(Some(&secrets::hash(&current.client_secret)), &given.0) {
            Ok(order.clone())
        } else {
            Err(AppError::no_such_payment())
        };
    }
    match order {
        Some(order) if secrets::matches(order.secret_sha256.as_deref(), &given.0) => Ok(order),
        _ => {
            // The same comparison for an unknown payment (see `secrets::matches`).
            let _ = secrets::matches(None, &given.0);
            Err(AppError::no_such_payment())
        }
    }
}
