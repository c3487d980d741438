//! Options passed to Stripe.js, as serde structs in Stripe.js's own (camelCase) names.
//! `None` fields are left out, so Stripe.js applies its defaults.

use std::collections::BTreeMap;

use serde::Serialize;

/// `mode` of a deferred-intent `stripe.elements()`: which intent the server will create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// `payment`: a PaymentIntent, for `amount` in `currency`.
    Payment,
    /// `setup`: a SetupIntent, to save a payment method for later (no amount).
    Setup,
    /// `subscription`: a subscription's first invoice, for `amount` in `currency`.
    Subscription,
}

/// `paymentMethodCreation: 'manual'`: needed for `createPaymentMethod` with deferred intents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentMethodCreation {
    /// `manual`: the page may create PaymentMethods from the group.
    Manual,
}

/// `stripe.elements(options)`: for a deferred intent (no intent yet: mode, amount and currency
/// decide which payment methods are shown; [`ElementsOptions::payment`],
/// [`ElementsOptions::setup`]), or for an intent the server made first (its client secret,
/// [`ElementsOptions::for_intent`]: the intent decides). The options that only a deferred intent
/// takes (mode, amount, setupFutureUsage, captureMethod, the payment method types, onBehalfOf)
/// are refused with a client secret, as Stripe.js's types refuse them.
///
/// ```
/// use stripe_wasm::{ElementsOptions, Loader};
/// let options = ElementsOptions {
///     locale: Some("ja".into()),
///     loader: Some(Loader::Always),
///     ..ElementsOptions::payment(5098, "usd")
/// };
/// // What `stripe.elements()` gets.
/// assert_eq!(
///     serde_json::to_value(&options).unwrap(),
///     serde_json::json!({"mode": "payment", "amount": 5098, "currency": "usd", "locale": "ja", "loader": "always"})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementsOptions {
    /// Deferred intent: which intent the server will create; `None` with a client secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    /// Deferred `payment` and `subscription` modes: what will be charged, in the currency's
    /// smallest unit; shown by wallets and buy-now-pay-later methods, and decides which payment
    /// methods are offered. `None` for `setup` and with a client secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    /// Three-letter ISO code, lower case (`usd`); required with `payment` and `subscription`.
    /// With a client secret, only for a SetupIntent, to filter its payment methods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The client secret of a PaymentIntent or SetupIntent (`pi_…_secret_…`, `seti_…_secret_…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// `manual` to allow [`Stripe::create_payment_method`](crate::Stripe::create_payment_method)
    /// with this group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_creation: Option<PaymentMethodCreation>,
    /// The Appearance API: the group's Elements styled to match the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appearance: Option<Appearance>,
    /// An IETF language tag (`ja`, `fr-CA`) for the Elements' placeholders and errors; Stripe's
    /// default `auto` follows the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Whether Elements show a loading skeleton while they load, after they are mounted
    /// (Stripe's default: `auto`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loader: Option<Loader>,
    /// Deferred intent: `off_session` or `on_session` to save the payment method for later
    /// payments (shows the matching terms); must match the intent the server creates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setup_future_usage: Option<String>,
    /// Deferred intent: `automatic` (Stripe's default), `automatic_async` or `manual`
    /// (authorise now, capture later); must match the intent the server creates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture_method: Option<String>,
    /// Deferred intent: payment method types to offer (`card`, `konbini`, ...; the endive
    /// train's name for the older `paymentMethodTypes`); `None` for those the Dashboard enables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_payment_method_types: Option<Vec<String>>,
    /// Deferred intent: payment method types never to offer (`paypal`, ...), of those the
    /// Dashboard enables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_payment_method_types: Option<Vec<String>>,
    /// Deferred intent, Connect: the connected account (`acct_…`) that is the business of
    /// record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    /// A CustomerSession's client secret (made by the server), to show the customer's saved
    /// payment methods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_session_client_secret: Option<String>,
}

/// `loader` of `stripe.elements()`: the skeleton the Payment and Link Authentication Elements
/// (and Stripe.js's `shippingAddress` and `contactDetails`) show while they load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Loader {
    /// `auto`: Stripe decides (its default).
    Auto,
    /// `always`: show the skeleton.
    Always,
    /// `never`: show nothing until loaded (the page shows its own placeholder).
    Never,
}

/// The `stripe.elements()` options Stripe lets `elements.update()` change (from
/// `StripeElementsUpdateOptions` in @stripe/stripe-js); any other change needs a new group.
///
/// ```
/// use stripe_wasm::UPDATABLE_ELEMENTS_OPTIONS;
/// assert!(UPDATABLE_ELEMENTS_OPTIONS.contains(&"amount"));
/// assert!(!UPDATABLE_ELEMENTS_OPTIONS.contains(&"clientSecret"));
/// ```
pub const UPDATABLE_ELEMENTS_OPTIONS: &[&str] = &[
    "mode",
    "amount",
    "currency",
    "appearance",
    "locale",
    "fonts",
    "setupFutureUsage",
    "captureMethod",
    "excludedPaymentMethodTypes",
    "allowedPaymentMethodTypes",
    "paymentMethodConfiguration",
    "onBehalfOf",
    "customerSessionClientSecret",
    "customPaymentMethods",
];

impl ElementsOptions {
    /// Deferred-intent options for a one-off payment of `amount` in `currency`.
    ///
    /// ```
    /// use stripe_wasm::{ElementsOptions, PaymentMethodCreation};
    /// let options = ElementsOptions {
    ///     payment_method_creation: Some(PaymentMethodCreation::Manual),
    ///     ..ElementsOptions::payment(1099, "usd")
    /// };
    /// assert_eq!(
    ///     serde_json::to_value(&options).unwrap(),
    ///     serde_json::json!({"mode": "payment", "amount": 1099, "currency": "usd", "paymentMethodCreation": "manual"})
    /// );
    /// ```
    pub fn payment(amount: i64, currency: impl Into<String>) -> Self {
        Self { mode: Some(Mode::Payment), amount: Some(amount), currency: Some(currency.into()), ..Self::empty() }
    }

    /// Deferred-intent options for saving a payment method in `currency` (a SetupIntent later).
    ///
    /// ```
    /// use stripe_wasm::ElementsOptions;
    /// assert_eq!(
    ///     serde_json::to_value(ElementsOptions::setup("eur")).unwrap(),
    ///     serde_json::json!({"mode": "setup", "currency": "eur"})
    /// );
    /// ```
    pub fn setup(currency: impl Into<String>) -> Self {
        Self { mode: Some(Mode::Setup), currency: Some(currency.into()), ..Self::empty() }
    }

    /// Options for the PaymentIntent or SetupIntent whose client secret this is: Elements show
    /// what the intent allows, and `confirm_payment` / `confirm_setup` confirm it.
    ///
    /// ```
    /// use stripe_wasm::ElementsOptions;
    /// let options = ElementsOptions::for_intent("pi_123_secret_456");
    /// assert_eq!(serde_json::to_value(&options).unwrap(), serde_json::json!({"clientSecret": "pi_123_secret_456"}));
    /// ```
    pub fn for_intent(client_secret: impl Into<String>) -> Self {
        Self { client_secret: Some(client_secret.into()), ..Self::empty() }
    }

    fn empty() -> Self {
        Self {
            mode: None,
            amount: None,
            currency: None,
            client_secret: None,
            payment_method_creation: None,
            appearance: None,
            locale: None,
            loader: None,
            setup_future_usage: None,
            capture_method: None,
            allowed_payment_method_types: None,
            excluded_payment_method_types: None,
            on_behalf_of: None,
            customer_session_client_secret: None,
        }
    }

    /// What Stripe.js would refuse: a group is for a client secret or for a mode, never both;
    /// the deferred-intent options need a mode.
    pub(crate) fn check(&self) -> Result<(), String> {
        let deferred_only = [
            ("mode", self.mode.is_some()),
            ("amount", self.amount.is_some()),
            ("setupFutureUsage", self.setup_future_usage.is_some()),
            ("captureMethod", self.capture_method.is_some()),
            ("allowedPaymentMethodTypes", self.allowed_payment_method_types.is_some()),
            ("excludedPaymentMethodTypes", self.excluded_payment_method_types.is_some()),
            ("onBehalfOf", self.on_behalf_of.is_some()),
        ];
        match (&self.client_secret, self.mode) {
            (Some(_), _) => match deferred_only.iter().find(|(_, set)| *set) {
                Some((name, _)) => Err(format!("stripe.elements(): `{name}` cannot be used with a `clientSecret`")),
                None => Ok(()),
            },
            (None, None) => {
                Err("stripe.elements(): either `mode` (a deferred intent) or `clientSecret` is needed".into())
            }
            (None, Some(_)) => Ok(()),
        }
    }
}

/// `appearance.theme`: the base look the variables and rules adjust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// `stripe`: light (Stripe's default).
    Stripe,
    /// `night`: dark.
    Night,
    /// `flat`: light, borderless.
    Flat,
}

/// The Appearance API: a theme, variables (`colorPrimary`, `fontFamily`, `borderRadius`, ...)
/// and per-selector rules (`appearance` of `stripe.elements()` and `elements.update()`).
///
/// ```
/// use stripe_wasm::{Appearance, Theme};
/// let appearance = Appearance {
///     theme: Some(Theme::Flat),
///     variables: [("colorPrimary".to_owned(), "#5b3cc4".to_owned())].into(),
///     rules: [(".Input".to_owned(), [("border".to_owned(), "1px solid #ccc".to_owned())].into())].into(),
/// };
/// assert_eq!(
///     serde_json::to_value(&appearance).unwrap(),
///     serde_json::json!({"theme": "flat", "variables": {"colorPrimary": "#5b3cc4"},
///         "rules": {".Input": {"border": "1px solid #ccc"}}})
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Appearance {
    /// The base theme; `None` for Stripe's `stripe`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// CSS values by Stripe's variable names (`colorPrimary`, `colorBackground`, `fontFamily`,
    /// `borderRadius`, `spacingUnit`, ...); left out when empty.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub variables: BTreeMap<String, String>,
    /// CSS properties by Stripe's selectors (`.Input`, `.Input:focus`, `.Tab--selected`,
    /// `.Label`, ...); left out when empty.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, BTreeMap<String, String>>,
}

/// `layout.type` of the Payment Element (or the whole `layout` through [`Layout::from`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LayoutType {
    /// `tabs`: a tab per payment method.
    Tabs,
    /// `accordion`: a row per payment method, opened when chosen.
    Accordion,
    /// Stripe picks tabs or accordion for the space the Element has.
    Auto,
}

/// `layout.radios`: radio buttons beside the accordion's payment methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Radios {
    /// `auto`: Stripe decides.
    Auto,
    /// `always`: beside every method.
    Always,
    /// `never`: no radio buttons.
    Never,
    /// Only when there is more than one payment method to choose from.
    IfMultiple,
}

/// `layout.paymentMethodLogoPosition`: where the accordion shows each method's logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogoPosition {
    /// `start`: before the name (Stripe's default).
    Start,
    /// `end`: after the name.
    End,
}

/// `layout: {type, defaultCollapsed, radios, spacedAccordionItems, visibleAccordionItemsCount,
/// paymentMethodLogoPosition}` (Stripe.js's `LayoutObject`) of the Payment Element.
///
/// ```
/// use stripe_wasm::{Layout, LayoutType, Radios};
/// let layout = Layout { radios: Some(Radios::IfMultiple), ..LayoutType::Accordion.into() };
/// assert_eq!(
///     serde_json::to_value(&layout).unwrap(),
///     serde_json::json!({"type": "accordion", "radios": "if_multiple"})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    /// `type`: tabs, accordion or auto.
    #[serde(rename = "type")]
    pub type_: LayoutType,
    /// Accordion: whether it starts with no method open. Set at creation only: `update()`
    /// cannot change it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_collapsed: Option<bool>,
    /// Accordion: radio buttons beside the methods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub radios: Option<Radios>,
    /// Accordion: the methods as separate boxes rather than one list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spaced_accordion_items: Option<bool>,
    /// Accordion: how many items show before "More"; 0 shows them all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visible_accordion_items_count: Option<u32>,
    /// Accordion: where each method's logo is. Set at creation only: `update()` cannot change
    /// it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_logo_position: Option<LogoPosition>,
}

impl From<LayoutType> for Layout {
    fn from(type_: LayoutType) -> Self {
        Self {
            type_,
            default_collapsed: None,
            radios: None,
            spaced_accordion_items: None,
            visible_accordion_items_count: None,
            payment_method_logo_position: None,
        }
    }
}

/// An Element's options, and the part of them `element.update()` accepts: Stripe.js rejects
/// (or ignores) keys that can only be set at creation, so updates never send them.
/// Implemented by every options struct here; implement it for your own options of an Element
/// these bindings do not type (by default everything may be updated).
///
/// ```
/// use stripe_wasm::{ElementOptions, Layout, LayoutType, LogoPosition, PaymentElementOptions};
/// let options = PaymentElementOptions {
///     layout: Some(Layout { payment_method_logo_position: Some(LogoPosition::End), ..LayoutType::Accordion.into() }),
/// };
/// // `paymentMethodLogoPosition` is set at creation only.
/// let update = serde_json::to_value(options.updatable()).unwrap();
/// assert_eq!(update, serde_json::json!({"layout": {"type": "accordion"}}));
///
/// // Your own options for an Element these bindings do not type.
/// #[derive(Clone, serde::Serialize)]
/// struct TaxIdOptions {
///     /// `always`, `never` or `auto`.
///     visibility: String,
/// }
/// impl ElementOptions for TaxIdOptions {}
/// ```
pub trait ElementOptions: Serialize + Clone {
    /// These options without what only creation may set.
    fn updatable(&self) -> Self {
        self.clone()
    }
}

/// `elements.create('payment', options)`: the Payment Element's options these bindings type
/// (its other options, e.g. `fields` or `wallets`, are not typed yet: pass your own
/// [`ElementOptions`] to [`Elements::create`](crate::Elements::create)).
///
/// ```
/// use stripe_wasm::{LayoutType, PaymentElementOptions};
/// assert_eq!(serde_json::to_value(PaymentElementOptions::default()).unwrap(), serde_json::json!({}));
/// let tabs = PaymentElementOptions { layout: Some(LayoutType::Tabs.into()) };
/// assert_eq!(serde_json::to_value(&tabs).unwrap(), serde_json::json!({"layout": {"type": "tabs"}}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentElementOptions {
    /// How the payment methods are laid out; `None` for Stripe's default (tabs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
}

impl ElementOptions for PaymentElementOptions {
    /// Stripe.js's `StripePaymentElementUpdateOptions`: `layout` without `defaultCollapsed` and
    /// `paymentMethodLogoPosition`.
    fn updatable(&self) -> Self {
        let layout = self.layout.clone().map(|layout| Layout {
            default_collapsed: None,
            payment_method_logo_position: None,
            ..layout
        });
        Self { layout }
    }
}

/// `params` of `stripe.createConfirmationToken({elements, params})`, in API (snake_case)
/// names. Values given here override what Elements collected.
///
/// ```
/// use stripe_wasm::ConfirmationTokenParams;
/// let params = ConfirmationTokenParams { return_url: Some("https://shop.example/complete".into()), shipping: None };
/// let sent = serde_json::to_value(&params).unwrap();
/// assert_eq!(sent, serde_json::json!({"return_url": "https://shop.example/complete"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConfirmationTokenParams {
    /// Where the shopper comes back to after a redirect-based payment method or 3-D Secure by
    /// redirect; needed for those when the server confirms with the token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    /// Shipping information (e.g. the Address Element's,
    /// [`AddressValue::to_shipping`](crate::AddressValue::to_shipping)); its `name` may be `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping: Option<crate::Shipping>,
}

/// `mode` of the Address Element: which address it collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AddressMode {
    /// `shipping`: where to deliver.
    Shipping,
    /// `billing`: the payment method's billing address.
    Billing,
}

/// `elements.create('address', options)`. Every option may be updated.
///
/// ```
/// use stripe_wasm::{AddressDefaults, AddressElementOptions, AddressMode, DefaultAddress};
/// let options = AddressElementOptions {
///     allowed_countries: Some(vec!["US".into(), "JP".into()]),
///     default_values: Some(AddressDefaults { address: Some(DefaultAddress::country("JP")), ..Default::default() }),
///     ..AddressElementOptions::new(AddressMode::Shipping)
/// };
/// assert_eq!(
///     serde_json::to_value(&options).unwrap(),
///     serde_json::json!({"mode": "shipping", "allowedCountries": ["US", "JP"],
///         "defaultValues": {"address": {"country": "JP"}}})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressElementOptions {
    /// Which address it collects.
    pub mode: AddressMode,
    /// Two-letter ISO country codes the shopper may choose from; `None` for all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_countries: Option<Vec<String>>,
    /// What the fields start with (e.g. a saved address).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_values: Option<AddressDefaults>,
    /// Extra fields: `{phone: 'always' | 'never' | 'auto'}` (Stripe's default `auto`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<AddressFields>,
}

impl ElementOptions for AddressElementOptions {}

impl AddressElementOptions {
    /// The Address Element in `mode`, with Stripe's defaults for the rest.
    ///
    /// ```
    /// use stripe_wasm::{AddressElementOptions, AddressMode};
    /// assert_eq!(
    ///     serde_json::to_value(AddressElementOptions::new(AddressMode::Billing)).unwrap(),
    ///     serde_json::json!({"mode": "billing"})
    /// );
    /// ```
    pub fn new(mode: AddressMode) -> Self {
        Self { mode, allowed_countries: None, default_values: None, fields: None }
    }
}

/// `defaultValues` of the Address Element: what its fields start with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AddressDefaults {
    /// The full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The address (its country decides the form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<DefaultAddress>,
    /// The phone number (shown when `fields.phone` asks for one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `defaultValues.address` of the Address Element: the country is required, the rest may be
/// left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DefaultAddress {
    /// Two-letter ISO country code (`US`, `JP`).
    pub country: String,
    /// Street address, PO box or company name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// Apartment, suite, unit or building.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// City, district, suburb, town or village.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, county, province or region (prefecture in Japan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// ZIP or postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

impl DefaultAddress {
    /// Just the country: the Element starts on that country's form.
    ///
    /// ```
    /// use stripe_wasm::DefaultAddress;
    /// assert_eq!(serde_json::to_value(DefaultAddress::country("JP")).unwrap(), serde_json::json!({"country": "JP"}));
    /// ```
    pub fn country(country: impl Into<String>) -> Self {
        Self { country: country.into(), line1: None, line2: None, city: None, state: None, postal_code: None }
    }
}

/// `fields` of the Address Element: which extra fields it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddressFields {
    /// The phone number field: `always`, `never` or `auto`.
    pub phone: String,
}

/// `data` of `stripe.confirmKonbiniPayment(clientSecret, data)`, in API (snake_case) names.
///
/// ```
/// use stripe_wasm::ConfirmKonbiniData;
/// let data = ConfirmKonbiniData::new("山田太郎", "taro@example.jp", Some("09012345678".into()));
/// assert_eq!(
///     serde_json::to_value(&data).unwrap(),
///     serde_json::json!({
///         "payment_method": {"billing_details": {"name": "山田太郎", "email": "taro@example.jp"}},
///         "payment_method_options": {"konbini": {"confirmation_number": "09012345678"}}
///     })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfirmKonbiniData {
    /// The konbini PaymentMethod to create: the shopper's billing details.
    pub payment_method: KonbiniPaymentMethod,
    /// The confirmation number, if the page chooses one (Stripe makes one otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_options: Option<KonbiniPaymentMethodOptions>,
    /// Where the shopper is sent if confirmation needs a redirect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
}

impl ConfirmKonbiniData {
    /// Name and email (both required for konbini) and an optional confirmation number (10 or 11
    /// digits; Stripe recommends the shopper's phone number, see
    /// [`stripe_common::konbini::check_confirmation_number`]).
    ///
    /// ```
    /// use stripe_wasm::ConfirmKonbiniData;
    /// let data = ConfirmKonbiniData::new("Taro Yamada", "taro@example.jp", None);
    /// assert!(data.payment_method_options.is_none());
    /// ```
    pub fn new(name: impl Into<String>, email: impl Into<String>, confirmation_number: Option<String>) -> Self {
        Self {
            payment_method: KonbiniPaymentMethod {
                billing_details: KonbiniBillingDetails { name: name.into(), email: email.into(), phone: None },
            },
            payment_method_options: confirmation_number
                .map(|n| KonbiniPaymentMethodOptions { konbini: KonbiniConfirmationNumber { confirmation_number: n } }),
            return_url: None,
        }
    }
}

/// `data.payment_method` of `confirmKonbiniPayment`: what the konbini PaymentMethod is created
/// with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KonbiniPaymentMethod {
    /// The shopper's details.
    pub billing_details: KonbiniBillingDetails,
}

/// `billing_details` of a konbini PaymentMethod.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KonbiniBillingDetails {
    /// Full name (store screens show its first 20 characters).
    pub name: String,
    /// The shopper's email address.
    pub email: String,
    /// Phone number, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `data.payment_method_options` of `confirmKonbiniPayment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KonbiniPaymentMethodOptions {
    /// The konbini options.
    pub konbini: KonbiniConfirmationNumber,
}

/// `payment_method_options.konbini`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KonbiniConfirmationNumber {
    /// 10 or 11 digits, not all zeros, that the shopper gives at the store; Stripe may refuse
    /// one that is not unique enough.
    pub confirmation_number: String,
}

/// `options` of `confirmKonbiniPayment`: with `handle_actions` (the default) Stripe.js shows the
/// instructions in a modal and resolves when the shopper closes it.
///
/// ```
/// use stripe_wasm::ConfirmKonbiniOptions;
/// let own_page = ConfirmKonbiniOptions { handle_actions: false };
/// assert_eq!(serde_json::to_value(own_page).unwrap(), serde_json::json!({"handleActions": false}));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmKonbiniOptions {
    /// `handleActions`: `true` (Stripe's default) for Stripe.js's instructions modal; `false`
    /// to resolve at once with the intent in `requires_action` and show the page's own.
    pub handle_actions: bool,
}

impl Default for ConfirmKonbiniOptions {
    fn default() -> Self {
        Self { handle_actions: true }
    }
}

/// The options of `stripe.handleNextAction(options)` (what
/// [`Stripe::handle_next_action`](crate::Stripe::handle_next_action) sends).
///
/// ```
/// use stripe_wasm::HandleNextActionOptions;
/// let options = HandleNextActionOptions { client_secret: "pi_1_secret_2".into() };
/// assert_eq!(serde_json::to_value(&options).unwrap(), serde_json::json!({"clientSecret": "pi_1_secret_2"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HandleNextActionOptions {
    /// The client secret of the PaymentIntent or SetupIntent in `requires_action`.
    pub client_secret: String,
}

/// `Stripe(publishableKey, options)`: for a platform acting for a connected account
/// (`stripeAccount`), a pinned API version, the locale of Stripe's own messages, betas.
///
/// ```
/// use stripe_wasm::StripeOptions;
/// let options =
///     StripeOptions { stripe_account: Some("acct_123".into()), locale: Some("ja".into()), ..Default::default() };
/// let sent = serde_json::to_value(&options).unwrap();
/// assert_eq!(sent, serde_json::json!({"stripeAccount": "acct_123", "locale": "ja"}));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StripeOptions {
    /// The connected account (`acct_…`) the calls are made for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stripe_account: Option<String>,
    /// The API version Stripe.js's requests use instead of the account's (e.g.
    /// `2026-03-25.dahlia`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// `auto` (Stripe's default: the browser's) or an IETF tag such as `ja`: the language of
    /// Stripe.js's own messages and of Elements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Prerelease Stripe.js features to opt into, by the names their guides give.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub betas: Option<Vec<String>>,
}

/// `stripe.registerAppInfo(info)`: what a library built on Stripe.js tells Stripe about itself.
///
/// ```
/// use stripe_wasm::AppInfo;
/// let info = AppInfo { name: "my-shop-kit".into(), version: Some("1.2.0".into()), url: None, partner_id: None };
/// assert_eq!(serde_json::to_value(&info).unwrap(), serde_json::json!({"name": "my-shop-kit", "version": "1.2.0"}));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppInfo {
    /// The library's name, at most 30 characters.
    pub name: String,
    /// Its version, as `x.y.z`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Its website, with contact details.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The Partner ID from the Dashboard's Partners section: required for Stripe Verified
    /// Partners.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
}
