//! The server's `/api`, from the browser. Every failure comes back as a StripeError-shaped
//! error: the server's own `{"error": ...}` body, or a connection error when it cannot be
//! reached.

use checkout_api::stripe_common::{ErrorType, StripeError};
use checkout_api::{
    ApiErrorBody, Cart, ConfigResponse, ConfirmRequest, ConfirmResponse, KonbiniCancelRequest, KonbiniPaymentRequest,
    KonbiniPaymentResponse, KonbiniStatus, OrderView, PriceRequest, SessionState, SessionView,
};
use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;

pub async fn config() -> Result<ConfigResponse, StripeError> {
    let response = Request::get("/api/config").send().await.map_err(unreachable)?;
    read(response).await
}

/// The cart for these items and discount code, priced by the server.
pub async fn price(request: &PriceRequest) -> Result<Cart, StripeError> {
    post("/api/cart", request).await
}

pub async fn confirm(request: &ConfirmRequest) -> Result<ConfirmResponse, StripeError> {
    post("/api/checkout/confirm", request).await
}

/// The order as Stripe's webhooks left it.
pub async fn order(id: &str) -> Result<OrderView, StripeError> {
    let response = Request::get(&format!("/api/orders/{id}")).send().await.map_err(unreachable)?;
    read(response).await
}

/// The order a PaymentIntent pays for (`OrderForPaymentQuery`); the client secret proves the
/// payment is the shopper's. It travels in a header, never in a URL that logs keep.
pub async fn order_for_payment(payment_intent: &str, client_secret: &str) -> Result<OrderView, StripeError> {
    let response = Request::get("/api/orders")
        .query([("paymentIntent", payment_intent)])
        .header(CLIENT_SECRET, client_secret)
        .send()
        .await
        .map_err(unreachable)?;
    read(response).await
}

/// Who is signed in, and their CustomerSession (saved cards).
pub async fn session() -> Result<SessionState, StripeError> {
    let response = Request::get("/api/session").send().await.map_err(unreachable)?;
    read(response).await
}

/// Signs in as the demo customer (offline only).
pub async fn demo_sign_in() -> Result<SessionView, StripeError> {
    let response = Request::post("/api/session/demo").send().await.map_err(unreachable)?;
    read(response).await
}

pub async fn sign_out() -> Result<(), StripeError> {
    let response = Request::delete("/api/session").send().await.map_err(unreachable)?;
    if response.ok() { Ok(()) } else { Err(StripeError::new(ErrorType::ApiError, "could not sign out")) }
}

/// A konbini PaymentIntent for the yen cart, after the server checked the form.
pub async fn konbini_create(request: &KonbiniPaymentRequest) -> Result<KonbiniPaymentResponse, StripeError> {
    post("/api/konbini/payments", request).await
}

pub async fn konbini_status(id: &str, client_secret: &str) -> Result<KonbiniStatus, StripeError> {
    let url = format!("/api/konbini/payments/{id}");
    let response = Request::get(&url).header(CLIENT_SECRET, client_secret).send().await.map_err(unreachable)?;
    read(response).await
}

/// Where the server looks for a payment's client secret.
const CLIENT_SECRET: &str = "X-Client-Secret";

pub async fn konbini_cancel(id: &str, client_secret: &str) -> Result<KonbiniStatus, StripeError> {
    post(
        &format!("/api/konbini/payments/{id}/cancel"),
        &KonbiniCancelRequest { client_secret: client_secret.to_owned() },
    )
    .await
}

async fn post<B: serde::Serialize, T: DeserializeOwned>(url: &str, body: &B) -> Result<T, StripeError> {
    let response = Request::post(url)
        .header("Content-Type", "application/json")
        .body(crate::json::stringify(body).map_err(|e| StripeError::new(ErrorType::IntegrationError, e))?)
        .map_err(|e| StripeError::new(ErrorType::IntegrationError, e.to_string()))?
        .send()
        .await
        .map_err(unreachable)?;
    read(response).await
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, StripeError> {
    let text = response.text().await.map_err(unreachable)?;
    if response.ok() {
        return crate::json::parse(&text)
            .map_err(|e| StripeError::new(ErrorType::ApiError, format!("unexpected answer: {e}")));
    }
    match crate::json::parse::<ApiErrorBody>(&text) {
        Ok(body) => Err(body.error),
        Err(_) => Err(StripeError::new(ErrorType::ApiError, format!("the server answered {}", response.status()))),
    }
}

fn unreachable(err: gloo_net::Error) -> StripeError {
    StripeError::new(ErrorType::ApiConnectionError, format!("cannot reach the server: {err}"))
}
