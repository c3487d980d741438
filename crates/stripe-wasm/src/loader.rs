//! Loading Stripe.js the way `@stripe/stripe-js` does: from Stripe's own host (PCI forbids
//! bundling or self-hosting it), once per page, reusing a script already injected, and
//! retrying once after a failed load.

use std::fmt;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, HtmlScriptElement};

/// Marks scripts this loader injected, with their state: `loading`, `loaded` or `failed`.
const STATE_ATTRIBUTE: &str = "data-stripe-wasm";

/// Why [`load`] failed. Its `Display` is a sentence for logs (not for shoppers: tell them the
/// payment form could not load).
///
/// ```
/// use stripe_wasm::LoadError;
/// let error = LoadError::Network { url: "https://js.stripe.com/endive/stripe.js".into() };
/// assert_eq!(error.to_string(), "Failed to load Stripe.js from https://js.stripe.com/endive/stripe.js");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The script could not be fetched (offline, blocked by an extension or a CSP, ...), twice.
    Network {
        /// The script's URL, as requested.
        url: String,
    },
    /// The script loaded but did not define `window.Stripe`.
    NotStripeJs {
        /// The script's URL, as requested.
        url: String,
    },
    /// Not running in a browser page.
    NoDocument,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network { url } => write!(f, "Failed to load Stripe.js from {url}"),
            Self::NotStripeJs { url } => write!(f, "{url} loaded but did not define Stripe"),
            Self::NoDocument => write!(f, "Stripe.js needs a browser document"),
        }
    }
}

impl std::error::Error for LoadError {}

/// How to load Stripe.js, as `loadStripe.setLoadParameters` and a CSP take it.
///
/// ```
/// use stripe_wasm::LoadOptions;
/// let options = LoadOptions { nonce: Some("r4nd0m".into()), ..LoadOptions::default() };
/// assert!(options.advanced_fraud_signals, "on unless turned off");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Stripe.js's fraud signals (on by default, as Stripe recommends); `false` loads it with
    /// `?advancedFraudSignals=false`.
    pub advanced_fraud_signals: bool,
    /// The page's CSP nonce, for a `script-src 'nonce-…'` policy.
    pub nonce: Option<String>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self { advanced_fraud_signals: true, nonce: None }
    }
}

/// Makes `window.Stripe` available, loading Stripe.js from `url` if needed (`loadStripe`
/// without the instance): `https://js.stripe.com/endive/stripe.js` for the train these
/// bindings follow. Injects one `<script async>` into `<head>`, reuses a Stripe.js already on
/// the page (see [`load_with`]) and tries once more after a network failure.
///
/// ```no_run
/// # async fn example() -> Result<(), stripe_wasm::LoadError> {
/// stripe_wasm::load("https://js.stripe.com/endive/stripe.js").await?;
/// let stripe = stripe_wasm::Stripe::new("pk_test_123");
/// # let _ = stripe;
/// # Ok(())
/// # }
/// ```
pub async fn load(url: &str) -> Result<(), LoadError> {
    load_with(url, &LoadOptions::default()).await
}

/// [`load`] with options. A Stripe.js already on the page (any of js.stripe.com's release
/// trains, or v3) is used, never a second copy.
///
/// ```no_run
/// use stripe_wasm::LoadOptions;
/// # async fn example() -> Result<(), stripe_wasm::LoadError> {
/// // A page with `Content-Security-Policy: script-src 'nonce-r4nd0m'`.
/// let options = LoadOptions { nonce: Some("r4nd0m".into()), ..LoadOptions::default() };
/// stripe_wasm::load_with("https://js.stripe.com/endive/stripe.js", &options).await?;
/// # Ok(())
/// # }
/// ```
pub async fn load_with(url: &str, options: &LoadOptions) -> Result<(), LoadError> {
    let window = web_sys::window().ok_or(LoadError::NoDocument)?;
    if stripe_defined(&window) {
        return Ok(());
    }
    let url = &script_url(url, options);
    let document = window.document().ok_or(LoadError::NoDocument)?;
    let first = attempt(&document, url, options).await;
    let result = match first {
        Err(LoadError::Network { .. }) => attempt(&document, url, options).await,
        other => other,
    };
    result?;
    if stripe_defined(&window) { Ok(()) } else { Err(LoadError::NotStripeJs { url: url.to_owned() }) }
}

async fn attempt(document: &Document, url: &str, options: &LoadOptions) -> Result<(), LoadError> {
    let script = match find_script(document, url) {
        Some(script) if script.get_attribute(STATE_ATTRIBUTE).as_deref() == Some("loaded") => return Ok(()),
        Some(script) if script.get_attribute(STATE_ATTRIBUTE).as_deref() == Some("loading") => script,
        // The page's own Stripe.js tag, still loading (Stripe is not defined yet): wait for it.
        Some(script) if script.get_attribute(STATE_ATTRIBUTE).is_none() => {
            let _ = script.set_attribute(STATE_ATTRIBUTE, "loading");
            script
        }
        // A failed script: start again with our own.
        Some(stale) => {
            stale.remove();
            inject(document, url, options)?
        }
        None => inject(document, url, options)?,
    };
    // Listeners are attached before yielding to the event loop, so no load event is missed.
    let settled = Promise::new(&mut |resolve: Function, reject: Function| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    match JsFuture::from(settled).await {
        Ok(_) => {
            let _ = script.set_attribute(STATE_ATTRIBUTE, "loaded");
            Ok(())
        }
        Err(_) => {
            let _ = script.set_attribute(STATE_ATTRIBUTE, "failed");
            Err(LoadError::Network { url: url.to_owned() })
        }
    }
}

/// The script for `url`, or for js.stripe.com's Stripe.js of any train when `url` is one.
fn find_script(document: &Document, url: &str) -> Option<HtmlScriptElement> {
    let scripts = document.query_selector_all("script[src]").ok()?;
    (0..scripts.length())
        .filter_map(|i| scripts.item(i)?.dyn_into::<HtmlScriptElement>().ok())
        .find(|script| script.get_attribute("src").is_some_and(|src| same_stripe_js(&src, url)))
}

/// Whether `src` loads the Stripe.js `url` asks for: the same URL, or both js.stripe.com's.
pub(crate) fn same_stripe_js(src: &str, url: &str) -> bool {
    src == url || (is_stripe_hosted(src) && is_stripe_hosted(url))
}

/// js.stripe.com's Stripe.js as @stripe/stripe-js recognises it: `/v3` (with or without a
/// trailing slash or query) or `/<train>/stripe.js` (`/clover/stripe.js`, ...).
pub(crate) fn is_stripe_hosted(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://js.stripe.com/") else { return false };
    let path = rest.split('?').next().unwrap_or_default();
    match path.split_once('/') {
        None => path == "v3",
        Some((train, "")) => train == "v3",
        Some((train, "stripe.js")) => {
            !train.is_empty() && train.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        }
        Some(_) => false,
    }
}

/// `url` with `?advancedFraudSignals=false` when fraud signals are off.
fn script_url(url: &str, options: &LoadOptions) -> String {
    match options.advanced_fraud_signals {
        true => url.to_owned(),
        false => format!("{url}{}advancedFraudSignals=false", if url.contains('?') { '&' } else { '?' }),
    }
}

fn inject(document: &Document, url: &str, options: &LoadOptions) -> Result<HtmlScriptElement, LoadError> {
    let script: HtmlScriptElement =
        document.create_element("script").ok().and_then(|e| e.dyn_into().ok()).ok_or(LoadError::NoDocument)?;
    script.set_src(url);
    script.set_async(true);
    if let Some(nonce) = &options.nonce {
        let _ = script.set_attribute("nonce", nonce);
    }
    let _ = script.set_attribute(STATE_ATTRIBUTE, "loading");
    let parent = document.head().map(web_sys::Element::from).or_else(|| document.body().map(Into::into));
    parent.ok_or(LoadError::NoDocument)?.append_child(&script).map_err(|_| LoadError::NoDocument)?;
    Ok(script)
}

fn stripe_defined(window: &web_sys::Window) -> bool {
    Reflect::get(window, &JsValue::from_str("Stripe")).is_ok_and(|v| v.is_function())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_stripe_com_of_any_train_is_the_same_stripe_js() {
        for url in [
            "https://js.stripe.com/v3",
            "https://js.stripe.com/v3/",
            "https://js.stripe.com/v3?advancedFraudSignals=false",
            "https://js.stripe.com/clover/stripe.js",
            "https://js.stripe.com/basil/stripe.js?advancedFraudSignals=false",
        ] {
            assert!(is_stripe_hosted(url), "{url}");
            assert!(same_stripe_js(url, "https://js.stripe.com/clover/stripe.js"), "{url}");
        }
        for url in [
            "http://js.stripe.com/v3",
            "https://js.stripe.com/v2",
            "https://js.stripe.com/v3/elements.js",
            "https://js.stripe.com/clover/other.js",
            "https://evil.example/js.stripe.com/v3",
            "http://127.0.0.1:12111/endive/stripe.js",
        ] {
            assert!(!is_stripe_hosted(url), "{url}");
        }
        // Another host's Stripe.js (the stand-in) is only ever itself.
        assert!(same_stripe_js("http://127.0.0.1:12111/endive/stripe.js", "http://127.0.0.1:12111/endive/stripe.js"));
        assert!(!same_stripe_js("http://127.0.0.1:12111/endive/stripe.js", "https://js.stripe.com/v3"));
    }

    #[test]
    fn fraud_signals_off_is_a_query_parameter() {
        let off = LoadOptions { advanced_fraud_signals: false, nonce: None };
        assert_eq!(
            script_url("https://js.stripe.com/clover/stripe.js", &off),
            "https://js.stripe.com/clover/stripe.js?advancedFraudSignals=false"
        );
        assert_eq!(script_url("https://x/stripe.js?a=1", &off), "https://x/stripe.js?a=1&advancedFraudSignals=false");
        assert_eq!(script_url("https://js.stripe.com/v3", &LoadOptions::default()), "https://js.stripe.com/v3");
    }
}
