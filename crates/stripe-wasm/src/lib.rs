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

mod element;
mod elements;
mod events;
mod interop;
mod loader;
mod options;
mod stripe;
mod sys;
mod types;

pub use element::{Element, Listener};
pub use elements::{Elements, FetchUpdatesError, SubmitResult};
pub use events::{
    AddressChangeEvent, AddressValue, Availability, AvailablePaymentMethodsChangeEvent, CardDetails,
    CardDetailsChangeEvent, ChangeEvent, ChangeValue, ElementEvent, LoadErrorEvent, SavedPaymentMethod,
    SavedPaymentMethodDetails, SavedPaymentMethodEvent,
};
pub use loader::{LoadError, LoadOptions, load, load_with};
pub use options::{
    AddressDefaults, AddressElementOptions, AddressFields, AddressMode, AppInfo, Appearance, ConfirmKonbiniData,
    ConfirmKonbiniOptions, ConfirmationTokenParams, DefaultAddress, ElementOptions, ElementsOptions,
    HandleNextActionOptions, KonbiniBillingDetails, KonbiniConfirmationNumber, KonbiniPaymentMethod,
    KonbiniPaymentMethodOptions, Layout, LayoutType, LogoPosition, Mode, PaymentElementOptions, PaymentMethodCreation,
    Radios, StripeOptions, Theme, UPDATABLE_ELEMENTS_OPTIONS,
};
pub use stripe::{LoadOrKeyError, NextActionResult, Stripe};
pub use stripe_common::konbini::{KonbiniDisplayDetails, KonbiniStore, KonbiniStores};
pub use stripe_common::{ErrorType, NextAction, PaymentIntent, PaymentIntentStatus, SetupIntent, StripeError};
pub use types::{Address, BillingDetails, CardPreview, ConfirmationToken, PaymentMethodPreview, Shipping};
