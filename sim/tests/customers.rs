//! Customers, saved payment methods and CustomerSessions, as the Payment Element uses them.

mod common;

use serde_json::Value;

async fn customer_with_saved_visa(sim: &common::Running) -> (String, String) {
    let (_, customer) = sim.post("/v1/customers", &[("email", "jenny@example.com")]).await;
    let customer = customer["id"].as_str().unwrap().to_owned();
    let (status, pm) = sim.post("/v1/payment_methods/pm_card_visa/attach", &[("customer", customer.as_str())]).await;
    assert_eq!(status, 200, "{pm}");
    let pm = pm["id"].as_str().unwrap().to_owned();
    let (_, updated) = sim.post(&format!("/v1/payment_methods/{pm}"), &[("allow_redisplay", "always")]).await;
    assert_eq!(updated["allow_redisplay"], "always");
    (customer, pm)
}

async fn customer_session(sim: &common::Running, customer: &str) -> String {
    let (status, session) = sim
        .post(
            "/v1/customer_sessions",
            &[
                ("customer", customer),
                ("components[payment_element][enabled]", "true"),
                ("components[payment_element][features][payment_method_redisplay]", "enabled"),
                ("components[payment_element][features][payment_method_save]", "enabled"),
                ("components[payment_element][features][payment_method_remove]", "enabled"),
                ("components[payment_element][features][payment_method_save_usage]", "off_session"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{session}");
    assert_eq!(session["components"]["payment_element"]["features"]["payment_method_save"], "enabled");
    session["client_secret"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_customer_session_shows_only_redisplayable_saved_cards_to_stripe_js() {
    let sim = common::start().await;
    let (customer, saved) = customer_with_saved_visa(&sim).await;
    // A card attached without allow_redisplay=always is not shown.
    sim.post("/v1/payment_methods/pm_card_mastercard/attach", &[("customer", customer.as_str())]).await;
    let secret = customer_session(&sim, &customer).await;
    let url = format!("{}/v1/elements/sessions?key={}&customer_session_client_secret={secret}", sim.base, common::PK);
    let (status, session) = sim.send(sim.http.get(url)).await;
    assert_eq!(status, 200);
    let shown: Vec<&str> =
        session["payment_methods"].as_array().unwrap().iter().map(|pm| pm["id"].as_str().unwrap()).collect();
    assert_eq!(shown, [saved.as_str()]);
    assert_eq!(session["features"]["save"], true);
}

#[tokio::test]
async fn paying_with_a_saved_card_needs_its_customer_on_the_payment_intent() {
    let sim = common::start().await;
    let (customer, saved) = customer_with_saved_visa(&sim).await;
    let secret = customer_session(&sim, &customer).await;
    let token = || async {
        let (status, token) = sim
            .post_as_stripe_js(
                "/v1/confirmation_tokens",
                &[
                    ("payment_method", saved.as_str()),
                    ("customer_session_client_secret", secret.as_str()),
                    ("return_url", "http://shop/complete"),
                ],
            )
            .await;
        assert_eq!(status, 200, "{token}");
        assert_eq!(token["payment_method_preview"]["card"]["last4"], "4242");
        token["id"].as_str().unwrap().to_owned()
    };
    let (status, refused) = sim.create_and_confirm("1099", &token().await).await;
    assert_eq!(status, 400);
    assert_eq!(refused["error"]["param"], "customer");

    let form = [
        ("amount", "1099"),
        ("currency", "usd"),
        ("confirm", "true"),
        ("customer", customer.as_str()),
        ("confirmation_token", &token().await),
    ];
    let (status, pi) = sim.post("/v1/payment_intents", &form).await;
    assert_eq!(status, 200, "{pi}");
    assert_eq!(pi["payment_method"], saved);
    assert_eq!(pi["status"], "succeeded");
}

#[tokio::test]
async fn a_card_saved_at_checkout_is_attached_to_the_customer_for_redisplay() {
    let sim = common::start().await;
    let (_, customer) = sim.post("/v1/customers", &[]).await;
    let customer = customer["id"].as_str().unwrap();
    let (_, token) = sim
        .post_as_stripe_js(
            "/v1/confirmation_tokens",
            &[
                ("payment_method_data[type]", "card"),
                ("payment_method_data[card][number]", "5555555555554444"),
                ("payment_method_data[card][exp_month]", "12"),
                ("payment_method_data[card][exp_year]", "2040"),
                ("payment_method_data[card][cvc]", "123"),
                ("payment_method_data[allow_redisplay]", "always"),
                ("setup_future_usage", "off_session"),
                ("return_url", "http://shop/complete"),
            ],
        )
        .await;
    let form = [
        ("amount", "1099"),
        ("currency", "usd"),
        ("confirm", "true"),
        ("customer", customer),
        ("confirmation_token", token["id"].as_str().unwrap()),
    ];
    let (_, pi) = sim.post("/v1/payment_intents", &form).await;
    assert_eq!(pi["setup_future_usage"], "off_session");
    let (_, list) = sim.get(&format!("/v1/customers/{customer}/payment_methods")).await;
    let methods = list["data"].as_array().unwrap();
    assert_eq!(methods.len(), 1);
    assert_eq!(methods[0]["id"], pi["payment_method"]);
    assert_eq!(methods[0]["allow_redisplay"], "always");
}

#[tokio::test]
async fn the_payment_element_can_remove_a_saved_card_when_the_session_allows() {
    let sim = common::start().await;
    let (customer, saved) = customer_with_saved_visa(&sim).await;
    let secret = customer_session(&sim, &customer).await;
    let url = format!("{}/v1/elements/payment_methods/{saved}/detach", sim.base);
    let (status, _) = sim
        .send(sim.http.post(&url).form(&[("key", common::PK), ("customer_session_client_secret", secret.as_str())]))
        .await;
    assert_eq!(status, 200);
    let (_, list) = sim.get(&format!("/v1/customers/{customer}/payment_methods")).await;
    assert_eq!(list["data"], Value::Array(vec![]));
}

#[tokio::test]
async fn an_expired_customer_session_is_refused() {
    let sim = common::start().await;
    let (customer, _) = customer_with_saved_visa(&sim).await;
    let secret = customer_session(&sim, &customer).await;
    sim.send(sim.http.post(format!("{}/_sim/clock/advance?seconds=1801", sim.base))).await;
    let url = format!("{}/v1/elements/sessions?key={}&customer_session_client_secret={secret}", sim.base, common::PK);
    assert_eq!(sim.send(sim.http.get(url)).await.0, 400);
}

#[tokio::test]
async fn a_customers_payment_methods_come_a_page_at_a_time() {
    let sim = common::start().await;
    let (customer, _) = customer_with_saved_visa(&sim).await;
    sim.post("/v1/payment_methods/pm_card_mastercard/attach", &[("customer", customer.as_str())]).await;
    let list = format!("/v1/customers/{customer}/payment_methods");
    let (_, all) = sim.get(&list).await;
    assert_eq!((all["data"].as_array().unwrap().len(), &all["has_more"]), (2, &Value::Bool(false)));
    let (_, first) = sim.get(&format!("{list}?limit=1")).await;
    assert_eq!((first["data"].as_array().unwrap().len(), &first["has_more"]), (1, &Value::Bool(true)));
    let (status, body) = sim.get(&format!("{list}?limit=0")).await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("limit")));
}
