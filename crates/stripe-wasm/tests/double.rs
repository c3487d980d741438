//! The bindings against a JavaScript test double of Stripe.js: exactly what is passed to
//! Stripe.js, and how each kind of answer is decoded.

use std::cell::RefCell;
use std::rc::Rc;

use stripe_wasm::{
    Address, AddressElementOptions, AddressMode, ChangeEvent, ConfirmationTokenParams, ElementsOptions, ErrorType,
    LayoutType, NextActionResult, PaymentElementOptions, PaymentIntentStatus, Shipping, Stripe,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function install_double() {
  const calls = [];
  window.__calls = calls;
  function element(type) {
    const handlers = {};
    return {
      mount(node) { calls.push(['mount', type]); },
      destroy() { calls.push(['destroy', type]); },
      focus() { calls.push(['focus', type]); },
      blur() { calls.push(['blur', type]); },
      clear() { calls.push(['clear', type]); },
      collapse() { calls.push(['collapse', type]); },
      update(o) { calls.push(['element.update', JSON.stringify(o)]); },
      on(name, fn) { (handlers[name] = handlers[name] || []).push(fn); },
      off(name, fn) { handlers[name] = (handlers[name] || []).filter(h => h !== fn); },
      emit(name, payload) { (handlers[name] || []).forEach(h => h(payload)); },
      listeners(name) { return (handlers[name] || []).length; },
    };
  }
  window.Stripe = function (key) {
    calls.push(['Stripe', key]);
    const created = {};
    return {
      elements(options) {
        calls.push(['elements', JSON.stringify(options)]);
        const group = {
          create(type, opts) { calls.push(['create', type, JSON.stringify(opts)]); return created[type] = element(type); },
          getElement(type) { return created[type] || null; },
          submit() { return Promise.resolve({ selectedPaymentMethod: 'card' }); },
          update(opts) { calls.push(['update', JSON.stringify(opts)]); return Promise.resolve(); },
          fetchUpdates() {
            calls.push(['fetchUpdates']);
            return Promise.resolve(window.__fetchUpdatesError ? { error: window.__fetchUpdatesError } : {});
          },
        };
        window.__group = group;
        return group;
      },
      createConfirmationToken(options) {
        calls.push(['createConfirmationToken', options.elements === window.__group, JSON.stringify(options.params)]);
        if (options.params.return_url === 'https://shop.example/decline') {
          return Promise.resolve({ error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline',
            message: 'Your card was declined.', request_log_url: 'https://dashboard.stripe.com/x' } });
        }
        return Promise.resolve({ confirmationToken: { id: 'ctoken_double', object: 'confirmation_token', expires_at: 1,
          payment_method_preview: { type: 'card', card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034, wallet: null } },
          brand_new_field: { nested: true } } });
      },
      handleNextAction(options) {
        calls.push(['handleNextAction', JSON.stringify(options)]);
        if (options.clientSecret.startsWith('seti_')) {
          return Promise.resolve({ setupIntent: { id: 'seti_1', object: 'setup_intent', status: 'succeeded',
            client_secret: options.clientSecret, next_action: null, payment_method: 'pm_2', usage: 'off_session' } });
        }
        return Promise.resolve({ paymentIntent: { id: 'pi_1', object: 'payment_intent', amount: 1099, currency: 'usd',
          status: 'succeeded', next_action: { type: 'some_new_action', some_new_action: {} }, payment_method: 'pm_1' } });
      },
      retrievePaymentIntent(secret) { return Promise.reject(new Error('network down')); },
      confirmKonbiniPayment(secret, data, options) {
        calls.push(['confirmKonbiniPayment', secret, JSON.stringify(data), JSON.stringify(options)]);
        return Promise.resolve({ paymentIntent: { id: 'pi_k', object: 'payment_intent', amount: 6900, currency: 'jpy',
          status: 'requires_action', next_action: { type: 'konbini_display_details', konbini_display_details: {
            expires_at: 1795675199, hosted_voucher_url: 'https://example.test/v',
            stores: { familymart: { confirmation_number: '09012345678', payment_code: '123456' }, lawson: null } } } } });
      },
    };
  };
}
export function calls() { return JSON.stringify(window.__calls); }
export function emit_change(payload) { window.__group.getElement('payment').emit('change', JSON.parse(payload)); }
export function emit_event(name, payload) { window.__group.getElement('payment').emit(name, JSON.parse(payload)); }
export function change_listeners() { return window.__group.getElement('payment').listeners('change'); }
"#)]
extern "C" {
    fn install_double();
    fn calls() -> String;
    fn emit_change(payload: &str);
    fn emit_event(name: &str, payload: &str);
    fn change_listeners() -> u32;
}

fn stripe() -> Stripe {
    install_double();
    Stripe::new("pk_test_double").unwrap()
}

#[wasm_bindgen_test]
fn options_reach_stripe_js_in_its_own_names_without_empty_fields() {
    let stripe = stripe();
    let mut options = ElementsOptions::payment(5098, "usd");
    options.payment_method_creation = Some(stripe_wasm::PaymentMethodCreation::Manual);
    let elements = stripe.elements(&options).unwrap();
    elements.create_payment_element(&PaymentElementOptions { layout: Some(LayoutType::Accordion.into()) }).unwrap();
    let calls = calls();
    assert!(
        calls.contains(
            r#"{\"mode\":\"payment\",\"amount\":5098,\"currency\":\"usd\",\"paymentMethodCreation\":\"manual\"}"#
        ),
        "{calls}"
    );
    assert!(calls.contains(r#"{\"layout\":{\"type\":\"accordion\"}}"#), "{calls}");
}

#[wasm_bindgen_test]
async fn a_confirmation_token_is_decoded_and_gets_the_elements_group_and_params() {
    let stripe = stripe();
    let elements = stripe.elements(&ElementsOptions::payment(1099, "usd")).unwrap();
    let params = ConfirmationTokenParams {
        return_url: Some("https://shop.example/complete".into()),
        shipping: Some(Shipping {
            name: Some("Jenny Rosen".into()),
            address: Address { country: Some("US".into()), ..Default::default() },
            phone: None,
        }),
    };
    let token = stripe.create_confirmation_token(&elements, &params).await.unwrap();
    assert_eq!(token.id, "ctoken_double");
    let card = token.payment_method_preview.unwrap().card.unwrap();
    assert_eq!((card.brand.as_str(), card.last4.as_str()), ("visa", "4242"));
    let calls = calls();
    assert!(calls.contains(r#"["createConfirmationToken",true,"#), "the group itself is passed: {calls}");
    assert!(calls.contains(r#"\"return_url\":\"https://shop.example/complete\""#), "{calls}");
    // An API address: every field there, null when unknown (Stripe.js's `Address`).
    assert!(
        calls.contains(r#"\"shipping\":{\"name\":\"Jenny Rosen\",\"address\":{\"line1\":null,\"line2\":null,\"city\":null,\"state\":null,\"postal_code\":null,\"country\":\"US\"}}"#),
        "{calls}"
    );
}

#[wasm_bindgen_test]
async fn a_resolved_error_becomes_a_stripe_error() {
    let stripe = stripe();
    let elements = stripe.elements(&ElementsOptions::payment(1099, "usd")).unwrap();
    let params = ConfirmationTokenParams { return_url: Some("https://shop.example/decline".into()), shipping: None };
    let err = stripe.create_confirmation_token(&elements, &params).await.unwrap_err();
    assert_eq!(err.type_, ErrorType::CardError);
    assert_eq!(err.decline_code.as_deref(), Some("generic_decline"));
    assert_eq!(err.shopper_message(), "Your card was declined.");
}

#[wasm_bindgen_test]
async fn next_actions_send_the_client_secret_and_tolerate_unknown_action_types() {
    let stripe = stripe();
    let Ok(NextActionResult::PaymentIntent(intent)) = stripe.handle_next_action("pi_1_secret_abc").await else {
        panic!("a PaymentIntent's next action resolves with the PaymentIntent")
    };
    assert_eq!(intent.status, PaymentIntentStatus::Succeeded);
    assert_eq!(intent.next_action.unwrap().type_, "some_new_action");
    assert!(calls().contains(r#"{\"clientSecret\":\"pi_1_secret_abc\"}"#));
}

#[wasm_bindgen_test]
async fn a_setup_intents_next_action_resolves_with_the_setup_intent() {
    // Stripe.js: `handleNextAction` resolves `{paymentIntent}` or `{setupIntent}`.
    let stripe = stripe();
    let result = stripe.handle_next_action("seti_1_secret_abc").await.unwrap();
    assert_eq!(result.status(), PaymentIntentStatus::Succeeded);
    let NextActionResult::SetupIntent(intent) = result else { panic!("a SetupIntent: {result:?}") };
    assert_eq!(intent.id, "seti_1");
    assert_eq!(intent.usage.as_deref(), Some("off_session"));
}

#[wasm_bindgen_test]
async fn a_rejected_promise_is_an_integration_error_not_a_panic() {
    let stripe = stripe();
    let err = stripe.retrieve_payment_intent("pi_1_secret_abc").await.unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert_eq!(err.message.as_deref(), Some("network down"));
}

#[wasm_bindgen_test]
fn change_events_are_typed_and_dropping_the_listener_unsubscribes() {
    let stripe = stripe();
    let elements = stripe.elements(&ElementsOptions::payment(1099, "usd")).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    let seen = Rc::new(RefCell::new(Vec::<ChangeEvent>::new()));
    let sink = seen.clone();
    let listener = element.on_change(move |e| sink.borrow_mut().push(e)).unwrap();
    emit_change(
        r#"{"elementType":"payment","empty":false,"complete":true,"collapsed":false,
        "value":{"type":"card","payment_method":{"id":"pm_saved","type":"card","billing_details":{}}},"future":1}"#,
    );
    assert_eq!(seen.borrow().len(), 1);
    assert!(seen.borrow()[0].complete);
    assert_eq!(seen.borrow()[0].value.payment_method.as_ref().unwrap().id, "pm_saved");
    assert_eq!(change_listeners(), 1);
    drop(listener);
    assert_eq!(change_listeners(), 0);
}

#[wasm_bindgen_test]
async fn setup_future_usage_left_out_of_an_update_is_unset_with_null() {
    // StripeElementsUpdateOptions: `setupFutureUsage?: 'off_session' | 'on_session' | null`.
    let stripe = stripe();
    let saving =
        ElementsOptions { setup_future_usage: Some("off_session".into()), ..ElementsOptions::payment(5098, "usd") };
    let elements = stripe.elements(&saving).unwrap();
    let not_saving = ElementsOptions::payment(5098, "usd");
    elements.update_changed(&saving, &not_saving).await.unwrap();
    assert!(calls().contains(r#"["update","{\"setupFutureUsage\":null}"]"#), "{}", calls());
}

#[wasm_bindgen_test]
async fn elements_updates_send_only_what_changed_and_refuse_what_stripe_cannot_update() {
    let stripe = stripe();
    let before = ElementsOptions::payment(5098, "usd");
    let elements = stripe.elements(&before).unwrap();
    let mut after = before.clone();
    after.amount = Some(4098);
    elements.update_changed(&before, &after).await.unwrap();
    assert!(calls().contains(r#"["update","{\"amount\":4098}"]"#), "{}", calls());

    let mut forbidden = after.clone();
    forbidden.payment_method_creation = Some(stripe_wasm::PaymentMethodCreation::Manual);
    forbidden.amount = Some(1);
    let err = elements.update_changed(&after, &forbidden).await.unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert!(err.message.unwrap().contains("paymentMethodCreation"));
    assert!(!calls().contains(r#"\"amount\":1"#), "nothing was sent: {}", calls());

    elements.update_changed(&after, &after.clone()).await.unwrap();
    assert_eq!(calls().matches("\"update\"").count(), 1, "no call when nothing changed");
}

#[wasm_bindgen_test]
async fn element_and_group_methods_reach_stripe_js() {
    let stripe = stripe();
    let elements = stripe.elements(&ElementsOptions::payment(1099, "usd")).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    element.focus().unwrap();
    element.blur().unwrap();
    element.clear().unwrap();
    element.collapse().unwrap();
    element.update(&PaymentElementOptions { layout: Some(LayoutType::Accordion.into()) }).unwrap();
    elements.fetch_updates().await.unwrap();
    let calls = calls();
    for expected in [
        r#"["focus","payment"]"#,
        r#"["blur","payment"]"#,
        r#"["clear","payment"]"#,
        r#"["collapse","payment"]"#,
        r#"["element.update","{\"layout\":{\"type\":\"accordion\"}}"]"#,
        r#"["fetchUpdates"]"#,
    ] {
        assert!(calls.contains(expected), "{expected} in {calls}");
    }
}

#[wasm_bindgen_test]
fn collapse_is_the_payment_elements_only() {
    let stripe = stripe();
    let elements = stripe.elements(&ElementsOptions::payment(1099, "usd")).unwrap();
    let address = elements.create_address_element(&AddressElementOptions::new(AddressMode::Shipping)).unwrap();
    let err = address.collapse().unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert!(!calls().contains(r#"["collapse","address"]"#), "nothing reached Stripe.js");
}

#[wasm_bindgen_test]
async fn submit_says_which_payment_method_was_chosen() {
    let stripe = stripe();
    let elements = stripe.elements(&ElementsOptions::payment(1099, "usd")).unwrap();
    let submitted = elements.submit().await.unwrap();
    assert_eq!(submitted.selected_payment_method.as_deref(), Some("card"));
}

#[wasm_bindgen(
    inline_js = "export function fail_fetch_updates(message, status) { window.__fetchUpdatesError = message ? { message, status } : null; }"
)]
extern "C" {
    fn fail_fetch_updates(message: &str, status: &str);
}

#[wasm_bindgen_test]
async fn a_failed_fetch_updates_is_its_message_and_status_not_a_stripe_error() {
    // Stripe.js declares `fetchUpdates(): Promise<{error?: {message: string; status?: string}}>`.
    let stripe = stripe();
    let elements = stripe.elements(&ElementsOptions::payment(1099, "usd")).unwrap();
    fail_fetch_updates("The PaymentIntent could not be loaded.", "404");
    let err = elements.fetch_updates().await.unwrap_err();
    fail_fetch_updates("", "");
    assert_eq!(err.message, "The PaymentIntent could not be loaded.");
    assert_eq!(err.status.as_deref(), Some("404"));
}

#[wasm_bindgen_test]
fn every_payment_element_event_arrives_typed() {
    let stripe = stripe();
    let elements = stripe.elements(&ElementsOptions::payment(1099, "usd")).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let log = |name: &'static str| {
        let seen = seen.clone();
        move |e: stripe_wasm::ElementEvent| seen.borrow_mut().push(format!("{name}:{}", e.element_type))
    };
    let _listeners = [
        element.on_ready(log("ready")).unwrap(),
        element.on_focus(log("focus")).unwrap(),
        element.on_blur(log("blur")).unwrap(),
        element.on_escape(log("escape")).unwrap(),
        element.on_loader_start(log("loaderstart")).unwrap(),
    ];
    let errors = Rc::new(RefCell::new(Vec::new()));
    let sink = errors.clone();
    let _load_error = element.on_load_error(move |e| sink.borrow_mut().push(e)).unwrap();
    for name in ["loaderstart", "ready", "focus", "blur", "escape"] {
        emit_event(name, r#"{"elementType":"payment"}"#);
    }
    emit_event(
        "loaderror",
        r#"{"elementType":"payment","error":{"type":"invalid_request_error","message":"Invalid API key"}}"#,
    );
    assert_eq!(
        *seen.borrow(),
        ["loaderstart:payment", "ready:payment", "focus:payment", "blur:payment", "escape:payment"]
    );
    assert_eq!(errors.borrow()[0].error.type_, ErrorType::InvalidRequestError);
    assert_eq!(errors.borrow()[0].error.message.as_deref(), Some("Invalid API key"));
}

#[wasm_bindgen_test]
async fn confirm_konbini_payment_sends_stripes_shape_and_reads_the_instructions() {
    use stripe_wasm::{ConfirmKonbiniData, ConfirmKonbiniOptions};
    let stripe = stripe();
    let data = ConfirmKonbiniData::new("山田 花子", "hanako@example.jp", Some("09012345678".into()));
    let intent = stripe
        .confirm_konbini_payment("pi_k_secret_x", &data, ConfirmKonbiniOptions { handle_actions: false })
        .await
        .unwrap();
    let calls = calls();
    assert!(
        calls.contains(r#"{\"payment_method\":{\"billing_details\":{\"name\":\"山田 花子\",\"email\":\"hanako@example.jp\"}},\"payment_method_options\":{\"konbini\":{\"confirmation_number\":\"09012345678\"}}}"#),
        "{calls}"
    );
    assert!(calls.contains(r#"{\"handleActions\":false}"#), "{calls}");
    let details = intent.next_action.unwrap().konbini_display_details.unwrap();
    assert_eq!(details.stores.familymart.unwrap().payment_code, "123456");
    assert_eq!(details.hosted_voucher_url.as_deref(), Some("https://example.test/v"));
}
