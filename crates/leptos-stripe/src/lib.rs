//! Leptos components for Stripe Elements: the counterpart of `@stripe/react-stripe-js`:
//! `<Elements>`, `<PaymentElement>`, `<AddressElement>`, `use_stripe()`, `use_elements()`.
//!
//! ```ignore
//! view! {
//!     <Elements stripe=stripe options=options>   // options: Signal<ElementsOptions>
//!         <PaymentElement on_change=move |e: ChangeEvent| complete.set(e.complete) />
//!         <PayButton />                          // calls use_stripe() / use_elements()
//!     </Elements>
//! }
//! ```
//!
//! Options given as signals are diffed and sent with `update()`, never by re-creating an
//! Element; Elements are destroyed when their component is cleaned up.

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
pub use element::{ElementCallbacks, On, StripeElement};
pub use elements::{Elements, StripeSource};
pub use embedded_checkout::EmbeddedCheckout;
pub use express_checkout_element::ExpressCheckoutElement;
pub use link_authentication_element::LinkAuthenticationElement;
pub use payment_element::PaymentElement;
pub use payment_method_messaging_element::PaymentMethodMessagingElement;
pub use stripe_wasm;
