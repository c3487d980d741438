//! Konbini payments through the server, against the Stripe stand-in.

mod common;

use common::Stack;
use serde_json::{Value, json};

fn form(email: &str, phone: &str) -> Value {
    json!({"items": Stack::default_items(), "name": "山田 花子", "email": email, "phone": phone})
}

async fn stack_with(extra: &[(&'static str, String)]) -> Stack {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let server = common::start_server_with(&sim, extra).await;
    Stack::new(server, sim)
}

impl Stack {
    async fn stripe_get(&self, path: &str) -> Value {
        let response =
            self.http.get(format!("{}{path}", self.sim)).bearer_auth("sk_test_server_tests").send().await.unwrap();
        response.json().await.unwrap()
    }

    /// What `stripe.confirmKonbiniPayment` does in the browser.
    async fn confirm_konbini(&self, created: &Value, email: &str, number: Option<&str>) -> Value {
        let id = created["paymentIntentId"].as_str().unwrap();
        let mut form = vec![
            ("key", common::PK),
            ("client_secret", created["clientSecret"].as_str().unwrap()),
            ("payment_method_data[type]", "konbini"),
            ("payment_method_data[billing_details][name]", "山田 花子"),
            ("payment_method_data[billing_details][email]", email),
        ];
        if let Some(number) = number {
            form.push(("payment_method_options[konbini][confirmation_number]", number));
        }
        let url = format!("{}/v1/payment_intents/{id}/confirm", self.sim);
        self.http.post(url).form(&form).send().await.unwrap().json().await.unwrap()
    }

    async fn konbini_status(&self, created: &Value) -> (u16, Value) {
        let id = created["paymentIntentId"].as_str().unwrap();
        self.get(&format!("/api/konbini/payments/{id}?clientSecret={}", created["clientSecret"].as_str().unwrap()))
            .await
    }

    async fn advance(&self, seconds: i64) {
        self.http.post(format!("{}/_sim/clock/advance?seconds={seconds}", self.sim)).send().await.unwrap();
    }
}

#[tokio::test]
async fn creates_a_yen_konbini_payment_priced_by_the_server() {
    let stack = common::start().await;
    let (_, config) = stack.get("/api/config").await;
    assert_eq!(config["konbini"]["cart"]["currency"], "jpy");
    assert_eq!(config["konbini"]["cart"]["total"], 3300 + 2 * 1800);

    let (status, created) = stack.post_json("/api/konbini/payments", &form("hanako@example.jp", "090-1234-5678")).await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["amount"], 6900);
    assert_eq!(created["currency"], "jpy");
    assert_eq!(created["confirmationNumber"], "09012345678");
    let pi = stack.stripe_get(&format!("/v1/payment_intents/{}", created["paymentIntentId"].as_str().unwrap())).await;
    assert_eq!(pi["payment_method_types"], json!(["konbini"]));
    assert_eq!(pi["currency"], "jpy");
    assert_eq!(pi["amount"], 6900);
    assert_eq!(pi["receipt_email"], "hanako@example.jp");
    assert_eq!(pi["payment_method_options"]["konbini"]["product_description"], "フェリス商店 ご注文");
    assert_eq!(pi["payment_method_options"]["konbini"]["expires_after_days"], Value::Null, "Stripe's default (3 days)");
}

#[tokio::test]
async fn the_form_is_checked_on_the_server_too() {
    let stack = common::start().await;
    for (body, param) in [
        (form("hanako", ""), "email"),
        (form("hanako@example.jp", "000-0000-0000"), "phone"),
        (form("hanako@example.jp", "1234"), "phone"),
        (json!({"items": Stack::default_items(), "name": " ", "email": "hanako@example.jp"}), "name"),
    ] {
        let (status, error) = stack.post_json("/api/konbini/payments", &body).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(error["error"]["param"], param, "{body}");
    }
    let (status, _) = stack
        .post_json(
            "/api/konbini/payments",
            &json!({"items": Stack::default_items(), "name": "山田", "email": "h@example.jp", "amount": 1}),
        )
        .await;
    assert_eq!(status, 422, "no amounts from the browser");
}

#[tokio::test]
async fn the_status_follows_the_payment_at_the_store() {
    let stack = common::start().await;
    let (_, created) = stack.post_json("/api/konbini/payments", &form("hanako@example.jp", "")).await;
    let (_, pending) = stack.konbini_status(&created).await;
    assert_eq!(pending["status"], "requires_payment_method");
    stack.confirm_konbini(&created, "hanako@example.jp", None).await;
    let (status, pending) = stack.konbini_status(&created).await;
    assert_eq!(status, 200);
    assert_eq!(pending["status"], "requires_action");
    assert!(pending["instructions"]["hostedVoucherUrl"].is_null(), "snake_case, as Stripe's object: {pending}");
    assert_eq!(pending["instructions"]["stores"]["lawson"]["payment_code"].as_str().unwrap().len(), 6);
    stack.advance(181).await;
    let (_, paid) = stack.konbini_status(&created).await;
    assert_eq!(paid["status"], "succeeded");
    assert!(paid.get("instructions").is_none());
}

#[tokio::test]
async fn an_expired_payment_reports_why() {
    let stack = common::start().await;
    let (_, created) =
        stack.post_json("/api/konbini/payments", &form("hanako+expire_immediately@example.jp", "")).await;
    stack.confirm_konbini(&created, "hanako+expire_immediately@example.jp", None).await;
    let (_, expired) = stack.konbini_status(&created).await;
    assert_eq!(expired["status"], "requires_payment_method");
    assert_eq!(expired["failureCode"], "payment_intent_payment_attempt_expired");
}

#[tokio::test]
async fn status_and_cancel_need_the_payments_client_secret() {
    let stack = common::start().await;
    let (_, created) = stack.post_json("/api/konbini/payments", &form("hanako@example.jp", "")).await;
    let id = created["paymentIntentId"].as_str().unwrap();
    let (status, _) = stack.get(&format!("/api/konbini/payments/{id}?clientSecret={id}_secret_guess")).await;
    assert_eq!(status, 404);
    let (status, _) =
        stack.post_json(&format!("/api/konbini/payments/{id}/cancel"), &json!({"clientSecret": "nope"})).await;
    assert_eq!(status, 404);
    // Without any secret: a typed error, not a bare text answer.
    let (status, body) = stack.get(&format!("/api/konbini/payments/{id}")).await;
    assert_eq!((status, body["error"]["type"].as_str()), (400, Some("invalid_request_error")), "{body}");
}

#[tokio::test]
async fn a_pending_payment_can_be_cancelled_once() {
    let stack = common::start().await;
    let (_, created) = stack.post_json("/api/konbini/payments", &form("hanako@example.jp", "")).await;
    stack.confirm_konbini(&created, "hanako@example.jp", None).await;
    let id = created["paymentIntentId"].as_str().unwrap();
    let body = json!({"clientSecret": created["clientSecret"]});
    let (status, canceled) = stack.post_json(&format!("/api/konbini/payments/{id}/cancel"), &body).await;
    assert_eq!((status, canceled["status"].as_str()), (200, Some("canceled")));
    let (status, again) = stack.post_json(&format!("/api/konbini/payments/{id}/cancel"), &body).await;
    assert_eq!(status, 409, "{again}");
}

#[tokio::test]
async fn the_configured_expiry_reaches_stripe_as_days_or_a_time() {
    let stack = stack_with(&[("CHECKOUT_KONBINI_EXPIRES_AFTER_DAYS", "2".into())]).await;
    let (_, created) = stack.post_json("/api/konbini/payments", &form("hanako@example.jp", "")).await;
    let pi = stack.stripe_get(&format!("/v1/payment_intents/{}", created["paymentIntentId"].as_str().unwrap())).await;
    assert_eq!(pi["payment_method_options"]["konbini"]["expires_after_days"], 2);
    assert_eq!(pi["payment_method_options"]["konbini"]["expires_at"], Value::Null);

    let stack = stack_with(&[("CHECKOUT_KONBINI_EXPIRES_IN_HOURS", "6".into())]).await;
    let (_, created) = stack.post_json("/api/konbini/payments", &form("hanako@example.jp", "")).await;
    let pi = stack.stripe_get(&format!("/v1/payment_intents/{}", created["paymentIntentId"].as_str().unwrap())).await;
    let expires_at = pi["payment_method_options"]["konbini"]["expires_at"].as_i64().unwrap();
    assert!((expires_at - pi["created"].as_i64().unwrap() - 6 * 3600).abs() <= 2, "{expires_at}");
    assert_eq!(pi["payment_method_options"]["konbini"]["expires_after_days"], Value::Null);
}

#[tokio::test]
async fn prices_a_handed_in_cart_in_yen_and_refuses_what_it_cannot_price() {
    let stack = common::start().await;
    let items = json!([{"productId": "lumen-tee", "quantity": 1}, {"productId": "sticker-pack", "quantity": 3}]);
    let (status, cart) = stack.post_json("/api/konbini/cart", &json!({"items": items})).await;
    assert_eq!(status, 200, "{cart}");
    assert_eq!(cart["currency"], "jpy");
    assert_eq!(cart["total"], 3300 + 3 * 600);

    let (status, refused) =
        stack.post_json("/api/konbini/cart", &json!({"items": [{"productId": "no-such-thing", "quantity": 1}]})).await;
    assert_eq!(status, 400);
    assert_eq!(refused["error"]["param"], "items[0][productId]");
    assert_eq!(refused["error"]["message"], "Unknown product: no-such-thing");

    let (status, refused) =
        stack.post_json("/api/konbini/cart", &json!({"items": items, "discountCode": "WELCOME10"})).await;
    assert_eq!(status, 400);
    assert_eq!(refused["error"]["param"], "discountCode");
}
