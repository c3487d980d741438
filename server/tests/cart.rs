//! Discount codes and saved-card sessions, over HTTP, against the Stripe stand-in.

mod common;

use common::Stack;
use serde_json::json;

#[tokio::test]
async fn the_cart_endpoint_prices_discount_codes_or_says_why_not() {
    let stack = common::start().await;
    let (status, cart) =
        stack.post_json("/api/cart", &json!({"items": Stack::default_items(), "discountCode": "welcome10"})).await;
    assert_eq!(status, 200, "{cart}");
    assert_eq!(cart["subtotal"], 5098);
    assert_eq!(cart["discount"]["code"], "WELCOME10");
    assert_eq!(cart["total"], 4589);

    // Expired and unknown codes get the same answer: it does not tell which codes exist.
    for (code, message) in [("SPRING2020", "The code SPRING2020 isn't valid."), ("NOPE", "The code NOPE isn't valid.")]
    {
        let (status, error) =
            stack.post_json("/api/cart", &json!({"items": Stack::default_items(), "discountCode": code})).await;
        assert_eq!(status, 400);
        assert_eq!(error["error"]["param"], "discountCode");
        assert_eq!(error["error"]["message"], message);
    }
    let (status, plain) = stack.post_json("/api/cart", &json!({"items": Stack::default_items()})).await;
    assert_eq!((status, plain["total"].as_i64()), (200, Some(5098)));
    assert!(plain.get("discount").is_none());
}

#[tokio::test]
async fn a_discounted_confirm_charges_the_servers_discounted_total() {
    let stack = common::start().await;
    let token = stack.confirmation_token("4242424242424242").await;
    let body = json!({"attemptId": common::attempt_id(), "confirmationTokenId": token, "items": Stack::default_items(), "discountCode": "WELCOME10"});
    let (status, paid) = stack.post_json("/api/checkout/confirm", &body).await;
    assert_eq!(status, 200, "{paid}");
    assert_eq!(paid["amount"], 4589);
    assert_eq!(stack.stripe_payment_intents().await[0]["amount"], 4589);

    let token = stack.confirmation_token("4242424242424242").await;
    let body = json!({"attemptId": common::attempt_id(), "confirmationTokenId": token, "items": Stack::default_items(), "discountCode": "SPRING2020"});
    assert_eq!(stack.post_json("/api/checkout/confirm", &body).await.0, 400, "an expired code is not charged at all");
    assert_eq!(stack.stripe_payment_intents().await.len(), 1);
}

/// A customer on the stand-in, and the server offering the demo sign-in as that customer.
async fn signed_in_stack(customer: Option<&str>) -> (Stack, String) {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let setup = Stack::new(String::new(), sim.clone());
    let customer = match customer {
        Some(id) => id.to_owned(),
        None => setup.stripe_post("/v1/customers", &[("email", "jenny@example.com")]).await["id"]
            .as_str()
            .unwrap()
            .to_owned(),
    };
    let server = common::start_server_with(&sim, &[("CHECKOUT_DEMO_CUSTOMER", customer.clone())]).await;
    (Stack::new(server, sim), customer)
}

#[tokio::test]
async fn a_signed_in_customer_gets_a_customer_session_and_is_on_the_payment() {
    let (stack, customer) = signed_in_stack(None).await;
    // Nobody is signed in until they sign in: no CustomerSession, no saved cards.
    let (_, config) = stack.get("/api/config").await;
    assert!(config.get("customerSessionClientSecret").is_none(), "{config}");
    assert_eq!(config["session"], json!({"signedIn": false, "demoSignIn": true}));

    let response = stack.http.post(format!("{}/api/session/demo", stack.server)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"), "{cookie}");
    assert!(!cookie.starts_with(&format!("checkout_customer={customer}")), "signed, not the bare id: {cookie}");
    let (_, config) = stack.get("/api/config").await;
    assert!(config["customerSessionClientSecret"].as_str().unwrap().starts_with("cuss_secret_"));
    assert_eq!(config["session"]["signedIn"], true);

    let token = stack.confirmation_token("4242424242424242").await;
    let (status, _) = stack.post_json("/api/checkout/confirm", &Stack::checkout(&token)).await;
    assert_eq!(status, 200);
    assert_eq!(stack.stripe_payment_intents().await[0]["customer"], customer);

    // Signed out, the next visitor of this browser sees no saved cards.
    let out = stack.http.delete(format!("{}/api/session", stack.server)).send().await.unwrap();
    assert_eq!(out.status(), 204);
    let (_, config) = stack.get("/api/config").await;
    assert!(config.get("customerSessionClientSecret").is_none());
}

#[tokio::test]
async fn a_forged_session_cookie_signs_nobody_in() {
    let (stack, customer) = signed_in_stack(None).await;
    let forged = reqwest::Client::new()
        .get(format!("{}/api/config", stack.server))
        .header("Cookie", format!("checkout_customer={customer}"))
        .send()
        .await
        .unwrap();
    let config: serde_json::Value = forged.json().await.unwrap();
    assert!(config.get("customerSessionClientSecret").is_none(), "{config}");
    assert_eq!(config["session"]["signedIn"], false);
}

#[tokio::test]
async fn without_a_customer_session_the_config_still_loads() {
    let (stack, _) = signed_in_stack(Some("cus_doesnotexist")).await;
    stack.http.post(format!("{}/api/session/demo", stack.server)).send().await.unwrap();
    let (status, config) = stack.get("/api/config").await;
    assert_eq!(status, 200);
    assert!(config.get("customerSessionClientSecret").is_none());
    assert_eq!(config["cart"]["total"], 5098);
}

#[tokio::test]
async fn a_first_order_code_is_for_a_signed_in_customer_once() {
    let (stack, _) = signed_in_stack(None).await;
    let with_code = |token: &str| json!({"attemptId": common::attempt_id(), "confirmationTokenId": token, "items": Stack::default_items(), "discountCode": "first15"});
    let (status, guest) =
        stack.post_json("/api/cart", &json!({"items": Stack::default_items(), "discountCode": "FIRST15"})).await;
    assert_eq!(status, 400);
    assert_eq!(guest["error"]["message"], "Sign in to use the code FIRST15: it is for a customer's first order.");

    stack.http.post(format!("{}/api/session/demo", stack.server)).send().await.unwrap();
    let (status, cart) =
        stack.post_json("/api/cart", &json!({"items": Stack::default_items(), "discountCode": "FIRST15"})).await;
    assert_eq!((status, cart["total"].as_i64()), (200, Some(5098 - 764)), "{cart}");
    let token = stack.confirmation_token("4242424242424242").await;
    let (status, paid) = stack.post_json("/api/checkout/confirm", &with_code(&token)).await;
    assert_eq!((status, paid["amount"].as_i64()), (200, Some(4334)), "{paid}");

    // Used: refused when pricing and when paying, and nothing is charged.
    let (status, used) =
        stack.post_json("/api/cart", &json!({"items": Stack::default_items(), "discountCode": "FIRST15"})).await;
    assert_eq!((status, used["error"]["message"].as_str()), (400, Some("The code FIRST15 has already been used.")));
    let token = stack.confirmation_token("4242424242424242").await;
    let (status, _) = stack.post_json("/api/checkout/confirm", &with_code(&token)).await;
    assert_eq!(status, 400);
    assert_eq!(stack.stripe_payment_intents().await.len(), 1);
}

#[tokio::test]
async fn guessing_discount_codes_is_rate_limited() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let server = common::start_server_with(&sim, &[("CHECKOUT_RATE_LIMIT_DISCOUNT", "3/10m".into())]).await;
    let stack = Stack::new(server, sim);
    for guess in ["AAAA", "BBBB", "CCCC"] {
        let (status, _) =
            stack.post_json("/api/cart", &json!({"items": Stack::default_items(), "discountCode": guess})).await;
        assert_eq!(status, 400);
    }
    // Even the right code is refused now, so a guesser cannot tell it from the wrong ones.
    let body = json!({"items": Stack::default_items(), "discountCode": "WELCOME10"});
    let (wait, _) = stack.refused_for_now("/api/cart", &body).await;
    assert!((1..=200).contains(&wait), "{wait}");
    // Without a code the cart is still priced.
    assert_eq!(stack.post_json("/api/cart", &json!({"items": Stack::default_items()})).await.0, 200);
}

#[tokio::test]
async fn the_config_carries_the_look_and_the_address_mode() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let extra = [
        ("CHECKOUT_THEME", "night".to_owned()),
        ("CHECKOUT_LAYOUT", "accordion".to_owned()),
        ("CHECKOUT_ADDRESS", "shipping".to_owned()),
    ];
    let server = common::start_server_with(&sim, &extra).await;
    let stack = Stack::new(server, sim);
    let (_, config) = stack.get("/api/config").await;
    assert_eq!(config["look"]["theme"], "night");
    assert_eq!(config["look"]["layout"], "accordion");
    assert_eq!(config["look"]["variables"]["colorBackground"], "#30313d");
    assert_eq!(config["address"], "shipping");
}

/// A shopper's refusal in the language the page asks in (`Accept-Language`: the page sends the
/// one it shows), the part they typed kept; integrator errors stay in Stripe's English.
#[tokio::test]
async fn refusals_come_in_the_shoppers_language() {
    let stack = common::start().await;
    let ask = |body: serde_json::Value, language: &'static str| {
        let request = stack.http.post(format!("{}/api/cart", stack.server)).json(&body);
        async move {
            let response = request.header("Accept-Language", language).send().await.unwrap();
            let vary =
                response.headers().get_all("vary").iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>();
            (response.status().as_u16(), vary, response.json::<serde_json::Value>().await.unwrap())
        }
    };
    let bad_code = json!({"items": Stack::default_items(), "discountCode": "NOPE"});
    let (status, vary, japanese) = ask(bad_code.clone(), "ja-JP,ja;q=0.9").await;
    assert_eq!(status, 400);
    assert_eq!(japanese["error"]["message"], "コード NOPE は無効です。");
    assert_eq!(japanese["error"]["param"], "discountCode", "the rest of the error as it was");
    assert_eq!(japanese["error"]["type"], "invalid_request_error");
    assert!(vary.iter().any(|v| v.contains("accept-language")), "caches keep the languages apart: {vary:?}");
    let (_, _, english) = ask(bad_code, "en-US").await;
    assert_eq!(english["error"]["message"], "The code NOPE isn't valid.");
    let (_, _, empty) = ask(json!({"items": []}), "ja").await;
    assert_eq!(empty["error"]["message"], "カートが空です。");

    // A body the API cannot read is the integrator's to fix: axum's English words.
    let (status, _, unreadable) = ask(json!({"items": "many"}), "ja").await;
    assert_eq!(status, 422);
    assert!(unreadable["error"]["message"].as_str().unwrap().is_ascii(), "{unreadable}");
}
