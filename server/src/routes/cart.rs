use axum::extract::State;
use checkout_api::{Cart, PriceRequest};

use crate::AppState;
use crate::client::ClientIp;
use crate::error::{AppError, AppJson};
use crate::session::SignedIn;

/// `POST /api/cart`: the cart for these items and discount code, priced here. The page shows
/// it and updates Elements' amount from it.
pub async fn price(
    State(state): State<AppState>,
    client: ClientIp,
    SignedIn(customer): SignedIn,
    AppJson(request): AppJson<PriceRequest>,
) -> Result<AppJson<Cart>, AppError> {
    let code = request.discount_code.as_deref();
    Ok(AppJson(crate::pricing::price(&state, &request.items, code, customer.as_deref(), client).await?))
}
