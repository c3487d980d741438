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

    for (code, message) in
        [("SPRING2020", "The code SPRING2020 expired on 2020-05-31."), ("NOPE", "We don't recognise the code NOPE.")]
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
    let body = json!({"confirmationTokenId": token, "items": Stack::default_items(), "discountCode": "WELCOME10"});
    let (status, paid) = stack.post_json("/api/checkout/confirm", &body).await;
    assert_eq!(status, 200, "{paid}");
    assert_eq!(paid["amount"], 4589);
    assert_eq!(stack.stripe_payment_intents().await[0]["amount"], 4589);

    let token = stack.confirmation_token("4242424242424242").await;
    let body = json!({"confirmationTokenId": token, "items": Stack::default_items(), "discountCode": "SPRING2020"});
    assert_eq!(stack.post_json("/api/checkout/confirm", &body).await.0, 400, "an expired code is not charged at all");
    assert_eq!(stack.stripe_payment_intents().await.len(), 1);
}

async fn customer(sim: &str) -> String {
    let stack = Stack { server: String::new(), sim: sim.to_owned(), http: reqwest::Client::new() };
    stack.stripe_post("/v1/customers", &[("email", "jenny@example.com")]).await["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_signed_in_customer_gets_a_customer_session_and_is_on_the_payment() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let customer = customer(&sim).await;
    let server = common::start_server_with(&sim, &[("CHECKOUT_CUSTOMER", customer.clone())]).await;
    let stack = Stack { server, sim, http: reqwest::Client::new() };
    let (_, config) = stack.get("/api/config").await;
    assert!(config["customerSessionClientSecret"].as_str().unwrap().starts_with("cuss_secret_"));

    let token = stack.confirmation_token("4242424242424242").await;
    let (status, _) = stack
        .post_json("/api/checkout/confirm", &json!({"confirmationTokenId": token, "items": Stack::default_items()}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(stack.stripe_payment_intents().await[0]["customer"], customer);
}

#[tokio::test]
async fn without_a_customer_session_the_config_still_loads() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let server = common::start_server_with(&sim, &[("CHECKOUT_CUSTOMER", "cus_doesnotexist".into())]).await;
    let stack = Stack { server, sim, http: reqwest::Client::new() };
    let (status, config) = stack.get("/api/config").await;
    assert_eq!(status, 200);
    assert!(config.get("customerSessionClientSecret").is_none());
    assert_eq!(config["cart"]["total"], 5098);
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
    let stack = Stack { server, sim, http: reqwest::Client::new() };
    let (_, config) = stack.get("/api/config").await;
    assert_eq!(config["look"]["theme"], "night");
    assert_eq!(config["look"]["layout"], "accordion");
    assert_eq!(config["look"]["variables"]["colorBackground"], "#30313d");
    assert_eq!(config["address"], "shipping");
}
