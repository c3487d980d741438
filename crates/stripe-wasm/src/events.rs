//! Payloads of Element events. Every field defaults, so an event Stripe.js extends stays
//! readable.

use serde::Deserialize;

use crate::StripeError;

/// `change`: whether the shopper's input is complete, and which method is selected
/// (`value.payment_method` is set when a saved payment method is selected).
///
/// ```
/// use stripe_wasm::ChangeEvent;
/// let event: ChangeEvent = serde_json::from_str(
///     r#"{"elementType": "payment", "empty": false, "complete": true, "collapsed": false,
///         "value": {"type": "card"}}"#,
/// )
/// .unwrap();
/// assert!(event.complete);
/// assert_eq!(event.value.type_.as_deref(), Some("card"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ChangeEvent {
    /// `payment`.
    pub element_type: String,
    /// Every field is empty.
    pub empty: bool,
    /// Every field is filled in and well-formed: the Pay button may be enabled.
    pub complete: bool,
    /// The Payment Element is collapsed (see [`Element::collapse`](crate::Element::collapse)).
    pub collapsed: bool,
    /// Which payment method is selected.
    pub value: ChangeValue,
}

/// `value` of the Payment Element's `change`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ChangeValue {
    /// The selected payment method type, snake_case (`card`, `afterpay_clearpay`, ...); `None`
    /// before one is selected.
    #[serde(rename = "type")]
    pub type_: Option<String>,
    /// The saved payment method selected (with a CustomerSession); `None` for a new one.
    pub payment_method: Option<SavedPaymentMethod>,
}

/// A saved payment method the shopper selected in the Payment Element.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct SavedPaymentMethod {
    /// `pm_…`.
    pub id: String,
    /// Its type (`card`, ...).
    #[serde(rename = "type")]
    pub type_: String,
}

/// `ready`, `focus`, `blur`, `escape`, `loaderstart` (and the Express Checkout Element's
/// `cancel`): only say which element.
///
/// ```
/// use stripe_wasm::ElementEvent;
/// let event: ElementEvent = serde_json::from_str(r#"{"elementType": "payment"}"#).unwrap();
/// assert_eq!(event.element_type, "payment");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ElementEvent {
    /// Stripe.js's name of the Element's type (`payment`, `address`, ...).
    pub element_type: String,
}

/// `loaderror`: the Element could not load (bad key, blocked network, ...).
///
/// ```
/// use stripe_wasm::{ErrorType, LoadErrorEvent};
/// let event: LoadErrorEvent = serde_json::from_str(
///     r#"{"elementType": "payment",
///         "error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}}"#,
/// )
/// .unwrap();
/// assert_eq!(event.error.type_, ErrorType::InvalidRequestError);
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadErrorEvent {
    /// Which Element failed.
    #[serde(default)]
    pub element_type: String,
    /// Why (for the integrator: show the shopper that the form is unavailable).
    pub error: StripeError,
}

/// The Address Element's `change` event, and what `getValue()` resolves with.
///
/// ```
/// use stripe_wasm::AddressChangeEvent;
/// let event: AddressChangeEvent = serde_json::from_str(
///     r#"{"elementType": "address", "elementMode": "shipping", "empty": false, "complete": true,
///         "isNewAddress": false, "value": {"name": "Jenny Rosen", "address": {"line1": "1 Harbour Way",
///         "line2": null, "city": "San Francisco", "state": "CA", "postal_code": "94107", "country": "US"}}}"#,
/// )
/// .unwrap();
/// assert_eq!(event.value.to_shipping().name.as_deref(), Some("Jenny Rosen"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AddressChangeEvent {
    /// `address`.
    pub element_type: String,
    /// Every field is empty.
    pub empty: bool,
    /// Every required field is filled in.
    pub complete: bool,
    /// The address is new rather than one of the saved `contacts`.
    pub is_new_address: bool,
    /// What the shopper entered.
    pub value: AddressValue,
}

/// A name, an address and maybe a phone number, as the Address Element collected them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct AddressValue {
    /// Full name (empty until entered).
    pub name: String,
    /// The address; `line2` is `None` when empty.
    pub address: crate::Address,
    /// The phone number, when the Element asks for one.
    pub phone: Option<String>,
}

impl AddressValue {
    /// As `shipping` for `createConfirmationToken`.
    ///
    /// ```
    /// use stripe_wasm::{AddressValue, ConfirmationTokenParams};
    /// let value = AddressValue { name: "Jenny Rosen".into(), ..AddressValue::default() };
    /// let params = ConfirmationTokenParams { shipping: Some(value.to_shipping()), ..Default::default() };
    /// assert_eq!(params.shipping.unwrap().name.as_deref(), Some("Jenny Rosen"));
    /// ```
    pub fn to_shipping(&self) -> crate::Shipping {
        crate::Shipping { name: Some(self.name.clone()), address: self.address.clone(), phone: self.phone.clone() }
    }
}

/// The Payment Element's `carddetailschange`: the brands the card number typed so far may be.
///
/// ```
/// use stripe_wasm::CardDetailsChangeEvent;
/// let event: CardDetailsChangeEvent = serde_json::from_str(
///     r#"{"elementType": "payment", "loading": false, "details": {"brands": ["visa"], "funding": "credit"}}"#,
/// )
/// .unwrap();
/// assert_eq!(event.details.unwrap().brands, Some(vec!["visa".to_owned()]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CardDetailsChangeEvent {
    /// `payment`.
    pub element_type: String,
    /// Stripe is still working the details out.
    pub loading: bool,
    /// The card's details; `None` while loading and when the selected method is not a card.
    pub details: Option<CardDetails>,
}

/// `details` of `carddetailschange`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct CardDetails {
    /// `visa`, `mastercard`, … or `unknown`; `None` before there is anything to tell.
    pub brands: Option<Vec<String>>,
    /// `credit`, `debit`, `prepaid` or `unknown`.
    pub funding: Option<String>,
}

/// The Payment Element's `savedpaymentmethodupdate` and `savedpaymentmethodremove`: the shopper
/// changed or removed a saved payment method, and whether Stripe did it.
///
/// ```
/// use stripe_wasm::SavedPaymentMethodEvent;
/// let event: SavedPaymentMethodEvent = serde_json::from_str(
///     r#"{"elementType": "payment", "success": true,
///         "payment_method": {"id": "pm_1", "type": "card", "billing_details": {"name": "Jenny Rosen"}}}"#,
/// )
/// .unwrap();
/// assert!(event.success && event.error.is_none());
/// assert_eq!(event.payment_method.id, "pm_1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SavedPaymentMethodEvent {
    /// `payment`.
    pub element_type: String,
    /// Stripe updated (or removed) it.
    pub success: bool,
    /// Why not, when `success` is `false`.
    pub error: Option<String>,
    /// The payment method, as updated (or as it was before removal).
    #[serde(rename = "payment_method")]
    pub payment_method: SavedPaymentMethodDetails,
}

/// `payment_method` of the saved payment method events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SavedPaymentMethodDetails {
    /// `pm_…`.
    pub id: String,
    /// Its type (`card`, ...).
    #[serde(rename = "type")]
    pub type_: String,
    /// Its billing details (fields `None` when unknown).
    pub billing_details: crate::BillingDetails,
}

/// The Payment Element's `availablepaymentmethodschange`: which payment methods it can show.
///
/// ```
/// use stripe_wasm::AvailablePaymentMethodsChangeEvent;
/// let event: AvailablePaymentMethodsChangeEvent = serde_json::from_str(
///     r#"{"elementType": "payment",
///         "paymentMethods": {"card": {"available": true}, "konbini": {"available": false}}}"#,
/// )
/// .unwrap();
/// assert!(event.payment_methods.unwrap()["card"].available);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AvailablePaymentMethodsChangeEvent {
    /// `payment`.
    pub element_type: String,
    /// By payment method type (`card`, `konbini`, ...); `None` when Stripe.js does not say.
    pub payment_methods: Option<std::collections::BTreeMap<String, Availability>>,
}

/// Whether one payment method can be shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Availability {
    /// It can be shown now.
    pub available: bool,
}
