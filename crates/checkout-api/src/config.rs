use serde::{Deserialize, Serialize};

use crate::Cart;

/// `GET /api/config`: everything the page needs before it can show the checkout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigResponse {
    pub publishable_key: String,
    /// Where to load Stripe.js from: js.stripe.com with real keys, the stand-in offline.
    pub stripe_js_url: String,
    pub currency: String,
    pub cart: Cart,
}
