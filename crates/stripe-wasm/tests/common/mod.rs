#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use stripe_wasm::{Element, Listener};

// Not every test file uses all of them.
#[allow(unused_imports)]
pub use browser_test_support::{container, iframes_in, server_post, stripe_js_url, until};

pub const PK: &str = "pk_test_browser_tests";

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
