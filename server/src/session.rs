//! The signed-in customer, from a session cookie signed with the server's secret (axum-extra's
//! SignedCookieJar: HMAC, so the browser cannot name another customer). HttpOnly, SameSite=Lax,
//! Secure when the page is served over https; for a checkout embedded in a site of
//! `CHECKOUT_EMBED_ORIGINS` (over https), `SameSite=None; Secure; Partitioned` instead: the only
//! cookie a browser sends with the embed's cross-site requests, and partitioned (CHIPS) per
//! host site, so it follows the shopper on that shop only. A CustomerSession (saved cards) is only ever made
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

/// How the sign-in was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    /// From the shop's own pages (or over plain http, where a cross-site cookie cannot exist).
    Same { https: bool },
    /// From an embedding site of `CHECKOUT_EMBED_ORIGINS`, over https.
    Embedding,
}

pub fn sign_in(jar: SignedCookieJar, customer: &str, site: Site) -> SignedCookieJar {
    let cookie = Cookie::build((COOKIE, customer.to_owned())).path("/").http_only(true);
    let cookie = match site {
        Site::Same { https } => cookie.same_site(SameSite::Lax).secure(https),
        Site::Embedding => cookie.same_site(SameSite::None).secure(true).partitioned(true),
    };
    jar.add(cookie)
}

pub fn sign_out(jar: SignedCookieJar) -> SignedCookieJar {
    jar.remove(Cookie::build(COOKIE).path("/"))
}
