//! The page's host. For the shop's own pages (`/`, `/konbini`, ...) there is none: `/api` is
//! this origin's and nothing is told. When the checkout is embedded in a merchant's page
//! (feature `embed`, `src/embed/`), the host element is: `/api` is where its `data-api` says,
//! and what happens is told to it as DOM events (`checkout:ready`, `checkout:paid`,
//! `checkout:failed`, `checkout:konbini-pending`). The pages call these either way; without the
//! feature they compile to nothing, so the card checkout's first load carries none of it.

use checkout_api::stripe_common::StripeError;

/// Where a request for `path` (`/api/...`) goes.
pub fn api_url(path: &str) -> String {
    #[cfg(feature = "embed")]
    if let Some(base) = crate::embed::api_base() {
        // `data-api` names the server's `/api` itself.
        return format!("{base}{}", path.strip_prefix("/api").unwrap_or(path));
    }
    path.to_owned()
}

/// `/api/config`, in the language an embedding page asks for (`data-locale`); otherwise the
/// server answers in the browser's `Accept-Language`.
pub fn config_path() -> String {
    #[cfg(feature = "embed")]
    if let Some(locale) = crate::embed::locale() {
        return format!("/api/config?locale={}", js_sys::encode_uri_component(&locale));
    }
    "/api/config".to_owned()
}

/// Asks a cross-origin `/api` to take the shopper's cookie (the demo sign-in) as well.
pub fn prepare(init: &web_sys::RequestInit) {
    #[cfg(feature = "embed")]
    if crate::embed::api_base().is_some() {
        init.set_credentials(web_sys::RequestCredentials::Include);
    }
    let _ = init;
}

/// Where Stripe sends the shopper back after a redirect: this origin's `/complete`, or the
/// host's page (its `data-return-url`, else the page itself), which the embed reads on load.
pub fn return_url() -> String {
    #[cfg(feature = "embed")]
    if let Some(url) = crate::embed::return_url() {
        return url;
    }
    format!("{}{}", leptos::prelude::window().location().origin().unwrap_or_default(), shop_page("/complete"))
}

/// `path` among the shop's own pages, keeping a language the shopper chose with `?lang=`
/// (the browser's own language needs nothing: every page reads it).
pub fn shop_page(path: &str) -> String {
    match crate::shared::query_parameter("lang") {
        Some(lang) => format!("{path}?lang={}", String::from(js_sys::encode_uri_component(&lang))),
        None => path.to_owned(),
    }
}

/// Where "Back to checkout" goes: the shop's checkout, or the host page (without the query
/// Stripe's redirect added).
pub fn checkout_url() -> String {
    #[cfg(feature = "embed")]
    if let Some(url) = crate::embed::return_url() {
        return url;
    }
    shop_page("/")
}

/// The payment form is ready for the shopper.
pub fn ready() {
    #[cfg(feature = "embed")]
    crate::embed::events::ready();
}

/// A payment went through (succeeded, or processing and settling later).
pub fn paid(order_id: &str, amount: i64, currency: &str) {
    #[cfg(feature = "embed")]
    crate::embed::events::paid(order_id, amount, currency);
    let _ = (order_id, amount, currency);
}

/// A payment failed (declined, refused, not reachable); the shopper was told why. Not for
/// what the shopper is still fixing in a field.
pub fn failed(code: &str, message: &str) {
    #[cfg(feature = "embed")]
    crate::embed::events::failed(code, message);
    let _ = (code, message);
}

/// [`failed`] with a Stripe error's code (else its type) and the message the shopper saw.
pub fn failed_with(error: &StripeError) {
    #[cfg(feature = "embed")]
    crate::embed::events::failed_with(error);
    let _ = error;
}

/// A konbini payment waits at the store until `expires_at` (Unix seconds, when Stripe said).
pub fn konbini_pending(order_id: &str, expires_at: Option<i64>) {
    #[cfg(feature = "embed")]
    crate::embed::events::konbini_pending(order_id, expires_at);
    let _ = (order_id, expires_at);
}

/// Where the look's CSS custom properties and `data-theme` go: the page's root element, or the
/// host element of an embedded checkout (its scoped CSS reads them there).
pub fn look_root() -> Option<web_sys::Element> {
    #[cfg(feature = "embed")]
    if let Some(root) = crate::embed::root() {
        return Some(root.into());
    }
    leptos::prelude::document().document_element()
}
