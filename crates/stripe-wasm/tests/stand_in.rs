//! The bindings against the Stripe.js stand-in served by the stand-in server (cross-origin, as
//! js.stripe.com is): loading, keys, Elements options, mounting, validation on submit,
//! misuse errors, destroy.

mod common;

use common::{PK, container, iframes_in, record, stripe_js_url, until};
use stripe_wasm::{
    AddressDefaults, AddressElementOptions, AddressMode, ConfirmationTokenParams, DefaultAddress, ElementEvent,
    ElementsOptions, ErrorType, PaymentElementOptions, Stripe,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn stripe() -> Stripe {
    Stripe::load(&stripe_js_url(), PK).await.expect("Stripe.js stand-in loads")
}

#[wasm_bindgen_test]
async fn loads_stripe_js_once_however_often_asked() {
    stripe().await;
    stripe().await;
    let document = web_sys::window().unwrap().document().unwrap();
    let scripts = document.query_selector_all(&format!("script[src=\"{}\"]", stripe_js_url())).unwrap();
    assert_eq!(scripts.length(), 1);
}

#[wasm_bindgen_test]
async fn a_secret_key_is_refused() {
    stripe().await;
    let err = Stripe::new("sk_test_123").err().expect("refused");
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert!(err.message.unwrap().contains("secret key"));
}

#[wasm_bindgen_test]
async fn deferred_elements_need_an_amount_and_a_lowercase_currency() {
    let stripe = stripe().await;
    let mut options = ElementsOptions::payment(1099, "usd");
    options.amount = None;
    let err = stripe.elements(&options).err().expect("amount required");
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert!(err.message.unwrap().contains("amount"));
    assert!(stripe.elements(&ElementsOptions::payment(1099, "USD")).is_err());
    assert!(stripe.elements(&ElementsOptions::payment(1099, "usd")).is_ok());
}

#[wasm_bindgen_test]
async fn the_payment_element_mounts_a_secure_iframe_and_reports_ready() {
    let stripe = stripe().await;
    let elements = stripe.elements(&ElementsOptions::payment(5098, "usd")).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    let (ready, _listener) = record::<ElementEvent>(&element, "ready");
    let node = container();
    element.mount(&node).unwrap();
    assert!(until(10_000, || !ready.borrow().is_empty()).await, "ready event");
    assert_eq!(ready.borrow()[0].element_type, "payment");
    let frames = iframes_in(&node);
    assert_eq!(frames.len(), 1);
    assert_eq!(frames[0].title(), "Secure payment input frame");
    assert!(frames[0].src().starts_with(env!("STRIPE_SIM_URL")), "served by Stripe's origin, not the page's");
    assert!(elements.get_element("payment").is_some());
    element.destroy().unwrap();
}

#[wasm_bindgen_test]
async fn submit_with_an_empty_card_returns_stripes_validation_error() {
    let stripe = stripe().await;
    let elements = stripe.elements(&ElementsOptions::payment(5098, "usd")).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    let (ready, _listener) = record::<ElementEvent>(&element, "ready");
    element.mount(&container()).unwrap();
    assert!(until(10_000, || !ready.borrow().is_empty()).await);

    let err = elements.submit().await.unwrap_err();
    assert_eq!(err.type_, ErrorType::ValidationError);
    assert_eq!(err.code.as_deref(), Some("incomplete_number"));
    assert_eq!(err.message.as_deref(), Some("Your card number is incomplete."));
    element.destroy().unwrap();
}

#[wasm_bindgen_test]
async fn a_confirmation_token_before_submit_is_an_integration_error() {
    let stripe = stripe().await;
    let elements = stripe.elements(&ElementsOptions::payment(5098, "usd")).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    element.mount(&container()).unwrap();
    let err = stripe.create_confirmation_token(&elements, &ConfirmationTokenParams::default()).await.unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert!(err.message.unwrap().contains("elements.submit()"));
    element.destroy().unwrap();
}

#[wasm_bindgen_test]
async fn destroy_removes_the_iframe_and_frees_the_kind() {
    let stripe = stripe().await;
    let elements = stripe.elements(&ElementsOptions::payment(5098, "usd")).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    assert!(
        elements.create_payment_element(&PaymentElementOptions::default()).is_err(),
        "one Payment Element per group"
    );
    let node = container();
    element.mount(&node).unwrap();
    assert_eq!(iframes_in(&node).len(), 1);
    element.destroy().unwrap();
    assert!(iframes_in(&node).is_empty());
    assert!(elements.get_element("payment").is_none());
    assert_eq!(element.mount(&node).unwrap_err().type_, ErrorType::IntegrationError);
    assert!(elements.create_payment_element(&PaymentElementOptions::default()).is_ok());
}

#[wasm_bindgen_test]
async fn retrieve_payment_intent_refuses_a_malformed_client_secret() {
    let stripe = stripe().await;
    let err = stripe.retrieve_payment_intent("not-a-secret").await.unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
}

#[wasm_bindgen_test]
async fn the_address_element_gives_its_value_with_get_value() {
    let stripe = stripe().await;
    let elements = stripe.elements(&ElementsOptions::payment(5098, "usd")).unwrap();
    let mut options = AddressElementOptions::new(AddressMode::Shipping);
    options.default_values = Some(AddressDefaults {
        name: Some("Jenny Rosen".into()),
        address: Some(DefaultAddress {
            line1: Some("1234 Fake Street".into()),
            city: Some("San Francisco".into()),
            state: Some("CA".into()),
            postal_code: Some("94102".into()),
            ..DefaultAddress::country("US")
        }),
        phone: None,
    });
    let element = elements.create_address_element(&options).unwrap();
    let (ready, _listener) = record::<ElementEvent>(&element, "ready");
    let node = container();
    element.mount(&node).unwrap();
    assert!(until(10_000, || !ready.borrow().is_empty()).await);
    assert_eq!(iframes_in(&node)[0].title(), "Secure address input frame");
    let value = element.get_address_value().await.unwrap();
    assert!(value.complete);
    assert_eq!(value.value.name, "Jenny Rosen");
    assert_eq!(value.value.address.postal_code.as_deref(), Some("94102"));
    assert_eq!(value.value.to_shipping().address.country.as_deref(), Some("US"));
    element.destroy().unwrap();
}

#[wasm_bindgen_test]
async fn a_group_has_a_shipping_and_a_billing_address_element_found_by_mode() {
    let stripe = stripe().await;
    let elements = stripe.elements(&ElementsOptions::payment(5098, "usd")).unwrap();
    let mut shipping = AddressElementOptions::new(AddressMode::Shipping);
    shipping.default_values = Some(AddressDefaults {
        name: Some("Ship To".into()),
        address: Some(DefaultAddress::country("US")),
        ..Default::default()
    });
    let mut billing = AddressElementOptions::new(AddressMode::Billing);
    billing.default_values = Some(AddressDefaults {
        name: Some("Bill To".into()),
        address: Some(DefaultAddress::country("JP")),
        ..Default::default()
    });
    let (first, second) =
        (elements.create_address_element(&shipping).unwrap(), elements.create_address_element(&billing).unwrap());
    let nodes = (container(), container());
    let (ready_first, _l1) = record::<ElementEvent>(&first, "ready");
    let (ready_second, _l2) = record::<ElementEvent>(&second, "ready");
    first.mount(&nodes.0).unwrap();
    second.mount(&nodes.1).unwrap();
    assert!(until(10_000, || !ready_first.borrow().is_empty() && !ready_second.borrow().is_empty()).await);
    let billing_found = elements.get_address_element(AddressMode::Billing).expect("the billing Address Element");
    assert_eq!(billing_found.get_address_value().await.unwrap().value.name, "Bill To");
    let shipping_found = elements.get_address_element(AddressMode::Shipping).expect("the shipping Address Element");
    assert_eq!(shipping_found.get_address_value().await.unwrap().value.name, "Ship To");
    // A second Address Element of the same mode is refused, as Stripe.js refuses it.
    let Err(err) = elements.create_address_element(&shipping) else { panic!("a second shipping Address Element") };
    assert_eq!(err.type_, ErrorType::IntegrationError);
    first.destroy().unwrap();
    second.destroy().unwrap();
}

#[wasm_bindgen_test]
async fn get_value_is_only_for_the_address_element() {
    let stripe = stripe().await;
    let elements = stripe.elements(&ElementsOptions::payment(5098, "usd")).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    assert_eq!(element.get_address_value().await.unwrap_err().type_, ErrorType::IntegrationError);
}

#[wasm_bindgen_test]
async fn handle_next_action_refuses_a_malformed_client_secret() {
    let stripe = stripe().await;
    let err = stripe.handle_next_action("nope").await.unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
}

#[wasm_bindgen_test]
async fn focus_blur_and_clear_act_inside_the_iframe() {
    use stripe_wasm::ChangeEvent;
    let stripe = stripe().await;
    let elements = stripe.elements(&ElementsOptions::payment(5098, "usd")).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    let (started, _l1) = record::<ElementEvent>(&element, "loaderstart");
    let (ready, _l2) = record::<ElementEvent>(&element, "ready");
    let (focused, _l3) = record::<ElementEvent>(&element, "focus");
    let (blurred, _l4) = record::<ElementEvent>(&element, "blur");
    let (changes, _l5) = record::<ChangeEvent>(&element, "change");
    element.mount(&container()).unwrap();
    assert_eq!(started.borrow().len(), 1, "loaderstart as soon as it mounts");
    assert!(until(10_000, || !ready.borrow().is_empty()).await);

    element.focus().unwrap();
    assert!(until(5_000, || !focused.borrow().is_empty()).await, "focus reached the card field");
    element.blur().unwrap();
    assert!(until(5_000, || !blurred.borrow().is_empty()).await, "blur too");
    element.clear().unwrap();
    assert!(until(5_000, || !changes.borrow().is_empty()).await);
    let change = changes.borrow()[0].clone();
    assert!(change.empty && !change.complete);
    element.collapse().unwrap();
    elements.fetch_updates().await.unwrap();
    element.destroy().unwrap();
}

/// A konbini PaymentIntent made on the stand-in with a secret key, as the server makes it.
async fn konbini_intent() -> serde_json::Value {
    common::server_post("/v1/payment_intents", "amount=6900&currency=jpy&allowed_payment_method_types[]=konbini").await
}

#[wasm_bindgen_test]
async fn confirm_konbini_payment_without_the_modal_gives_the_instructions() {
    use stripe_wasm::{ConfirmKonbiniData, ConfirmKonbiniOptions, PaymentIntentStatus};
    let stripe = stripe().await;
    let intent = konbini_intent().await;
    let secret = intent["client_secret"].as_str().unwrap();
    let data = ConfirmKonbiniData::new("山田 花子", "hanako@example.jp", Some("09012345678".into()));
    let confirmed =
        stripe.confirm_konbini_payment(secret, &data, ConfirmKonbiniOptions { handle_actions: false }).await.unwrap();
    assert_eq!(confirmed.status, PaymentIntentStatus::RequiresAction);
    let details = confirmed.next_action.unwrap().konbini_display_details.unwrap();
    assert_eq!(details.stores.lawson.unwrap().confirmation_number.as_deref(), Some("09012345678"));
    assert!(details.hosted_voucher_url.unwrap().contains("/konbini/vouchers/"));
}

#[wasm_bindgen_test]
async fn a_rejected_confirmation_number_is_a_stripe_error() {
    use stripe_wasm::{ConfirmKonbiniData, ConfirmKonbiniOptions};
    let stripe = stripe().await;
    let intent = konbini_intent().await;
    let data = ConfirmKonbiniData::new("山田 花子", "hanako@example.jp", Some("01234567890".into()));
    let err = stripe
        .confirm_konbini_payment(intent["client_secret"].as_str().unwrap(), &data, ConfirmKonbiniOptions::default())
        .await
        .unwrap_err();
    assert_eq!(err.code.as_deref(), Some("payment_intent_konbini_rejected_confirmation_number"));
}

#[wasm_bindgen_test]
async fn constructor_options_and_app_info_reach_stripe_js() {
    let _ = stripe().await;
    let options = stripe_wasm::StripeOptions {
        stripe_account: Some("acct_1".into()),
        locale: Some("ja".into()),
        ..Default::default()
    };
    let stripe = Stripe::with_options(common::PK, &options).unwrap();
    let info = stripe_wasm::AppInfo {
        name: "leptos-stripe".into(),
        version: Some("0.1.0".into()),
        url: None,
        partner_id: None,
    };
    stripe.register_app_info(&info).unwrap();
    let nameless = stripe_wasm::AppInfo { name: String::new(), ..info };
    assert_eq!(stripe.register_app_info(&nameless).unwrap_err().type_, ErrorType::IntegrationError);
}
