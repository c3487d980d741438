//! Checkout Sessions on the stand-in over HTTP: created by a server with the secret key,
//! retrieved, listed and expired as Stripe does it, and paid through the embedded page's calls
//! (`/v1/payment_pages/...` with the publishable key and the client secret) as the page makes
//! them, with Stripe's test cards.

mod common;

use serde_json::{Value, json};

const RETURN_URL: &str = "https://shop.example/return?session_id={CHECKOUT_SESSION_ID}";

/// An embedded session for two lines (2 × $25.00 and $0.98), with `extra` replacing or adding
/// parameters (an empty value removes one).
async fn create(sim: &common::Running, extra: &[(&str, &str)]) -> (u16, Value) {
    let mut form = vec![
        ("ui_mode", "embedded_page"),
        ("mode", "payment"),
        ("return_url", RETURN_URL),
        ("line_items[0][price_data][currency]", "usd"),
        ("line_items[0][price_data][unit_amount]", "2500"),
        ("line_items[0][price_data][product_data][name]", "Ferris plush"),
        ("line_items[0][quantity]", "2"),
        ("line_items[1][price_data][currency]", "usd"),
        ("line_items[1][price_data][unit_amount]", "98"),
        ("line_items[1][price_data][product_data][name]", "Sticker"),
        ("line_items[1][quantity]", "1"),
    ];
    form.retain(|(key, _)| !extra.iter().any(|(k, _)| k == key));
    form.extend(extra.iter().filter(|(_, v)| !v.is_empty()));
    sim.post("/v1/checkout/sessions", &form).await
}

async fn open_session(sim: &common::Running, extra: &[(&str, &str)]) -> Value {
    let (status, session) = create(sim, extra).await;
    assert_eq!(status, 200, "{session}");
    session
}

/// A card PaymentMethod made as the embedded page makes it (publishable key).
async fn card(sim: &common::Running, number: &str) -> String {
    let (status, pm) = sim
        .post_as_stripe_js(
            "/v1/payment_methods",
            &[
                ("type", "card"),
                ("card[number]", number),
                ("card[exp_month]", "12"),
                ("card[exp_year]", "2040"),
                ("card[cvc]", "123"),
                ("billing_details[email]", "jenny@example.com"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{pm}");
    pm["id"].as_str().unwrap().to_owned()
}

/// The page's Pay button: the session paid with `number` by jenny@example.com.
async fn pay(sim: &common::Running, session: &Value, number: &str) -> (u16, Value) {
    let pm = card(sim, number).await;
    let form = [
        ("client_secret", session["client_secret"].as_str().unwrap()),
        ("payment_method", pm.as_str()),
        ("email", "jenny@example.com"),
        ("expected_amount", "5098"),
    ];
    sim.post_as_stripe_js(&format!("/v1/payment_pages/{}/confirm", session["id"].as_str().unwrap()), &form).await
}

async fn retrieve(sim: &common::Running, session: &Value) -> Value {
    let (status, body) = sim.get(&format!("/v1/checkout/sessions/{}", session["id"].as_str().unwrap())).await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn event_types(sim: &common::Running) -> Vec<String> {
    let (_, events) = sim.get("/v1/events?limit=100").await;
    let mut types: Vec<String> =
        events["data"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap().to_owned()).collect();
    types.reverse();
    types
}

async fn now(sim: &common::Running) -> i64 {
    let (_, health) = sim.send(sim.http.get(format!("{}/_sim/health", sim.base))).await;
    health["now"].as_i64().unwrap()
}

async fn advance(sim: &common::Running, seconds: i64) {
    let (status, _) = sim.send(sim.http.post(format!("{}/_sim/clock/advance?seconds={seconds}", sim.base))).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn an_embedded_session_as_stripe_answers_it() {
    let sim = common::start().await;
    advance(&sim, 3600).await;
    let before = now(&sim).await;
    let session = open_session(
        &sim,
        &[
            ("customer_email", "jenny@example.com"),
            ("client_reference_id", "order-42"),
            ("metadata[order]", "42"),
            ("payment_intent_data[metadata][order]", "42"),
        ],
    )
    .await;
    let id = session["id"].as_str().unwrap();
    assert!(id.starts_with("cs_test_"), "{id}");
    assert_eq!(session["object"], "checkout.session");
    assert!(session["client_secret"].as_str().unwrap().starts_with(&format!("{id}_secret_")));
    assert_eq!((session["amount_subtotal"].as_i64(), session["amount_total"].as_i64()), (Some(5098), Some(5098)));
    assert_eq!(session["currency"], "usd");
    assert_eq!((session["status"].as_str(), session["payment_status"].as_str()), (Some("open"), Some("unpaid")));
    assert_eq!(session["return_url"], RETURN_URL, "{{CHECKOUT_SESSION_ID}} is left for the redirect");
    assert_eq!(session["redirect_on_completion"], "always");
    assert_eq!((session["url"].clone(), session["payment_intent"].clone()), (Value::Null, Value::Null));
    assert_eq!((session["mode"].as_str(), session["ui_mode"].as_str()), (Some("payment"), Some("embedded_page")));
    assert_eq!(session["metadata"], json!({"order": "42"}));
    assert_eq!(session["customer_email"], "jenny@example.com");
    assert_eq!(session["client_reference_id"], "order-42");
    assert_eq!(session["customer_details"], Value::Null);
    assert_eq!(session["payment_method_types"], json!(["card"]));
    // 24 hours on the stand-in's clock.
    let created = session["created"].as_i64().unwrap();
    assert!(created >= before && created < before + 5);
    assert_eq!(session["expires_at"].as_i64(), Some(created + 24 * 3600));

    assert_eq!(retrieve(&sim, &session).await, session);
    let (status, refused) =
        sim.send(sim.http.get(format!("{}/v1/checkout/sessions/{id}?key={}", sim.base, common::PK))).await;
    assert_eq!(status, 403, "secret key only: {refused}");
    let (status, missing) = sim.get("/v1/checkout/sessions/cs_test_nope").await;
    assert_eq!((status, missing["error"]["code"].as_str()), (404, Some("resource_missing")));
    assert_eq!(missing["error"]["message"], "No such checkout.session: 'cs_test_nope'");
}

#[tokio::test]
async fn both_names_of_the_ui_modes_and_hosted_sessions() {
    let sim = common::start().await;
    let old = open_session(&sim, &[("ui_mode", "embedded")]).await;
    assert_eq!(old["ui_mode"], "embedded", "an older API version's name, answered as given");
    assert!(old["client_secret"].is_string());

    let hosted = [("ui_mode", "hosted"), ("return_url", ""), ("success_url", "https://shop.example/thanks")];
    let session = open_session(&sim, &hosted).await;
    assert_eq!(session["client_secret"], Value::Null);
    assert_eq!(session["success_url"], "https://shop.example/thanks");
    // Stripe's page, which loads the session with what its fragment carries.
    let id = session["id"].as_str().unwrap();
    let url = session["url"].as_str().unwrap();
    let (page, fragment) = url.split_once('#').unwrap();
    assert_eq!(page, format!("{}/checkout/pay/{id}", sim.base));
    // Escaped as a form value, without `&` or `=`: one key to decode.
    let (decoded, _) = form_urlencoded::parse(fragment.as_bytes()).next().unwrap();
    let config: Value = serde_json::from_str(&decoded).unwrap();
    assert_eq!(config["key"], common::PK, "the publishable key of the secret key");
    let init = format!("/v1/payment_pages/{id}/init");
    let (status, shown) =
        sim.post_as_stripe_js(&init, &[("client_secret", config["clientSecret"].as_str().unwrap())]).await;
    assert_eq!((status, shown["amount_total"].as_i64()), (200, Some(5098)), "{shown}");
    assert_eq!(sim.http.get(page).send().await.unwrap().status(), 200);
    assert!(session.get("return_url").is_none());
    let unnamed =
        open_session(&sim, &[("ui_mode", ""), ("return_url", ""), ("success_url", "https://a.example/")]).await;
    assert_eq!(unnamed["ui_mode"], "hosted_page");

    let (status, body) = create(&sim, &[("ui_mode", "hosted_page"), ("return_url", "")]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("parameter_missing")));
    assert_eq!(body["error"]["param"], "success_url");
}

/// Parameters to change, and the code and param of the error Stripe answers.
type Refused<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);

#[tokio::test]
async fn parameters_are_checked_as_stripe_checks_them() {
    let sim = common::start().await;
    let soon = (now(&sim).await + 10 * 60).to_string();
    let late = (now(&sim).await + 25 * 3600).to_string();
    let cases: [Refused; 16] = [
        (&[("return_url", "")], "parameter_missing", "return_url"),
        (&[("mode", "")], "parameter_missing", "mode"),
        (&[("mode", "subscription")], "parameter_invalid", "mode"),
        (&[("ui_mode", "elements")], "parameter_invalid", "ui_mode"),
        (&[("ui_mode", "sideways")], "parameter_invalid", "ui_mode"),
        (&[("line_items[1][quantity]", "")], "parameter_missing", "line_items[1][quantity]"),
        (
            &[("line_items[0][price_data][product_data][name]", " ")],
            "parameter_missing",
            "line_items[0][price_data][product_data][name]",
        ),
        (&[("line_items[1][price_data][currency]", "eur")], "parameter_invalid", "line_items[1][price_data][currency]"),
        (&[("line_items[0][price]", "price_123")], "resource_missing", "line_items[0][price]"),
        (&[("line_items[0][tax_rates][0]", "txr_1")], "parameter_unknown", "line_items[0][tax_rates]"),
        (&[("expires_at", soon.as_str())], "parameter_invalid", "expires_at"),
        (&[("expires_at", late.as_str())], "parameter_invalid", "expires_at"),
        (&[("success_url", "https://shop.example/thanks")], "parameter_invalid", "success_url"),
        (&[("payment_method_types[0]", "konbini")], "parameter_invalid", "payment_method_types"),
        (&[("customer", "cus_nope")], "resource_missing", "customer"),
        (&[("shipping_options[0][shipping_rate]", "shr_1")], "parameter_unknown", "shipping_options"),
    ];
    for (extra, code, param) in cases {
        let (status, body) = create(&sim, extra).await;
        let error = &body["error"];
        assert_eq!(
            (status >= 400, error["code"].as_str(), error["param"].as_str()),
            (true, Some(code), Some(param)),
            "{extra:?}: {body}"
        );
        assert_eq!(error["type"], "invalid_request_error");
    }

    let (_, missing) = create(&sim, &[("return_url", "")]).await;
    assert!(missing["error"]["message"].as_str().unwrap().starts_with("Missing required param: return_url."));
    let never = open_session(&sim, &[("return_url", ""), ("redirect_on_completion", "never")]).await;
    assert_eq!((never["return_url"].clone(), never["redirect_on_completion"].as_str()), (Value::Null, Some("never")));

    let small = [("line_items[0][price_data][unit_amount]", "10"), ("line_items[1][price_data][unit_amount]", "9")];
    let (status, body) = create(&sim, &small).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("amount_too_small")), "{body}");
    let (status, body) = create(&sim, &[("customer", "cus_1"), ("customer_email", "jenny@example.com")]).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["message"], "You may only specify one of these parameters: customer, customer_email.");
    let (status, _) = sim.post_as_stripe_js("/v1/checkout/sessions", &[("mode", "payment")]).await;
    assert_eq!(status, 403, "a publishable key cannot create sessions");
}

#[tokio::test]
async fn an_idempotency_key_replays_the_same_session() {
    let sim = common::start().await;
    let send = |key: &'static str, name: &'static str| {
        let form = [
            ("ui_mode", "embedded_page"),
            ("mode", "payment"),
            ("return_url", RETURN_URL),
            ("line_items[0][price_data][currency]", "usd"),
            ("line_items[0][price_data][unit_amount]", "5098"),
            ("line_items[0][price_data][product_data][name]", name),
            ("line_items[0][quantity]", "1"),
        ];
        sim.http
            .post(format!("{}/v1/checkout/sessions", sim.base))
            .bearer_auth(common::SK)
            .header("Idempotency-Key", key)
            .form(&form)
            .send()
    };
    let first = send("order-42", "Ferris plush").await.unwrap();
    let first: Value = first.json().await.unwrap();
    let again = send("order-42", "Ferris plush").await.unwrap();
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Value>().await.unwrap(), first, "the same session, not a second one");
    let other = send("order-42", "Something else").await.unwrap();
    assert_eq!(other.status(), 400);
    assert_eq!(other.json::<Value>().await.unwrap()["error"]["type"], "idempotency_error");
    let (_, events) = sim.get("/v1/events").await;
    assert_eq!(events["data"], json!([]), "creating a session sends no event");
}

#[tokio::test]
async fn line_items_are_listed_with_their_inline_prices() {
    let sim = common::start().await;
    let session = open_session(&sim, &[]).await;
    let id = session["id"].as_str().unwrap();
    let (status, list) = sim.get(&format!("/v1/checkout/sessions/{id}/line_items")).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!((list["object"].as_str(), list["has_more"].as_bool()), (Some("list"), Some(false)));
    assert_eq!(list["url"], format!("/v1/checkout/sessions/{id}/line_items"));
    let first = &list["data"][0];
    assert!(first["id"].as_str().unwrap().starts_with("li_"));
    assert_eq!(first["object"], "item");
    assert_eq!(first["description"], "Ferris plush");
    assert_eq!((first["quantity"].as_i64(), first["amount_total"].as_i64()), (Some(2), Some(5000)));
    assert_eq!(first["price"]["unit_amount"], 2500);
    assert_eq!(first["price"]["type"], "one_time");
    assert!(first["price"]["product"].as_str().unwrap().starts_with("prod_"));

    let (_, page) = sim.get(&format!("/v1/checkout/sessions/{id}/line_items?limit=1")).await;
    assert_eq!((page["data"].as_array().unwrap().len(), page["has_more"].as_bool()), (1, Some(true)));
    let after = page["data"][0]["id"].as_str().unwrap();
    let (_, rest) = sim.get(&format!("/v1/checkout/sessions/{id}/line_items?starting_after={after}")).await;
    assert_eq!(rest["data"][0]["description"], "Sticker");
    let (_, expanded) = sim.get(&format!("/v1/checkout/sessions/{id}?expand[]=line_items")).await;
    assert_eq!(expanded["line_items"]["data"], list["data"]);
}

#[tokio::test]
async fn the_page_sees_what_the_shopper_is_shown_and_no_more() {
    let sim = common::start().await;
    let (_, customer) = sim.post("/v1/customers", &[("email", "ferris@example.com")]).await;
    let customer_id = customer["id"].as_str().unwrap();
    let session = open_session(&sim, &[("customer", customer_id), ("metadata[internal]", "x")]).await;
    let id = session["id"].as_str().unwrap();
    let secret = session["client_secret"].as_str().unwrap();
    let (status, page) =
        sim.post_as_stripe_js(&format!("/v1/payment_pages/{id}/init"), &[("client_secret", secret)]).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["amount_total"], 5098);
    assert_eq!(page["customer_email"], "ferris@example.com", "the customer's email, prefilled");
    assert_eq!(page["line_items"][1]["description"], "Sticker");
    for private in ["metadata", "customer", "client_reference_id", "client_secret", "return_url", "payment_intent"] {
        assert!(page.get(private).is_none(), "{private} stays with the merchant: {page}");
    }

    let wrong = format!("{id}_secret_wrong");
    let (status, body) =
        sim.post_as_stripe_js(&format!("/v1/payment_pages/{id}/init"), &[("client_secret", &wrong)]).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("client_secret")));
    let (status, _) = sim.post_as_stripe_js(&format!("/v1/payment_pages/{id}/init"), &[]).await;
    assert_eq!(status, 400);
    let hosted =
        open_session(&sim, &[("ui_mode", "hosted_page"), ("return_url", ""), ("success_url", "https://a.example/")])
            .await;
    let path = format!("/v1/payment_pages/{}/init", hosted["id"].as_str().unwrap());
    assert_eq!(sim.post_as_stripe_js(&path, &[("client_secret", secret)]).await.0, 400, "not an embedded session");
}

#[tokio::test]
async fn paying_with_4242_completes_the_session() {
    let sim = common::start().await;
    let session =
        open_session(&sim, &[("customer_email", "jenny@example.com"), ("payment_intent_data[metadata][order]", "42")])
            .await;
    let (status, paid) = pay(&sim, &session, "4242424242424242").await;
    assert_eq!(status, 200, "{paid}");
    assert_eq!((paid["status"].as_str(), paid["payment_status"].as_str()), (Some("complete"), Some("paid")));
    let id = session["id"].as_str().unwrap();
    assert_eq!(paid["redirect_url"], format!("https://shop.example/return?session_id={id}"));
    assert_eq!(paid["payment_intent"]["status"], "succeeded");

    let complete = retrieve(&sim, &session).await;
    assert_eq!((complete["status"].as_str(), complete["payment_status"].as_str()), (Some("complete"), Some("paid")));
    assert_eq!(complete["customer_details"]["email"], "jenny@example.com");
    let pi_id = complete["payment_intent"].as_str().unwrap();
    assert!(pi_id.starts_with("pi_"), "{pi_id}");
    let (_, intent) = sim.get(&format!("/v1/payment_intents/{pi_id}")).await;
    assert_eq!((intent["status"].as_str(), intent["amount"].as_i64()), (Some("succeeded"), Some(5098)));
    assert_eq!((intent["currency"].as_str(), intent["amount_received"].as_i64()), (Some("usd"), Some(5098)));
    assert_eq!(intent["metadata"], json!({"order": "42"}), "payment_intent_data[metadata]");
    assert_eq!(intent["receipt_email"], "jenny@example.com");
    assert_eq!(intent["payment_method_types"], json!(["card"]));

    let types = event_types(&sim).await;
    assert_eq!(types[0], "checkout.session.completed", "{types:?}");
    assert!(types.contains(&"payment_intent.succeeded".to_owned()) && types.contains(&"charge.succeeded".to_owned()));
    let (_, completed) = sim.get("/v1/events?type=checkout.session.completed").await;
    let object = &completed["data"][0]["data"]["object"];
    assert_eq!((object["id"].as_str(), object["payment_intent"].as_str()), (Some(id), Some(pi_id)));

    // Paid once only.
    let (status, again) = pay(&sim, &session, "4242424242424242").await;
    assert_eq!(status, 400, "{again}");
    let (status, _) = sim.post(&format!("/v1/checkout/sessions/{id}/expire"), &[]).await;
    assert_eq!(status, 400, "a complete session cannot expire");
}

#[tokio::test]
async fn a_declined_card_leaves_the_session_open_for_another_card() {
    let sim = common::start().await;
    let session = open_session(&sim, &[("payment_intent_data[metadata][order]", "7")]).await;
    let (status, declined) = pay(&sim, &session, "4000000000000002").await;
    assert_eq!(status, 402, "{declined}");
    let error = &declined["error"];
    assert_eq!((error["type"].as_str(), error["code"].as_str()), (Some("card_error"), Some("card_declined")));
    assert_eq!(error["message"], "Your card was declined.");
    assert_eq!(error["payment_intent"]["status"], "requires_payment_method");
    assert!(error["payment_intent"].get("metadata").is_none(), "the page sees public fields only");

    let open = retrieve(&sim, &session).await;
    assert_eq!((open["status"].as_str(), open["payment_status"].as_str()), (Some("open"), Some("unpaid")));
    assert_eq!(open["payment_intent"], Value::Null);
    assert!(!event_types(&sim).await.iter().any(|t| t.starts_with("checkout.session")));

    let (status, paid) = pay(&sim, &session, "4242424242424242").await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("complete")), "{paid}");
    assert_eq!(paid["payment_intent"]["id"], error["payment_intent"]["id"], "the same PaymentIntent, retried");
    let (_, intents) = sim.get("/v1/payment_intents").await;
    assert_eq!(intents["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn three_d_secure_in_the_page_then_the_session_completes() {
    let sim = common::start().await;
    let session = open_session(&sim, &[]).await;
    let (status, pending) = pay(&sim, &session, "4000002500003155").await;
    assert_eq!(status, 200, "{pending}");
    assert_eq!(pending["status"], "open");
    let intent = &pending["payment_intent"];
    assert_eq!(
        (intent["status"].as_str(), intent["next_action"]["type"].as_str()),
        (Some("requires_action"), Some("use_stripe_sdk"))
    );

    // The challenge page (in the embedded page, by Stripe.js) completes it.
    let url = format!("{}/three_d_secure/{}/complete", sim.base, intent["id"].as_str().unwrap());
    let (status, _) =
        sim.send(sim.http.post(url).form(&[("client_secret", intent["client_secret"].as_str().unwrap())])).await;
    assert_eq!(status, 200);
    let complete = retrieve(&sim, &session).await;
    assert_eq!(
        (complete["status"].as_str(), complete["payment_intent"].as_str()),
        (Some("complete"), intent["id"].as_str())
    );
    assert!(event_types(&sim).await.contains(&"checkout.session.completed".to_owned()));
}

#[tokio::test]
async fn without_a_redirect_the_page_is_told_nowhere_to_go() {
    let sim = common::start().await;
    for redirect in ["never", "if_required"] {
        let session = open_session(&sim, &[("redirect_on_completion", redirect)]).await;
        let (status, paid) = pay(&sim, &session, "4242424242424242").await;
        assert_eq!((status, paid["status"].as_str()), (200, Some("complete")), "{paid}");
        assert_eq!(paid["redirect_url"], Value::Null, "{redirect}: Stripe.js calls onComplete");
    }
}

#[tokio::test]
async fn expiring_a_session_by_call_or_by_the_clock() {
    let sim = common::start().await;
    let session = open_session(&sim, &[]).await;
    let id = session["id"].as_str().unwrap();
    // An attempt that needs 3-D Secure: expiring cancels its PaymentIntent.
    let (_, pending) = pay(&sim, &session, "4000002500003155").await;
    let (status, expired) = sim.post(&format!("/v1/checkout/sessions/{id}/expire"), &[]).await;
    assert_eq!((status, expired["status"].as_str()), (200, Some("expired")), "{expired}");
    let (_, intent) =
        sim.get(&format!("/v1/payment_intents/{}", pending["payment_intent"]["id"].as_str().unwrap())).await;
    assert_eq!(intent["status"], "canceled");
    let (status, again) = sim.post(&format!("/v1/checkout/sessions/{id}/expire"), &[]).await;
    assert_eq!(status, 400);
    assert_eq!(
        again["error"]["message"],
        "Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of `expired`."
    );
    let (status, refused) = pay(&sim, &session, "4242424242424242").await;
    assert_eq!(status, 400, "{refused}");

    let later = open_session(&sim, &[]).await;
    advance(&sim, 24 * 3600).await;
    assert_eq!(retrieve(&sim, &later).await["status"], "expired");
    let types = event_types(&sim).await;
    assert_eq!(types.iter().filter(|t| *t == "checkout.session.expired").count(), 2, "{types:?}");
    assert!(types.contains(&"payment_intent.canceled".to_owned()));
}

#[tokio::test]
async fn sessions_are_listed_newest_first_and_filtered_by_status() {
    let sim = common::start().await;
    let first = open_session(&sim, &[]).await;
    let second = open_session(&sim, &[]).await;
    let third = open_session(&sim, &[]).await;
    let ids = |list: &Value| -> Vec<String> {
        list["data"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_owned()).collect()
    };
    let (status, page) = sim.get("/v1/checkout/sessions?limit=2").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(ids(&page), [third["id"].as_str().unwrap(), second["id"].as_str().unwrap()]);
    assert_eq!((page["object"].as_str(), page["has_more"].as_bool()), (Some("list"), Some(true)));
    let (_, rest) =
        sim.get(&format!("/v1/checkout/sessions?limit=2&starting_after={}", second["id"].as_str().unwrap())).await;
    assert_eq!((ids(&rest), rest["has_more"].as_bool()), (vec![first["id"].as_str().unwrap().to_owned()], Some(false)));

    pay(&sim, &second, "4242424242424242").await;
    let (_, complete) = sim.get("/v1/checkout/sessions?status=complete").await;
    assert_eq!(ids(&complete), [second["id"].as_str().unwrap()]);
    let (status, unknown) = sim.get("/v1/checkout/sessions?starting_after=cs_test_nope").await;
    assert_eq!((status, unknown["error"]["param"].as_str()), (404, Some("starting_after")), "{unknown}");
}
