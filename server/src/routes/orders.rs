use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use checkout_api::OrderView;
use checkout_api::stripe_common::{ErrorType, StripeError};

use crate::AppState;
use crate::error::AppError;

/// `GET /api/orders/{id}`: the order as Stripe's events left it. The id is random and only
/// given to the shopper who placed the order.
pub async fn get_order(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<OrderView>, AppError> {
    match state.orders.get(&id).await.map_err(AppError::database)? {
        Some(order) => Ok(Json(order)),
        None => Err(AppError::new(
            StatusCode::NOT_FOUND,
            StripeError::new(ErrorType::InvalidRequestError, format!("No such order: {id}"))
                .with_code("resource_missing"),
        )),
    }
}
