use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Cart, KonbiniConfig, Look};

/// `GET /api/config`: everything the page needs before it can show the checkout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigResponse {
    pub publishable_key: String,
    /// Where to load Stripe.js from: js.stripe.com with real keys, the stand-in offline.
    pub stripe_js_url: String,
    /// The card checkout's cart, priced by the server (its currency is the shop's).
    pub cart: Cart,
    /// Theme and layout for both the page and Stripe's Elements.
    pub look: Look,
    /// Whether to collect an address with the Address Element, and which.
    pub address: AddressCollection,
    /// For saved payment methods: the CustomerSession's client secret, when a customer is
    /// signed in and the session could be created (the checkout works without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_session_client_secret: Option<String>,
    /// Who is signed in (a session cookie): saved payment methods are theirs.
    #[serde(default)]
    pub session: SessionView,
    /// How often pages ask for an order's or payment's status.
    pub poll_seconds: u32,
    /// The konbini page's cart (in yen).
    pub konbini: KonbiniConfig,
    /// The page's language (`en`, `ja`), for its own words and Stripe's; empty means English.
    #[serde(default)]
    pub locale: String,
    /// The page's words in `locale` keyed by their English (`texts::catalogue`); empty in English.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub texts: BTreeMap<String, String>,
}

/// `GET /api/session`: the shopper's session, and a signed-in customer's CustomerSession.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionState {
    pub session: SessionView,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_session_client_secret: Option<String>,
}

/// The shopper's session as the page may show it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    /// A customer is signed in.
    pub signed_in: bool,
    /// Offline only: the page may offer to sign in as the demo customer
    /// (`POST /api/session/demo`).
    pub demo_sign_in: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AddressCollection {
    #[default]
    None,
    Billing,
    Shipping,
}

impl std::str::FromStr for AddressCollection {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "none" => Ok(Self::None),
            "billing" => Ok(Self::Billing),
            "shipping" => Ok(Self::Shipping),
            other => Err(format!("{other:?} is not one of none, billing, shipping")),
        }
    }
}
