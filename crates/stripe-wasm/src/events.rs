//! Payloads of Element events. Every field defaults, so an event Stripe.js extends stays
//! readable.

use serde::Deserialize;

use crate::StripeError;

/// `change`: whether the shopper's input is complete, and which method is selected
/// (`value.payment_method` is set when a saved payment method is selected).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ChangeEvent {
    pub element_type: String,
    pub empty: bool,
    pub complete: bool,
    pub collapsed: bool,
    pub value: ChangeValue,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ChangeValue {
    #[serde(rename = "type")]
    pub type_: Option<String>,
    pub payment_method: Option<SavedPaymentMethod>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct SavedPaymentMethod {
    pub id: String,
    #[serde(rename = "type")]
    pub type_: String,
}

/// `ready`, `focus`, `blur`, `escape`, `loaderstart`: only say which element.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ElementEvent {
    pub element_type: String,
}

/// `loaderror`: the Element could not load (bad key, blocked network, ...).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadErrorEvent {
    #[serde(default)]
    pub element_type: String,
    pub error: StripeError,
}

/// The Address Element's `change` event, and what `getValue()` resolves with.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AddressChangeEvent {
    pub element_type: String,
    pub empty: bool,
    pub complete: bool,
    pub is_new_address: bool,
    pub value: AddressValue,
}

/// A name, an address and maybe a phone number, as the Address Element collected them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct AddressValue {
    pub name: String,
    pub address: crate::Address,
    pub phone: Option<String>,
}

impl AddressValue {
    /// As `shipping` for `createConfirmationToken`.
    pub fn to_shipping(&self) -> crate::Shipping {
        crate::Shipping { name: Some(self.name.clone()), address: self.address.clone(), phone: self.phone.clone() }
    }
}

/// The Payment Element's `carddetailschange`: the brands the card number typed so far may be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CardDetailsChangeEvent {
    pub element_type: String,
    /// Stripe is still working the details out.
    pub loading: bool,
    pub details: Option<CardDetails>,
}

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
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SavedPaymentMethodEvent {
    pub element_type: String,
    pub success: bool,
    pub error: Option<String>,
    #[serde(rename = "payment_method")]
    pub payment_method: SavedPaymentMethodDetails,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SavedPaymentMethodDetails {
    pub id: String,
    #[serde(rename = "type")]
    pub type_: String,
    pub billing_details: crate::BillingDetails,
}

/// The Payment Element's `availablepaymentmethodschange`: which payment methods it can show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AvailablePaymentMethodsChangeEvent {
    pub element_type: String,
    pub payment_methods: Option<std::collections::BTreeMap<String, Availability>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Availability {
    pub available: bool,
}
