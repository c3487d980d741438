//! Buy now, pay later (Klarna, Afterpay / Clearpay, Affirm, Zip): offered where eligible,
//! confirmed with a ConfirmationToken of that type and a return_url, authorised (or not) on the
//! provider's test page, paid with a charge of that type.

mod common;

use serde_json::Value;

/// A ConfirmationToken for `method`, as Stripe.js makes it from the Payment Element (the
/// payer's details each provider needs), with a return_url.
async fn token(sim: &common::Running, method: &str) -> (u16, Value) {
    sim.post_as_stripe_js(
        "/v1/confirmation_tokens",
        &[
            ("payment_method_data[type]", method),
            ("payment_method_data[billing_details][name]", "Jenny Rosen"),
            ("payment_method_data[billing_details][email]", "jenny@example.com"),
            ("payment_method_data[billing_details][address][country]", "US"),
            ("return_url", "http://127.0.0.1:4242/complete"),
        ],
    )
    .await
}

async fn token_id(sim: &common::Running, method: &str) -> String {
    let (status, token) = token(sim, method).await;
    assert_eq!(status, 200, "{token}");
    token["id"].as_str().unwrap().to_owned()
}

/// The provider's page: `authorize` or `fail`, as the page posts it with the client secret.
async fn provider_page(sim: &common::Running, intent: &Value, outcome: &str) -> (u16, Value) {
    let url = format!("{}/bnpl/{}/{outcome}", sim.base, intent["id"].as_str().unwrap());
    sim.send(sim.http.post(url).form(&[("client_secret", intent["client_secret"].as_str().unwrap())])).await
}

#[tokio::test]
async fn each_method_redirects_to_its_page_and_once_authorised_is_paid_by_a_charge_of_its_type() {
    let sim = common::start().await;
    for method in ["klarna", "afterpay_clearpay", "affirm", "zip"] {
        let (_, preview) = token(&sim, method).await;
        assert_eq!(preview["payment_method_preview"]["type"], method);
        assert!(preview["payment_method_preview"][method].is_object(), "{preview}");
        let (status, pi) = sim.create_and_confirm("5098", preview["id"].as_str().unwrap()).await;
        assert_eq!((status, pi["status"].as_str()), (200, Some("requires_action")), "{method}: {pi}");
        assert_eq!(pi["next_action"]["type"], "redirect_to_url");
        let url = pi["next_action"]["redirect_to_url"]["url"].as_str().unwrap();
        assert!(url.starts_with(&format!("{}/bnpl/{}?", sim.base, pi["id"].as_str().unwrap())), "{url}");
        assert!(url.contains(&format!("method={method}")), "{url}");
        assert_eq!(pi["next_action"]["redirect_to_url"]["return_url"], "http://127.0.0.1:4242/complete");
        let page = sim.http.get(url).send().await.unwrap().text().await.unwrap();
        assert!(page.contains(">Authorize<") && page.contains(">Fail<"), "{page}");

        let (status, after) = provider_page(&sim, &pi, "authorize").await;
        assert_eq!((status, after["status"].as_str()), (200, Some("succeeded")), "{after}");
        let (_, stored) = sim.get(&format!("/v1/payment_intents/{}", pi["id"].as_str().unwrap())).await;
        let (_, charge) = sim.get(&format!("/v1/charges/{}", stored["latest_charge"].as_str().unwrap())).await;
        assert_eq!(charge["payment_method_details"]["type"], method, "{charge}");
        assert!(charge["payment_method_details"][method].is_object(), "{charge}");
        assert_eq!(charge["amount_captured"], 5098);
        assert_eq!(charge["billing_details"]["email"], "jenny@example.com");
        let (_, pm) = sim.get(&format!("/v1/payment_methods/{}", charge["payment_method"].as_str().unwrap())).await;
        assert_eq!(pm["type"], method);
    }
}

#[tokio::test]
async fn a_failed_authorisation_leaves_the_payment_unpaid_and_another_method_can_pay_it() {
    let sim = common::start().await;
    let token = token_id(&sim, "klarna").await;
    let (_, pi) = sim.create_and_confirm("5098", &token).await;
    let (status, after) = provider_page(&sim, &pi, "fail").await;
    assert_eq!(status, 200);
    assert_eq!(after["status"], "requires_payment_method");
    assert_eq!(after["last_payment_error"]["code"], "payment_intent_payment_attempt_failed");
    assert_eq!(after["last_payment_error"]["payment_method"]["type"], "klarna");
    // The page cannot be used again; the same PaymentIntent is paid with a card afterwards.
    assert_eq!(provider_page(&sim, &pi, "authorize").await.0, 400);
    let id = pi["id"].as_str().unwrap();
    let card = sim.confirmation_token("4242424242424242").await;
    let (status, paid) =
        sim.post(&format!("/v1/payment_intents/{id}/confirm"), &[("confirmation_token", card.as_str())]).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
}

#[tokio::test]
async fn automatic_payment_methods_list_the_methods_eligible_for_the_amount_and_currency() {
    let sim = common::start().await;
    let types = |amount: &'static str, currency: &'static str, redirects: Option<&'static str>| {
        let sim = &sim;
        async move {
            let mut form =
                vec![("amount", amount), ("currency", currency), ("automatic_payment_methods[enabled]", "true")];
            if let Some(redirects) = redirects {
                form.push(("automatic_payment_methods[allow_redirects]", redirects));
            }
            let (status, pi) = sim.post("/v1/payment_intents", &form).await;
            assert_eq!(status, 200, "{pi}");
            pi["payment_method_types"].clone()
        }
    };
    assert_eq!(
        types("5098", "usd", None).await,
        serde_json::json!(["card", "klarna", "afterpay_clearpay", "affirm", "zip"])
    );
    // Under Affirm's 50 USD and Zip's 35 USD minimums.
    assert_eq!(types("1275", "usd", None).await, serde_json::json!(["card", "klarna", "afterpay_clearpay"]));
    assert_eq!(types("5098", "usd", Some("never")).await, serde_json::json!(["card"]));
    assert_eq!(types("6900", "jpy", None).await, serde_json::json!(["card"]));
}

#[tokio::test]
async fn the_elements_session_offers_a_deferred_groups_eligible_methods() {
    let sim = common::start().await;
    let session = |query: &'static str| {
        let sim = &sim;
        async move {
            let url = format!("{}/v1/elements/sessions?key={}&{query}", sim.base, common::PK);
            let (status, body) = sim.send(sim.http.get(url)).await;
            assert_eq!(status, 200, "{body}");
            body["payment_method_preference"]["ordered_payment_method_types"].clone()
        }
    };
    let all = serde_json::json!(["card", "klarna", "afterpay_clearpay", "affirm", "zip"]);
    assert_eq!(
        session("deferred_intent[mode]=payment&deferred_intent[amount]=5098&deferred_intent[currency]=usd").await,
        all
    );
    assert_eq!(
        session("deferred_intent[mode]=payment&deferred_intent[amount]=500001&deferred_intent[currency]=usd").await,
        serde_json::json!(["card", "klarna", "affirm"])
    );
    assert_eq!(
        session("deferred_intent[mode]=payment&deferred_intent[amount]=1275&deferred_intent[currency]=usd&deferred_intent[payment_method_types][0]=card&deferred_intent[payment_method_types][1]=affirm&deferred_intent[payment_method_types][2]=klarna").await,
        serde_json::json!(["card", "klarna"])
    );
    assert_eq!(session("deferred_intent[mode]=setup&deferred_intent[currency]=usd").await, serde_json::json!(["card"]));
}

#[tokio::test]
async fn refused_confirmations_say_why_and_charge_nothing() {
    let sim = common::start().await;
    // Under Affirm's minimum: not among the intent's types.
    let affirm = token_id(&sim, "affirm").await;
    let (status, err) = sim.create_and_confirm("4999", &affirm).await;
    assert_eq!(status, 400, "{err}");
    assert!(err["error"]["message"].as_str().unwrap().contains("affirm"), "{err}");
    // No return_url to come back to.
    let (status, bare) = sim
        .post_as_stripe_js(
            "/v1/confirmation_tokens",
            &[
                ("payment_method_data[type]", "zip"),
                ("payment_method_data[billing_details][name]", "Jenny Rosen"),
                ("payment_method_data[billing_details][email]", "jenny@example.com"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{bare}");
    let (status, err) = sim.create_and_confirm("5098", bare["id"].as_str().unwrap()).await;
    assert_eq!((status, err["error"]["param"].as_str()), (400, Some("return_url")), "{err}");
    // Klarna needs the payer's email.
    let (status, err) = sim
        .post_as_stripe_js(
            "/v1/confirmation_tokens",
            &[
                ("payment_method_data[type]", "klarna"),
                ("payment_method_data[billing_details][address][country]", "US"),
            ],
        )
        .await;
    assert_eq!((status, err["error"]["param"].as_str()), (400, Some("payment_method_data[billing_details][email]")));
    // Redirects not allowed: no BNPL.
    let klarna = token_id(&sim, "klarna").await;
    let (status, err) = sim
        .post(
            "/v1/payment_intents",
            &[
                ("amount", "5098"),
                ("currency", "usd"),
                ("confirm", "true"),
                ("automatic_payment_methods[enabled]", "true"),
                ("automatic_payment_methods[allow_redirects]", "never"),
                ("confirmation_token", klarna.as_str()),
            ],
        )
        .await;
    assert_eq!(status, 400, "{err}");
    let (_, list) = sim.get("/v1/payment_intents").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 0, "{list}");
}
