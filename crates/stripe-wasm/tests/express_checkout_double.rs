//! The Express Checkout Element's answered events against a JavaScript test double of
//! Stripe.js: the typed event the page gets, and exactly what its `resolve`, `reject` and
//! `paymentFailed` pass back to Stripe.js. (The stand-in's wallet itself is driven end to end
//! in e2e/stripe-js-elements.test.mjs.)

use std::cell::RefCell;
use std::rc::Rc;

use stripe_wasm::{
    ChangeResolveDetails, ClickResolveDetails, ElementsOptions, ExpressCheckoutElementOptions, LineItem,
    PaymentFailedDetails, PaymentFailedReason, ShippingRate, Stripe,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function install_double() {
  const answers = [];
  window.__answers = answers;
  window.Stripe = function () {
    return {
      elements() {
        return {
          create(type) {
            const handlers = {};
            const element = {
              mount() {}, destroy() {},
              on(name, fn) { (handlers[name] = handlers[name] || []).push(fn); },
              off(name, fn) { handlers[name] = (handlers[name] || []).filter((h) => h !== fn); },
            };
            window.__emit = (name, payload) => {
              const answer = (kind) => (value) => answers.push([name, kind, JSON.stringify(value === undefined ? null : value)]);
              const event = Object.assign({ elementType: type }, payload,
                { resolve: answer('resolve'), reject: answer('reject'), paymentFailed: answer('paymentFailed') });
              (handlers[name] || []).forEach((h) => h(event));
            };
            return element;
          },
        };
      },
    };
  };
}
export function emit(name, payload) { window.__emit(name, JSON.parse(payload)); }
export function answers() { return JSON.stringify(window.__answers.splice(0)); }
"#)]
extern "C" {
    fn install_double();
    fn emit(name: &str, payload: &str);
    fn answers() -> String;
}

fn element() -> stripe_wasm::Element {
    install_double();
    let elements = Stripe::new("pk_test_double").unwrap().elements(&ElementsOptions::payment(5098, "usd")).unwrap();
    elements.create("expressCheckout", &ExpressCheckoutElementOptions::default()).unwrap()
}

fn rate(id: &str, amount: i64) -> ShippingRate {
    ShippingRate { id: id.into(), amount, display_name: id.into(), delivery_estimate: None }
}

#[wasm_bindgen_test]
fn a_click_is_answered_with_what_the_sheet_must_show() {
    let element = element();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let _listener = element
        .on_click(move |event| {
            sink.borrow_mut().push(event.express_payment_type.clone());
            let details = ClickResolveDetails {
                shipping_address_required: Some(true),
                shipping_rates: Some(vec![rate("standard", 0)]),
                line_items: Some(vec![LineItem { name: "Ferris plush".into(), amount: 2499 }]),
                ..Default::default()
            };
            event.resolve(&details).unwrap();
        })
        .unwrap();
    emit("click", r#"{"expressPaymentType":"apple_pay"}"#);
    assert_eq!(*seen.borrow(), ["apple_pay"]);
    assert_eq!(
        answers(),
        r#"[["click","resolve","{\"lineItems\":[{\"name\":\"Ferris plush\",\"amount\":2499}],\"shippingAddressRequired\":true,\"shippingRates\":[{\"id\":\"standard\",\"amount\":0,\"displayName\":\"standard\"}]}"]]"#
    );
}

#[wasm_bindgen_test]
fn shipping_changes_are_resolved_or_rejected() {
    let element = element();
    let _address = element
        .on_shipping_address_change(|event| match event.address.country.as_deref() {
            Some("US") => event
                .resolve(&ChangeResolveDetails { shipping_rates: Some(vec![rate("us", 500)]), line_items: None })
                .unwrap(),
            _ => event.reject().unwrap(),
        })
        .unwrap();
    let _rate = element
        .on_shipping_rate_change(|event| {
            let line =
                LineItem { name: format!("Shipping ({})", event.shipping_rate.id), amount: event.shipping_rate.amount };
            event.resolve(&ChangeResolveDetails { line_items: Some(vec![line]), shipping_rates: None }).unwrap();
        })
        .unwrap();
    emit(
        "shippingaddresschange",
        r#"{"name":"Jenny","address":{"city":"SF","state":"CA","postal_code":"94107","country":"US"}}"#,
    );
    emit(
        "shippingaddresschange",
        r#"{"name":"Taro","address":{"city":"Tokyo","state":"","postal_code":"100-0001","country":"JP"}}"#,
    );
    emit("shippingratechange", r#"{"shippingRate":{"id":"us","amount":500,"displayName":"US"}}"#);
    assert_eq!(
        answers(),
        r#"[["shippingaddresschange","resolve","{\"shippingRates\":[{\"id\":\"us\",\"amount\":500,\"displayName\":\"us\"}]}"],["shippingaddresschange","reject","null"],["shippingratechange","resolve","{\"lineItems\":[{\"name\":\"Shipping (us)\",\"amount\":500}]}"]]"#
    );
}

#[wasm_bindgen_test]
fn confirm_gives_what_the_wallet_collected_and_can_fail_the_payment() {
    let element = element();
    let seen = Rc::new(RefCell::new(None));
    let sink = seen.clone();
    let _listener = element
        .on_confirm(move |event| {
            *sink.borrow_mut() = Some(event.clone());
            let details = PaymentFailedDetails {
                reason: PaymentFailedReason::AddressUnserviceable,
                message: Some("We do not ship there.".into()),
            };
            event.payment_failed(&details).unwrap();
        })
        .unwrap();
    emit(
        "confirm",
        r#"{"expressPaymentType":"google_pay","billingDetails":{"name":"Jenny Rosen","email":"jenny@example.com","address":{"line1":"1 Harbour Way","line2":null,"city":"SF","state":"CA","postal_code":"94107","country":"US"}},"shippingRate":{"id":"us","amount":500,"displayName":"US","deliveryEstimate":"2 days"}}"#,
    );
    let event = seen.borrow().clone().expect("the page got the confirm event");
    assert_eq!(event.express_payment_type, "google_pay");
    let billing = event.billing_details.unwrap();
    assert_eq!((billing.name.as_str(), billing.email.as_deref()), ("Jenny Rosen", Some("jenny@example.com")));
    assert_eq!(billing.address.postal_code.as_deref(), Some("94107"));
    assert_eq!(event.shipping_address, None);
    assert_eq!(event.shipping_rate.unwrap().amount, 500);
    assert_eq!(
        answers(),
        r#"[["confirm","paymentFailed","{\"reason\":\"address_unserviceable\",\"message\":\"We do not ship there.\"}"]]"#
    );
}
