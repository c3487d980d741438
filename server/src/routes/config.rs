use axum::extract::State;
use axum::http::header::{ACCEPT_LANGUAGE, VARY};
use axum::http::{HeaderMap, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use checkout_api::{ConfigResponse, KonbiniConfig, SessionState, SessionView, texts};

use crate::error::AppJson;
use crate::session::SignedIn;
use crate::{AppState, Catalog, Config};

/// What every visitor's page is configured with: keys and Stripe.js location, the carts priced
/// by the server, the look. Written into `index.html` at start (no round trip before the
/// checkout starts) and served at `GET /api/config` (development, other clients).
pub fn shared_config(config: &Config, catalog: &Catalog, konbini_catalog: &Catalog) -> ConfigResponse {
    ConfigResponse {
        publishable_key: config.stripe.publishable_key.clone(),
        stripe_js_url: config.stripe.js_url.clone(),
        cart: catalog.default_cart(),
        look: config.look.clone(),
        address: config.address,
        customer_session_client_secret: None,
        session: SessionView { signed_in: false, demo_sign_in: demo_sign_in(config) },
        poll_seconds: config.status_poll_seconds,
        konbini: KonbiniConfig { cart: konbini_catalog.default_cart() },
        locale: texts::LOCALES[0].to_owned(),
        texts: Default::default(),
    }
}

/// `config` in `locale` (one of `texts::LOCALES`): the page's words from its catalogue.
pub fn localized(mut config: ConfigResponse, locale: &str) -> ConfigResponse {
    config.locale = locale.to_owned();
    config.texts = texts::catalogue(locale).cloned().unwrap_or_default();
    config
}

/// The language a request asks for: `?locale=` (an embedding page's `data-locale`, or the
/// browser's language it read), else the browser's `Accept-Language`; English by default.
pub fn requested_locale(query: Option<&str>, headers: &HeaderMap) -> &'static str {
    let asked = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|pair| pair.strip_prefix("locale=").or_else(|| pair.strip_prefix("lang=")));
    match asked {
        Some(tag) => texts::negotiate(tag),
        None => texts::negotiate(headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or_default()),
    }
}

fn demo_sign_in(config: &Config) -> bool {
    config.demo_customer.is_some() && config.stripe.offline()
}

/// `GET /api/config`: the shared configuration, and for a signed-in customer a fresh
/// CustomerSession (saved payment methods).
pub async fn get_config(State(state): State<AppState>, signed_in: SignedIn, uri: Uri, headers: HeaderMap) -> Response {
    let session = session_state(&state, signed_in).await;
    let locale = requested_locale(uri.query(), &headers);
    let mut config = localized(shared_config(&state.config, &state.catalog, &state.konbini_catalog), locale);
    config.session = session.session;
    config.customer_session_client_secret = session.customer_session_client_secret;
    let mut response = AppJson(config).into_response();
    // The answer's words depend on the browser's languages (when `?locale=` does not say).
    response.headers_mut().append(VARY, HeaderValue::from_static("accept-language"));
    response
}

/// `GET /api/session`: who is signed in, and their CustomerSession. The page asks it beside
/// loading Stripe.js, since its configuration came with the HTML.
pub async fn get_session(State(state): State<AppState>, signed_in: SignedIn) -> AppJson<SessionState> {
    AppJson(session_state(&state, signed_in).await)
}

/// Creating the CustomerSession may fail; the checkout then works without saved payment
/// methods. No customer, no CustomerSession: saved cards are only ever shown to their owner.
async fn session_state(state: &AppState, SignedIn(customer): SignedIn) -> SessionState {
    let customer_session_client_secret = match &customer {
        Some(customer) => match state.payments.create_customer_session(customer, state.config.saved_cards_remove).await
        {
            Ok(secret) => Some(secret),
            Err(err) => {
                tracing::warn!(%customer, error = %err.error, "no CustomerSession: checkout without saved payment methods");
                None
            }
        },
        None => None,
    };
    SessionState {
        session: SessionView { signed_in: customer.is_some(), demo_sign_in: demo_sign_in(&state.config) },
        customer_session_client_secret,
    }
}
