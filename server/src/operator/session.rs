//! The platform operator's sign-in: the operator types the token the server was started with
//! (`CHECKOUT_OPERATOR_TOKEN`, compared in constant time) and gets a session cookie of its own,
//! signed with the server's key (like the customer's), HttpOnly, SameSite=Strict, sent only to
//! `/api/operator`, and good for [`SESSION_HOURS`] (the end is in the signed value) or until
//! the token changes. Signing out removes the browser's cookie; a copy taken before stays good
//! until its end (sessions are not stored server-side), so a leaked token is answered by
//! changing CHECKOUT_OPERATOR_TOKEN, which ends them all. Shoppers' cookies never open these routes:
//! the two are different cookies, and the operator's value is no customer id.

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum_extra::extract::SignedCookieJar;
use axum_extra::extract::cookie::{Cookie, Key, SameSite};
use checkout_api::stripe_common::{ErrorType, StripeError};
use serde::{Deserialize, Serialize};

use sha2::{Digest, Sha256};

use crate::AppState;
use crate::config::Secret;
use crate::error::{AppError, AppJson};

const COOKIE: &str = "checkout_operator";
/// The cookie is sent to the operator's API only.
const COOKIE_PATH: &str = "/api/operator";
/// How long a sign-in lasts: a working day.
pub const SESSION_HOURS: i64 = 8;

/// `POST /api/operator/session`'s body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub token: String,
}

/// `GET`/`POST /api/operator/session`'s answer.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OperatorSession {
    pub signed_in: bool,
    /// Unix seconds at which the sign-in ends.
    pub expires_at: Option<i64>,
}

/// A request made by the signed-in operator; any other is refused with a 401.
#[derive(Debug, Clone, Copy)]
pub struct Operator;

impl FromRequestParts<AppState> for Operator {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let jar = SignedCookieJar::<Key>::from_request_parts(parts, state).await.unwrap_or_else(|e| match e {});
        match expires_at(&jar, state.config.operator_token.as_ref()) {
            Some(_) => Ok(Self),
            None => Err(refused("Sign in as the platform operator first (Operator token).")),
        }
    }
}

/// The cookie's value: `operator:<end>:<the token's fingerprint>`. With the fingerprint, a new
/// CHECKOUT_OPERATOR_TOKEN (after a leak) ends every session made with the old one.
fn cookie_value(expires_at: i64, token: &Secret) -> String {
    format!("operator:{expires_at}:{}", fingerprint(token))
}

fn fingerprint(token: &Secret) -> String {
    let digest = Sha256::digest(format!("checkout-operator-session:{}", token.expose()).as_bytes());
    hex::encode(&digest[..16])
}

/// When the cookie's sign-in ends, if it is still on and made with today's token.
fn expires_at(jar: &SignedCookieJar, token: Option<&Secret>) -> Option<i64> {
    let token = token?;
    let value = jar.get(COOKIE)?;
    let (expires_at, made_with) = value.value().strip_prefix("operator:")?.split_once(':')?;
    let expires_at: i64 = expires_at.parse().ok()?;
    (expires_at > now() && made_with == fingerprint(token)).then_some(expires_at)
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn refused(message: &str) -> AppError {
    AppError::new(
        StatusCode::UNAUTHORIZED,
        StripeError::new(ErrorType::InvalidRequestError, message).with_code("unauthorized"),
    )
}

/// `POST /api/operator/session`: signs the operator in when the token is the server's.
pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: SignedCookieJar,
    AppJson(body): AppJson<SignIn>,
) -> Result<(SignedCookieJar, AppJson<OperatorSession>), AppError> {
    let Some(token) = &state.config.operator_token else {
        let error = StripeError::new(
            ErrorType::InvalidRequestError,
            "The operator pages are off on this server: CHECKOUT_OPERATOR_TOKEN is not set.",
        )
        .with_code("operator_sign_in_off");
        return Err(AppError::new(StatusCode::FORBIDDEN, error));
    };
    if !token.matches(body.token.trim()) {
        tracing::warn!("operator sign-in refused: wrong token");
        return Err(refused("That operator token is not the one this server was started with."));
    }
    let expires_at = now() + SESSION_HOURS * 3600;
    let cookie = Cookie::build((COOKIE, cookie_value(expires_at, token)))
        .path(COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        // No Max-Age: a browser session's cookie; the signed value ends it after SESSION_HOURS.
        .secure(crate::security::is_https(&headers));
    tracing::info!("operator signed in");
    Ok((jar.add(cookie), AppJson(OperatorSession { signed_in: true, expires_at: Some(expires_at) })))
}

/// `GET /api/operator/session`: whether the operator is signed in (200 either way: the page
/// asks before it shows the sign-in form).
pub async fn status(State(state): State<AppState>, jar: SignedCookieJar) -> AppJson<OperatorSession> {
    let expires_at = expires_at(&jar, state.config.operator_token.as_ref());
    AppJson(OperatorSession { signed_in: expires_at.is_some(), expires_at })
}

/// `DELETE /api/operator/session`: signs out.
pub async fn sign_out(jar: SignedCookieJar) -> (StatusCode, SignedCookieJar) {
    (StatusCode::NO_CONTENT, jar.remove(Cookie::build(COOKIE).path(COOKIE_PATH)))
}
