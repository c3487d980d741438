//! The server's `/api`, from the browser. Every failure comes back as a StripeError-shaped
//! error: the server's own `{"error": ...}` body, or a connection error when it cannot be
//! reached.

use checkout_api::stripe_common::{ErrorType, StripeError};
use checkout_api::{
    ApiErrorBody, Cart, CheckoutSessionRequest, CheckoutSessionResponse, CheckoutSessionView, ConfigResponse,
    ConfirmRequest, ConfirmResponse, KonbiniCancelRequest, KonbiniPaymentRequest, KonbiniPaymentResponse,
    KonbiniStatus, MarketplaceView, OrderView, PriceRequest, SavedCardPaymentRequest, SavedCards, SessionState,
    SessionView,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub async fn config() -> Result<ConfigResponse, StripeError> {
    read(send("GET", &crate::host::config_path(), &[], None).await?)
}

/// The cart for these items and discount code, priced by the server.
pub async fn price(request: &PriceRequest) -> Result<Cart, StripeError> {
    post("/api/cart", request).await
}

/// The add-on offer for the visitor who chose a buy-now-pay-later method (`checkout::offer`).
pub async fn offer(request: &checkout_api::OfferRequest) -> Result<checkout_api::OfferResponse, StripeError> {
    post("/api/offers", request).await
}

/// The same items priced in yen, for a konbini payment.
pub async fn konbini_price(request: &PriceRequest) -> Result<Cart, StripeError> {
    post("/api/konbini/cart", request).await
}

pub async fn confirm(request: &ConfirmRequest) -> Result<ConfirmResponse, StripeError> {
    post("/api/checkout/confirm", request).await
}

/// The marketplace's sellers and their shelves.
pub async fn marketplace() -> Result<MarketplaceView, StripeError> {
    read(send("GET", "/api/marketplace", &[], None).await?)
}

/// The signed-in customer's saved cards (none for a guest).
pub async fn saved_cards() -> Result<SavedCards, StripeError> {
    read(send("GET", "/api/saved-cards", &[], None).await?)
}

/// Pays a marketplace seller with a saved card.
pub async fn pay_with_saved_card(request: &SavedCardPaymentRequest) -> Result<ConfirmResponse, StripeError> {
    post("/api/marketplace/saved-card-payments", request).await
}

/// The order as Stripe's webhooks left it.
pub async fn order(id: &str) -> Result<OrderView, StripeError> {
    read(send("GET", &format!("/api/orders/{id}"), &[], None).await?)
}

/// The order a PaymentIntent pays for (`OrderForPaymentQuery`); the client secret proves the
/// payment is the shopper's. It travels in a header, never in a URL that logs keep.
pub async fn order_for_payment(payment_intent: &str, client_secret: &str) -> Result<OrderView, StripeError> {
    let url = format!("/api/orders?paymentIntent={}", js_sys::encode_uri_component(payment_intent));
    read(send("GET", &url, &[(CLIENT_SECRET, client_secret)], None).await?)
}

/// Who is signed in, and their CustomerSession (saved cards).
pub async fn session() -> Result<SessionState, StripeError> {
    read(send("GET", "/api/session", &[], None).await?)
}

/// Signs in as the demo customer (offline only).
pub async fn demo_sign_in() -> Result<SessionView, StripeError> {
    read(send("POST", "/api/session/demo", &[], None).await?)
}

pub async fn sign_out() -> Result<(), StripeError> {
    let answer = send("DELETE", "/api/session", &[], None).await?;
    if answer.ok { Ok(()) } else { Err(StripeError::new(ErrorType::ApiError, "could not sign out")) }
}

/// A konbini PaymentIntent for the yen cart, after the server checked the form.
pub async fn konbini_create(request: &KonbiniPaymentRequest) -> Result<KonbiniPaymentResponse, StripeError> {
    post("/api/konbini/payments", request).await
}

pub async fn konbini_status(id: &str, client_secret: &str) -> Result<KonbiniStatus, StripeError> {
    let url = format!("/api/konbini/payments/{id}");
    read(send("GET", &url, &[(CLIENT_SECRET, client_secret)], None).await?)
}

/// The Checkout Session of this cart's attempt, for Stripe's Embedded Checkout.
pub async fn checkout_session(request: &CheckoutSessionRequest) -> Result<CheckoutSessionResponse, StripeError> {
    post("/api/checkout/sessions", request).await
}

/// How a Checkout Session ended, on the page Stripe returned to.
pub async fn checkout_session_status(id: &str) -> Result<CheckoutSessionView, StripeError> {
    let url = format!("/api/checkout/sessions/{}", js_sys::encode_uri_component(id));
    read(send("GET", &url, &[], None).await?)
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
    let body = crate::json::stringify(body).map_err(|e| StripeError::new(ErrorType::IntegrationError, e))?;
    read(send("POST", url, &[("Content-Type", "application/json")], Some(body)).await?)
}

/// A finished answer: its status and its body.
struct Answer {
    ok: bool,
    status: u16,
    text: String,
}

/// One request through the browser's `fetch` (what gloo-net wraps, without its streaming
/// bodies and builders: the page only sends and reads small JSON documents).
async fn send(method: &str, url: &str, headers: &[(&str, &str)], body: Option<String>) -> Result<Answer, StripeError> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(body) = &body {
        init.set_body(&body.into());
    }
    crate::host::prepare(&init);
    let request = web_sys::Request::new_with_str_and_init(&crate::host::api_url(url), &init).map_err(unreachable)?;
    let language = crate::i18n::chosen().map(|locale| ("Accept-Language", locale));
    for (name, value) in headers.iter().copied().chain(language) {
        request.headers().set(name, value).map_err(unreachable)?;
    }
    let window = web_sys::window().ok_or_else(|| unreachable(wasm_bindgen::JsValue::NULL))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_request(&request)).await.map_err(unreachable)?.unchecked_into();
    let text = JsFuture::from(response.text().map_err(unreachable)?).await.map_err(unreachable)?;
    Ok(Answer { ok: response.ok(), status: response.status(), text: text.as_string().unwrap_or_default() })
}

fn read<T: DeserializeOwned>(answer: Answer) -> Result<T, StripeError> {
    if answer.ok {
        return crate::json::parse(&answer.text)
            .map_err(|e| StripeError::new(ErrorType::ApiError, format!("unexpected answer: {e}")));
    }
    match crate::json::parse::<ApiErrorBody>(&answer.text) {
        Ok(body) => Err(body.error),
        Err(_) => Err(StripeError::new(ErrorType::ApiError, format!("the server answered {}", answer.status))),
    }
}

/// The request did not get an answer (offline, the server down, blocked).
fn unreachable(_: wasm_bindgen::JsValue) -> StripeError {
    StripeError::new(ErrorType::ApiConnectionError, "cannot reach the server")
}
