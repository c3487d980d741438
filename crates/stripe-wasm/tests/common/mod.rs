#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use stripe_wasm::{Element, Listener};
use wasm_bindgen::JsCast;

/// The Stripe stand-in (`scripts/test.sh` starts it; see `.cargo/config.toml`).
pub fn stripe_js_url() -> String {
    format!("{}/endive/stripe.js", env!("STRIPE_SIM_URL"))
}

pub const PK: &str = "pk_test_browser_tests";

/// A fresh `<div>` in the page to mount into.
pub fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Records every `event` the element emits.
pub fn record<E: DeserializeOwned + 'static>(
    element: &Element,
    event: &'static str,
) -> (Rc<RefCell<Vec<E>>>, Listener) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = element.on(event, move |e: E| sink.borrow_mut().push(e)).unwrap();
    (seen, listener)
}

/// Waits until `done()` holds, for at most `ms` milliseconds.
pub async fn until(ms: u32, mut done: impl FnMut() -> bool) -> bool {
    let mut waited = 0;
    while !done() {
        if waited >= ms {
            return false;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
        waited += 20;
    }
    true
}

pub fn iframes_in(node: &web_sys::HtmlElement) -> Vec<web_sys::HtmlIFrameElement> {
    let list = node.query_selector_all("iframe").unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}
