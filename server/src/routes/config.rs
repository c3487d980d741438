use axum::Json;
use axum::extract::State;
use checkout_api::{ConfigResponse, KonbiniConfig};

use crate::AppState;

/// `GET /api/config`: keys and Stripe.js location, the cart priced by the server, the look,
/// and for a signed-in customer a fresh CustomerSession (saved payment methods). Creating the
/// session may fail; the checkout then works without saved payment methods.
pub async fn get_config(State(state): State<AppState>) -> Json<ConfigResponse> {
    let customer_session_client_secret = match &state.config.customer {
        Some(customer) => match state.payments.create_customer_session(customer).await {
            Ok(secret) => Some(secret),
            Err(err) => {
                tracing::warn!(%customer, error = %err.error, "no CustomerSession: checkout without saved payment methods");
                None
            }
        },
        None => None,
    };
    Json(ConfigResponse {
        publishable_key: state.config.stripe.publishable_key.clone(),
        stripe_js_url: state.config.stripe.js_url.clone(),
        currency: state.catalog.currency().to_owned(),
        cart: state.catalog.default_cart(),
        look: state.config.look.clone(),
        address: state.config.address,
        customer_session_client_secret,
        poll_seconds: state.config.status_poll_seconds,
        konbini: Some(KonbiniConfig { cart: state.konbini_catalog.default_cart() }),
    })
}
