//! `/api/checkout/sessions`: Stripe's Embedded Checkout (see `checkout_api::embedded`). The
//! server prices the cart, opens the order and creates its one Checkout Session; Stripe's page
//! takes the payment, and the PaymentIntent's events settle the order as for the card checkout.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::http::header::{HOST, ORIGIN};
use checkout_api::{CheckoutSessionRequest, CheckoutSessionResponse, CheckoutSessionView, is_checkout_session_id};

use crate::AppState;
use crate::client::ClientIp;
use crate::error::{AppError, AppJson};
use crate::orders::PaymentMethodKind;
use crate::session::SignedIn;

/// `POST /api/checkout/sessions`.
pub async fn create(
    State(state): State<AppState>,
    client: ClientIp,
    SignedIn(customer): SignedIn,
    headers: HeaderMap,
    AppJson(request): AppJson<CheckoutSessionRequest>,
) -> Result<AppJson<CheckoutSessionResponse>, AppError> {
    request.validate()?;
    let return_url = return_url(&headers)?;
    let customer = customer.as_deref();
    let cart = crate::pricing::price(&state, &request.items, None, customer, client).await?;
    let key = crate::checkout::embedded_order_key(&request.attempt_id, customer, &cart);
    let now = chrono::Utc::now().timestamp();
    let order = state.orders.open(&key, &cart, PaymentMethodKind::Card, customer, None, now).await?;
    let client_secret =
        state.payments.checkout_session(&cart, &order.id, customer, &return_url).await.map_err(|f| f.error)?;
    tracing::info!(order = %order.id, amount = cart.total, "checkout session ready");
    Ok(AppJson(CheckoutSessionResponse { order_id: order.id, client_secret }))
}

/// `GET /api/checkout/sessions/{id}`: how the session stands, for the page Stripe returned to.
/// Only our own sessions (those naming one of our orders) are shown.
pub async fn status(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<AppJson<CheckoutSessionView>, AppError> {
    if !is_checkout_session_id(&id) {
        return Err(AppError::bad_request("id", "A Checkout Session id (cs_...) is required."));
    }
    let view = state.payments.checkout_session_view(&id).await.map_err(|f| f.error)?;
    match &view.order_id {
        Some(order) if state.orders.get(order).await?.is_some() => Ok(AppJson(view)),
        _ => Err(AppError::not_found("GET", "/api/checkout/sessions/{id}")),
    }
}

/// Where Stripe sends the shopper once paid: this shop's own `/embedded` page, at the origin the
/// page was loaded from (the browser's `Origin`, which must be the host asked), never a URL the
/// request names.
fn return_url(headers: &HeaderMap) -> Result<String, AppError> {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let refused = || AppError::bad_request("origin", "Open the checkout page of this shop to pay.");
    let origin = header(ORIGIN).ok_or_else(refused)?;
    let host = header(HOST).ok_or_else(refused)?;
    let authority = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://")).ok_or_else(refused)?;
    if authority != host {
        return Err(refused());
    }
    Ok(format!("{origin}/embedded?session_id={{CHECKOUT_SESSION_ID}}"))
}
