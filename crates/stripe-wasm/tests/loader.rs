//! Loading Stripe.js when it cannot be fetched, then when it can: a failed load is reported
//! (not a hang), and a later attempt starts afresh.

mod common;

use stripe_wasm::{LoadError, load};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_unreachable_stripe_js_is_a_network_error_and_a_later_load_still_works() {
    // Port 9 (discard) on loopback: connection refused at once.
    let dead = "http://127.0.0.1:9/endive/stripe.js";
    assert_eq!(load(dead).await, Err(LoadError::Network { url: dead.into() }));
    assert_eq!(load(&common::stripe_js_url()).await, Ok(()));
    assert!(stripe_wasm::Stripe::new(common::PK).is_ok());
}
