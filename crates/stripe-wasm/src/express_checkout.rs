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
    /// `auto`: when the shopper's browser and device have it (Stripe's default).
    Auto,
    /// `never`: not offered.
    Never,
    /// `always` (Apple Pay and Google Pay only): shown even where it is not set up yet.
    Always,
}

/// `paymentMethods`: which wallets to offer; `None` for Stripe's `auto`.
///
/// ```
/// use stripe_wasm::{ExpressPaymentMethods, WalletDisplay};
/// let wallets = ExpressPaymentMethods {
///     apple_pay: Some(WalletDisplay::Always),
///     paypal: Some(WalletDisplay::Never),
///     ..Default::default()
/// };
/// assert_eq!(serde_json::to_value(&wallets).unwrap(), serde_json::json!({"applePay": "always", "paypal": "never"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpressPaymentMethods {
    /// Amazon Pay (`auto` or `never`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amazon_pay: Option<WalletDisplay>,
    /// Apple Pay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apple_pay: Option<WalletDisplay>,
    /// Google Pay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub google_pay: Option<WalletDisplay>,
    /// Link (`auto` or `never`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<WalletDisplay>,
    /// PayPal (`auto` or `never`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paypal: Option<WalletDisplay>,
    /// Klarna (`auto` or `never`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub klarna: Option<WalletDisplay>,
}

/// `buttonType` / `buttonTheme`: per wallet, in the wallet's own names (`buy`, `check-out`,
/// `black`, `white-outline`, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PerWallet {
    /// Apple Pay's: theme `black`, `white`, `white-outline`; type `buy`, `check-out`, `book`,
    /// `donate`, `order`, `plain`, `subscribe`, ….
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apple_pay: Option<String>,
    /// Google Pay's: theme `black`, `white`; type `buy`, `checkout`, `book`, `donate`, `order`,
    /// `pay`, `plain`, `subscribe`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub google_pay: Option<String>,
    /// PayPal's: theme `gold`, `blue`, `silver`, `white`, `black`; type `paypal`, `buynow`,
    /// `checkout`, `pay`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paypal: Option<String>,
}

/// `layout`: how many buttons per row and column before "More".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpressLayout {
    /// The most buttons in a row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_columns: Option<u32>,
    /// The most rows of buttons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_rows: Option<u32>,
    /// `auto` (a "More" button for the rest) or `never` (show them all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overflow: Option<String>,
}

/// A line of the wallet sheet (`lineItems`); their sum should be the group's amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineItem {
    /// What the shopper sees (`Subtotal`, `Tax`, a product).
    pub name: String,
    /// In the currency's smallest unit.
    pub amount: i64,
}

/// A shipping option the sheet offers (`shippingRates`), and the one the shopper picked.
///
/// ```
/// use stripe_wasm::{DeliveryEstimate, DeliveryTime, ShippingRate};
/// let rate = ShippingRate {
///     id: "standard".into(),
///     amount: 0,
///     display_name: "Standard".into(),
///     delivery_estimate: Some(DeliveryEstimate::Range {
///         minimum: Some(DeliveryTime { unit: "business_day".into(), value: 3 }),
///         maximum: Some(DeliveryTime { unit: "business_day".into(), value: 5 }),
///     }),
/// };
/// assert_eq!(
///     serde_json::to_value(&rate).unwrap(),
///     serde_json::json!({"id": "standard", "amount": 0, "displayName": "Standard", "deliveryEstimate":
///         {"minimum": {"unit": "business_day", "value": 3}, "maximum": {"unit": "business_day", "value": 5}}})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShippingRate {
    /// The page's id for it, given back in `shippingratechange` and `confirm`.
    pub id: String,
    /// Its price, in the currency's smallest unit.
    pub amount: i64,
    /// What the shopper sees.
    pub display_name: String,
    /// When it arrives; `None` to say nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_estimate: Option<DeliveryEstimate>,
}

/// `deliveryEstimate`: free text, or a range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DeliveryEstimate {
    /// As the shopper reads it (`"Tomorrow"`).
    Text(String),
    /// Between two times from now.
    Range {
        /// The earliest.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minimum: Option<DeliveryTime>,
        /// The latest.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        maximum: Option<DeliveryTime>,
    },
}

/// `{unit: 'hour' | 'day' | 'business_day' | 'week' | 'month', value}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTime {
    /// `hour`, `day`, `business_day`, `week` or `month`.
    pub unit: String,
    /// How many of them.
    pub value: u32,
}

/// `business`: the business the wallet sheet names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Business {
    /// Its name (the Stripe account's, if not given).
    pub name: String,
}

/// `elements.create('expressCheckout', options)`. What the sheet collects may also be given per
/// click ([`ClickResolveDetails`]).
///
/// ```
/// use stripe_wasm::{ExpressCheckoutElementOptions, ExpressLayout};
/// let options = ExpressCheckoutElementOptions {
///     email_required: Some(true),
///     layout: Some(ExpressLayout { max_columns: Some(2), ..Default::default() }),
///     ..Default::default()
/// };
/// assert_eq!(
///     serde_json::to_value(&options).unwrap(),
///     serde_json::json!({"emailRequired": true, "layout": {"maxColumns": 2}})
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpressCheckoutElementOptions {
    /// Two-letter ISO codes of the countries the page ships to; `None` for all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_shipping_countries: Option<Vec<String>>,
    /// The sheet asks for the billing address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address_required: Option<bool>,
    /// The business the sheet names. Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business: Option<Business>,
    /// The buttons' height in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub button_height: Option<u32>,
    /// Each wallet's button colour. Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub button_theme: Option<PerWallet>,
    /// Each wallet's button label. Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub button_type: Option<PerWallet>,
    /// The sheet asks for the email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_required: Option<bool>,
    /// How the buttons are laid out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<ExpressLayout>,
    /// The sheet's lines. Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<LineItem>>,
    /// The order of the buttons by wallet (`apple_pay`, `google_pay`, `link`, `paypal`, ...);
    /// `None` for Stripe's order for each shopper.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_order: Option<Vec<String>>,
    /// Which wallets to offer. Set at creation only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_methods: Option<ExpressPaymentMethods>,
    /// The sheet asks for a phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_required: Option<bool>,
    /// The sheet asks for a shipping address (then answer `shippingaddresschange`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_address_required: Option<bool>,
    /// The shipping options, the first one selected. Set at creation only.
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

/// What the page answers a click with: what the wallet sheet must collect and show (Stripe.js
/// marks all but `line_items` and `shipping_rates` deprecated here: prefer setting them in
/// [`ExpressCheckoutElementOptions`]).
///
/// ```
/// use stripe_wasm::{ClickResolveDetails, LineItem};
/// let details = ClickResolveDetails {
///     line_items: Some(vec![LineItem { name: "Ferris plush".into(), amount: 2499 }]),
///     ..Default::default()
/// };
/// assert_eq!(
///     serde_json::to_value(&details).unwrap(),
///     serde_json::json!({"lineItems": [{"name": "Ferris plush", "amount": 2499}]})
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClickResolveDetails {
    /// Two-letter ISO codes of the countries the page ships to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_shipping_countries: Option<Vec<String>>,
    /// The sheet asks for the billing address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address_required: Option<bool>,
    /// The business the sheet names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business: Option<Business>,
    /// The sheet asks for the email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_required: Option<bool>,
    /// The sheet's lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<LineItem>>,
    /// The sheet asks for a phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number_required: Option<bool>,
    /// The sheet asks for a shipping address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_address_required: Option<bool>,
    /// The shipping options.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_rates: Option<Vec<ShippingRate>>,
}

/// What the page answers a shipping address or rate change with: the new lines and rates.
///
/// ```
/// use stripe_wasm::{ChangeResolveDetails, LineItem};
/// let details = ChangeResolveDetails {
///     line_items: Some(vec![LineItem { name: "Shipping".into(), amount: 900 }]),
///     shipping_rates: None,
/// };
/// assert_eq!(
///     serde_json::to_value(&details).unwrap(),
///     serde_json::json!({"lineItems": [{"name": "Shipping", "amount": 900}]})
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeResolveDetails {
    /// The sheet's lines for this address or rate; `None` to keep them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_items: Option<Vec<LineItem>>,
    /// The shipping options for this address; `None` to keep them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_rates: Option<Vec<ShippingRate>>,
}

/// `ready`: which wallets the shopper's browser can use (none: hide the Element's place).
///
/// ```
/// use stripe_wasm::ExpressCheckoutReadyEvent;
/// let event: ExpressCheckoutReadyEvent = serde_json::from_str(
///     r#"{"elementType": "expressCheckout", "availablePaymentMethods": {"applePay": false, "googlePay": true,
///         "link": true, "paypal": false, "amazonPay": false, "klarna": false}}"#,
/// )
/// .unwrap();
/// assert!(event.available_payment_methods.unwrap().google_pay);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExpressCheckoutReadyEvent {
    /// `expressCheckout`.
    pub element_type: String,
    /// The wallets that may show; `None` when none can.
    pub available_payment_methods: Option<AvailableWallets>,
}

/// `availablePaymentMethods` of the Express Checkout Element's `ready`: `true` for each wallet
/// that may show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AvailableWallets {
    /// Amazon Pay.
    pub amazon_pay: bool,
    /// Apple Pay.
    pub apple_pay: bool,
    /// Google Pay.
    pub google_pay: bool,
    /// Link.
    pub link: bool,
    /// PayPal.
    pub paypal: bool,
    /// Klarna.
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
/// otherwise), or [`ClickEvent::reject`] to show none. Given by [`Element::on_click`].
#[derive(Debug, Clone)]
pub struct ClickEvent {
    /// `apple_pay`, `google_pay`, `link`, `paypal`, `amazon_pay`, `klarna`.
    pub express_payment_type: String,
    answer: Answer,
}

impl ClickEvent {
    /// `event.resolve(details)`: opens the wallet sheet with these details. An `Err` only if
    /// Stripe.js sent no `resolve` or it threw.
    ///
    /// ```no_run
    /// use stripe_wasm::{ClickResolveDetails, LineItem};
    /// # fn example(wallets: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = wallets.on_click(|click| {
    ///     let lines = vec![LineItem { name: "Ferris plush".into(), amount: 2499 }];
    ///     let _ = click.resolve(&ClickResolveDetails { line_items: Some(lines), ..Default::default() });
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn resolve(&self, details: &ClickResolveDetails) -> Result<(), StripeError> {
        self.answer.resolve(details)
    }

    /// `event.reject()`: no sheet (e.g. the cart is empty).
    ///
    /// ```no_run
    /// # fn example(wallets: &stripe_wasm::Element, cart_is_empty: bool) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = wallets.on_click(move |click| {
    ///     if cart_is_empty {
    ///         let _ = click.reject();
    ///     }
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn reject(&self) -> Result<(), StripeError> {
        self.answer.reject()
    }
}

/// An address as the wallet gives it (in `shippingaddresschange` only city, state, postal code
/// and country: the rest is `None` until the shopper pays).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ExpressAddress {
    /// Street address.
    pub line1: Option<String>,
    /// Apartment, suite, unit; `None` when empty.
    pub line2: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State, county, province or region.
    pub state: Option<String>,
    /// ZIP or postal code.
    pub postal_code: Option<String>,
    /// Two-letter ISO country code.
    pub country: Option<String>,
}

/// `billingDetails` of the Express Checkout Element's `confirm`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ExpressBillingDetails {
    /// The payer's name.
    pub name: String,
    /// Their email, when `email_required`.
    pub email: Option<String>,
    /// Their phone number, when `phone_number_required`.
    pub phone: Option<String>,
    /// The billing address.
    pub address: ExpressAddress,
}

/// `shippingAddress` of the Express Checkout Element's `confirm`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ExpressShippingAddress {
    /// The recipient's name.
    pub name: String,
    /// The full shipping address.
    pub address: ExpressAddress,
}

/// `shippingaddresschange`: the shopper picked an address (only city, state, postal code and
/// country until they pay); answer with the rates and lines for it, or reject it. Given by
/// [`Element::on_shipping_address_change`].
#[derive(Debug, Clone)]
pub struct ShippingAddressChangeEvent {
    /// The recipient's name.
    pub name: String,
    /// The partial address: city, state, postal code, country.
    pub address: ExpressAddress,
    answer: Answer,
}

/// `shippingratechange`: the shopper picked a rate; answer with the new lines. Given by
/// [`Element::on_shipping_rate_change`].
#[derive(Debug, Clone)]
pub struct ShippingRateChangeEvent {
    /// The rate picked (one of those the page gave).
    pub shipping_rate: ShippingRate,
    answer: Answer,
}

macro_rules! change_answers {
    ($($event:ty),*) => {$(
        impl $event {
            /// `event.resolve(details)`: the sheet goes on with these lines and rates (`None`
            /// fields keep theirs). See [`Element::on_shipping_address_change`] for an example.
            pub fn resolve(&self, details: &ChangeResolveDetails) -> Result<(), StripeError> {
                self.answer.resolve(details)
            }

            /// `event.reject()`: the sheet says the page cannot ship there (or with that rate).
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
    /// `fail`: a general failure.
    Fail,
    /// `invalid_shipping_address`.
    InvalidShippingAddress,
    /// `invalid_billing_address`.
    InvalidBillingAddress,
    /// `invalid_payment_data`.
    InvalidPaymentData,
    /// `address_unserviceable`: the page does not deliver there.
    AddressUnserviceable,
}

/// What `paymentFailed` is told.
///
/// ```
/// use stripe_wasm::{PaymentFailedDetails, PaymentFailedReason};
/// let details = PaymentFailedDetails { reason: PaymentFailedReason::AddressUnserviceable, message: None };
/// assert_eq!(serde_json::to_value(&details).unwrap(), serde_json::json!({"reason": "address_unserviceable"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaymentFailedDetails {
    /// Why: the sheet shows a matching error.
    pub reason: PaymentFailedReason,
    /// Shown by some wallets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// `confirm`: the shopper approved in the wallet. Go on as with the Payment Element
/// (`elements.submit()`, then a ConfirmationToken or `confirm_payment`), or tell the wallet it
/// failed with [`ConfirmEvent::payment_failed`]. Given by [`Element::on_confirm`].
#[derive(Debug, Clone)]
pub struct ConfirmEvent {
    /// The wallet used: `apple_pay`, `google_pay`, `link`, `paypal`, `amazon_pay`, `klarna`.
    pub express_payment_type: String,
    /// The payer's details, when the wallet gives them.
    pub billing_details: Option<ExpressBillingDetails>,
    /// Where to ship, when `shipping_address_required`.
    pub shipping_address: Option<ExpressShippingAddress>,
    /// The shipping rate chosen, when there were rates.
    pub shipping_rate: Option<ShippingRate>,
    payment_failed: Option<Function>,
}

impl ConfirmEvent {
    /// `event.paymentFailed(details)`: closes the wallet sheet with a failure (e.g. the server
    /// refused the order).
    ///
    /// ```no_run
    /// use stripe_wasm::{PaymentFailedDetails, PaymentFailedReason};
    /// # fn example(wallets: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = wallets.on_confirm(|confirm| {
    ///     let failed =
    ///         PaymentFailedDetails { reason: PaymentFailedReason::Fail, message: Some("Out of stock".into()) };
    ///     let _ = confirm.payment_failed(&failed);
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
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
    ///
    /// ```no_run
    /// # fn example(wallets: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = wallets.on_express_checkout_ready(|event| {
    ///     if event.available_payment_methods.is_none() { /* no wallet: hide the Element's place */ }
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_express_checkout_ready(
        &self,
        handler: impl FnMut(ExpressCheckoutReadyEvent) + 'static,
    ) -> Result<Listener, StripeError> {
        self.on("ready", handler)
    }

    /// `click`: answer it within a second ([`ClickEvent::resolve`] or [`ClickEvent::reject`]).
    ///
    /// ```no_run
    /// # fn example(wallets: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// use stripe_wasm::ClickResolveDetails;
    /// let _listener = wallets.on_click(|click| {
    ///     // click.express_payment_type: "apple_pay", "google_pay", ...
    ///     let _ = click.resolve(&ClickResolveDetails::default());
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_click(&self, handler: impl FnMut(ClickEvent) + 'static) -> Result<Listener, StripeError> {
        self.on_answered(
            "click",
            |typed, raw| Some(ClickEvent { express_payment_type: typed.express_payment_type, answer: Answer::of(raw) }),
            handler,
        )
    }

    /// `confirm`: the shopper approved the payment in the wallet. Continue as with the Payment
    /// Element: `elements.submit()`, then a ConfirmationToken or `confirm_payment`.
    ///
    /// ```no_run
    /// use stripe_wasm::{ConfirmationTokenParams, Elements, Stripe, StripeError};
    /// # fn example(wallets: &stripe_wasm::Element, stripe: Stripe, elements: Elements) -> Result<(), StripeError> {
    /// let _listener = wallets.on_confirm(move |confirm| {
    ///     let (stripe, elements) = (stripe.clone(), elements.clone());
    ///     wasm_bindgen_futures::spawn_local(async move {
    ///         if elements.submit().await.is_ok() {
    ///             let token = stripe.create_confirmation_token(&elements, &ConfirmationTokenParams::default()).await;
    ///             // Send the token's id to your server.
    ///         }
    ///     });
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
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
    ///
    /// ```no_run
    /// # fn example(wallets: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// let _listener = wallets.on_cancel(|_| { /* e.g. release the reserved stock */ })?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_cancel(&self, handler: impl FnMut(ElementEvent) + 'static) -> Result<Listener, StripeError> {
        self.on("cancel", handler)
    }

    /// `shippingaddresschange`: answer with [`ShippingAddressChangeEvent::resolve`] (the rates and
    /// lines for that address) or [`ShippingAddressChangeEvent::reject`].
    ///
    /// ```no_run
    /// # fn example(wallets: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// use stripe_wasm::{ChangeResolveDetails, ShippingRate};
    /// let _listener = wallets.on_shipping_address_change(|change| {
    ///     if change.address.country.as_deref() == Some("US") {
    ///         let rate =
    ///             ShippingRate { id: "us".into(), amount: 500, display_name: "USPS".into(), delivery_estimate: None };
    ///         let details = ChangeResolveDetails { shipping_rates: Some(vec![rate]), ..Default::default() };
    ///         let _ = change.resolve(&details);
    ///     } else {
    ///         let _ = change.reject();
    ///     }
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
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

    /// `shippingratechange`: answer with [`ShippingRateChangeEvent::resolve`] (the lines with that
    /// rate) or [`ShippingRateChangeEvent::reject`].
    ///
    /// ```no_run
    /// # fn example(wallets: &stripe_wasm::Element) -> Result<(), stripe_wasm::StripeError> {
    /// use stripe_wasm::{ChangeResolveDetails, LineItem};
    /// let _listener = wallets.on_shipping_rate_change(|change| {
    ///     let rate = &change.shipping_rate;
    ///     let shipping = LineItem { name: rate.display_name.clone(), amount: rate.amount };
    ///     let _ = change.resolve(&ChangeResolveDetails { line_items: Some(vec![shipping]), ..Default::default() });
    /// })?;
    /// # Ok(())
    /// # }
    /// ```
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
