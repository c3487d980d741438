//! Typed bindings to Stripe.js for Rust code compiled to WebAssembly: the counterpart of
//! [`@stripe/stripe-js`](https://github.com/stripe/stripe-js), following its 10.x declarations
//! (Stripe.js's `endive` release train: `https://js.stripe.com/endive/stripe.js`).
//!
//! Options are serde structs in Stripe.js's own names (`None` fields are left out, so Stripe.js
//! applies its defaults); answers are Rust types that tolerate fields Stripe adds; every failure
//! is a [`StripeError`] (errors Stripe.js throws for misuse come back with
//! [`ErrorType::IntegrationError`]). No public signature takes or returns a `JsValue`, except
//! the raw-event escape hatch ([`RawEvent::as_js`]).
//!
//! Everything that calls Stripe.js needs a browser (the examples below that do are compiled,
//! not run); the options and answers are plain Rust and can be built, serialised and tested
//! natively.
//!
//! # Loading Stripe.js
//!
//! Stripe.js must come from Stripe (PCI forbids bundling or self-hosting it): [`load`] injects
//! Stripe's script once, reuses one already on the page and retries once after a network
//! failure; [`load_with`] adds a CSP nonce or turns off advanced fraud signals.
//! [`Stripe::load`] loads it and makes the instance for a publishable key;
//! [`Stripe::with_options`] takes `Stripe(pk, options)`'s options, and a library built on these
//! bindings says who it is with [`Stripe::register_app_info`].
//!
//! ```no_run
//! use stripe_wasm::{Stripe, StripeOptions};
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! let stripe = Stripe::load("https://js.stripe.com/endive/stripe.js", "pk_test_123").await?;
//! // Or, once Stripe.js is loaded: a platform acting for a connected account.
//! let options = StripeOptions { stripe_account: Some("acct_123".into()), ..StripeOptions::default() };
//! let connected = Stripe::with_options("pk_test_123", &options)?;
//! # let _ = (stripe, connected);
//! # Ok(())
//! # }
//! ```
//!
//! # Deferred-intent Elements
//!
//! A group for a payment of an amount, before any PaymentIntent exists
//! ([`ElementsOptions::payment`]; [`ElementsOptions::setup`] to save a payment method): the
//! amount, currency and mode decide which payment methods the Payment Element shows, and
//! [`Elements::update_changed`] sends a new amount when the cart changes.
//!
//! ```no_run
//! use stripe_wasm::{ElementsOptions, PaymentElementOptions, Stripe};
//! # fn example(stripe: &Stripe, target: &web_sys::Element) -> Result<(), stripe_wasm::StripeError> {
//! let elements = stripe.elements(&ElementsOptions::payment(2000, "usd"))?;
//! let payment = elements.create_payment_element(&PaymentElementOptions::default())?;
//! payment.mount(target)?;
//! let _listener = payment.on_change(|event| {
//!     // Enable the Pay button when `event.complete`.
//! })?;
//! # Ok(())
//! # }
//! ```
//!
//! # Confirming on the server with a ConfirmationToken
//!
//! When the shopper pays: [`Elements::submit`] first (it validates the form and must run before
//! any other async work), then [`Stripe::create_confirmation_token`]; the server creates and
//! confirms the PaymentIntent with the token's id. If the server answers `requires_action`,
//! [`Stripe::handle_next_action`] does 3-D Secure or the redirect with the intent's client
//! secret.
//!
//! ```no_run
//! use stripe_wasm::{ConfirmationTokenParams, Elements, PaymentIntentStatus, Stripe, StripeError};
//! # async fn send_to_server(_: &str) -> Result<Option<String>, StripeError> { Ok(None) }
//! # async fn example(stripe: &Stripe, elements: &Elements) -> Result<(), StripeError> {
//! elements.submit().await?;
//! let token = stripe.create_confirmation_token(elements, &ConfirmationTokenParams::default()).await?;
//! // Your server: `POST /v1/payment_intents` with `confirm=true&confirmation_token=<id>`.
//! if let Some(client_secret) = send_to_server(&token.id).await? {
//!     // It answered `requires_action` with the intent's client secret.
//!     let intent = stripe.handle_next_action(&client_secret).await?;
//!     assert_eq!(intent.status(), PaymentIntentStatus::Succeeded);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Confirming in the browser
//!
//! [`Stripe::confirm_payment`] and [`Stripe::confirm_setup`] with a [`Confirm`]: a group made
//! for an intent's client secret ([`ElementsOptions::for_intent`], [`Confirm::elements`]), or a
//! deferred-intent group after `submit()` and the secret of the intent the server created
//! ([`Confirm::deferred`]). With [`Redirect::IfRequired`] they resolve with the intent unless
//! the payment method needs a redirect; with [`Redirect::Always`] a success leaves for the
//! `return_url`. [`Stripe::retrieve_payment_intent`] reads the intent back on that page.
//!
//! ```no_run
//! use stripe_wasm::{Confirm, ConfirmPaymentParams, Elements, Redirect, Stripe, StripeError};
//! # async fn example(stripe: &Stripe, elements: &Elements) -> Result<(), StripeError> {
//! let params = ConfirmPaymentParams {
//!     return_url: Some("https://shop.example/complete".into()),
//!     ..ConfirmPaymentParams::default()
//! };
//! let intent = stripe.confirm_payment(&Confirm::elements(elements, params).redirect(Redirect::IfRequired)).await?;
//! # let _ = intent;
//! # Ok(())
//! # }
//! ```
//!
//! # The other Elements
//!
//! [`Elements::create`] takes any Element's type name and options:
//!
//! * Address Element: [`Elements::create_address_element`] with [`AddressElementOptions`],
//!   read with [`Element::get_address_value`].
//! * Link Authentication Element (`"linkAuthentication"`): [`LinkAuthenticationElementOptions`],
//!   [`Element::on_link_authentication_change`].
//! * Express Checkout Element (`"expressCheckout"`, wallet buttons):
//!   [`ExpressCheckoutElementOptions`]; its `click`, `shippingaddresschange` and
//!   `shippingratechange` events are answered with typed `resolve`/`reject` ([`ClickEvent`],
//!   [`ShippingAddressChangeEvent`], [`ShippingRateChangeEvent`]), its `confirm` with
//!   [`ConfirmEvent::payment_failed`].
//! * Payment Method Messaging Element (`"paymentMethodMessaging"`):
//!   [`PaymentMethodMessagingElementOptions`].
//! * Any other Element: your own serde options (implementing [`ElementOptions`]), and its events
//!   raw with [`Element::on_raw`].
//!
//! ```no_run
//! use stripe_wasm::{Elements, ExpressCheckoutElementOptions, ClickResolveDetails};
//! # fn example(elements: &Elements) -> Result<(), stripe_wasm::StripeError> {
//! let wallets = elements.create("expressCheckout", &ExpressCheckoutElementOptions::default())?;
//! let _click = wallets.on_click(|click| {
//!     let _ = click.resolve(&ClickResolveDetails { email_required: Some(true), ..Default::default() });
//! })?;
//! # Ok(())
//! # }
//! ```
//!
//! # Embedded Checkout
//!
//! Stripe's whole Checkout page inside yours, for a Checkout Session the server created:
//! [`Stripe::create_embedded_checkout_page`], then [`EmbeddedCheckout::mount`].
//!
//! ```no_run
//! use stripe_wasm::{ClientSecretSource, EmbeddedCheckoutOptions, Stripe, StripeError};
//! # async fn create_session_on_server() -> Result<String, String> { Ok(String::new()) }
//! # async fn example(stripe: &Stripe, target: &web_sys::Element) -> Result<(), StripeError> {
//! let options = EmbeddedCheckoutOptions {
//!     client_secret: ClientSecretSource::fetch(create_session_on_server),
//!     on_complete: None,
//! };
//! let checkout = stripe.create_embedded_checkout_page(options).await?;
//! checkout.mount(target)?;
//! # Ok(())
//! # }
//! ```
//!
//! # Konbini
//!
//! [`Stripe::confirm_konbini_payment`] confirms a konbini PaymentIntent with
//! [`ConfirmKonbiniData`]; Stripe's konbini rules are in [`stripe_common::konbini`] (its
//! [`KonbiniDisplayDetails`] re-exported here).

#![warn(missing_docs)]

mod confirm;
pub mod decode;
mod element;
mod elements;
mod embedded_checkout;
mod events;
mod express_checkout;
mod interop;
mod link_authentication;
mod loader;
mod options;
mod payment_method_messaging;
mod stripe;
mod sys;
mod types;

pub use confirm::{
    AddressParams, AllowRedisplay, Confirm, ConfirmPaymentParams, ConfirmSetupParams, PaymentMethodData, Redirect,
    ShippingParams,
};
pub use element::{Element, Listener, RawEvent};
pub use elements::{Elements, FetchUpdatesError, SubmitResult};
pub use embedded_checkout::{ClientSecretSource, EmbeddedCheckout, EmbeddedCheckoutOptions};
pub use events::{
    AddressChangeEvent, AddressValue, Availability, AvailablePaymentMethodsChangeEvent, CardDetails,
    CardDetailsChangeEvent, ChangeEvent, ChangeValue, ElementEvent, LoadErrorEvent, SavedPaymentMethod,
    SavedPaymentMethodDetails, SavedPaymentMethodEvent,
};
pub use express_checkout::{
    AvailableWallets, Business, ChangeResolveDetails, ClickEvent, ClickResolveDetails, ConfirmEvent, DeliveryEstimate,
    DeliveryTime, ExpressAddress, ExpressBillingDetails, ExpressCheckoutElementOptions, ExpressCheckoutReadyEvent,
    ExpressLayout, ExpressPaymentMethods, ExpressShippingAddress, LineItem, PaymentFailedDetails, PaymentFailedReason,
    PerWallet, ShippingAddressChangeEvent, ShippingRate, ShippingRateChangeEvent, WalletDisplay,
};
pub use link_authentication::{
    LinkAuthenticationChangeEvent, LinkAuthenticationDefaults, LinkAuthenticationElementOptions,
    LinkAuthenticationValue,
};
pub use loader::{LoadError, LoadOptions, load, load_with};
pub use options::{
    AddressDefaults, AddressElementOptions, AddressFields, AddressMode, AppInfo, Appearance, ConfirmKonbiniData,
    ConfirmKonbiniOptions, ConfirmationTokenParams, DefaultAddress, ElementOptions, ElementsOptions,
    HandleNextActionOptions, KonbiniBillingDetails, KonbiniConfirmationNumber, KonbiniPaymentMethod,
    KonbiniPaymentMethodOptions, Layout, LayoutType, Loader, LogoPosition, Mode, PaymentElementOptions,
    PaymentMethodCreation, Radios, StripeOptions, Theme, UPDATABLE_ELEMENTS_OPTIONS,
};
pub use payment_method_messaging::{LogoColor, MessagingPaymentMethod, PaymentMethodMessagingElementOptions};
pub use stripe::{LoadOrKeyError, NextActionResult, Stripe};
pub use stripe_common::konbini::{KonbiniDisplayDetails, KonbiniStore, KonbiniStores};
pub use stripe_common::{ErrorType, NextAction, PaymentIntent, PaymentIntentStatus, SetupIntent, StripeError};
pub use types::{
    Address, BillingDetails, CardPreview, ConfirmationToken, PaymentMethod, PaymentMethodPreview, Shipping,
};
