//! The Link Authentication Element (`elements.create('linkAuthentication', options)`): the
//! shopper's email, which Link uses to prefill the Payment Element and which goes with the
//! payment as the billing email.

use serde::{Deserialize, Serialize};

use crate::{Element, ElementOptions, Listener, StripeError};

/// `elements.create('linkAuthentication', options)`.
///
/// ```
/// use stripe_wasm::LinkAuthenticationElementOptions;
/// assert_eq!(serde_json::to_value(LinkAuthenticationElementOptions::default()).unwrap(), serde_json::json!({}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkAuthenticationElementOptions {
    /// Set at creation only: Stripe.js's Link Authentication Element has no `update()`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_values: Option<LinkAuthenticationDefaults>,
}

/// `defaultValues` of the Link Authentication Element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkAuthenticationDefaults {
    /// The email the field starts with.
    pub email: String,
}

impl LinkAuthenticationElementOptions {
    /// Starts with the shopper's email, when the shop already knows it.
    ///
    /// ```
    /// use stripe_wasm::LinkAuthenticationElementOptions;
    /// let options = LinkAuthenticationElementOptions::with_email("jenny@example.com");
    /// assert_eq!(
    ///     serde_json::to_value(&options).unwrap(),
    ///     serde_json::json!({"defaultValues": {"email": "jenny@example.com"}})
    /// );
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
///
/// ```
/// use stripe_wasm::LinkAuthenticationChangeEvent;
/// let event: LinkAuthenticationChangeEvent = serde_json::from_str(
///     r#"{"elementType": "linkAuthentication", "empty": false, "complete": true,
///         "value": {"email": "jenny@example.com"}}"#,
/// )
/// .unwrap();
/// assert_eq!(event.value.email, "jenny@example.com");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LinkAuthenticationChangeEvent {
    /// `linkAuthentication`.
    pub element_type: String,
    /// The field is empty.
    pub empty: bool,
    /// The email is complete and well-formed.
    pub complete: bool,
    /// The email.
    pub value: LinkAuthenticationValue,
}

/// `value` of the Link Authentication Element's `change`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct LinkAuthenticationValue {
    /// The email typed so far.
    pub email: String,
}

impl Element {
    /// The Link Authentication Element's `change`.
    ///
    /// ```no_run
    /// use stripe_wasm::{Elements, LinkAuthenticationElementOptions};
    /// # fn example(elements: &Elements) -> Result<(), stripe_wasm::StripeError> {
    /// let email = elements.create("linkAuthentication", &LinkAuthenticationElementOptions::default())?;
    /// let _listener = email.on_link_authentication_change(|event| {
    ///     if event.complete { /* event.value.email, e.g. for the receipt */ }
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_link_authentication_change(
        &self,
        handler: impl FnMut(LinkAuthenticationChangeEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("change", handler)
    }
}
