//! The operator's `/api/operator/...`, from the page: the browser's `fetch` as the shop's
//! `checkout_app::api` uses it (its helpers are private to it), errors in Stripe's shape; the
//! operator's cookie goes along (same origin).

use checkout_api::ApiErrorBody;
use checkout_api::stripe_common::{ErrorType, StripeError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The template to fill in (a download: the link points here).
pub const TEMPLATE_URL: &str = "/api/operator/emails/template";

/// Whether the operator is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperatorSession {
    pub signed_in: bool,
    pub expires_at: Option<i64>,
}

/// A bulk update as the server runs it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    pub id: String,
    /// `running` or `done`.
    pub status: String,
    pub total: i64,
    pub updated: i64,
    pub failed: i64,
    pub pending: i64,
}

impl Job {
    pub fn done(&self) -> bool {
        self.status == "done"
    }

    pub fn results_url(&self) -> String {
        format!("/api/operator/emails/jobs/{}/results", js_sys::encode_uri_component(&self.id))
    }
}

#[derive(Serialize)]
struct SignIn<'a> {
    token: &'a str,
}

pub async fn session() -> Result<OperatorSession, StripeError> {
    read(send("GET", "/api/operator/session", &[], None).await?)
}

/// Signs in with the operator token; a wrong one is refused with the server's message.
pub async fn sign_in(token: &str) -> Result<OperatorSession, StripeError> {
    let body =
        crate::json::stringify(&SignIn { token }).map_err(|e| StripeError::new(ErrorType::IntegrationError, e))?;
    read(send("POST", "/api/operator/session", &[JSON], Some(body)).await?)
}

pub async fn sign_out() -> Result<(), StripeError> {
    send("DELETE", "/api/operator/session", &[], None).await.map(drop)
}

/// The connected accounts and their emails, as the bytes the worker reads (`[[id, email],
/// ...]`): passed on as they came, neither decoded nor parsed here (for 500,000 accounts, some
/// 30 MB the page's own memory never holds).
pub async fn known_accounts() -> Result<js_sys::ArrayBuffer, StripeError> {
    let response = fetch("GET", "/api/operator/emails/accounts", &[], None).await?;
    if response.ok() {
        let bytes = JsFuture::from(response.array_buffer().map_err(unreachable)?).await.map_err(unreachable)?;
        Ok(bytes.unchecked_into())
    } else {
        let text = JsFuture::from(response.text().map_err(unreachable)?).await.map_err(unreachable)?;
        Err(refusal(response.status(), &text.as_string().unwrap_or_default()))
    }
}

/// Starts the bulk update: `body` is the worker's `{"updates": [...]}`.
pub async fn create_job(body: String) -> Result<Job, StripeError> {
    read(send("POST", "/api/operator/emails/jobs", &[JSON], Some(body)).await?)
}

pub async fn job(id: &str) -> Result<Job, StripeError> {
    let url = format!("/api/operator/emails/jobs/{}", js_sys::encode_uri_component(id));
    read(send("GET", &url, &[], None).await?)
}

/// The BNPL dashboard's numbers, from the data export.
pub async fn bnpl_dashboard() -> Result<checkout_api::bnpl::BnplDashboard, StripeError> {
    read(send("GET", "/api/operator/bnpl", &[], None).await?)
}

const JSON: (&str, &str) = ("Content-Type", "application/json");

/// One request: whether it succeeded, its status and its body.
async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<String>,
) -> Result<(bool, u16, String), StripeError> {
    let response = fetch(method, url, headers, body).await?;
    let text = JsFuture::from(response.text().map_err(unreachable)?).await.map_err(unreachable)?;
    Ok((response.ok(), response.status(), text.as_string().unwrap_or_default()))
}

/// One request's response, its body not read yet.
async fn fetch(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<String>,
) -> Result<web_sys::Response, StripeError> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(body) = &body {
        init.set_body(&body.into());
    }
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(unreachable)?;
    for (name, value) in headers {
        request.headers().set(name, value).map_err(unreachable)?;
    }
    let window = web_sys::window().ok_or_else(|| unreachable(wasm_bindgen::JsValue::NULL))?;
    Ok(JsFuture::from(window.fetch_with_request(&request)).await.map_err(unreachable)?.unchecked_into())
}

fn read<T: DeserializeOwned>((ok, status, text): (bool, u16, String)) -> Result<T, StripeError> {
    if ok {
        crate::json::parse(&text).map_err(|e| StripeError::new(ErrorType::ApiError, format!("unexpected answer: {e}")))
    } else {
        Err(refusal(status, &text))
    }
}

/// The server's `{"error": ...}`, or a generic error when the body is not one.
fn refusal(status: u16, text: &str) -> StripeError {
    match crate::json::parse::<ApiErrorBody>(text) {
        Ok(body) => body.error,
        Err(_) => StripeError::new(ErrorType::ApiError, format!("the server answered {status}")),
    }
}

/// The request did not get an answer (offline, the server down, blocked).
fn unreachable(_: wasm_bindgen::JsValue) -> StripeError {
    StripeError::new(ErrorType::ApiConnectionError, "cannot reach the server")
}
