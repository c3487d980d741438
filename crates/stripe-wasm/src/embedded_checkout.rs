//! Embedded Checkout (`stripe.createEmbeddedCheckoutPage(options)`): Stripe's whole Checkout
//! page inside the merchant's page, for a Checkout Session the server created with
//! `ui_mode=embedded_page` (`embedded` before API version 2026-03-25.dahlia) and a
//! `return_url`. Stripe collects and confirms the payment; the page
//! only mounts it (and is told when it completes, with `redirect_on_completion=never`).

use std::future::Future;
use std::rc::Rc;

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, future_to_promise};

use crate::confirm::set;
use crate::interop::thrown;
use crate::{Stripe, StripeError, sys};

/// Where the Checkout Session's client secret comes from: `clientSecret` or
/// `fetchClientSecret` of `createEmbeddedCheckoutPage`.
///
/// ```
/// use stripe_wasm::ClientSecretSource;
/// let known = ClientSecretSource::Known("cs_test_1_secret_2".into());
/// # let _ = known;
/// ```
#[derive(Clone)]
pub enum ClientSecretSource {
    /// Known already (e.g. written into the page): `clientSecret`.
    Known(String),
    /// Asked for when Stripe.js needs it (Stripe's recommended way: the server creates the
    /// Checkout Session only when the page mounts it): `fetchClientSecret`. An `Err` is
    /// Stripe.js's failure to mount. Made by [`ClientSecretSource::fetch`].
    // Spelled out rather than behind an alias, so the docs show what the function returns.
    #[allow(clippy::type_complexity)]
    Fetch(Rc<dyn Fn() -> std::pin::Pin<Box<dyn Future<Output = Result<String, String>>>>>),
}

impl ClientSecretSource {
    /// A source that calls `fetch` each time Stripe.js asks (once per checkout created): e.g. a
    /// request to your server, which creates the Checkout Session and returns its client secret.
    ///
    /// ```no_run
    /// # async fn create_session() -> Result<String, String> { Ok("cs_test_1_secret_2".into()) }
    /// let source = stripe_wasm::ClientSecretSource::fetch(create_session);
    /// ```
    pub fn fetch<F, Fut>(fetch: F) -> Self
    where
        F: Fn() -> Fut + 'static,
        Fut: Future<Output = Result<String, String>> + 'static,
    {
        Self::Fetch(Rc::new(move || Box::pin(fetch())))
    }
}

/// The options of `createEmbeddedCheckoutPage`: the client secret (or how to get it) and what to
/// call when the payment is complete.
///
/// ```
/// use stripe_wasm::{ClientSecretSource, EmbeddedCheckoutOptions};
/// let options = EmbeddedCheckoutOptions {
///     client_secret: ClientSecretSource::Known("cs_test_1_secret_2".into()),
///     // For a session created with `redirect_on_completion=never`.
///     on_complete: Some(Box::new(|| { /* show the page's own receipt */ })),
/// };
/// # let _ = options;
/// ```
pub struct EmbeddedCheckoutOptions {
    /// `clientSecret` or `fetchClientSecret`: the session's client secret, or how to get it.
    pub client_secret: ClientSecretSource,
    /// Called when the session completes, for sessions created with
    /// `redirect_on_completion=never` (otherwise Stripe sends the shopper to the `return_url`).
    pub on_complete: Option<Box<dyn FnMut()>>,
}

/// A mounted-or-not Embedded Checkout. Dropping it does not destroy it: call
/// [`EmbeddedCheckout::destroy`] (a page may hold one at a time). Made by
/// [`Stripe::create_embedded_checkout_page`].
///
/// ```no_run
/// # use stripe_wasm::{EmbeddedCheckout, StripeError};
/// # fn example(checkout: &EmbeddedCheckout, target: &web_sys::Element) -> Result<(), StripeError> {
/// checkout.mount(target)?;
/// // Leaving the page section:
/// checkout.destroy()?;
/// # Ok(())
/// # }
/// ```
pub struct EmbeddedCheckout {
    inner: sys::EmbeddedCheckoutJs,
    // Stripe.js calls these for as long as the checkout lives.
    _fetch: Option<Closure<dyn FnMut() -> Promise>>,
    _on_complete: Option<Closure<dyn FnMut()>>,
}

impl EmbeddedCheckout {
    /// `embeddedCheckout.mount(target)`: Stripe's Checkout page (an iframe) into `target`.
    ///
    /// ```no_run
    /// # fn example(checkout: &stripe_wasm::EmbeddedCheckout) -> Result<(), stripe_wasm::StripeError> {
    /// let document = web_sys::window().unwrap().document().unwrap();
    /// checkout.mount(&document.get_element_by_id("checkout").unwrap())?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn mount(&self, target: &web_sys::Element) -> Result<(), StripeError> {
        self.inner.mount(target).map_err(thrown)
    }

    /// `embeddedCheckout.unmount()`: takes it out of the page; [`EmbeddedCheckout::mount`] puts
    /// it back.
    ///
    /// ```no_run
    /// # fn example(checkout: &stripe_wasm::EmbeddedCheckout) -> Result<(), stripe_wasm::StripeError> {
    /// checkout.unmount()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn unmount(&self) -> Result<(), StripeError> {
        self.inner.unmount().map_err(thrown)
    }

    /// `embeddedCheckout.destroy()`: removes it for good; another may then be created.
    ///
    /// ```no_run
    /// # fn example(checkout: &stripe_wasm::EmbeddedCheckout) -> Result<(), stripe_wasm::StripeError> {
    /// checkout.destroy()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn destroy(&self) -> Result<(), StripeError> {
        self.inner.destroy().map_err(thrown)
    }
}

impl Stripe {
    /// `stripe.createEmbeddedCheckoutPage(options)`: resolves with the checkout, to mount. Stripe
    /// collects and confirms the payment; the shopper is then sent to the session's `return_url`
    /// (or `on_complete` is called). Stripe.js allows one at a time: destroy the last one first.
    ///
    /// ```no_run
    /// use stripe_wasm::{ClientSecretSource, EmbeddedCheckoutOptions, Stripe, StripeError};
    /// # async fn create_session() -> Result<String, String> { Ok(String::new()) }
    /// # async fn example(stripe: &Stripe, target: &web_sys::Element) -> Result<(), StripeError> {
    /// let options =
    ///     EmbeddedCheckoutOptions { client_secret: ClientSecretSource::fetch(create_session), on_complete: None };
    /// let checkout = stripe.create_embedded_checkout_page(options).await?;
    /// checkout.mount(target)?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn create_embedded_checkout_page(
        &self,
        options: EmbeddedCheckoutOptions,
    ) -> Result<EmbeddedCheckout, StripeError> {
        let js = Object::new();
        let fetch = match options.client_secret {
            ClientSecretSource::Known(secret) => {
                set(&js, "clientSecret", &JsValue::from_str(&secret))?;
                None
            }
            ClientSecretSource::Fetch(fetch) => {
                let closure = Closure::<dyn FnMut() -> Promise>::new(move || {
                    let asked = fetch();
                    future_to_promise(async move {
                        asked.await.map(|secret| JsValue::from_str(&secret)).map_err(|e| js_sys::Error::new(&e).into())
                    })
                });
                set(&js, "fetchClientSecret", closure.as_ref())?;
                Some(closure)
            }
        };
        let on_complete = options.on_complete.map(Closure::<dyn FnMut()>::new);
        if let Some(closure) = &on_complete {
            set(&js, "onComplete", closure.as_ref())?;
        }
        let promise: Promise = self.js().create_embedded_checkout_page(&js).map_err(thrown)?;
        let inner = JsFuture::from(promise).await.map_err(thrown)?;
        Ok(EmbeddedCheckout { inner: inner.unchecked_into(), _fetch: fetch, _on_complete: on_complete })
    }
}
