use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
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
    // The order exists before Stripe is called, so that no event can arrive for an order we do
    // not know; its status then moves by events only.
    let checkout_key = format!("checkout-confirm-{}", request.confirmation_token_id);
    let now = chrono::Utc::now().timestamp();
    let order_id = state.orders.create(Some(&checkout_key), &cart, "card", now).await.map_err(AppError::database)?;
    match state.payments.create_and_confirm(&cart, &request.confirmation_token_id, customer, &order_id).await {
        Ok(confirmed) => {
            state
                .orders
                .attach_payment_intent(&order_id, &confirmed.payment_intent_id)
                .await
                .map_err(AppError::database)?;
            tracing::info!(order = %order_id, payment_intent = %confirmed.payment_intent_id, status = ?confirmed.status, amount = confirmed.amount, "checkout confirmed");
            Ok(Json(confirmed))
        }
        Err((error, Some(payment_intent))) => {
            // A decline: the PaymentIntent exists and its events will fail the order. The
            // shopper must still read the card error, whatever happens to this bookkeeping.
            if let Err(err) = state.orders.attach_payment_intent(&order_id, &payment_intent).await {
                tracing::error!(order = %order_id, error = %err, "could not attach the declined PaymentIntent");
            }
            Err(error)
        }
        // Stripe refused the request itself (a used or unknown token): nothing was created.
        Err((error, None)) if error.status == StatusCode::BAD_REQUEST => {
            state.orders.discard(&order_id).await.map_err(AppError::database)?;
            Err(error)
        }
        // A timeout, a lost connection, a 5xx or a request still in flight prove nothing: the
        // PaymentIntent may exist. The order stays pending; the events or a retry (same
        // checkout key, same order, Stripe's idempotent replay) complete it.
        Err((error, None)) => Err(error),
    }
}
