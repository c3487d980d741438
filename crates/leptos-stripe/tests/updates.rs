//! Options given as signals reach Stripe.js through update(), never by re-creating Elements:
//! checked against a JavaScript test double that records every call.

use leptos::prelude::*;
use leptos_stripe::{Elements, PaymentElement};
use stripe_wasm::{ElementsOptions, LayoutType, PaymentElementOptions, Stripe};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function install_double() {
  const calls = [];
  window.__calls = calls;
  window.Stripe = function () {
    return {
      elements(options) {
        calls.push('elements ' + JSON.stringify(options));
        return {
          create(type, opts) {
            calls.push('create ' + type + ' ' + JSON.stringify(opts));
            return {
              mount() { calls.push('mount ' + type); },
              update(o) { calls.push('element.update ' + JSON.stringify(o)); },
              destroy() { calls.push('destroy ' + type); },
              on() {}, off() {},
            };
          },
          update(o) { calls.push('elements.update ' + JSON.stringify(o)); return Promise.resolve(); },
        };
      },
    };
  };
}
export function calls() { return window.__calls.join('\n'); }
"#)]
extern "C" {
    fn install_double();
    fn calls() -> String;
}

#[wasm_bindgen_test]
async fn signal_changes_become_updates_and_cleanup_destroys() {
    install_double();
    let stripe = Stripe::new("pk_test_double").unwrap();
    let amount = RwSignal::new(5098_i64);
    let layout = RwSignal::new(LayoutType::Tabs);
    let node = browser_test_support::container();

    let handle = leptos::mount::mount_to(node, move || {
        let options = Signal::derive(move || ElementsOptions::payment(amount.get(), "usd"));
        let element_options = Signal::derive(move || PaymentElementOptions { layout: Some(layout.get().into()) });
        view! {
            <Elements stripe=stripe options=options>
                <PaymentElement options=element_options />
            </Elements>
        }
    });
    leptos::task::tick().await;
    assert_eq!(
        calls(),
        "elements {\"mode\":\"payment\",\"amount\":5098,\"currency\":\"usd\"}\ncreate payment {\"layout\":{\"type\":\"tabs\"}}\nmount payment"
    );

    amount.set(4098);
    layout.set(LayoutType::Accordion);
    leptos::task::tick().await;
    leptos::task::tick().await;
    let log = calls();
    assert!(log.contains("elements.update {\"amount\":4098}"), "{log}");
    assert!(log.contains("element.update {\"layout\":{\"type\":\"accordion\"}}"), "{log}");
    assert_eq!(log.matches("create payment").count(), 1, "never re-created: {log}");
    assert_eq!(log.matches("elements {").count(), 1, "one group: {log}");

    amount.set(4098);
    leptos::task::tick().await;
    assert_eq!(calls().matches("elements.update").count(), 1, "no update without a change");

    drop(handle);
    leptos::task::tick().await;
    assert!(calls().ends_with("destroy payment"), "{}", calls());
}
