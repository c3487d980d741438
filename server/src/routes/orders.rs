use axum::extract::{Path, State};
use axum::http::StatusCode;
use checkout_api::stripe_common::{ErrorType, StripeError};
use checkout_api::{OrderForPaymentQuery, OrderView};

use super::payment_secret::{GivenSecret, order_for_holder};
use crate::AppState;
use crate::error::{AppError, AppJson, AppQuery};

/// `GET /api/orders/{id}`: the order as Stripe's events left it. The id is random and only
/// given to the shopper who placed the order.
pub async fn get_order(State(state): State<AppState>, Path(id): Path<String>) -> Result<AppJson<OrderView>, AppError> {
    named(&state, &id).await?.map(AppJson).ok_or_else(|| {
        AppError::new(
            StatusCode::NOT_FOUND,
            StripeError::new(ErrorType::InvalidRequestError, format!("No such order: {id}"))
                .with_code("resource_missing"),
        )
    })
}

/// `GET /api/orders?paymentIntent=pi_...` with the payment's client secret: the order a
/// PaymentIntent pays for. The return page after a redirect knows only the PaymentIntent.
pub async fn order_for_payment(
    State(state): State<AppState>,
    AppQuery(query): AppQuery<OrderForPaymentQuery>,
    secret: GivenSecret,
) -> Result<AppJson<OrderView>, AppError> {
    let order = order_for_holder(&state, &query.payment_intent, &secret).await?;
    named(&state, &order.id).await?.map(AppJson).ok_or_else(AppError::no_such_payment)
}

/// The order, its marketplace seller named.
async fn named(state: &AppState, id: &str) -> Result<Option<OrderView>, AppError> {
    let mut order = state.orders.get(id).await?;
    if let Some(seller) = order.as_mut().and_then(|o| o.seller.as_mut()) {
        seller.name = state.sellers.name_of(&seller.id).unwrap_or_default().to_owned();
    }
    Ok(order)
}
