//! The checkout embedded in a merchant's own page (feature `embed`, the `embed` entry): the
//! loader (`dist/embed/embed.js`, written by scripts/embed-build.mjs) finds the host element
//! (`<div data-stripe-checkout data-api=...>` or `<stripe-checkout>`) and calls [`mount`]. The
//! same pages as the shop's own (card, konbini, the result after a redirect), without the
//! shop's header, inside the host element: `/api` where `data-api` says, the look from the
//! server and the host's `data-appearance`, the cart and email handed in, and what happens told
//! to the host as DOM events (`events`).

pub mod events;
mod options;
mod shell;

use std::cell::RefCell;

use leptos::prelude::*;

pub use options::{EmbedOptions, Method};
pub use shell::EmbeddedShop;

/// The mounted checkout's host element and settings (one checkout per page).
struct Host {
    root: web_sys::HtmlElement,
    options: EmbedOptions,
}

thread_local! {
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
}

/// The class on the host element that the embed's scoped CSS hangs from (scripts/embed-build.mjs).
pub const ROOT_CLASS: &str = "stripe-checkout";

/// Mounts the checkout into `root`, configured by its `data-*` attributes. Bad attributes (a
/// cart that is not JSON, an `data-api` that is not a URL) are said in the element and in a
/// `checkout:failed` event with code `invalid_embed_options`, and in the console.
pub fn mount(root: web_sys::HtmlElement) {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    if HOST.with_borrow(Option::is_some) {
        leptos::logging::error!("stripe-checkout: one checkout per page; this element is left empty");
        return;
    }
    let _ = root.class_list().add_1(ROOT_CLASS);
    let options = EmbedOptions::read(&root);
    // Words before the configuration: the language it will most likely choose.
    let wanted = options.as_ref().ok().and_then(|o| o.locale.clone()).filter(|l| l != "auto");
    let language = wanted.or_else(|| window().navigator().language()).unwrap_or_default();
    let early = checkout_api::texts::negotiate(&language);
    crate::i18n::set_early(early);
    let _ = root.set_attribute("lang", early);
    HOST.set(Some(Host { root: root.clone(), options: options.clone().unwrap_or_default() }));
    let handle = match options {
        Ok(options) => leptos::mount::mount_to(root, move || view! { <EmbeddedShop options /> }.into_any()),
        Err(message) => {
            leptos::logging::error!("stripe-checkout: {message}");
            events::failed("invalid_embed_options", &message);
            leptos::mount::mount_to(root, move || {
                view! { <crate::shared::LoadFailure message on_retry=|_| reload() /> }.into_any()
            })
        }
    };
    // The checkout lives as long as the page.
    handle.forget();
}

fn reload() {
    let _ = window().location().reload();
}

/// The host element, for the events and the look.
pub fn root() -> Option<web_sys::HtmlElement> {
    HOST.with_borrow(|host| host.as_ref().map(|h| h.root.clone()))
}

/// `data-api`: the checkout server's origin (and path) when it is not the page's.
pub fn api_base() -> Option<String> {
    HOST.with_borrow(|host| host.as_ref().and_then(|h| h.options.api.clone()))
}

/// `data-return-url`, else the host page itself without its query.
pub fn return_url() -> Option<String> {
    HOST.with_borrow(|host| {
        let host = host.as_ref()?;
        host.options.return_url.clone().or_else(|| {
            let location = window().location();
            Some(format!("{}{}", location.origin().ok()?, location.pathname().ok()?))
        })
    })
}

/// `data-locale`, what `/api/config` is asked in; `None` for `auto` or none: the server then
/// goes by the browser's `Accept-Language` (all its languages, by weight).
pub fn locale() -> Option<String> {
    HOST.with_borrow(|host| host.as_ref().and_then(|h| h.options.locale.clone())).filter(|l| l != "auto")
}

/// `data-parent-origin`: inside an iframe, the one origin the events are posted to.
pub fn parent_origin() -> Option<String> {
    HOST.with_borrow(|host| host.as_ref().and_then(|h| h.options.parent_origin.clone()))
}
