use axum::extract::State;
use checkout_api::{ConfigResponse, KonbiniConfig, SessionView};

use crate::AppState;
use crate::error::AppJson;
use crate::session::SignedIn;

/// `GET /api/config`: keys and Stripe.js location, the cart priced by the server, the look,
/// and for a signed-in customer a fresh CustomerSession (saved payment methods). Creating the
/// session may fail; the checkout then works without saved payment methods. No customer, no
/// CustomerSession: saved cards are only ever shown to their owner.
pub async fn get_config(State(state): State<AppState>, SignedIn(customer): SignedIn) -> AppJson<ConfigResponse> {
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
    let session = SessionView {
        signed_in: customer.is_some(),
        demo_sign_in: state.config.demo_customer.is_some() && state.config.stripe.offline(),
    };
    AppJson(ConfigResponse {
        publishable_key: state.config.stripe.publishable_key.clone(),
        stripe_js_url: state.config.stripe.js_url.clone(),
        cart: state.catalog.default_cart(),
        look: state.config.look.clone(),
        address: state.config.address,
        customer_session_client_secret,
        session,
        poll_seconds: state.config.status_poll_seconds,
        konbini: KonbiniConfig { cart: state.konbini_catalog.default_cart() },
    })
}
