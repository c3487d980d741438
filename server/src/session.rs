//! The signed-in customer, from a session cookie signed with the server's secret (axum-extra's
//! SignedCookieJar: HMAC, so the browser cannot name another customer). HttpOnly, SameSite=Lax,
//! Secure when the page is served over https. A CustomerSession (saved cards) is only ever made
//! for a customer signed in this way.
//!
//! The only sign-in this app has is the demo sign-in offline (`POST /api/session/demo`); a shop
//! with accounts sets the same cookie from its own login.

use std::convert::Infallible;

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum_extra::extract::SignedCookieJar;
use axum_extra::extract::cookie::{Cookie, Key, SameSite};
use sha2::{Digest, Sha512};

use crate::AppState;

const COOKIE: &str = "checkout_customer";

/// The key that signs session cookies: from `CHECKOUT_SESSION_SECRET`, or random per process.
pub fn key(secret: Option<&str>) -> Key {
    match secret {
        // Key::derive_from wants 32+ bytes of key material; SHA-512 spreads a passphrase over 64.
        Some(secret) => Key::from(&Sha512::digest(secret.as_bytes())),
        None => {
            tracing::warn!("CHECKOUT_SESSION_SECRET is not set: sessions end when this process does");
            Key::generate()
        }
    }
}

impl FromRef<AppState> for Key {
    fn from_ref(state: &AppState) -> Self {
        state.session_key.clone()
    }
}

/// The customer (`cus_...`) the session cookie names, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn(pub Option<String>);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let jar = SignedCookieJar::<Key>::from_request_parts(parts, state).await?;
        Ok(Self(jar.get(COOKIE).map(|c| c.value().to_owned()).filter(|c| c.starts_with("cus_"))))
    }
}

pub fn sign_in(jar: SignedCookieJar, customer: &str, https: bool) -> SignedCookieJar {
    let cookie =
        Cookie::build((COOKIE, customer.to_owned())).path("/").http_only(true).same_site(SameSite::Lax).secure(https);
    jar.add(cookie)
}

pub fn sign_out(jar: SignedCookieJar) -> SignedCookieJar {
    jar.remove(Cookie::build(COOKIE).path("/"))
}
