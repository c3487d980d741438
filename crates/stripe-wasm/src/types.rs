//! Objects Stripe.js resolves with. Unknown fields are ignored; optional ones default.

use serde::{Deserialize, Serialize};

/// An address as Stripe's API has it: every field present, `null` when unknown (and
/// serialised so: `None` is sent as `null`).
///
/// ```
/// use stripe_wasm::Address;
/// let address: Address = serde_json::from_str(
///     r#"{"city": "San Francisco", "country": "US", "line1": "1234 Fake Street", "line2": null,
///         "postal_code": "94102", "state": "CA"}"#,
/// )
/// .unwrap();
/// assert_eq!(address.line2, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Address {
    /// Street address, PO box or company name.
    pub line1: Option<String>,
    /// Apartment, suite, unit or building.
    pub line2: Option<String>,
    /// City, district, suburb, town or village.
    pub city: Option<String>,
    /// State, county, province or region.
    pub state: Option<String>,
    /// ZIP or postal code.
    pub postal_code: Option<String>,
    /// Two-letter ISO country code (`US`, `JP`).
    pub country: Option<String>,
}

/// `shipping`, as a ConfirmationToken carries it and `createConfirmationToken` takes it. Stripe
/// may send it without a name.
///
/// ```
/// use stripe_wasm::{Address, Shipping};
/// let shipping = Shipping {
///     name: Some("Jenny Rosen".into()),
///     address: Address { country: Some("US".into()), postal_code: Some("94107".into()), ..Address::default() },
///     phone: None,
/// };
/// let sent = serde_json::to_value(&shipping).unwrap();
/// assert_eq!(sent["name"], "Jenny Rosen");
/// assert_eq!(sent["address"]["line1"], serde_json::Value::Null);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipping {
    /// The recipient's name; `None` (sent as `null`) when unknown, which a ConfirmationToken
    /// allows but `confirmPayment` does not.
    #[serde(default)]
    pub name: Option<String>,
    /// Where to deliver.
    pub address: Address,
    /// The recipient's phone number; left out when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// `billing_details` of a PaymentMethod (read), or of `payment_method_data` (sent: `None` as
/// `null`, but a `None` address left out).
///
/// ```
/// use stripe_wasm::BillingDetails;
/// let details: BillingDetails = serde_json::from_str(r#"{"email": "jenny@example.com", "name": null}"#).unwrap();
/// assert_eq!((details.email.as_deref(), details.name), (Some("jenny@example.com"), None));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingDetails {
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number (with extension).
    #[serde(default)]
    pub phone: Option<String>,
    /// Billing address; left out when `None` (Stripe.js takes no `null` address here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

/// The `card` of a PaymentMethod or of a ConfirmationToken's preview: what may be shown of it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CardPreview {
    /// `amex`, `diners`, `discover`, `eftpos_au`, `jcb`, `mastercard`, `unionpay`, `visa` or
    /// `unknown`.
    pub brand: String,
    /// The card number's last four digits.
    pub last4: String,
    /// Expiry month, 1-12.
    #[serde(default)]
    pub exp_month: Option<u32>,
    /// Expiry year, four digits.
    #[serde(default)]
    pub exp_year: Option<i32>,
}

/// `payment_method_preview` of a ConfirmationToken: the PaymentMethod that confirming with the
/// token will create.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PaymentMethodPreview {
    /// The payment method type (`card`, `konbini`, `us_bank_account`, ...).
    #[serde(rename = "type")]
    pub type_: String,
    /// With type `card`: the card.
    #[serde(default)]
    pub card: Option<CardPreview>,
    /// The billing details Elements collected.
    #[serde(default)]
    pub billing_details: Option<BillingDetails>,
}

/// What `stripe.createConfirmationToken` resolves with: pass `id` to your server, which
/// confirms a PaymentIntent or SetupIntent with it (`confirmation_token=ctoken_…`).
///
/// ```
/// use stripe_wasm::ConfirmationToken;
/// let token: ConfirmationToken = serde_json::from_str(
///     r#"{"id": "ctoken_1", "object": "confirmation_token", "expires_at": 1234567890,
///         "payment_method_preview": {"type": "card", "card": {"brand": "visa", "last4": "4242"}},
///         "return_url": null, "shipping": null}"#,
/// )
/// .unwrap();
/// assert_eq!(token.payment_method_preview.unwrap().card.unwrap().last4, "4242");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ConfirmationToken {
    /// `ctoken_…`: what the server confirms with.
    pub id: String,
    /// When it can no longer be used (unix seconds); `None` once used.
    #[serde(default)]
    pub expires_at: Option<i64>,
    /// The payment details Elements collected, as the PaymentMethod they will make.
    #[serde(default)]
    pub payment_method_preview: Option<PaymentMethodPreview>,
    /// Where the shopper comes back to after a redirect
    /// ([`ConfirmationTokenParams::return_url`](crate::ConfirmationTokenParams::return_url)).
    #[serde(default)]
    pub return_url: Option<String>,
    /// The shipping information collected or given; `None` without.
    #[serde(default)]
    pub shipping: Option<Shipping>,
}

/// What `stripe.createPaymentMethod` resolves with: pass `id` to your server.
///
/// ```
/// use stripe_wasm::PaymentMethod;
/// let method: PaymentMethod = serde_json::from_str(
///     r#"{"id": "pm_1", "object": "payment_method", "type": "card", "allow_redisplay": "unspecified",
///         "card": {"brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030},
///         "billing_details": {"email": "jenny@example.com"}, "customer": null, "created": 1234567890,
///         "livemode": false}"#,
/// )
/// .unwrap();
/// assert_eq!((method.type_.as_str(), method.card.unwrap().exp_year), ("card", Some(2030)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PaymentMethod {
    /// `pm_…`.
    pub id: String,
    /// The payment method type (`card`, `us_bank_account`, ...).
    #[serde(rename = "type")]
    pub type_: String,
    /// With type `card`: the card.
    #[serde(default)]
    pub card: Option<CardPreview>,
    /// The billing details collected or given.
    #[serde(default)]
    pub billing_details: Option<BillingDetails>,
    /// The customer it is saved to, if any.
    #[serde(default)]
    pub customer: Option<String>,
    /// `always`, `limited` or `unspecified`.
    #[serde(default)]
    pub allow_redisplay: Option<String>,
    /// When it was created (unix seconds).
    #[serde(default)]
    pub created: i64,
    /// `true` in live mode, `false` in test mode.
    #[serde(default)]
    pub livemode: bool,
}
