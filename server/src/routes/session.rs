//! Signing in and out. Offline, the page offers a demo sign-in as `CHECKOUT_DEMO_CUSTOMER`;
//! against Stripe there is no sign-in in this app (a shop's own login sets the cookie).

use axum::extract::State;
use axum::http::header::ORIGIN;
use axum::http::{HeaderMap, StatusCode};
use axum_extra::extract::SignedCookieJar;
use checkout_api::SessionView;

use crate::AppState;
use crate::error::{AppError, AppJson};
use crate::session::Site;

/// `POST /api/session/demo`: signs in as the demo customer (offline only).
pub async fn demo_sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: SignedCookieJar,
) -> Result<(SignedCookieJar, AppJson<SessionView>), AppError> {
    let customer = state.config.demo_customer.as_deref().filter(|_| state.config.stripe.offline());
    let Some(customer) = customer else {
        return Err(AppError::not_found("POST", "/api/session/demo"));
    };
    let https = crate::security::is_https(&headers);
    let origin = headers.get(ORIGIN).and_then(|v| v.to_str().ok());
    let site = match origin {
        Some(origin) if https && state.config.embed_origins.iter().any(|o| o == origin) => Site::Embedding,
        _ => Site::Same { https },
    };
    let view = SessionView { signed_in: true, demo_sign_in: true };
    Ok((crate::session::sign_in(jar, customer, site), AppJson(view)))
}

/// `DELETE /api/session`: signs out.
pub async fn sign_out(jar: SignedCookieJar) -> (StatusCode, SignedCookieJar) {
    (StatusCode::NO_CONTENT, crate::session::sign_out(jar))
}
