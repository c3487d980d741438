use axum::extract::State;
use checkout_api::{ConfirmRequest, ConfirmResponse};

use crate::AppState;
use crate::checkout::Shopper;
use crate::client::ClientIp;
use crate::error::{AppError, AppJson};
use crate::session::SignedIn;

/// `POST /api/checkout/confirm`: price the cart here, then create and confirm the
/// PaymentIntent with the page's ConfirmationToken (see `crate::checkout`).
pub async fn confirm(
    State(state): State<AppState>,
    client: ClientIp,
    SignedIn(customer): SignedIn,
    AppJson(request): AppJson<ConfirmRequest>,
) -> Result<AppJson<ConfirmResponse>, AppError> {
    let answer = priced_and_confirmed(&state, client, customer.as_deref(), &request).await;
    state.metrics.confirmed(&answer);
    answer.map(AppJson)
}

async fn priced_and_confirmed(
    state: &AppState,
    client: ClientIp,
    customer: Option<&str>,
    request: &ConfirmRequest,
) -> Result<ConfirmResponse, AppError> {
    request.validate()?;
    let code = request.discount_code.as_deref();
    let cart = crate::pricing::price(state, &request.items, code, customer, client).await?;
    crate::checkout::confirm(state, request, &cart, Shopper { customer, client }).await
}
