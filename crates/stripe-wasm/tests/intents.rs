//! Confirming intents in the browser through the bindings, against the Stripe.js stand-in:
//! `confirm_payment` / `confirm_setup` (with a PaymentMethod, with an Elements group made from
//! the client secret, with a deferred-intent group), `retrieve_setup_intent`,
//! `create_payment_method`, and the Elements options a client secret excludes. (Typing a card
//! into the cross-origin Payment Element is the end-to-end tests' part: e2e/stripe-js-intents.)

mod common;

use common::{PK, container, record, server_post, stripe_js_url, until};
use stripe_wasm::{
    Confirm, ConfirmPaymentParams, ConfirmSetupParams, ElementEvent, ElementsOptions, ErrorType, Mode,
    PaymentElementOptions, PaymentIntentStatus, PaymentMethodCreation, PaymentMethodData, Redirect, Stripe,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn stripe() -> Stripe {
    Stripe::load(&stripe_js_url(), PK).await.expect("Stripe.js stand-in loads")
}

fn secret(intent: &serde_json::Value) -> String {
    intent["client_secret"].as_str().expect("a client secret").to_owned()
}

async fn card_intent() -> serde_json::Value {
    server_post("/v1/payment_intents", "amount=1099&currency=usd&payment_method_types[]=card").await
}

/// A mounted Payment Element of a group made with `options`, once ready.
async fn mounted(stripe: &Stripe, options: &ElementsOptions) -> (stripe_wasm::Elements, stripe_wasm::Element) {
    let elements = stripe.elements(options).unwrap();
    let element = elements.create_payment_element(&PaymentElementOptions::default()).unwrap();
    let (ready, _listener) = record::<ElementEvent>(&element, "ready");
    element.mount(&container()).unwrap();
    assert!(until(10_000, || !ready.borrow().is_empty()).await, "ready");
    (elements, element)
}

#[wasm_bindgen_test]
async fn confirm_payment_with_a_payment_method_resolves_with_the_payment_intent() {
    let stripe = stripe().await;
    let intent = card_intent().await;
    let params = ConfirmPaymentParams { payment_method: Some("pm_card_visa".into()), ..Default::default() };
    let confirmed = stripe
        .confirm_payment(&Confirm::client_secret(secret(&intent), params).redirect(Redirect::IfRequired))
        .await
        .unwrap();
    assert_eq!(confirmed.status, PaymentIntentStatus::Succeeded);
    assert_eq!(confirmed.id, intent["id"].as_str().unwrap());
    assert_eq!(confirmed.amount, 1099);
}

#[wasm_bindgen_test]
async fn a_declined_payment_method_is_the_card_error_with_its_payment_intent() {
    let stripe = stripe().await;
    let intent = card_intent().await;
    let params = ConfirmPaymentParams { payment_method: Some("pm_card_chargeDeclined".into()), ..Default::default() };
    let err = stripe
        .confirm_payment(&Confirm::client_secret(secret(&intent), params).redirect(Redirect::IfRequired))
        .await
        .unwrap_err();
    assert_eq!((err.type_, err.code.as_deref()), (ErrorType::CardError, Some("card_declined")));
    let intent = err.payment_intent.expect("the PaymentIntent comes with the error");
    assert_eq!(intent.status, PaymentIntentStatus::RequiresPaymentMethod);
}

#[wasm_bindgen_test]
async fn elements_for_an_intent_validate_on_confirm_without_submit() {
    let stripe = stripe().await;
    let intent = card_intent().await;
    let (elements, element) = mounted(&stripe, &ElementsOptions::for_intent(secret(&intent))).await;
    let err = stripe
        .confirm_payment(&Confirm::elements(&elements, ConfirmPaymentParams::default()).redirect(Redirect::IfRequired))
        .await
        .unwrap_err();
    assert_eq!((err.type_, err.code.as_deref()), (ErrorType::ValidationError, Some("incomplete_number")));
    element.destroy().unwrap();
}

#[wasm_bindgen_test]
async fn a_deferred_group_must_be_submitted_first_and_redirect_always_needs_a_return_url() {
    let stripe = stripe().await;
    let intent = card_intent().await;
    let (elements, element) = mounted(&stripe, &ElementsOptions::payment(1099, "usd")).await;
    let early =
        Confirm::deferred(&elements, secret(&intent), ConfirmPaymentParams::default()).redirect(Redirect::IfRequired);
    let err = stripe.confirm_payment(&early).await.unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert!(err.message.unwrap().starts_with("elements.submit() must be called before stripe.confirmPayment()"));
    let no_return = Confirm::deferred(&elements, secret(&intent), ConfirmPaymentParams::default());
    let err = stripe.confirm_payment(&no_return).await.unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert!(err.message.unwrap().contains("confirmParams.return_url"));
    element.destroy().unwrap();
}

#[wasm_bindgen_test]
async fn a_client_secret_and_a_mode_together_are_refused_before_stripe_js() {
    let stripe = stripe().await;
    let both = ElementsOptions { mode: Some(Mode::Payment), ..ElementsOptions::for_intent("pi_1_secret_2") };
    let err = stripe.elements(&both).err().expect("refused");
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert!(err.message.unwrap().contains("`mode` cannot be used with a `clientSecret`"));
    let neither = ElementsOptions { mode: None, ..ElementsOptions::payment(1, "usd") };
    assert!(stripe.elements(&neither).is_err());
}

#[wasm_bindgen_test]
async fn confirm_setup_saves_a_payment_method_and_retrieve_setup_intent_reads_it() {
    let stripe = stripe().await;
    let customer = server_post("/v1/customers", "email=jenny%40example.com").await;
    let body = format!("customer={}&payment_method_types[]=card", customer["id"].as_str().unwrap());
    let setup = server_post("/v1/setup_intents", &body).await;
    let params = ConfirmSetupParams { payment_method: Some("pm_card_visa".into()), ..Default::default() };
    let confirmed = stripe
        .confirm_setup(&Confirm::client_secret(secret(&setup), params).redirect(Redirect::IfRequired))
        .await
        .unwrap();
    assert_eq!(confirmed.status, PaymentIntentStatus::Succeeded);
    let read = stripe.retrieve_setup_intent(&secret(&setup)).await.unwrap();
    assert_eq!((read.id.as_str(), read.status), (setup["id"].as_str().unwrap(), PaymentIntentStatus::Succeeded));
    assert!(read.payment_method.is_some());
    let err = stripe.retrieve_setup_intent("pi_1_secret_2").await.unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
}

#[wasm_bindgen_test]
async fn create_payment_method_needs_submit_first_and_a_manual_group() {
    let stripe = stripe().await;
    let manual = ElementsOptions {
        payment_method_creation: Some(PaymentMethodCreation::Manual),
        ..ElementsOptions::payment(1099, "usd")
    };
    let (elements, element) = mounted(&stripe, &manual).await;
    let err = stripe.create_payment_method(&elements, &PaymentMethodData::default()).await.unwrap_err();
    assert_eq!(err.type_, ErrorType::IntegrationError);
    assert!(err.message.unwrap().starts_with("elements.submit() must be called before stripe.createPaymentMethod()"));
    // An empty card: submit() says what to fix, and nothing is created.
    assert_eq!(elements.submit().await.unwrap_err().code.as_deref(), Some("incomplete_number"));
    element.destroy().unwrap();
}
