//! 3-D Secure on the stand-in's authentication page, and cancelling PaymentIntents.

mod common;

use serde_json::Value;

async fn requires_action(sim: &common::Running, card: &str) -> Value {
    let token = sim.confirmation_token(card).await;
    let (status, pi) = sim.create_and_confirm("1099", &token).await;
    assert_eq!((status, pi["status"].as_str()), (200, Some("requires_action")), "{pi}");
    pi
}

#[tokio::test]
async fn completing_authentication_succeeds_the_payment() {
    let sim = common::start().await;
    let pi = requires_action(&sim, "4000002500003155").await;
    let (status, after) = sim.three_d_secure(&pi, "complete").await;
    assert_eq!(status, 200);
    assert_eq!(after["status"], "succeeded");
    let (_, stored) = sim.get(&format!("/v1/payment_intents/{}", pi["id"].as_str().unwrap())).await;
    assert_eq!(stored["amount_received"], 1099);
    assert_eq!(stored["next_action"], Value::Null);
    // Once done, the page cannot be used again.
    assert_eq!(sim.three_d_secure(&pi, "fail").await.0, 400);
}

#[tokio::test]
async fn failing_authentication_leaves_the_payment_unpaid_with_stripes_error() {
    let sim = common::start().await;
    let pi = requires_action(&sim, "4000002500003155").await;
    let (_, after) = sim.three_d_secure(&pi, "fail").await;
    assert_eq!(after["status"], "requires_payment_method");
    assert_eq!(after["last_payment_error"]["code"], "payment_intent_authentication_failure");
    assert_eq!(after["last_payment_error"]["type"], "invalid_request_error");
    let (_, stored) = sim.get(&format!("/v1/payment_intents/{}", pi["id"].as_str().unwrap())).await;
    assert_eq!(stored["amount_received"], 0);
    assert_eq!(stored["payment_method"], Value::Null);
}

#[tokio::test]
async fn authentication_needs_the_client_secret() {
    let sim = common::start().await;
    let pi = requires_action(&sim, "4000002500003155").await;
    let url = format!("{}/three_d_secure/{}/complete", sim.base, pi["id"].as_str().unwrap());
    let (status, _) = sim.send(sim.http.post(url).form(&[("client_secret", "pi_x_secret_wrong")])).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn the_redirect_card_sends_the_shopper_to_the_authentication_page_and_back() {
    let sim = common::start().await;
    let pi = requires_action(&sim, "4000002760003184").await;
    assert_eq!(pi["next_action"]["type"], "redirect_to_url");
    let url = pi["next_action"]["redirect_to_url"]["url"].as_str().unwrap();
    assert!(
        url.starts_with(&format!("{}/three_d_secure/{}?client_secret=", sim.base, pi["id"].as_str().unwrap())),
        "{url}"
    );
    assert_eq!(pi["next_action"]["redirect_to_url"]["return_url"], "http://127.0.0.1:4242/complete");
    let page = sim.http.get(url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("3D Secure 2 Test Page"));
}

#[tokio::test]
async fn without_a_return_url_the_redirect_card_authenticates_in_stripe_js_instead() {
    let sim = common::start().await;
    let (status, token) = sim
        .post_as_stripe_js(
            "/v1/confirmation_tokens",
            &[
                ("payment_method_data[type]", "card"),
                ("payment_method_data[card][number]", "4000002760003184"),
                ("payment_method_data[card][exp_month]", "12"),
                ("payment_method_data[card][exp_year]", "2040"),
                ("payment_method_data[card][cvc]", "123"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{token}");
    let (status, pi) = sim
        .post(
            "/v1/payment_intents",
            &[
                ("amount", "1099"),
                ("currency", "usd"),
                ("confirm", "true"),
                ("automatic_payment_methods[enabled]", "true"),
                ("automatic_payment_methods[allow_redirects]", "never"),
                ("confirmation_token", token["id"].as_str().unwrap()),
            ],
        )
        .await;
    assert_eq!((status, pi["status"].as_str()), (200, Some("requires_action")), "{pi}");
    assert_eq!(pi["next_action"]["type"], "use_stripe_sdk");
    assert_eq!(sim.three_d_secure(&pi, "complete").await.1["status"], "succeeded");
}

#[tokio::test]
async fn cancel_works_until_the_payment_succeeded() {
    let sim = common::start().await;
    let (_, pi) = sim.post("/v1/payment_intents", &[("amount", "1099"), ("currency", "usd")]).await;
    let id = pi["id"].as_str().unwrap();
    let (status, canceled) =
        sim.post(&format!("/v1/payment_intents/{id}/cancel"), &[("cancellation_reason", "abandoned")]).await;
    assert_eq!(status, 200);
    assert_eq!(canceled["status"], "canceled");
    assert_eq!(canceled["cancellation_reason"], "abandoned");
    assert!(canceled["canceled_at"].is_i64());

    let token = sim.confirmation_token("4242424242424242").await;
    let (_, paid) = sim.create_and_confirm("1099", &token).await;
    let (status, refused) =
        sim.post(&format!("/v1/payment_intents/{}/cancel", paid["id"].as_str().unwrap()), &[]).await;
    assert_eq!(status, 400);
    assert_eq!(refused["error"]["code"], "payment_intent_unexpected_state");
}
