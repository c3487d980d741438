//! The Link Authentication Element (`elements.create('linkAuthentication', options)`): the
//! shopper's email, which Link uses to prefill the Payment Element and which goes with the
//! payment as the billing email.

use serde::{Deserialize, Serialize};

use crate::{Element, ElementOptions, Listener, StripeError};

/// `elements.create('linkAuthentication', options)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkAuthenticationElementOptions {
    /// Set at creation only: Stripe.js's Link Authentication Element has no `update()`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_values: Option<LinkAuthenticationDefaults>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkAuthenticationDefaults {
    pub email: String,
}

impl LinkAuthenticationElementOptions {
    /// Starts with the shopper's email, when the shop already knows it.
    ///
    /// ```
    /// use stripe_wasm::LinkAuthenticationElementOptions;
    /// let options = LinkAuthenticationElementOptions::with_email("jenny@example.com");
    /// assert_eq!(options.default_values.unwrap().email, "jenny@example.com");
    /// ```
    pub fn with_email(email: impl Into<String>) -> Self {
        Self { default_values: Some(LinkAuthenticationDefaults { email: email.into() }) }
    }
}

impl ElementOptions for LinkAuthenticationElementOptions {
    /// Nothing: the Element cannot be updated.
    fn updatable(&self) -> Self {
        Self::default()
    }
}

/// Its `change` event: the email typed so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LinkAuthenticationChangeEvent {
    pub element_type: String,
    pub empty: bool,
    pub complete: bool,
    pub value: LinkAuthenticationValue,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LinkAuthenticationValue {
    pub email: String,
}

impl Element {
    /// The Link Authentication Element's `change`.
    pub fn on_link_authentication_change(
        &self,
        handler: impl FnMut(LinkAuthenticationChangeEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("change", handler)
    }
}
