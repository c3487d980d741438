//! The checkout embedded in a merchant's page: `dist/embed/embed.js` (the loader) loads this and
//! calls [`mount`] with each host element (README, Embedding).

use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the checkout into `root` (`<div data-stripe-checkout ...>` or `<stripe-checkout>`).
#[wasm_bindgen]
pub fn mount(root: web_sys::HtmlElement) {
    checkout_app::embed::mount(root);
}

fn main() {}
