//! Loading Stripe.js as @stripe/stripe-js does: with `advancedFraudSignals: false` and a CSP
//! nonce when asked, and never a second copy of a js.stripe.com Stripe.js the page already has.
//! (Its own page: each test binary is one document, and the first load defines Stripe.)

mod common;

use stripe_wasm::{LoadOptions, load_with};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn scripts(prefix: &str) -> Vec<web_sys::HtmlScriptElement> {
    let document = web_sys::window().unwrap().document().unwrap();
    let found = document.query_selector_all("script[src]").unwrap();
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlScriptElement>().ok())
        .filter(|script| script.src().starts_with(prefix))
        .collect()
}

#[wasm_bindgen_test]
async fn a_page_with_stripe_js_of_any_train_gets_no_second_copy_and_options_reach_the_script() {
    // The page already has js.stripe.com's Stripe.js of another train (it cannot load here:
    // no network to Stripe), and the bindings are asked for v3: they wait for the page's.
    let document = web_sys::window().unwrap().document().unwrap();
    let theirs = document.create_element("script").unwrap();
    theirs.set_attribute("src", "https://js.stripe.com/clover/stripe.js").unwrap();
    document.head().unwrap().append_child(&theirs).unwrap();
    wasm_bindgen_futures::spawn_local(async {
        let _ = stripe_wasm::load("https://js.stripe.com/v3").await;
    });
    gloo_timers::future::TimeoutFuture::new(0).await;
    assert_eq!(scripts("https://js.stripe.com/").len(), 1, "no second copy of Stripe.js was injected");

    // Fraud signals off and a nonce, from the stand-in.
    let url = common::stripe_js_url();
    let options = LoadOptions { advanced_fraud_signals: false, nonce: Some("r4nd0m".into()) };
    load_with(&url, &options).await.unwrap();
    let ours = scripts(&url);
    assert_eq!(ours.len(), 1);
    assert_eq!(ours[0].src(), format!("{url}?advancedFraudSignals=false"));
    // Browsers hide the nonce attribute once the script is in the document; the property keeps it.
    assert_eq!(ours[0].nonce(), "r4nd0m");
}
