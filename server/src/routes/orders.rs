use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use checkout_api::stripe_common::{ErrorType, StripeError};
use checkout_api::{OrderForPaymentQuery, OrderView};

use crate::AppState;
use crate::error::AppError;
use crate::routes::payment_secret::{self, no_such_payment};

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

/// `GET /api/orders?paymentIntent=pi_...&clientSecret=...`: the order a PaymentIntent pays
/// for, to the holder of its client secret. The return page after a redirect knows only the
/// PaymentIntent.
pub async fn order_for_payment(
    State(state): State<AppState>,
    query: Result<Query<OrderForPaymentQuery>, QueryRejection>,
) -> Result<Json<OrderView>, AppError> {
    let Query(query) = query?;
    let order = state
        .orders
        .for_payment(&query.payment_intent)
        .await
        .map_err(AppError::database)?
        .ok_or_else(no_such_payment)?;
    payment_secret::check(&state.payments.client_secret(&query.payment_intent).await?, &query.client_secret)?;
    let view = state.orders.get(&order.id).await.map_err(AppError::database)?;
    view.map(Json).ok_or_else(no_such_payment)
}
