//! Konbini payments: the server prices the yen cart and creates the PaymentIntent (the page
//! confirms it with Stripe.js), reports its status for the instructions page, and cancels a
//! pending one. The client secret is the caller's credential for one payment, checked against
//! the order before Stripe is asked anything.

use axum::extract::{Path, State};
use checkout_api::{
    Cart, KonbiniCancelRequest, KonbiniPaymentRequest, KonbiniPaymentResponse, KonbiniStatus, PriceRequest,
};

use super::payment_secret::{GivenSecret, order_for_holder};
use crate::AppState;
use crate::error::{AppError, AppJson};
use crate::orders::PaymentMethodKind;

/// `POST /api/konbini/cart {items}`: these items priced in yen (an embedding page's own cart,
/// README Embedding). Discount codes are for card payments.
pub async fn price(
    State(state): State<AppState>,
    AppJson(request): AppJson<PriceRequest>,
) -> Result<AppJson<Cart>, AppError> {
    if request.discount_code.is_some() {
        return Err(AppError::bad_request("discountCode", "Discount codes are for card payments."));
    }
    Ok(AppJson(state.konbini_catalog.price(&request.items)?))
}

pub async fn create(
    State(state): State<AppState>,
    AppJson(request): AppJson<KonbiniPaymentRequest>,
) -> Result<AppJson<KonbiniPaymentResponse>, AppError> {
    request.validate()?;
    let cart = state.konbini_catalog.price(&request.items)?;
    let order_id = state.orders.create(&cart, PaymentMethodKind::Konbini, chrono::Utc::now().timestamp()).await?;
    let created = state.payments.create_konbini(&cart, &state.config.konbini, request.email.trim(), &order_id).await;
    let mut created = match created {
        Ok(created) => created,
        Err(error) => {
            state.orders.discard(&order_id).await?;
            return Err(error);
        }
    };
    state.orders.attach_payment_intent(&order_id, &created.payment_intent_id, Some(&created.client_secret)).await?;
    created.confirmation_number = request.confirmation_number();
    tracing::info!(payment_intent = %created.payment_intent_id, amount = created.amount, "konbini payment created");
    Ok(AppJson(created))
}

pub async fn status(
    State(state): State<AppState>,
    Path(id): Path<String>,
    secret: GivenSecret,
) -> Result<AppJson<KonbiniStatus>, AppError> {
    konbini_order(&state, &id, &secret).await?;
    Ok(AppJson(state.payments.konbini_status(&id).await?.0))
}

pub async fn cancel(
    State(state): State<AppState>,
    Path(id): Path<String>,
    AppJson(request): AppJson<KonbiniCancelRequest>,
) -> Result<AppJson<KonbiniStatus>, AppError> {
    konbini_order(&state, &id, &GivenSecret(request.client_secret)).await?;
    Ok(AppJson(state.payments.cancel_konbini(&id).await?))
}

/// Only konbini payments of our own orders, for the holder of their secret.
async fn konbini_order(state: &AppState, payment_intent: &str, secret: &GivenSecret) -> Result<(), AppError> {
    match order_for_holder(state, payment_intent, secret).await?.method {
        PaymentMethodKind::Konbini => Ok(()),
        PaymentMethodKind::Card => Err(AppError::no_such_payment()),
    }
}
