//! Options passed to Stripe.js, as serde structs in Stripe.js's own (camelCase) names.
//! `None` fields are left out, so Stripe.js applies its defaults.

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Payment,
    Setup,
    Subscription,
}

/// `paymentMethodCreation: 'manual'`: needed for `createPaymentMethod` with deferred intents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentMethodCreation {
    Manual,
}

/// `stripe.elements(options)`: for a deferred intent (no intent yet: mode, amount and currency
/// decide which payment methods are shown; [`ElementsOptions::payment`],
/// [`ElementsOptions::setup`]), or for an intent the server made first (its client secret,
/// [`ElementsOptions::for_intent`]: the intent decides). The options that only a deferred intent
/// takes (mode, amount, setupFutureUsage, captureMethod, the payment method types, onBehalfOf)
/// are refused with a client secret, as Stripe.js's types refuse them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementsOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The client secret of a PaymentIntent or SetupIntent (`pi_…_secret_…`, `seti_…_secret_…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_creation: Option<PaymentMethodCreation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appearance: Option<Appearance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Whether Elements show a loading skeleton while they load (Stripe's default: `auto`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loader: Option<Loader>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub setup_future_usage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture_method: Option<String>,
    /// Payment method types to offer (the endive train's name for the older
    /// `paymentMethodTypes`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_payment_method_types: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_payment_method_types: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_session_client_secret: Option<String>,
}

/// `loader` of `stripe.elements()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Loader {
    Auto,
    Always,
    Never,
}

/// The `stripe.elements()` options Stripe lets `elements.update()` change (from
/// `StripeElementsUpdateOptions` in @stripe/stripe-js); any other change needs a new group.
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
    /// assert_eq!(options.amount, Some(1099));
    /// ```
    pub fn payment(amount: i64, currency: impl Into<String>) -> Self {
        Self { mode: Some(Mode::Payment), amount: Some(amount), currency: Some(currency.into()), ..Self::empty() }
    }

    /// Deferred-intent options for saving a payment method in `currency` (a SetupIntent later).
    pub fn setup(currency: impl Into<String>) -> Self {
        Self { mode: Some(Mode::Setup), currency: Some(currency.into()), ..Self::empty() }
    }

    /// Options for the PaymentIntent or SetupIntent whose client secret this is: Elements show
    /// what the intent allows, and `confirm_payment` / `confirm_setup` confirm it.
    ///
    /// ```
    /// use stripe_wasm::ElementsOptions;
    /// let options = ElementsOptions::for_intent("pi_123_secret_456");
    /// assert_eq!(options.mode, None);
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Stripe,
    Night,
    Flat,
}

/// The Appearance API: a theme, variables (`colorPrimary`, `fontFamily`, `borderRadius`, ...)
/// and per-selector rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Appearance {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub variables: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LayoutType {
    Tabs,
    Accordion,
    /// Stripe picks tabs or accordion for the space the Element has.
    Auto,
}

/// `layout.radios`: radio buttons beside the accordion's payment methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Radios {
    Auto,
    Always,
    Never,
    /// Only when there is more than one payment method to choose from.
    IfMultiple,
}

/// `layout.paymentMethodLogoPosition`: where the accordion shows each method's logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogoPosition {
    Start,
    End,
}

/// `layout: {type, defaultCollapsed, radios, spacedAccordionItems, visibleAccordionItemsCount,
/// paymentMethodLogoPosition}` (Stripe.js's `LayoutObject`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    #[serde(rename = "type")]
    pub type_: LayoutType,
    /// Set at creation only: `update()` cannot change it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_collapsed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub radios: Option<Radios>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spaced_accordion_items: Option<bool>,
    /// How many accordion items show before "More"; 0 shows them all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visible_accordion_items_count: Option<u32>,
    /// Set at creation only: `update()` cannot change it.
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
pub trait ElementOptions: Serialize + Clone {
    /// These options without what only creation may set.
    fn updatable(&self) -> Self {
        self.clone()
    }
}

/// `elements.create('payment', options)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentElementOptions {
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConfirmationTokenParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping: Option<crate::Shipping>,
}

/// `mode` of the Address Element: which address it collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AddressMode {
    Shipping,
    Billing,
}

/// `elements.create('address', options)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressElementOptions {
    pub mode: AddressMode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_countries: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_values: Option<AddressDefaults>,
    /// `{phone: 'always' | 'never' | 'auto'}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<AddressFields>,
}

impl ElementOptions for AddressElementOptions {}

impl AddressElementOptions {
    pub fn new(mode: AddressMode) -> Self {
        Self { mode, allowed_countries: None, default_values: None, fields: None }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AddressDefaults {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<DefaultAddress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `defaultValues.address` of the Address Element: the country is required, the rest may be
/// left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DefaultAddress {
    pub country: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

impl DefaultAddress {
    /// Just the country: the Element starts on that country's form.
    pub fn country(country: impl Into<String>) -> Self {
        Self { country: country.into(), line1: None, line2: None, city: None, state: None, postal_code: None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddressFields {
    pub phone: String,
}

/// `data` of `stripe.confirmKonbiniPayment(clientSecret, data)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfirmKonbiniData {
    pub payment_method: KonbiniPaymentMethod,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_options: Option<KonbiniPaymentMethodOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_url: Option<String>,
}

impl ConfirmKonbiniData {
    /// Name and email (both required for konbini) and an optional confirmation number.
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KonbiniPaymentMethod {
    pub billing_details: KonbiniBillingDetails,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KonbiniBillingDetails {
    pub name: String,
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KonbiniPaymentMethodOptions {
    pub konbini: KonbiniConfirmationNumber,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KonbiniConfirmationNumber {
    pub confirmation_number: String,
}

/// `options` of `confirmKonbiniPayment`: with `handle_actions` (the default) Stripe.js shows the
/// instructions in a modal and resolves when the shopper closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmKonbiniOptions {
    pub handle_actions: bool,
}

impl Default for ConfirmKonbiniOptions {
    fn default() -> Self {
        Self { handle_actions: true }
    }
}

/// The options of `stripe.handleNextAction(options)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HandleNextActionOptions {
    pub client_secret: String,
}

/// `Stripe(publishableKey, options)`: for a platform acting for a connected account
/// (`stripeAccount`), a pinned API version, the locale of Stripe's own messages, betas.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StripeOptions {
    /// The connected account (`acct_…`) the calls are made for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stripe_account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// `auto` or a locale such as `ja`: the language of Stripe.js's own messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub betas: Option<Vec<String>>,
}

/// `stripe.registerAppInfo(info)`: what a library built on Stripe.js tells Stripe about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppInfo {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A Stripe partner's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<String>,
}
