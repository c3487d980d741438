//! The SetupIntent API of the stand-in, over HTTP: a server saving a card for later, Stripe.js's
//! `retrieveSetupIntent` and `confirmSetup`, 3-D Secure on the challenge page, and the events.

mod common;

use serde_json::{Value, json};

/// The card fields Stripe.js sends (`payment_method_data[...]`) and its `return_url`.
fn card(number: &str) -> Vec<(&str, &str)> {
    stripe_sim::card_token_form(common::PK, number)[1..].to_vec()
}

async fn customer(sim: &common::Running) -> String {
    let (status, customer) = sim.post("/v1/customers", &[("email", "jenny@example.com")]).await;
    assert_eq!(status, 200, "{customer}");
    customer["id"].as_str().unwrap().to_owned()
}

/// Creates a SetupIntent for `customer` and confirms it with `number` in one request.
async fn set_up(sim: &common::Running, customer: &str, number: &str) -> (u16, Value) {
    let mut form = card(number);
    form.extend([("confirm", "true"), ("customer", customer)]);
    sim.post("/v1/setup_intents", &form).await
}

async fn saved_cards(sim: &common::Running, customer: &str) -> Vec<Value> {
    let (_, list) = sim.get(&format!("/v1/customers/{customer}/payment_methods")).await;
    list["data"].as_array().unwrap().clone()
}

/// A request's form, and the `param` and `code` of Stripe's error for it.
type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);

fn id(object: &Value) -> &str {
    object["id"].as_str().unwrap()
}

#[tokio::test]
async fn confirming_with_4242_succeeds_and_saves_the_card_on_the_customer() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let (status, seti) = set_up(&sim, &cus, "4242424242424242").await;
    assert_eq!(status, 200, "{seti}");
    assert_eq!(seti["object"], "setup_intent");
    assert_eq!(seti["status"], "succeeded");
    assert_eq!(seti["usage"], "off_session");
    assert_eq!(seti["customer"], cus.as_str());
    assert_eq!(seti["next_action"], Value::Null);
    assert_eq!(seti["last_setup_error"], Value::Null);
    assert!(id(&seti).starts_with("seti_"));
    assert!(seti["client_secret"].as_str().unwrap().starts_with(&format!("{}_secret_", id(&seti))));
    assert!(seti["latest_attempt"].as_str().unwrap().starts_with("setatt_"));
    assert_eq!(seti["payment_method_options"]["card"]["request_three_d_secure"], "automatic");

    let pm = seti["payment_method"].as_str().unwrap();
    let (_, saved) = sim.get(&format!("/v1/payment_methods/{pm}")).await;
    assert_eq!(saved["customer"], cus.as_str());
    assert_eq!(saved["card"]["last4"], "4242");
    assert_eq!(saved_cards(&sim, &cus).await.len(), 1);
    let (_, stored) = sim.get(&format!("/v1/setup_intents/{}", id(&seti))).await;
    assert_eq!(stored, seti);
}

#[tokio::test]
async fn a_payment_method_waits_for_confirmation_and_a_confirmation_token_is_spent_on_the_setup() {
    let sim = common::start().await;
    let (status, empty) = sim.post("/v1/setup_intents", &[("payment_method_types[]", "card")]).await;
    assert_eq!((status, empty["status"].as_str()), (200, Some("requires_payment_method")), "{empty}");
    assert_eq!(empty["automatic_payment_methods"], Value::Null);
    assert_eq!(empty["payment_method_types"], json!(["card"]));

    let form = [("payment_method", "pm_card_visa"), ("usage", "on_session"), ("payment_method_types[]", "card")];
    let (_, waiting) = sim.post("/v1/setup_intents", &form).await;
    assert_eq!(waiting["status"], "requires_confirmation");
    assert_eq!(waiting["usage"], "on_session");
    assert!(waiting["payment_method"].as_str().unwrap().starts_with("pm_"));
    let (status, confirmed) = sim.post(&format!("/v1/setup_intents/{}/confirm", id(&waiting)), &[]).await;
    assert_eq!((status, confirmed["status"].as_str()), (200, Some("succeeded")), "{confirmed}");
    assert_eq!(confirmed["payment_method"], waiting["payment_method"]);

    // Without a customer the card is set up but saved nowhere; the token names the SetupIntent.
    let token = sim.confirmation_token("4242424242424242").await;
    let (status, seti) =
        sim.post("/v1/setup_intents", &[("confirm", "true"), ("confirmation_token", token.as_str())]).await;
    assert_eq!((status, seti["status"].as_str()), (200, Some("succeeded")), "{seti}");
    let (_, spent) = sim.get(&format!("/v1/confirmation_tokens/{token}")).await;
    assert_eq!(spent["setup_intent"], seti["id"]);
    assert_eq!(spent["payment_intent"], Value::Null);
    let (status, again) =
        sim.post("/v1/setup_intents", &[("confirm", "true"), ("confirmation_token", token.as_str())]).await;
    assert_eq!((status, again["error"]["param"].as_str()), (400, Some("confirmation_token")), "{again}");
}

#[tokio::test]
async fn the_3155_card_requires_authentication_and_completing_it_saves_the_card() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let (status, seti) = set_up(&sim, &cus, "4000002500003155").await;
    assert_eq!((status, seti["status"].as_str()), (200, Some("requires_action")), "{seti}");
    assert_eq!(seti["next_action"]["type"], "use_stripe_sdk");
    assert_eq!(seti["next_action"]["use_stripe_sdk"]["type"], "three_d_secure_redirect");
    assert!(saved_cards(&sim, &cus).await.is_empty(), "not saved before authentication");

    let (status, after) = sim.three_d_secure(&seti, "complete").await;
    assert_eq!((status, after["status"].as_str()), (200, Some("succeeded")), "{after}");
    assert!(after.get("customer").is_none(), "the page sees what Stripe.js sees");
    let (_, stored) = sim.get(&format!("/v1/setup_intents/{}", id(&seti))).await;
    assert_eq!(stored["next_action"], Value::Null);
    assert_eq!(stored["payment_method"], seti["payment_method"]);
    assert_eq!(saved_cards(&sim, &cus).await[0]["id"], seti["payment_method"]);
    // Once done, the page cannot be used again.
    assert_eq!(sim.three_d_secure(&seti, "fail").await.0, 400);
}

#[tokio::test]
async fn failing_authentication_sends_the_setup_back_with_stripes_error() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let (_, seti) = set_up(&sim, &cus, "4000002500003155").await;
    let (status, after) = sim.three_d_secure(&seti, "fail").await;
    assert_eq!(status, 200, "{after}");
    assert_eq!(after["status"], "requires_payment_method");
    assert_eq!(after["payment_method"], Value::Null);
    let error = &after["last_setup_error"];
    assert_eq!(error["code"], "setup_intent_authentication_failure");
    assert_eq!(error["type"], "invalid_request_error");
    assert_eq!(error["payment_method"]["id"], seti["payment_method"]);
    assert!(saved_cards(&sim, &cus).await.is_empty());
}

#[tokio::test]
async fn the_3184_card_redirects_to_the_challenge_page_when_there_is_a_return_url() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let (_, seti) = set_up(&sim, &cus, "4000002760003184").await;
    assert_eq!(seti["status"], "requires_action");
    assert_eq!(seti["next_action"]["type"], "redirect_to_url");
    let redirect = &seti["next_action"]["redirect_to_url"];
    assert_eq!(redirect["return_url"], "http://127.0.0.1:4242/complete");
    let url = redirect["url"].as_str().unwrap();
    assert!(url.starts_with(&format!("{}/three_d_secure/{}?client_secret=", sim.base, id(&seti))), "{url}");
    let page = sim.http.get(url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("3D Secure 2 Test Page"));
    assert_eq!(sim.three_d_secure(&seti, "complete").await.1["status"], "succeeded");

    // Without a return_url, Stripe.js authenticates in its modal instead.
    let form = [
        ("confirm", "true"),
        ("payment_method_types[]", "card"),
        ("payment_method_data[type]", "card"),
        ("payment_method_data[card][number]", "4000002760003184"),
        ("payment_method_data[card][exp_month]", "12"),
        ("payment_method_data[card][exp_year]", "2040"),
        ("payment_method_data[card][cvc]", "123"),
    ];
    let (_, modal) = sim.post("/v1/setup_intents", &form).await;
    assert_eq!(
        (modal["status"].as_str(), modal["next_action"]["type"].as_str()),
        (Some("requires_action"), Some("use_stripe_sdk"))
    );
}

#[tokio::test]
async fn declined_cards_answer_402_and_leave_the_setup_requiring_a_payment_method() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    for (number, code, decline_code) in [
        ("4000000000000002", "card_declined", "generic_decline"),
        ("4000000000009995", "card_declined", "insufficient_funds"),
        ("4100000000000019", "card_declined", "fraudulent"),
        ("4000000000000069", "expired_card", "expired_card"),
        ("4000000000000127", "incorrect_cvc", "incorrect_cvc"),
        ("4000000000000119", "processing_error", "processing_error"),
    ] {
        let (status, body) = set_up(&sim, &cus, number).await;
        assert_eq!(status, 402, "{number}: {body}");
        let error = &body["error"];
        assert_eq!((error["type"].as_str(), error["code"].as_str()), (Some("card_error"), Some(code)), "{number}");
        assert_eq!(error["decline_code"], decline_code);
        assert_eq!(error["payment_method"]["card"]["last4"], &number[12..]);
        assert!(error.get("charge").is_none(), "setting up charges nothing: {error}");
        let seti = &error["setup_intent"];
        assert_eq!(seti["status"], "requires_payment_method");
        assert_eq!(seti["payment_method"], Value::Null);
        assert_eq!(seti["last_setup_error"]["code"], code);
        assert_eq!(seti["last_setup_error"]["decline_code"], decline_code);
        assert_eq!(seti["last_setup_error"]["payment_method"]["id"], error["payment_method"]["id"]);

        let (_, stored) = sim.get(&format!("/v1/setup_intents/{}", id(seti))).await;
        assert_eq!(&stored, seti);
    }
    assert!(saved_cards(&sim, &cus).await.is_empty());
}

#[tokio::test]
async fn stripe_js_reads_a_setup_intent_only_with_its_client_secret_and_only_public_fields() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let form = [("customer", cus.as_str()), ("metadata[order]", "42"), ("description", "Card for later")];
    let (_, seti) = sim.post("/v1/setup_intents", &form).await;
    let url =
        |secret: &str| format!("{}/v1/setup_intents/{}?key={}&client_secret={secret}", sim.base, id(&seti), common::PK);
    let (status, public) = sim.send(sim.http.get(url(seti["client_secret"].as_str().unwrap()))).await;
    assert_eq!(status, 200, "{public}");
    let mut fields: Vec<&str> = public.as_object().unwrap().keys().map(String::as_str).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "cancellation_reason",
            "client_secret",
            "created",
            "description",
            "id",
            "last_setup_error",
            "livemode",
            "next_action",
            "object",
            "payment_method",
            "payment_method_types",
            "status",
            "usage",
        ]
    );
    assert_eq!(public["description"], "Card for later");

    let (status, wrong) = sim.send(sim.http.get(url(&format!("{}_secret_wrong", id(&seti))))).await;
    assert_eq!((status, wrong["error"]["param"].as_str()), (400, Some("client_secret")), "{wrong}");
    assert!(wrong["error"]["message"].as_str().unwrap().ends_with("associated with the SetupIntent."));
    let bare = format!("{}/v1/setup_intents/{}?key={}", sim.base, id(&seti), common::PK);
    assert_eq!(sim.send(sim.http.get(bare)).await.1["error"]["code"], "parameter_missing");
}

#[tokio::test]
async fn stripe_js_confirms_with_the_card_the_payment_element_collected() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let (_, seti) = sim.post("/v1/setup_intents", &[("customer", cus.as_str())]).await;
    let confirm = format!("/v1/setup_intents/{}/confirm", id(&seti));
    let secret = seti["client_secret"].as_str().unwrap();
    let mut form = card("4242424242424242");
    form.extend([
        ("client_secret", secret),
        ("payment_method_data[billing_details][name]", "Jenny Rosen"),
        ("payment_method_data[billing_details][address][country]", "US"),
        ("payment_method_data[allow_redisplay]", "always"),
        ("mandate_data[customer_acceptance][type]", "online"),
    ]);

    // The client secret is checked before anything happens.
    let mut wrong = form.clone();
    wrong.retain(|(k, _)| *k != "client_secret");
    let bad_secret = format!("{}_secret_wrong", id(&seti));
    wrong.push(("client_secret", &bad_secret));
    let (status, refused) = sim.post_as_stripe_js(&confirm, &wrong).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("client_secret")), "{refused}");
    assert!(saved_cards(&sim, &cus).await.is_empty());

    let (status, done) = sim.post_as_stripe_js(&confirm, &form).await;
    assert_eq!((status, done["status"].as_str()), (200, Some("succeeded")), "{done}");
    assert!(done.get("customer").is_none() && done.get("metadata").is_none(), "public fields only: {done}");
    let saved = saved_cards(&sim, &cus).await;
    assert_eq!(saved[0]["id"], done["payment_method"]);
    assert_eq!(saved[0]["billing_details"]["name"], "Jenny Rosen");
    assert_eq!(saved[0]["allow_redisplay"], "always");

    // A decline's 402 carries the SetupIntent as Stripe.js may see it.
    let (_, other) = sim.post("/v1/setup_intents", &[("customer", cus.as_str())]).await;
    let mut form = card("4000000000000002");
    form.push(("client_secret", other["client_secret"].as_str().unwrap()));
    let (status, declined) = sim.post_as_stripe_js(&format!("/v1/setup_intents/{}/confirm", id(&other)), &form).await;
    assert_eq!(status, 402, "{declined}");
    let public = &declined["error"]["setup_intent"];
    assert_eq!(public["last_setup_error"]["code"], "card_declined");
    assert!(public.get("customer").is_none(), "{public}");
}

#[tokio::test]
async fn the_challenge_page_needs_the_setup_intents_client_secret() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let (_, seti) = set_up(&sim, &cus, "4000002500003155").await;
    let mut forged = seti.clone();
    forged["client_secret"] = json!(format!("{}_secret_wrong", id(&seti)));
    let (status, body) = sim.three_d_secure(&forged, "complete").await;
    assert_eq!(status, 400, "{body}");
    let (_, stored) = sim.get(&format!("/v1/setup_intents/{}", id(&seti))).await;
    assert_eq!(stored["status"], "requires_action");
    let mut unknown = seti.clone();
    unknown["id"] = json!("seti_missing");
    let (status, body) = sim.three_d_secure(&unknown, "complete").await;
    assert_eq!((status, body["error"]["message"].as_str()), (404, Some("No such setupintent: 'seti_missing'")));
}

#[tokio::test]
async fn events_follow_the_setup_in_order() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let (_, authenticated) = set_up(&sim, &cus, "4000002500003155").await;
    sim.three_d_secure(&authenticated, "complete").await;
    let (_, declined) = set_up(&sim, &cus, "4000000000000002").await;
    let (_, abandoned) = sim.post("/v1/setup_intents", &[]).await;
    sim.post(&format!("/v1/setup_intents/{}/cancel", id(&abandoned)), &[]).await;

    let (_, events) = sim.get("/v1/events?limit=100").await;
    let oldest_first: Vec<(String, Value)> = events["data"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| (e["type"].as_str().unwrap().to_owned(), e["data"]["object"]["id"].clone()))
        .collect();
    let declined_id = declined["error"]["setup_intent"]["id"].clone();
    let expected = [
        ("setup_intent.created", authenticated["id"].clone()),
        ("setup_intent.requires_action", authenticated["id"].clone()),
        ("setup_intent.succeeded", authenticated["id"].clone()),
        ("setup_intent.created", declined_id.clone()),
        ("setup_intent.setup_failed", declined_id),
        ("setup_intent.created", abandoned["id"].clone()),
        ("setup_intent.canceled", abandoned["id"].clone()),
    ];
    assert_eq!(oldest_first, expected.map(|(kind, id)| (kind.to_owned(), id)));
    let (_, failed) = sim.get("/v1/events?type=setup_intent.setup_failed").await;
    assert_eq!(failed["data"][0]["data"]["object"]["last_setup_error"]["code"], "card_declined");
}

#[tokio::test]
async fn an_idempotent_create_is_replayed() {
    let sim = common::start().await;
    let post = |form: Vec<(&'static str, &'static str)>| {
        sim.send(
            sim.http
                .post(format!("{}/v1/setup_intents", sim.base))
                .bearer_auth(common::SK)
                .header("Idempotency-Key", "seti-key-1")
                .form(&form),
        )
    };
    let form = vec![("payment_method", "pm_card_visa"), ("payment_method_types[]", "card")];
    let (first, second) = (post(form.clone()).await, post(form).await);
    assert_eq!(first.0, 200, "{}", first.1);
    assert_eq!(first, second, "replayed");
    let (status, other) = post(vec![("usage", "on_session")]).await;
    assert_eq!((status, other["error"]["type"].as_str()), (400, Some("idempotency_error")));
    let (_, list) = sim.get("/v1/setup_intents").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn cancel_works_until_the_setup_succeeded() {
    let sim = common::start().await;
    let (_, seti) = sim.post("/v1/setup_intents", &[]).await;
    let cancel = format!("/v1/setup_intents/{}/cancel", id(&seti));
    let (status, refused) = sim.post(&cancel, &[("cancellation_reason", "fraudulent")]).await;
    assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("cancellation_reason")));
    let (status, canceled) = sim.post(&cancel, &[("cancellation_reason", "requested_by_customer")]).await;
    assert_eq!(status, 200, "{canceled}");
    assert_eq!(canceled["status"], "canceled");
    assert_eq!(canceled["cancellation_reason"], "requested_by_customer");
    let (status, again) = sim.post(&format!("/v1/setup_intents/{}/confirm", id(&seti)), &[]).await;
    assert_eq!((status, again["error"]["code"].as_str()), (400, Some("setup_intent_unexpected_state")));

    let cus = customer(&sim).await;
    let (_, done) = set_up(&sim, &cus, "4242424242424242").await;
    let (status, refused) = sim.post(&format!("/v1/setup_intents/{}/cancel", id(&done)), &[]).await;
    assert_eq!(status, 400);
    assert_eq!(refused["error"]["code"], "setup_intent_unexpected_state");
    assert_eq!(refused["error"]["setup_intent"]["status"], "succeeded");
}

#[tokio::test]
async fn update_sets_metadata_description_customer_and_payment_method() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let (_, seti) = sim.post("/v1/setup_intents", &[("metadata[order]", "42"), ("metadata[keep]", "yes")]).await;
    let update = format!("/v1/setup_intents/{}", id(&seti));
    let form = [
        ("metadata[order]", ""),
        ("metadata[cart]", "7"),
        ("description", "Saved at checkout"),
        ("customer", cus.as_str()),
        ("payment_method", "pm_card_mastercard"),
    ];
    let (status, updated) = sim.post(&update, &form).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["metadata"], json!({"keep": "yes", "cart": "7"}));
    assert_eq!(updated["description"], "Saved at checkout");
    assert_eq!(updated["customer"], cus.as_str());
    assert_eq!(updated["status"], "requires_confirmation");

    let (status, missing) = sim.post(&update, &[("customer", "cus_missing")]).await;
    assert_eq!((status, missing["error"]["code"].as_str()), (404, Some("resource_missing")));

    let confirm = format!("/v1/setup_intents/{}/confirm", id(&seti));
    let (_, done) = sim.post(&confirm, &[("return_url", "https://shop.example/saved")]).await;
    assert_eq!(done["status"], "succeeded", "{done}");
    assert_eq!(saved_cards(&sim, &cus).await[0]["card"]["brand"], "mastercard");
    let (status, late) = sim.post(&update, &[("payment_method", "pm_card_visa")]).await;
    assert_eq!((status, late["error"]["code"].as_str()), (400, Some("setup_intent_unexpected_state")));
    let (status, noted) = sim.post(&update, &[("metadata[note]", "after")]).await;
    assert_eq!((status, noted["metadata"]["note"].as_str()), (200, Some("after")));
}

#[tokio::test]
async fn a_card_saved_on_one_customer_is_not_set_up_for_another() {
    let sim = common::start().await;
    let (owner, other) = (customer(&sim).await, customer(&sim).await);
    let (_, seti) = set_up(&sim, &owner, "4242424242424242").await;
    let form = [
        ("confirm", "true"),
        ("customer", other.as_str()),
        ("payment_method", seti["payment_method"].as_str().unwrap()),
        ("payment_method_types[]", "card"),
    ];
    let (status, body) = sim.post("/v1/setup_intents", &form).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("customer")), "{body}");
    assert!(saved_cards(&sim, &other).await.is_empty());
}

#[tokio::test]
async fn list_filters_by_customer_and_pages_newest_first() {
    let sim = common::start().await;
    let cus = customer(&sim).await;
    let mut ids = vec![];
    for _ in 0..3 {
        let (_, seti) = sim.post("/v1/setup_intents", &[("customer", cus.as_str())]).await;
        ids.push(id(&seti).to_owned());
    }
    sim.post("/v1/setup_intents", &[]).await;
    let (status, page) = sim.get(&format!("/v1/setup_intents?customer={cus}&limit=2")).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!((page["object"].as_str(), page["url"].as_str()), (Some("list"), Some("/v1/setup_intents")));
    assert_eq!(page["has_more"], true);
    assert_eq!(page["data"][0]["id"], json!(ids[2]));
    assert_eq!(page["data"][1]["id"], json!(ids[1]));
    let (_, rest) = sim.get(&format!("/v1/setup_intents?customer={cus}&limit=2&starting_after={}", ids[1])).await;
    assert_eq!(rest["has_more"], false);
    assert_eq!(rest["data"].as_array().unwrap().len(), 1);
    assert_eq!(rest["data"][0]["id"], json!(ids[0]));
    let (_, all) = sim.get("/v1/setup_intents").await;
    assert_eq!(all["data"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn parameters_and_states_are_checked_as_stripe_checks_them() {
    let sim = common::start().await;
    let cases: [Case; 5] = [
        (&[("usage", "sometimes")], "usage", "parameter_invalid"),
        (&[("usgae", "on_session")], "usgae", "parameter_unknown"),
        (&[("confirmation_token", "ctoken_x")], "confirmation_token", "parameter_invalid"),
        (&[("customer", "cus_missing")], "customer", "resource_missing"),
        (&[("payment_method_types[]", "konbini")], "payment_method_types", "parameter_invalid"),
    ];
    for (form, param, code) in cases {
        let (status, body) = sim.post("/v1/setup_intents", form).await;
        assert!(status == 400 || status == 404, "{form:?}: {body}");
        assert_eq!(
            (body["error"]["param"].as_str(), body["error"]["code"].as_str()),
            (Some(param), Some(code)),
            "{form:?}"
        );
    }
    let (status, body) = sim.get("/v1/setup_intents/seti_missing").await;
    assert_eq!((status, body["error"]["message"].as_str()), (404, Some("No such setupintent: 'seti_missing'")));
    let (status, _) = sim.post_as_stripe_js("/v1/setup_intents", &[]).await;
    assert_eq!(status, 403, "created with a secret key only");

    // Dynamic payment methods may redirect: confirming needs a return_url, and refusing leaves
    // nothing behind.
    let form = [("confirm", "true"), ("payment_method", "pm_card_visa")];
    let (status, body) = sim.post("/v1/setup_intents", &form).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("return_url")), "{body}");
    assert!(body["error"]["message"].as_str().unwrap().starts_with("This SetupIntent is configured"));
    let (_, list) = sim.get("/v1/setup_intents").await;
    assert_eq!(list["data"], json!([]));
    // Nor can one be confirmed without a payment method.
    let (_, seti) = sim.post("/v1/setup_intents", &[("payment_method_types[]", "card")]).await;
    let (status, body) = sim.post(&format!("/v1/setup_intents/{}/confirm", id(&seti)), &[]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("setup_intent_unexpected_state")), "{body}");
}
