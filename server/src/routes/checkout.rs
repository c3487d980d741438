use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use checkout_api::{ConfirmRequest, ConfirmResponse};

use crate::AppState;
use crate::error::AppError;

/// `POST /api/checkout/confirm`: price the cart here, then create and confirm the
/// PaymentIntent with the page's ConfirmationToken.
pub async fn confirm(
    State(state): State<AppState>,
    body: Result<Json<ConfirmRequest>, JsonRejection>,
) -> Result<Json<ConfirmResponse>, AppError> {
    let Json(request) = body?;
    request.validate()?;
    let cart = state.catalog.price_with(&request.items, request.discount_code.as_deref(), &crate::today())?;
    let customer = state.config.customer.as_deref();
    let confirmed = state.payments.create_and_confirm(&cart, &request.confirmation_token_id, customer).await?;
    tracing::info!(payment_intent = %confirmed.payment_intent_id, status = ?confirmed.status, amount = confirmed.amount, "checkout confirmed");
    Ok(Json(confirmed))
}
