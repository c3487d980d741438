use axum::Json;
use axum::extract::State;
use checkout_api::ConfigResponse;

use crate::AppState;

/// `GET /api/config`: keys and Stripe.js location, and the cart priced by the server.
pub async fn get_config(State(state): State<AppState>) -> Json<ConfigResponse> {
    Json(ConfigResponse {
        publishable_key: state.config.stripe.publishable_key.clone(),
        stripe_js_url: state.config.stripe.js_url.clone(),
        currency: state.catalog.currency().to_owned(),
        cart: state.catalog.default_cart(),
    })
}
