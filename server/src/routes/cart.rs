use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use checkout_api::{Cart, PriceRequest};

use crate::AppState;
use crate::error::AppError;

/// `POST /api/cart`: the cart for these items and discount code, priced here. The page shows
/// it and updates Elements' amount from it.
pub async fn price(
    State(state): State<AppState>,
    body: Result<Json<PriceRequest>, JsonRejection>,
) -> Result<Json<Cart>, AppError> {
    let Json(request) = body?;
    Ok(Json(state.catalog.price_with(&request.items, request.discount_code.as_deref(), &crate::today())?))
}
