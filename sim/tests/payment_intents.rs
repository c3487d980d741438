//! The PaymentIntent API of the stand-in, over HTTP, as the checkout server uses it.

mod common;

use serde_json::json;

#[tokio::test]
async fn create_and_confirm_with_a_confirmation_token_succeeds_for_4242() {
    let sim = common::start().await;
    let token = sim.confirmation_token("4242424242424242").await;
    let (status, pi) = sim.create_and_confirm("5098", &token).await;
    assert_eq!(status, 200, "{pi}");
    assert_eq!(pi["status"], "succeeded");
    assert_eq!(pi["amount"], 5098);
    assert_eq!(pi["amount_received"], 5098);
    assert!(pi["latest_charge"].as_str().unwrap().starts_with("ch_"));
    assert!(pi["client_secret"].as_str().unwrap().starts_with(&format!("{}_secret_", pi["id"].as_str().unwrap())));

    // The PaymentMethod exists and shows the card without its number.
    let pm_id = pi["payment_method"].as_str().unwrap();
    let (status, pm) = sim.get(&format!("/v1/payment_methods/{pm_id}")).await;
    assert_eq!(status, 200);
    assert_eq!(pm["card"]["last4"], "4242");
    assert_eq!(pm["card"]["brand"], "visa");
    assert!(!pm.to_string().contains("4242424242424242"));

    // The token is marked used by this PaymentIntent.
    let (_, token) = sim.get(&format!("/v1/confirmation_tokens/{token}")).await;
    assert_eq!(token["payment_intent"], pi["id"]);
}

#[tokio::test]
async fn a_confirmation_token_is_used_only_once() {
    let sim = common::start().await;
    let token = sim.confirmation_token("4242424242424242").await;
    assert_eq!(sim.create_and_confirm("1099", &token).await.0, 200);
    let (status, body) = sim.create_and_confirm("1099", &token).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["type"], "invalid_request_error");
    assert_eq!(body["error"]["param"], "confirmation_token");
}

#[tokio::test]
async fn a_confirmation_token_expires_after_12_hours() {
    let sim = common::start().await;
    let token = sim.confirmation_token("4242424242424242").await;
    let (status, _) = sim.send(sim.http.post(format!("{}/_sim/clock/advance?seconds={}", sim.base, 12 * 3600))).await;
    assert_eq!(status, 200);
    let (status, body) = sim.create_and_confirm("1099", &token).await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("expired"), "{body}");
}

#[tokio::test]
async fn declined_cards_answer_402_and_leave_the_intent_requiring_a_payment_method() {
    let sim = common::start().await;
    for (card, code, decline_code) in [
        ("4000000000000002", "card_declined", "generic_decline"),
        ("4000000000009995", "card_declined", "insufficient_funds"),
        ("4000000000000069", "expired_card", "expired_card"),
        ("4000000000000127", "incorrect_cvc", "incorrect_cvc"),
    ] {
        let token = sim.confirmation_token(card).await;
        let (status, body) = sim.create_and_confirm("1099", &token).await;
        assert_eq!(status, 402, "{card}: {body}");
        let error = &body["error"];
        assert_eq!(error["type"], "card_error");
        assert_eq!(error["code"], code);
        assert_eq!(error["decline_code"], decline_code);
        assert_eq!(error["payment_intent"]["status"], "requires_payment_method");
        assert_eq!(error["payment_intent"]["last_payment_error"]["code"], code);

        let id = error["payment_intent"]["id"].as_str().unwrap();
        let (_, stored) = sim.get(&format!("/v1/payment_intents/{id}")).await;
        assert_eq!(stored["status"], "requires_payment_method");
    }
}

#[tokio::test]
async fn three_d_secure_card_requires_action() {
    let sim = common::start().await;
    let token = sim.confirmation_token("4000002500003155").await;
    let (status, pi) = sim.create_and_confirm("1099", &token).await;
    assert_eq!(status, 200);
    assert_eq!(pi["status"], "requires_action");
    assert_eq!(pi["next_action"]["type"], "use_stripe_sdk");
}

#[tokio::test]
async fn automatic_payment_methods_need_a_return_url() {
    let sim = common::start().await;
    let (_, token) = sim.post("/v1/test_helpers/confirmation_tokens", &[("payment_method", "pm_card_visa")]).await;
    let token = token["id"].as_str().unwrap();
    let (status, body) = sim.create_and_confirm("1099", token).await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("return_url"));

    // The refusal spent nothing: the same token pays once a return_url is given.
    let (_, pi) = sim.post("/v1/payment_intents", &[("amount", "1099"), ("currency", "usd")]).await;
    let confirm = format!("/v1/payment_intents/{}/confirm", pi["id"].as_str().unwrap());
    let (status, body) = sim.post(&confirm, &[("confirmation_token", token)]).await;
    assert_eq!(status, 400, "{body}");
    let (status, paid) =
        sim.post(&confirm, &[("confirmation_token", token), ("return_url", "https://shop.example/complete")]).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
}

#[tokio::test]
async fn parameters_are_checked_as_stripe_checks_them() {
    let sim = common::start().await;
    let cases = [
        (vec![("currency", "usd")], "amount", "parameter_missing"),
        (vec![("amount", "abc"), ("currency", "usd")], "amount", "parameter_invalid"),
        (vec![("amount", "10"), ("currency", "usd")], "amount", "amount_too_small"),
        (vec![("amount", "1099"), ("currency", "usd"), ("amuont", "1")], "amuont", "parameter_unknown"),
        (vec![("amount", "1099")], "currency", "parameter_missing"),
    ];
    for (form, param, code) in cases {
        let (status, body) = sim.post("/v1/payment_intents", &form).await;
        assert_eq!(status, 400, "{form:?}: {body}");
        assert_eq!(body["error"]["param"], param, "{form:?}");
        assert_eq!(body["error"]["code"], code, "{form:?}");
    }
}

#[tokio::test]
async fn list_is_newest_first_and_pages() {
    let sim = common::start().await;
    let mut ids = vec![];
    for amount in ["1000", "2000", "3000"] {
        let (_, pi) = sim.post("/v1/payment_intents", &[("amount", amount), ("currency", "usd")]).await;
        ids.push(pi["id"].as_str().unwrap().to_owned());
    }
    let (status, page) = sim.get("/v1/payment_intents?limit=2").await;
    assert_eq!(status, 200);
    assert_eq!(page["object"], "list");
    assert_eq!(page["has_more"], true);
    assert_eq!(page["data"][0]["id"], json!(ids[2]));
    assert_eq!(page["data"][1]["id"], json!(ids[1]));
    let (_, rest) = sim.get(&format!("/v1/payment_intents?limit=2&starting_after={}", ids[1])).await;
    assert_eq!(rest["has_more"], false);
    assert_eq!(rest["data"].as_array().unwrap().len(), 1);
    assert_eq!(rest["data"][0]["id"], json!(ids[0]));
}

#[tokio::test]
async fn keys_are_checked_as_stripe_checks_them() {
    let sim = common::start().await;
    let url = format!("{}/v1/payment_intents", sim.base);
    let (status, body) = sim.send(sim.http.get(&url)).await;
    assert_eq!(status, 401);
    assert!(body["error"]["message"].as_str().unwrap().starts_with("You did not provide an API key"));

    let (status, _) = sim.send(sim.http.get(&url).bearer_auth("sk_live_123456789")).await;
    assert_eq!(status, 401);

    let (status, body) = sim.send(sim.http.get(&url).bearer_auth(common::PK)).await;
    assert_eq!(status, 403);
    assert!(body["error"]["message"].as_str().unwrap().contains("publishable API key"));

    // Basic auth with the key as user name, as curl -u does.
    let (status, _) = sim.send(sim.http.get(&url).basic_auth(common::SK, Some(""))).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn stripe_js_may_read_an_intent_only_with_its_client_secret() {
    let sim = common::start().await;
    let (_, pi) = sim.post("/v1/payment_intents", &[("amount", "1099"), ("currency", "usd")]).await;
    let id = pi["id"].as_str().unwrap();
    let secret = pi["client_secret"].as_str().unwrap();
    let url = |s: &str| format!("{}/v1/payment_intents/{id}?key={}&client_secret={s}", sim.base, common::PK);
    let (status, public) = sim.send(sim.http.get(url(secret))).await;
    assert_eq!(status, 200);
    assert_eq!(public["status"], "requires_payment_method");
    assert!(public.get("metadata").is_none(), "secret-key-only fields are hidden");
    let (status, _) = sim.send(sim.http.get(url(&format!("{id}_secret_wrong")))).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn unknown_urls_and_objects_answer_like_stripe() {
    let sim = common::start().await;
    let (status, body) = sim.get("/v1/nonsense").await;
    assert_eq!(status, 404);
    assert!(body["error"]["message"].as_str().unwrap().starts_with("Unrecognized request URL (GET: /v1/nonsense)"));
    let (status, body) = sim.get("/v1/payment_intents/pi_missing").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "resource_missing");
    assert_eq!(body["error"]["message"], "No such payment_intent: 'pi_missing'");
}

#[tokio::test]
async fn idempotency_keys_replay_and_refuse_other_parameters() {
    let sim = common::start().await;
    let post = |form: Vec<(&'static str, &'static str)>, key: &'static str| {
        sim.send(
            sim.http
                .post(format!("{}/v1/payment_intents", sim.base))
                .bearer_auth(common::SK)
                .header("Idempotency-Key", key)
                .form(&form),
        )
    };
    let form = vec![("amount", "1099"), ("currency", "usd")];
    let (s1, first) = post(form.clone(), "key-1").await;
    let (s2, second) = post(form.clone(), "key-1").await;
    assert_eq!((s1, s2), (200, 200));
    assert_eq!(first, second, "replayed");
    let (s3, other) = post(vec![("amount", "2000"), ("currency", "usd")], "key-1").await;
    assert_eq!(s3, 400);
    assert_eq!(other["error"]["type"], "idempotency_error");
    // A validation failure is not saved: the key stays usable.
    let (s4, _) = post(vec![("currency", "usd")], "key-2").await;
    let (s5, _) = post(form, "key-2").await;
    assert_eq!((s4, s5), (400, 200));
    let (_, list) = sim.get("/v1/payment_intents").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn an_invalid_confirmation_leaves_no_payment_intent_behind() {
    let sim = common::start().await;
    let (status, _) = sim.create_and_confirm("1099", "ctoken_doesnotexist").await;
    assert_eq!(status, 404);
    let (_, list) = sim.get("/v1/payment_intents").await;
    assert_eq!(list["data"], json!([]));
}

#[tokio::test]
async fn stripe_js_confirms_with_the_card_details_the_payment_element_collected() {
    let sim = common::start().await;
    let (_, pi) = sim.post("/v1/payment_intents", &[("amount", "1099"), ("currency", "usd")]).await;
    let confirm = format!("/v1/payment_intents/{}/confirm", pi["id"].as_str().unwrap());
    let mut form = stripe_sim::card_token_form(common::PK, "4242424242424242")[1..].to_vec();
    form.push(("client_secret", pi["client_secret"].as_str().unwrap()));

    // One source of the payment method at a time, as Stripe requires.
    let mut both = form.clone();
    both.push(("payment_method", "pm_card_visa"));
    let (status, refused) = sim.post_as_stripe_js(&confirm, &both).await;
    assert_eq!(status, 400, "{refused}");
    assert_eq!(
        refused["error"]["message"],
        "You may only specify one of these parameters: payment_method, payment_method_data."
    );

    let (status, paid) = sim.post_as_stripe_js(&confirm, &form).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
    let (_, pm) = sim.get(&format!("/v1/payment_methods/{}", paid["payment_method"].as_str().unwrap())).await;
    assert_eq!(pm["card"]["last4"], "4242");
}
