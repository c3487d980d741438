//! Leptos 0.8 components for Stripe Elements: the counterpart of
//! [`@stripe/react-stripe-js`](https://github.com/stripe/react-stripe-js), on the typed
//! bindings of [`stripe_wasm`] (re-exported), following the same Stripe.js train (`endive`).
//!
//! `<Elements>` makes one Elements group and shares it with its children; each Element
//! component creates its Element in that group, mounts it once its `<div>` is in the page,
//! forwards its events to callbacks, and is destroyed when the component is cleaned up. Options
//! given as signals are diffed and sent with `update()` (only the keys Stripe lets `update()`
//! change), never by re-creating an Element.
//!
//! # Loading Stripe.js
//!
//! Start loading as the page renders and give `<Elements>` the signal: its children render at
//! once and the Elements mount when Stripe.js arrives (react-stripe-js's
//! `<Elements stripe={loadStripe(pk)}>`). A Stripe already loaded works too.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos::task::spawn_local;
//! use leptos_stripe::stripe_wasm::{ElementsOptions, Stripe};
//! use leptos_stripe::{Elements, PaymentElement};
//!
//! #[component]
//! fn Checkout() -> impl IntoView {
//!     let (stripe, set_stripe) = signal_local(None::<Stripe>);
//!     spawn_local(async move {
//!         match Stripe::load("https://js.stripe.com/endive/stripe.js", "pk_test_123").await {
//!             Ok(loaded) => set_stripe.set(Some(loaded)),
//!             Err(err) => leptos::logging::error!("{err}"),
//!         }
//!     });
//!     view! {
//!         <Elements stripe options=Signal::stored(ElementsOptions::payment(2000, "usd"))>
//!             <PaymentElement />
//!         </Elements>
//!     }
//! }
//! ```
//!
//! # Deferred-intent Elements
//!
//! [`ElementsOptions::payment`](stripe_wasm::ElementsOptions::payment) makes a group before any
//! PaymentIntent exists; give the options as a signal and a new amount is sent with
//! `elements.update()` when the cart changes. [`PaymentElement`]'s `on_change` says when the
//! form is complete.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_stripe::stripe_wasm::{ChangeEvent, ElementsOptions, Stripe};
//! use leptos_stripe::{Elements, PaymentElement};
//!
//! #[component]
//! fn Checkout(stripe: Stripe, total: Signal<i64>) -> impl IntoView {
//!     let options = Signal::derive(move || ElementsOptions::payment(total.get(), "usd"));
//!     let complete = RwSignal::new(false);
//!     view! {
//!         <Elements stripe options>
//!             <PaymentElement on_change=move |e: ChangeEvent| complete.set(e.complete) />
//!             <button disabled=move || !complete.get()>"Pay"</button>
//!         </Elements>
//!     }
//! }
//! ```
//!
//! # Confirming on the server with a ConfirmationToken
//!
//! Inside `<Elements>`, [`use_elements_handle`] gives a `Copy` handle to read the Stripe
//! instance and group when the shopper presses pay (Stripe.js may still have been loading when
//! the button rendered): `elements.submit()` first, then `createConfirmationToken`, and the
//! token's id to your server, which creates and confirms the PaymentIntent. If it answers
//! `requires_action`, `stripe.handle_next_action(client_secret)` does 3-D Secure.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos::task::spawn_local;
//! use leptos_stripe::stripe_wasm::{ConfirmationTokenParams, StripeError};
//! use leptos_stripe::use_elements_handle;
//!
//! #[component]
//! fn PayButton() -> impl IntoView {
//!     let handle = use_elements_handle().expect("inside <Elements>");
//!     let message = RwSignal::new(String::new());
//!     let pay = move |_| {
//!         let (Some(stripe), Some(elements)) = (handle.stripe(), handle.elements()) else { return };
//!         spawn_local(async move {
//!             let token = async {
//!                 elements.submit().await?;
//!                 stripe.create_confirmation_token(&elements, &ConfirmationTokenParams::default()).await
//!             };
//!             match token.await {
//!                 Ok(token) => { /* POST token.id to your server */ }
//!                 Err(err) => message.set(err.shopper_message().to_owned()),
//!             }
//!         });
//!     };
//!     view! { <button on:click=pay>"Pay"</button> <p role="status">{message}</p> }
//! }
//! ```
//!
//! # Confirming in the browser
//!
//! For a group made for an intent's client secret
//! ([`ElementsOptions::for_intent`](stripe_wasm::ElementsOptions::for_intent)), or a deferred
//! group with the secret your server returns:
//! [`Stripe::confirm_payment`](stripe_wasm::Stripe::confirm_payment) with a
//! [`Confirm`](stripe_wasm::Confirm) (`redirect` always or `if_required`); likewise
//! `confirm_setup`, and `retrieve_payment_intent` on the `return_url` page.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos::task::spawn_local;
//! use leptos_stripe::stripe_wasm::{Confirm, ConfirmPaymentParams, Redirect};
//! use leptos_stripe::use_elements_handle;
//!
//! #[component]
//! fn PayButton() -> impl IntoView {
//!     let handle = use_elements_handle().expect("inside <Elements>");
//!     let pay = move |_| {
//!         let (Some(stripe), Some(elements)) = (handle.stripe(), handle.elements()) else { return };
//!         spawn_local(async move {
//!             let params = ConfirmPaymentParams {
//!                 return_url: Some("https://shop.example/complete".into()),
//!                 ..Default::default()
//!             };
//!             let confirm = Confirm::elements(&elements, params).redirect(Redirect::IfRequired);
//!             match stripe.confirm_payment(&confirm).await {
//!                 Ok(intent) => { /* intent.status */ }
//!                 Err(err) => { /* err.shopper_message() */ }
//!             }
//!         });
//!     };
//!     view! { <button on:click=pay>"Pay"</button> }
//! }
//! ```
//!
//! # The other Elements
//!
//! [`AddressElement`], [`LinkAuthenticationElement`], [`ExpressCheckoutElement`] (its `click`,
//! shipping and `confirm` events answered with typed `resolve`/`reject`/`payment_failed`) and
//! [`PaymentMethodMessagingElement`], all inside `<Elements>`. Any other Element is
//! [`StripeElement`] with its type name, your serde options and raw events ([`On`]).
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_stripe::stripe_wasm::{
//!     AddressElementOptions, AddressMode, ClickEvent, ClickResolveDetails, ElementsOptions,
//!     PaymentMethodMessagingElementOptions, Stripe,
//! };
//! use leptos_stripe::{
//!     AddressElement, Elements, ExpressCheckoutElement, PaymentElement, PaymentMethodMessagingElement,
//! };
//!
//! #[component]
//! fn Checkout(stripe: Stripe) -> impl IntoView {
//!     let on_click = move |click: ClickEvent| {
//!         let _ = click.resolve(&ClickResolveDetails { email_required: Some(true), ..Default::default() });
//!     };
//!     let messaging = Signal::stored(PaymentMethodMessagingElementOptions::new(5098, "usd"));
//!     view! {
//!         <Elements stripe options=Signal::stored(ElementsOptions::payment(5098, "usd"))>
//!             <PaymentMethodMessagingElement options=messaging />
//!             <ExpressCheckoutElement on_click />
//!             <AddressElement options=Signal::stored(AddressElementOptions::new(AddressMode::Shipping)) />
//!             <PaymentElement />
//!         </Elements>
//!     }
//! }
//! ```
//!
//! # Embedded Checkout
//!
//! [`EmbeddedCheckout`] mounts Stripe's whole Checkout page for a Checkout Session your server
//! creates (it needs no `<Elements>`).
//!
//! ```no_run
//! use leptos::prelude::*;
//! use leptos_stripe::EmbeddedCheckout;
//! use leptos_stripe::stripe_wasm::{ClientSecretSource, Stripe};
//! # async fn create_session_on_server() -> Result<String, String> { Ok(String::new()) }
//!
//! #[component]
//! fn Pay(stripe: Signal<Option<Stripe>, LocalStorage>) -> impl IntoView {
//!     view! { <EmbeddedCheckout stripe client_secret=ClientSecretSource::fetch(create_session_on_server) /> }
//! }
//! ```
//!
//! # From react-stripe-js
//!
//! | react-stripe-js | leptos-stripe |
//! | --- | --- |
//! | `<Elements stripe={promise} options>` | [`<Elements stripe options>`](Elements) (`stripe`: a [`Stripe`](stripe_wasm::Stripe) or a `Signal<Option<Stripe>>` still loading; `options`: a `Signal<ElementsOptions>`, deferred or client-secret mode) |
//! | `useStripe()`, `useElements()` | [`use_stripe()`](use_stripe), [`use_elements()`](use_elements) (what there is when called); [`use_elements_handle()`](use_elements_handle) to read them later, in a handler |
//! | `<ElementsConsumer>` | [`use_elements_handle()`](use_elements_handle) |
//! | `<PaymentElement options onChange onReady onFocus onBlur onEscape onLoadError onLoaderStart>` | [`<PaymentElement options on_change on_ready on_focus on_blur on_escape on_load_error on_loader_start>`](PaymentElement) |
//! | `<AddressElement>`, `<LinkAuthenticationElement>` | [`<AddressElement>`](AddressElement), [`<LinkAuthenticationElement>`](LinkAuthenticationElement) (same props) |
//! | `<ExpressCheckoutElement onClick onConfirm onCancel onShippingAddressChange onShippingRateChange …>` | [`<ExpressCheckoutElement on_click on_confirm on_cancel on_shipping_address_change on_shipping_rate_change …>`](ExpressCheckoutElement) (typed answers) |
//! | `<PaymentMethodMessagingElement options>` | [`<PaymentMethodMessagingElement options>`](PaymentMethodMessagingElement) |
//! | `<EmbeddedCheckoutProvider stripe options>` + `<EmbeddedCheckout>` | [`<EmbeddedCheckout stripe client_secret on_complete>`](EmbeddedCheckout) |
//! | the Payment Element's newer events (`carddetailschange`, `savedpaymentmethodupdate`/`remove`, `availablepaymentmethodschange`) | not props: [`<StripeElement kind="payment" on>`](StripeElement) with raw events, or the [`stripe_wasm::Element`] from `use_elements()` (`on_card_details_change`, ...) |
//! | other Elements (`<CardElement>`, `<IbanElement>`, Issuing, …), `<CheckoutProvider>` | not typed: [`<StripeElement kind options on>`](StripeElement) mounts any Element type; the Checkout SDK is not covered |

#![warn(missing_docs)]

mod address_element;
mod context;
mod element;
mod elements;
mod embedded_checkout;
mod express_checkout_element;
mod link_authentication_element;
mod payment_element;
mod payment_method_messaging_element;
mod watch;

pub use address_element::AddressElement;
pub use context::{ElementsHandle, use_elements, use_elements_handle, use_stripe};
pub use element::{On, StripeElement};
pub use elements::{Elements, StripeSource};
pub use embedded_checkout::EmbeddedCheckout;
pub use express_checkout_element::ExpressCheckoutElement;
pub use link_authentication_element::LinkAuthenticationElement;
pub use payment_element::PaymentElement;
pub use payment_method_messaging_element::PaymentMethodMessagingElement;
/// The typed Stripe.js bindings these components are built on: options, events, `Stripe`,
/// `Elements`, confirmations.
pub use stripe_wasm;
pub use watch::effect;
