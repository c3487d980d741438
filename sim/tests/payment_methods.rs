//! `POST /v1/payment_methods`: what Stripe.js's `createPaymentMethod` calls with the publishable
//! key (the Payment Element's card), and what a server may call with its secret key; then
//! confirming a PaymentIntent with that PaymentMethod from Stripe.js (`confirmCardPayment`).

mod common;

use serde_json::Value;

/// The form Stripe.js posts for a card typed into the Payment Element.
fn card_form<'a>(number: &'a str, cvc: &'a str) -> Vec<(&'a str, &'a str)> {
    card_expiring(number, "12", "2040", cvc)
}

fn card_expiring<'a>(number: &'a str, month: &'a str, year: &'a str, cvc: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("type", "card"),
        ("card[number]", number),
        ("card[exp_month]", month),
        ("card[exp_year]", year),
        ("card[cvc]", cvc),
    ]
}

async fn payment_method(sim: &common::Running, number: &str) -> String {
    let (status, pm) = sim.post_as_stripe_js("/v1/payment_methods", &card_form(number, "123")).await;
    assert_eq!(status, 200, "{pm}");
    pm["id"].as_str().unwrap().to_owned()
}

/// A PaymentIntent for cards, as a server creates it; (id, client_secret).
async fn intent(sim: &common::Running) -> (String, String) {
    let (status, pi) = sim
        .post("/v1/payment_intents", &[("amount", "1099"), ("currency", "usd"), ("payment_method_types[]", "card")])
        .await;
    assert_eq!(status, 200, "{pi}");
    (pi["id"].as_str().unwrap().to_owned(), pi["client_secret"].as_str().unwrap().to_owned())
}

/// Stripe.js's confirm: publishable key, the client secret, the PaymentMethod id.
async fn confirm_as_stripe_js(sim: &common::Running, (id, secret): &(String, String), pm: &str) -> (u16, Value) {
    sim.post_as_stripe_js(
        &format!("/v1/payment_intents/{id}/confirm"),
        &[("client_secret", secret), ("payment_method", pm)],
    )
    .await
}

#[tokio::test]
async fn stripe_js_creates_a_card_payment_method_with_the_publishable_key() {
    let sim = common::start().await;
    let mut form = card_form("4242 4242 4242 4242", "123");
    form.extend([
        ("billing_details[name]", "Jenny Rosen"),
        ("billing_details[email]", "jenny@example.com"),
        ("billing_details[address][country]", "US"),
        ("billing_details[address][postal_code]", "94103"),
    ]);
    let (status, pm) = sim.post_as_stripe_js("/v1/payment_methods", &form).await;
    assert_eq!(status, 200, "{pm}");
    assert!(pm["id"].as_str().unwrap().starts_with("pm_"), "{pm}");
    assert_eq!(pm["object"], "payment_method");
    assert_eq!(pm["type"], "card");
    assert_eq!(pm["card"]["brand"], "visa");
    assert_eq!(pm["card"]["last4"], "4242");
    assert_eq!((pm["card"]["exp_month"].as_i64(), pm["card"]["exp_year"].as_i64()), (Some(12), Some(2040)));
    assert_eq!(pm["billing_details"]["name"], "Jenny Rosen");
    assert_eq!(pm["billing_details"]["email"], "jenny@example.com");
    assert_eq!(pm["billing_details"]["address"]["postal_code"], "94103");
    assert_eq!(pm["billing_details"]["address"]["line1"], Value::Null);
    assert_eq!(pm["customer"], Value::Null);
    assert_eq!(pm["allow_redisplay"], "unspecified");
    assert!(!pm.to_string().contains("4242424242424242"), "the number never comes back: {pm}");

    // The server sees the same PaymentMethod.
    let (status, stored) = sim.get(&format!("/v1/payment_methods/{}", pm["id"].as_str().unwrap())).await;
    assert_eq!(status, 200);
    assert_eq!(stored, pm);
}

#[tokio::test]
async fn a_secret_key_creates_one_too_with_metadata_and_allow_redisplay() {
    let sim = common::start().await;
    let mut form = card_form("5555555555554444", "123");
    form.extend([("allow_redisplay", "always"), ("metadata[order]", "42")]);
    let (status, pm) = sim.post("/v1/payment_methods", &form).await;
    assert_eq!(status, 200, "{pm}");
    assert_eq!(pm["card"]["brand"], "mastercard");
    assert_eq!(pm["allow_redisplay"], "always");
    assert_eq!(pm["metadata"]["order"], "42");
}

/// A request's form, and the status, error type, code and param of Stripe's answer.
type Case<'a> = (Vec<(&'a str, &'a str)>, u16, &'a str, &'a str, &'a str);

#[tokio::test]
async fn card_details_are_checked_as_stripe_checks_them() {
    let sim = common::start().await;
    let cases: Vec<Case> = vec![
        (card_form("4242424242424241", "123"), 402, "card_error", "incorrect_number", "number"),
        (card_form("4242424242424242", "12"), 402, "card_error", "invalid_cvc", "cvc"),
        (card_form("378282246310005", "123"), 402, "card_error", "invalid_cvc", "cvc"),
        (
            card_expiring("4242424242424242", "13", "2040", "123"),
            402,
            "card_error",
            "invalid_expiry_month",
            "exp_month",
        ),
        (card_expiring("4242424242424242", "1", "2001", "123"), 402, "card_error", "invalid_expiry_year", "exp_year"),
        (
            vec![("type", "card"), ("card[exp_month]", "12"), ("card[exp_year]", "2040"), ("card[cvc]", "123")],
            400,
            "invalid_request_error",
            "parameter_missing",
            "card[number]",
        ),
        (vec![("type", "card")], 400, "invalid_request_error", "parameter_missing", "card"),
        (card_form("4242424242424242", "123")[1..].to_vec(), 400, "invalid_request_error", "parameter_missing", "type"),
        (
            vec![("type", "sepa_debit"), ("billing_details[name]", "Jenny Rosen")],
            400,
            "invalid_request_error",
            "parameter_invalid",
            "type",
        ),
        (
            [card_form("4242424242424242", "123"), vec![("card[nmber]", "1")]].concat(),
            400,
            "invalid_request_error",
            "parameter_unknown",
            "nmber",
        ),
        (
            [card_form("4242424242424242", "123"), vec![("allow_redisplay", "sometimes")]].concat(),
            400,
            "invalid_request_error",
            "parameter_invalid",
            "allow_redisplay",
        ),
    ];
    for (form, status, kind, code, param) in cases {
        let (got, body) = sim.post_as_stripe_js("/v1/payment_methods", &form).await;
        let error = &body["error"];
        assert_eq!(
            (got, error["type"].as_str(), error["code"].as_str(), error["param"].as_str()),
            (status, Some(kind), Some(code), Some(param)),
            "{form:?}: {body}"
        );
    }
}

#[tokio::test]
async fn without_a_key_the_request_is_refused() {
    let sim = common::start().await;
    let (status, body) = sim
        .send(sim.http.post(format!("{}/v1/payment_methods", sim.base)).form(&card_form("4242424242424242", "123")))
        .await;
    assert_eq!(status, 401, "{body}");
}

#[tokio::test]
async fn stripe_js_confirms_a_payment_intent_with_the_payment_method_it_created() {
    let sim = common::start().await;
    let pm = payment_method(&sim, "4242424242424242").await;
    let pi = intent(&sim).await;
    let (status, confirmed) = confirm_as_stripe_js(&sim, &pi, &pm).await;
    assert_eq!(status, 200, "{confirmed}");
    assert_eq!(confirmed["status"], "succeeded");
    assert_eq!(confirmed["payment_method"], pm.as_str());
    // Stripe.js sees only the PaymentIntent's public fields.
    assert_eq!(confirmed.get("latest_charge"), None, "{confirmed}");
    let (_, stored) = sim.get(&format!("/v1/payment_intents/{}", pi.0)).await;
    assert_eq!((stored["status"].as_str(), stored["amount_received"].as_i64()), (Some("succeeded"), Some(1099)));

    // Without the right client secret, Stripe.js cannot confirm.
    let other = intent(&sim).await;
    let wrong = (other.0.clone(), format!("{}_secret_wrong", other.0));
    let (status, body) = confirm_as_stripe_js(&sim, &wrong, &pm).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("client_secret")), "{body}");
}

#[tokio::test]
async fn a_3ds_card_requires_action_and_a_decline_card_declines_at_confirm_time() {
    let sim = common::start().await;
    let authenticate = payment_method(&sim, "4000002500003155").await;
    let (status, pi) = confirm_as_stripe_js(&sim, &intent(&sim).await, &authenticate).await;
    assert_eq!((status, pi["status"].as_str()), (200, Some("requires_action")), "{pi}");
    assert_eq!(pi["next_action"]["type"], "use_stripe_sdk");

    // Created without complaint; declined when paid with.
    let declined = payment_method(&sim, "4000000000000002").await;
    let (status, body) = confirm_as_stripe_js(&sim, &intent(&sim).await, &declined).await;
    assert_eq!(status, 402, "{body}");
    let error = &body["error"];
    assert_eq!((error["type"].as_str(), error["code"].as_str()), (Some("card_error"), Some("card_declined")));
    assert_eq!(error["decline_code"], "generic_decline");
    assert_eq!(error["payment_method"]["id"], declined.as_str());
    // The PaymentIntent the error carries is the one Stripe.js may see: public fields only.
    let intent = &error["payment_intent"];
    assert_eq!(intent["status"], "requires_payment_method");
    assert_eq!(intent["last_payment_error"]["code"], "card_declined");
    assert!(intent["client_secret"].is_string(), "{intent}");
    assert_eq!(intent.get("latest_charge"), None, "{intent}");
    assert_eq!(intent.get("metadata"), None, "{intent}");
}
