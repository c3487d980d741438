//! The Embedded Checkout route (`/api/checkout/sessions`) against the stand-in: one Checkout
//! Session per order for the server-priced cart, paid on Stripe's page, the order settled by the
//! PaymentIntent's webhooks; on SQLite and (with CHECKOUT_TEST_POSTGRES_URL) PostgreSQL.

mod common;

use common::{PK, SK, Stack, attempt_id, databases, fulfilments};
use serde_json::{Value, json};

/// POSTs a session request as the page does: same-origin, so with the page's `Origin`.
async fn session(stack: &Stack, body: &Value) -> (u16, Value) {
    let response = stack
        .http
        .post(format!("{}/api/checkout/sessions", stack.server))
        .header("Origin", &stack.server)
        .json(body)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

fn request(attempt: &str) -> Value {
    json!({"attemptId": attempt, "items": Stack::default_items()})
}

/// What Stripe holds for a session, with the secret key.
async fn stripe_session(stack: &Stack, id: &str) -> Value {
    let url = format!("{}/v1/checkout/sessions/{id}?expand[]=line_items", stack.sim);
    stack.http.get(url).bearer_auth(SK).send().await.unwrap().json().await.unwrap()
}

fn session_id(client_secret: &str) -> &str {
    client_secret.split("_secret_").next().unwrap()
}

/// Pays on Stripe's page as the shopper does: a PaymentMethod from the card, then the page's
/// confirmation, with the publishable key and the session's client secret.
async fn pay_on_stripes_page(stack: &Stack, client_secret: &str, card: &str) -> (u16, Value) {
    let form = [
        ("key", PK),
        ("type", "card"),
        ("card[number]", card),
        ("card[exp_month]", "12"),
        ("card[exp_year]", "2040"),
        ("card[cvc]", "123"),
    ];
    let pm: Value = stack
        .http
        .post(format!("{}/v1/payment_methods", stack.sim))
        .form(&form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let confirm = [
        ("key", PK),
        ("client_secret", client_secret),
        ("payment_method", pm["id"].as_str().unwrap()),
        ("email", "jenny@example.com"),
        ("expected_amount", "5098"),
    ];
    let url = format!("{}/v1/payment_pages/{}/confirm", stack.sim, session_id(client_secret));
    let response = stack.http.post(url).form(&confirm).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn a_session_for_the_priced_cart_pays_the_order_once_and_the_return_page_sees_it() {
    for database in databases().await {
        let stack = common::with_webhooks(&database, &[]).await;
        let attempt = attempt_id();
        let (status, created) = session(&stack, &request(&attempt)).await;
        assert_eq!(status, 200, "{created}");
        let secret = created["clientSecret"].as_str().unwrap().to_owned();
        let order_id = created["orderId"].as_str().unwrap().to_owned();

        // Stripe holds the cart as the server priced it, for our order, returning to our page.
        let held = stripe_session(&stack, session_id(&secret)).await;
        assert_eq!(held["ui_mode"], "embedded_page", "{held}");
        assert_eq!((held["mode"].as_str(), held["amount_total"].as_i64()), (Some("payment"), Some(5098)));
        assert_eq!(held["metadata"]["order_id"], order_id.as_str());
        assert_eq!(held["client_reference_id"], order_id.as_str());
        assert_eq!(
            held["return_url"].as_str(),
            Some(format!("{}/embedded?session_id={{CHECKOUT_SESSION_ID}}", stack.server).as_str())
        );
        let lines = held["line_items"]["data"].as_array().unwrap();
        assert_eq!(lines.iter().map(|l| l["amount_total"].as_i64().unwrap()).sum::<i64>(), 5098, "{lines:?}");

        // Asking again for the same attempt and cart (a reload, a lost answer): the same session.
        let (_, again) = session(&stack, &request(&attempt)).await;
        assert_eq!(
            (again["clientSecret"].as_str(), again["orderId"].as_str()),
            (Some(secret.as_str()), Some(order_id.as_str()))
        );

        let (status, paid) = pay_on_stripes_page(&stack, &secret, "4242424242424242").await;
        assert_eq!(status, 200, "{paid}");
        let order = stack.wait_for_status(&order_id, "paid").await;
        assert_eq!((order["amount"].as_i64(), order["fulfilled"].as_bool()), (Some(5098), Some(true)), "{database}");
        assert_eq!(fulfilments(&database, &order_id).await, 1);
        let intents: Vec<Value> = stack.stripe_payment_intents().await;
        assert_eq!(intents.iter().filter(|pi| pi["metadata"]["order_id"] == order_id.as_str()).count(), 1);

        let (status, view) = stack.get(&format!("/api/checkout/sessions/{}", session_id(&secret))).await;
        assert_eq!(status, 200, "{view}");
        assert_eq!(
            view,
            json!({"status": "complete", "paymentStatus": "paid", "orderId": order_id, "amountTotal": 5098, "currency": "usd"})
        );
    }
}

#[tokio::test]
async fn a_declined_card_leaves_the_session_open_and_a_second_card_pays_the_same_order() {
    let stack = common::with_webhooks(&common::sqlite_url(), &[]).await;
    let (_, created) = session(&stack, &request(&attempt_id())).await;
    let secret = created["clientSecret"].as_str().unwrap();
    let (status, declined) = pay_on_stripes_page(&stack, secret, "4000000000000002").await;
    assert_eq!((status, declined["error"]["code"].as_str()), (402, Some("card_declined")), "{declined}");
    let (_, view) = stack.get(&format!("/api/checkout/sessions/{}", session_id(secret))).await;
    assert_eq!((view["status"].as_str(), view["paymentStatus"].as_str()), (Some("open"), Some("unpaid")));
    let (status, _) = pay_on_stripes_page(&stack, secret, "4242424242424242").await;
    assert_eq!(status, 200);
    stack.wait_for_status(created["orderId"].as_str().unwrap(), "paid").await;
}

#[tokio::test]
async fn what_the_page_cannot_decide_is_refused() {
    let stack = common::start().await;
    // A price or a return URL from the page is not even read (422); an unknown product or a
    // malformed attempt is named (400).
    for (body, expected, param) in [
        (json!({"attemptId": attempt_id(), "items": Stack::default_items(), "amount": 1}), 422, None),
        (
            json!({"attemptId": attempt_id(), "items": Stack::default_items(), "returnUrl": "https://evil.example/"}),
            422,
            None,
        ),
        (
            json!({"attemptId": attempt_id(), "items": [{"productId": "nope", "quantity": 1}]}),
            400,
            Some("items[0][productId]"),
        ),
        (json!({"attemptId": "short", "items": Stack::default_items()}), 400, Some("attemptId")),
    ] {
        let (status, answer) = session(&stack, &body).await;
        assert_eq!(status, expected, "{body}: {answer}");
        assert!(answer["error"]["message"].is_string(), "{answer}");
        if let Some(param) = param {
            assert_eq!(answer["error"]["param"], param, "{answer}");
        }
    }
    // Not from this shop's page: another origin, or none.
    let from = |origin: Option<&str>| {
        let mut post = stack.http.post(format!("{}/api/checkout/sessions", stack.server)).json(&request(&attempt_id()));
        if let Some(origin) = origin {
            post = post.header("Origin", origin);
        }
        post
    };
    for origin in [Some("https://evil.example"), None] {
        let response = from(origin).send().await.unwrap();
        assert_eq!(response.status(), 400, "{origin:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["param"], "origin");
    }
    // Session ids that are not Stripe's, and sessions of no order of ours.
    assert_eq!(stack.get("/api/checkout/sessions/pi_123456789").await.0, 400);
    let foreign = stack
        .stripe_post(
            "/v1/checkout/sessions",
            &[
                ("ui_mode", "embedded_page"),
                ("mode", "payment"),
                ("return_url", "https://other.example/"),
                ("line_items[0][price_data][currency]", "usd"),
                ("line_items[0][price_data][product_data][name]", "Other"),
                ("line_items[0][price_data][unit_amount]", "100"),
                ("line_items[0][quantity]", "1"),
            ],
        )
        .await;
    let (status, _) = stack.get(&format!("/api/checkout/sessions/{}", foreign["id"].as_str().unwrap())).await;
    assert_eq!(status, 404);
}
