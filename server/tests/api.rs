//! The checkout API over HTTP, against the Stripe stand-in.

mod common;

use common::Stack;
use serde_json::json;

#[tokio::test]
async fn config_gives_keys_stripe_js_and_a_server_priced_cart() {
    let stack = common::start().await;
    let (status, config) = stack.get("/api/config").await;
    assert_eq!(status, 200);
    assert_eq!(config["publishableKey"], common::PK);
    assert_eq!(config["stripeJsUrl"], format!("{}/endive/stripe.js", stack.sim));
    assert_eq!(config["cart"]["currency"], "usd");
    assert_eq!(config["cart"]["total"], 2500 + 2 * 1299);
    assert_eq!(config["cart"]["lines"][1]["name"], "Ferris enamel mug");
}

#[tokio::test]
async fn confirm_creates_and_confirms_one_payment_intent_for_the_server_amount() {
    let stack = common::start().await;
    let token = stack.confirmation_token("4242424242424242").await;
    let (status, body) = stack.post_json("/api/checkout/confirm", &Stack::checkout(&token)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "succeeded");
    assert_eq!(body["amount"], 5098);
    assert_eq!(body["currency"], "usd");
    let id = body["paymentIntentId"].as_str().unwrap();
    assert!(body["clientSecret"].as_str().unwrap().starts_with(&format!("{id}_secret_")));

    let intents = stack.stripe_payment_intents().await;
    assert_eq!(intents.len(), 1);
    assert_eq!(intents[0]["id"], id);
    assert_eq!(intents[0]["amount"], 5098);
    assert_eq!(intents[0]["automatic_payment_methods"]["enabled"], true);
}

#[tokio::test]
async fn a_retried_confirm_does_not_charge_twice() {
    let stack = common::start().await;
    let token = stack.confirmation_token("4242424242424242").await;
    let request = Stack::checkout(&token);
    let (first_status, first) = stack.post_json("/api/checkout/confirm", &request).await;
    let (second_status, mut second) = stack.post_json("/api/checkout/confirm", &request).await;
    assert_eq!((first_status, &first["alreadyConfirmed"]), (200, &json!(false)));
    // The same attempt finds the same order and its PaymentIntent, already paid.
    assert_eq!((second_status, &second["alreadyConfirmed"]), (200, &json!(true)));
    second["alreadyConfirmed"] = json!(false);
    assert_eq!(second, first);
    assert_eq!(stack.stripe_payment_intents().await.len(), 1);
}

#[tokio::test]
async fn prices_and_amounts_from_the_browser_are_refused() {
    let stack = common::start().await;
    let token = stack.confirmation_token("4242424242424242").await;
    let forged = [
        json!({"attemptId": common::attempt_id(), "confirmationTokenId": token, "items": Stack::default_items(), "amount": 1}),
        json!({"attemptId": common::attempt_id(), "confirmationTokenId": token, "items": [{"productId": "lumen-tee", "quantity": 1, "unitAmount": 1}]}),
    ];
    for body in forged {
        let (status, answer) = stack.post_json("/api/checkout/confirm", &body).await;
        assert_eq!(status, 422, "{answer}");
        assert_eq!(answer["error"]["type"], "invalid_request_error");
    }
    assert!(stack.stripe_payment_intents().await.is_empty());
}

#[tokio::test]
async fn bad_requests_get_typed_errors_naming_the_field() {
    let stack = common::start().await;
    let cases = [
        (Stack::checkout("pm_123"), "confirmationTokenId"),
        (json!({"attemptId": "x", "confirmationTokenId": "ctoken_1", "items": Stack::default_items()}), "attemptId"),
        (json!({"attemptId": common::attempt_id(), "confirmationTokenId": "ctoken_1", "items": []}), "items"),
        (
            json!({"attemptId": common::attempt_id(), "confirmationTokenId": "ctoken_1", "items": [{"productId": "lumen-tee", "quantity": 0}]}),
            "items[0][quantity]",
        ),
        (
            json!({"attemptId": common::attempt_id(), "confirmationTokenId": "ctoken_1", "items": [{"productId": "unicorn", "quantity": 1}]}),
            "items[0][productId]",
        ),
    ];
    for (body, param) in cases {
        let (status, answer) = stack.post_json("/api/checkout/confirm", &body).await;
        assert_eq!(status, 400, "{body}: {answer}");
        assert_eq!(answer["error"]["param"], param);
        assert!(answer["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let response = stack
        .http
        .post(format!("{}/api/checkout/confirm", stack.server))
        .body("{not json")
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let answer: serde_json::Value = response.json().await.unwrap();
    assert_eq!(answer["error"]["type"], "invalid_request_error");
}

#[tokio::test]
async fn a_declined_card_is_a_402_with_stripes_message() {
    let stack = common::start().await;
    let token = stack.confirmation_token("4000000000009995").await;
    let (status, body) = stack.post_json("/api/checkout/confirm", &Stack::checkout(&token)).await;
    assert_eq!(status, 402);
    assert_eq!(body["error"]["type"], "card_error");
    assert_eq!(body["error"]["decline_code"], "insufficient_funds");
    assert_eq!(body["error"]["message"], "Your card has insufficient funds.");
}

#[tokio::test]
async fn an_unknown_or_used_token_is_the_pages_problem_not_a_server_error() {
    let stack = common::start().await;
    let (status, body) = stack.post_json("/api/checkout/confirm", &Stack::checkout("ctoken_doesnotexist")).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["param"], "confirmation_token");
}

#[tokio::test]
async fn three_d_secure_answers_requires_action_with_the_client_secret() {
    let stack = common::start().await;
    let token = stack.confirmation_token("4000002500003155").await;
    let (status, body) = stack.post_json("/api/checkout/confirm", &Stack::checkout(&token)).await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "requires_action");
    assert!(body["clientSecret"].as_str().unwrap().contains("_secret_"));
}

#[tokio::test]
async fn the_holder_of_a_payments_client_secret_can_find_its_order() {
    let stack = common::start().await;
    let token = stack.confirmation_token("4000002500003155").await;
    let (_, paid) = stack.post_json("/api/checkout/confirm", &Stack::checkout(&token)).await;
    let (pi, secret) = (paid["paymentIntentId"].as_str().unwrap(), paid["clientSecret"].as_str().unwrap());

    let lookup = async |pi: &str, secret: Option<&str>| {
        let mut request = stack.http.get(format!("{}/api/orders?paymentIntent={pi}", stack.server));
        if let Some(secret) = secret {
            request = request.header("X-Client-Secret", secret);
        }
        let response = request.send().await.unwrap();
        (response.status().as_u16(), response.json::<serde_json::Value>().await.unwrap())
    };
    let (status, order) = lookup(pi, Some(secret)).await;
    assert_eq!(status, 200, "{order}");
    assert_eq!(order["id"], paid["orderId"]);
    assert_eq!(order["paymentIntentId"], pi);
    assert_eq!(order["amount"], 5098);
    // Older pages sent the secret in the query string; it still works (and is never logged).
    assert_eq!(stack.get(&format!("/api/orders?paymentIntent={pi}&clientSecret={secret}")).await.1, order);

    // A wrong secret and a payment that is not ours get the same answer; nothing to learn.
    let (status, wrong) = lookup(pi, Some(&format!("{pi}_secret_guess"))).await;
    assert_eq!((status, wrong["error"]["code"].as_str()), (404, Some("resource_missing")));
    let (status, unknown) = lookup("pi_unknown", Some(secret)).await;
    assert_eq!((status, &unknown), (404, &wrong));
    let (status, missing) = lookup(pi, None).await;
    assert_eq!((status, missing["error"]["type"].as_str()), (400, Some("invalid_request_error")), "{missing}");
}

#[tokio::test]
async fn stripe_unreachable_is_a_502_with_a_connection_error() {
    // A port nothing listens on: bind, note it, close.
    let dead = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let server = common::start_server(&dead).await;
    let http = reqwest::Client::new();
    let response =
        http.post(format!("{server}/api/checkout/confirm")).json(&Stack::checkout("ctoken_abc")).send().await.unwrap();
    assert_eq!(response.status(), 502);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["type"], "api_connection_error");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_and_app_paths_serve_the_app() {
    let stack = common::start().await;
    let (status, body) = stack.get("/api/nope").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["type"], "invalid_request_error");
    let page =
        stack.http.get(format!("{}/complete?payment_intent_client_secret=x", stack.server)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("<div id=app>"));
}
