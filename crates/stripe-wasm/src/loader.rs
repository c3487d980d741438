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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The script could not be fetched (offline, blocked by an extension or a CSP, ...).
    Network { url: String },
    /// The script loaded but did not define `window.Stripe`.
    NotStripeJs { url: String },
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

/// Makes `window.Stripe` available, loading Stripe.js from `url` if needed.
pub async fn load(url: &str) -> Result<(), LoadError> {
    let window = web_sys::window().ok_or(LoadError::NoDocument)?;
    if stripe_defined(&window) {
        return Ok(());
    }
    let document = window.document().ok_or(LoadError::NoDocument)?;
    let first = attempt(&document, url).await;
    let result = match first {
        Err(LoadError::Network { .. }) => attempt(&document, url).await,
        other => other,
    };
    result?;
    if stripe_defined(&window) { Ok(()) } else { Err(LoadError::NotStripeJs { url: url.to_owned() }) }
}

async fn attempt(document: &Document, url: &str) -> Result<(), LoadError> {
    let script = match find_script(document, url) {
        Some(script) if script.get_attribute(STATE_ATTRIBUTE).as_deref() == Some("loaded") => return Ok(()),
        Some(script) if script.get_attribute(STATE_ATTRIBUTE).as_deref() == Some("loading") => script,
        // A failed script, or one whose state we cannot know: start again with our own.
        Some(stale) => {
            stale.remove();
            inject(document, url)?
        }
        None => inject(document, url)?,
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

fn find_script(document: &Document, url: &str) -> Option<HtmlScriptElement> {
    let scripts = document.query_selector_all("script[src]").ok()?;
    (0..scripts.length())
        .filter_map(|i| scripts.item(i)?.dyn_into::<HtmlScriptElement>().ok())
        .find(|script| script.get_attribute("src").as_deref() == Some(url))
}

fn inject(document: &Document, url: &str) -> Result<HtmlScriptElement, LoadError> {
    let script: HtmlScriptElement =
        document.create_element("script").ok().and_then(|e| e.dyn_into().ok()).ok_or(LoadError::NoDocument)?;
    script.set_src(url);
    script.set_async(true);
    let _ = script.set_attribute(STATE_ATTRIBUTE, "loading");
    let parent = document.head().map(web_sys::Element::from).or_else(|| document.body().map(Into::into));
    parent.ok_or(LoadError::NoDocument)?.append_child(&script).map_err(|_| LoadError::NoDocument)?;
    Ok(script)
}

fn stripe_defined(window: &web_sys::Window) -> bool {
    Reflect::get(window, &JsValue::from_str("Stripe")).is_ok_and(|v| v.is_function())
}
