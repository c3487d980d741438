//! The Express Checkout Element (`elements.create('expressCheckout', options)`): wallet buttons
//! (Apple Pay, Google Pay, Link, PayPal, ...). The shopper clicks, the page answers within a
//! second what the wallet sheet must ask ([`ClickEvent::resolve`]), the sheet may ask the page
//! again when the shipping address or rate changes, and `confirm` hands over to
//! `elements.submit()` and a ConfirmationToken or `confirm_payment`, as with the Payment
//! Element.

use js_sys::Function;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::element::{RawEvent, warn_ignored};
use crate::interop::to_js;
use crate::{Element, ElementEvent, ElementOptions, Listener, StripeError};

/// Whether a wallet is offered: `auto` (when the shopper's browser has it), `never`, or (Apple
/// Pay and Google Pay only) `always`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WalletDisplay {
    Auto,
    Never,
    Always,
}

/// `paymentMethods`: which wallets to offer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpressPaymentMethods {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amazon_pay: Option<WalletDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apple_pay: Option<WalletDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub google_pay: Option<WalletDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<WalletDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paypal: Option<WalletDisplay>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub klarna: Option<WalletDisplay>,
}

/// `buttonType` / `buttonTheme`: per wallet, in the wallet's own names (`buy`, `check-out`,
/// `black`, `white-outline`, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PerWallet {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apple_pay: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub google_pay: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paypal: Option<String>,
}

/// `layout`: how many buttons per row and column before "More".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpressLayout {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_columns: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_rows: Option<u32>,
    /// `auto` or `never`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overflow: Option<String>,
}

/// A line of the wallet sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItem {
    pub name: String,
    /// In the currency's smallest unit.
    pub amount: i64,
}

/// A shipping option the sheet offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShippingRate {
    pub id: String,
    pub amount: i64,
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_estimate: Option<DeliveryEstimate>,
}

/// `deliveryEstimate`: free text, or a range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DeliveryEstimate {
    Text(String),
    Range {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minimum: Option<DeliveryTime>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        maximum: Option<DeliveryTime>,
    },
}

/// `{unit: 'hour' | 'day' | 'business_day' | 'week' | 'month', value}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTime {
    pub unit: String,
    pub value: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Business {
    pub name: String,
}

/// `elements.create('expressCheckout', options)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpressCheckoutElementOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_shipping_countries: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address_required: Option<bool>,
    /// Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business: Option<Business>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub button_height: Option<u32>,
    /// Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub button_theme: Option<PerWallet>,
    /// Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub button_type: Option<PerWallet>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<ExpressLayout>,
    /// Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<LineItem>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_order: Option<Vec<String>>,
    /// Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_methods: Option<ExpressPaymentMethods>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_address_required: Option<bool>,
    /// Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_rates: Option<Vec<ShippingRate>>,
}

impl ElementOptions for ExpressCheckoutElementOptions {
    /// Stripe.js's `StripeExpressCheckoutElementUpdateOptions`.
    fn updatable(&self) -> Self {
        Self {
            allowed_shipping_countries: self.allowed_shipping_countries.clone(),
            billing_address_required: self.billing_address_required,
            button_height: self.button_height,
            email_required: self.email_required,
            layout: self.layout.clone(),
            payment_method_order: self.payment_method_order.clone(),
            phone_number_required: self.phone_number_required,
            shipping_address_required: self.shipping_address_required,
            ..Self::default()
        }
    }
}

/// What the page answers a click with: what the wallet sheet must collect and show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClickResolveDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_shipping_countries: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business: Option<Business>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<LineItem>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_address_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_rates: Option<Vec<ShippingRate>>,
}

/// What the page answers a shipping address or rate change with: the new lines and rates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeResolveDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<LineItem>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_rates: Option<Vec<ShippingRate>>,
}

/// `ready`: which wallets the shopper's browser can use (none: hide the Element's place).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExpressCheckoutReadyEvent {
    pub element_type: String,
    pub available_payment_methods: Option<AvailableWallets>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AvailableWallets {
    pub amazon_pay: bool,
    pub apple_pay: bool,
    pub google_pay: bool,
    pub link: bool,
    pub paypal: bool,
    pub klarna: bool,
}

/// The answers an event carries: Stripe.js's `resolve` and `reject`.
#[derive(Debug, Clone)]
pub struct Answer {
    resolve: Option<Function>,
    reject: Option<Function>,
}

impl Answer {
    fn of(payload: &RawEvent) -> Self {
        Self { resolve: payload.function("resolve"), reject: payload.function("reject") }
    }

    fn resolve(&self, details: &impl Serialize) -> Result<(), StripeError> {
        let resolve = self.resolve.as_ref().ok_or_else(|| missing("resolve"))?;
        resolve.call1(&JsValue::UNDEFINED, &to_js(details)?).map(drop).map_err(crate::interop::thrown)
    }

    fn reject(&self) -> Result<(), StripeError> {
        let reject = self.reject.as_ref().ok_or_else(|| missing("reject"))?;
        reject.call0(&JsValue::UNDEFINED).map(drop).map_err(crate::interop::thrown)
    }
}

fn missing(name: &str) -> StripeError {
    StripeError::new(crate::ErrorType::IntegrationError, format!("Stripe.js sent the event without `{name}`"))
}

/// `click`: answer with [`ClickEvent::resolve`] within a second (Stripe shows no sheet
/// otherwise), or [`ClickEvent::reject`] to show none.
#[derive(Debug, Clone)]
pub struct ClickEvent {
    /// `apple_pay`, `google_pay`, `link`, `paypal`, `amazon_pay`, `klarna`.
    pub express_payment_type: String,
    answer: Answer,
}

impl ClickEvent {
    pub fn resolve(&self, details: &ClickResolveDetails) -> Result<(), StripeError> {
        self.answer.resolve(details)
    }

    pub fn reject(&self) -> Result<(), StripeError> {
        self.answer.reject()
    }
}

/// An address as the wallet gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ExpressAddress {
    pub line1: Option<String>,
    pub line2: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ExpressBillingDetails {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: ExpressAddress,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ExpressShippingAddress {
    pub name: String,
    pub address: ExpressAddress,
}

/// `shippingaddresschange`: the shopper picked an address (only city, state, postal code and
/// country until they pay); answer with the rates and lines for it, or reject it.
#[derive(Debug, Clone)]
pub struct ShippingAddressChangeEvent {
    pub name: String,
    pub address: ExpressAddress,
    answer: Answer,
}

/// `shippingratechange`: the shopper picked a rate; answer with the new lines.
#[derive(Debug, Clone)]
pub struct ShippingRateChangeEvent {
    pub shipping_rate: ShippingRate,
    answer: Answer,
}

macro_rules! change_answers {
    ($($event:ty),*) => {$(
        impl $event {
            pub fn resolve(&self, details: &ChangeResolveDetails) -> Result<(), StripeError> {
                self.answer.resolve(details)
            }

            pub fn reject(&self) -> Result<(), StripeError> {
                self.answer.reject()
            }
        }
    )*};
}
change_answers!(ShippingAddressChangeEvent, ShippingRateChangeEvent);

/// Why a wallet payment failed (`paymentFailed({reason})`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentFailedReason {
    Fail,
    InvalidShippingAddress,
    InvalidBillingAddress,
    InvalidPaymentData,
    AddressUnserviceable,
}

/// What `paymentFailed` is told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaymentFailedDetails {
    pub reason: PaymentFailedReason,
    /// Shown by some wallets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `confirm`: the shopper approved in the wallet. Go on as with the Payment Element
/// (`elements.submit()`, then a ConfirmationToken or `confirm_payment`), or tell the wallet it
/// failed with [`ConfirmEvent::payment_failed`].
#[derive(Debug, Clone)]
pub struct ConfirmEvent {
    pub express_payment_type: String,
    pub billing_details: Option<ExpressBillingDetails>,
    pub shipping_address: Option<ExpressShippingAddress>,
    pub shipping_rate: Option<ShippingRate>,
    payment_failed: Option<Function>,
}

impl ConfirmEvent {
    /// Closes the wallet sheet with a failure.
    pub fn payment_failed(&self, details: &PaymentFailedDetails) -> Result<(), StripeError> {
        let failed = self.payment_failed.as_ref().ok_or_else(|| missing("paymentFailed"))?;
        failed.call1(&JsValue::UNDEFINED, &to_js(details)?).map(drop).map_err(crate::interop::thrown)
    }
}

/// The typed parts of the events above, as Stripe.js sends them.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Typed {
    #[serde(default)]
    express_payment_type: String,
    #[serde(default)]
    billing_details: Option<ExpressBillingDetails>,
    #[serde(default)]
    shipping_address: Option<ExpressShippingAddress>,
    #[serde(default)]
    shipping_rate: Option<ShippingRate>,
    #[serde(default)]
    name: String,
    #[serde(default)]
    address: ExpressAddress,
}

impl Element {
    /// Listens to `event`, building `E` from the typed part of the payload and its answers.
    fn on_answered<E: 'static>(
        &self,
        event: &'static str,
        build: fn(Typed, &RawEvent) -> Option<E>,
        mut handler: impl FnMut(E) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on_raw(event, move |payload| match payload.decode::<Typed>() {
            Ok(typed) => match build(typed, &payload) {
                Some(built) => handler(built),
                None => warn_ignored(event, &missing("shippingRate")),
            },
            Err(err) => warn_ignored(event, &err),
        })
    }

    /// The Express Checkout Element's `ready`, with the wallets available.
    pub fn on_express_checkout_ready(
        &self,
        handler: impl FnMut(ExpressCheckoutReadyEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("ready", handler)
    }

    /// `click`: answer it within a second.
    pub fn on_click(&self, handler: impl FnMut(ClickEvent) + 'static) -> Result<Listener, StripeError> {
        self.on_answered(
            "click",
            |typed, raw| Some(ClickEvent { express_payment_type: typed.express_payment_type, answer: Answer::of(raw) }),
            handler,
        )
    }

    /// `confirm`: the shopper approved the payment in the wallet.
    pub fn on_confirm(&self, handler: impl FnMut(ConfirmEvent) + 'static) -> Result<Listener, StripeError> {
        self.on_answered(
            "confirm",
            |typed, raw| {
                Some(ConfirmEvent {
                    express_payment_type: typed.express_payment_type,
                    billing_details: typed.billing_details,
                    shipping_address: typed.shipping_address,
                    shipping_rate: typed.shipping_rate,
                    payment_failed: raw.function("paymentFailed"),
                })
            },
            handler,
        )
    }

    /// `cancel`: the shopper closed the wallet sheet.
    pub fn on_cancel(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("cancel", handler)
    }

    pub fn on_shipping_address_change(
        &self,
        handler: impl FnMut(ShippingAddressChangeEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on_answered(
            "shippingaddresschange",
            |typed, raw| {
                Some(ShippingAddressChangeEvent { name: typed.name, address: typed.address, answer: Answer::of(raw) })
            },
            handler,
        )
    }

    pub fn on_shipping_rate_change(
        &self,
        handler: impl FnMut(ShippingRateChangeEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on_answered(
            "shippingratechange",
            |typed, raw| Some(ShippingRateChangeEvent { shipping_rate: typed.shipping_rate?, answer: Answer::of(raw) }),
            handler,
        )
    }
}
