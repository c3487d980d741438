//! Typed bindings to Stripe.js for Rust code compiled to WebAssembly: the counterpart of
//! `@stripe/stripe-js`.
//!
//! * [`load`] injects Stripe.js from Stripe's host (never bundle it: PCI) and waits for it.
//! * [`Stripe`] → [`Elements`] → [`Element`]: deferred-intent Elements, the Payment Element,
//!   `elements.submit()`, `stripe.createConfirmationToken()`, `stripe.handleNextAction()`,
//!   `stripe.retrievePaymentIntent()`, `stripe.confirmKonbiniPayment()`.
//! * Options are serde structs; results are Rust types; every failure is a
//!   [`StripeError`] (errors Stripe.js throws for misuse come back with
//!   [`ErrorType::IntegrationError`]).
//!
//! This is the only crate of the project that touches `JsValue`.

mod confirm;
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

pub use confirm::{AllowRedisplay, Confirm, ConfirmPaymentParams, ConfirmSetupParams, PaymentMethodData, Redirect};
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
