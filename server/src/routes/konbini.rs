//! Konbini payments: the server prices the yen cart and creates the PaymentIntent (the page
//! confirms it with Stripe.js), reports its status for the instructions page, and cancels a
//! pending one. The client secret is the caller's credential for one payment.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use checkout_api::{KonbiniCancelRequest, KonbiniPaymentRequest, KonbiniPaymentResponse, KonbiniStatus};
use serde::Deserialize;

use crate::AppState;
use crate::error::AppError;
use crate::routes::payment_secret::{self, no_such_payment};

pub async fn create(
    State(state): State<AppState>,
    body: Result<Json<KonbiniPaymentRequest>, JsonRejection>,
) -> Result<Json<KonbiniPaymentResponse>, AppError> {
    let Json(request) = body?;
    request.validate()?;
    let cart = state.konbini_catalog.price(&request.items)?;
    let order_id = state
        .orders
        .create(None, &cart, "konbini", chrono::Utc::now().timestamp())
        .await
        .map_err(AppError::database)?;
    let created = state.payments.create_konbini(&cart, &state.config.konbini, request.email.trim(), &order_id).await;
    let mut created = match created {
        Ok(created) => created,
        Err(error) => {
            state.orders.discard(&order_id).await.map_err(AppError::database)?;
            return Err(error);
        }
    };
    state.orders.attach_payment_intent(&order_id, &created.payment_intent_id).await.map_err(AppError::database)?;
    created.confirmation_number = request.confirmation_number();
    tracing::info!(payment_intent = %created.payment_intent_id, amount = created.amount, "konbini payment created");
    Ok(Json(created))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretQuery {
    client_secret: String,
}

pub async fn status(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: Result<Query<SecretQuery>, QueryRejection>,
) -> Result<Json<KonbiniStatus>, AppError> {
    let Query(query) = query?;
    ours(&state, &id).await?;
    let (status, secret) = state.payments.konbini_status(&id).await?;
    payment_secret::check(&secret, &query.client_secret)?;
    Ok(Json(status))
}

pub async fn cancel(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Result<Json<KonbiniCancelRequest>, JsonRejection>,
) -> Result<Json<KonbiniStatus>, AppError> {
    let Json(request) = body?;
    ours(&state, &id).await?;
    let (_, secret) = state.payments.konbini_status(&id).await?;
    payment_secret::check(&secret, &request.client_secret)?;
    Ok(Json(state.payments.cancel_konbini(&id).await?))
}

/// Only konbini payments of our own orders are looked up at Stripe (or cancelled).
async fn ours(state: &AppState, payment_intent: &str) -> Result<(), AppError> {
    match state.orders.for_payment(payment_intent).await.map_err(AppError::database)? {
        Some(order) if order.method == "konbini" => Ok(()),
        _ => Err(no_such_payment()),
    }
}
