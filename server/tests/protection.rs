//! The server protecting shoppers and the shop: abuse limits, card-testing defence, secrets
//! kept out of logs and checked before Stripe, security headers, graceful shutdown.

mod common;

use std::time::{Duration, Instant};

use common::{Stack, server_process};
use serde_json::{Value, json};

async fn stack_with(extra: &[(&'static str, String)]) -> Stack {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let server = common::start_server_with(&sim, extra).await;
    Stack::new(server, sim)
}

#[tokio::test]
async fn confirms_beyond_the_rate_limit_get_429_with_retry_after_and_reach_no_one() {
    let stack = stack_with(&[("CHECKOUT_RATE_LIMIT_CONFIRM", "2/m".into())]).await;
    for _ in 0..2 {
        assert_eq!(stack.pay("4242424242424242").await["status"], "succeeded");
    }
    let token = stack.confirmation_token("4242424242424242").await;
    let (wait, _) = stack.refused_for_now("/api/checkout/confirm", &Stack::checkout(&token)).await;
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(stack.stripe_payment_intents().await.len(), 2);
}

#[tokio::test]
async fn after_too_many_declines_a_client_cannot_confirm_for_a_while() {
    let stack = stack_with(&[("CHECKOUT_DECLINE_LIMIT", "2/15m".into())]).await;
    for card in ["4000000000000002", "4000000000009995"] {
        assert_eq!(stack.pay(card).await["error"]["type"], "card_error");
    }
    // Even a good card is refused now: card testers probe with many cards.
    let token = stack.confirmation_token("4242424242424242").await;
    let (wait, refused) = stack.refused_for_now("/api/checkout/confirm", &Stack::checkout(&token)).await;
    assert!((800..=900).contains(&wait), "until the older decline leaves the 15 minutes: {wait}");
    assert_eq!(refused["error"]["message"], "Too many declined payments. Please wait before trying again.");
    assert_eq!(stack.stripe_payment_intents().await.len(), 2, "the refused confirm never reached Stripe");
}

#[tokio::test]
async fn stolen_lost_and_fraudulent_cards_are_told_only_that_they_were_declined() {
    let stack = common::start().await;
    for card in ["4000000000009979", "4000000000009987", "4100000000000019"] {
        let declined = stack.pay(card).await;
        assert_eq!(declined["error"]["type"], "card_error", "{card}: {declined}");
        assert_eq!(declined["error"]["decline_code"], "generic_decline", "{card}");
        assert_eq!(declined["error"]["message"], "Your card was declined.");
    }
    // Declines that help the shopper keep their reason.
    assert_eq!(stack.pay("4000000000009995").await["error"]["decline_code"], "insufficient_funds");
}

#[tokio::test]
async fn request_bodies_over_64_kb_are_refused() {
    let stack = common::start().await;
    let mut body = Stack::checkout("ctoken_x");
    body["padding"] = json!("x".repeat(70 * 1024));
    let (status, answer) = stack.post_json("/api/checkout/confirm", &body).await;
    assert_eq!((status, answer["error"]["type"].as_str()), (413, Some("invalid_request_error")), "{answer}");
}

#[tokio::test]
async fn a_request_that_takes_too_long_is_answered_504() {
    let stack = stack_with(&[("CHECKOUT_REQUEST_TIMEOUT_SECONDS", "1".into())]).await;
    stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 5000})).await;
    let token = stack.confirmation_token("4242424242424242").await;
    let started = Instant::now();
    let (status, answer) = stack.post_json("/api/checkout/confirm", &Stack::checkout(&token)).await;
    assert_eq!((status, answer["error"]["type"].as_str()), (504, Some("api_error")));
    assert!(started.elapsed() < Duration::from_secs(3));
}

/// The order lookup and konbini status check the client secret against the order before
/// Stripe is asked: with Stripe down, a wrong secret is still a 404, the right one still works.
#[tokio::test]
async fn secrets_are_checked_before_stripe_is_called() {
    let stack = common::start().await;
    let paid = stack.pay("4000002500003155").await;
    let (pi, secret) = (paid["paymentIntentId"].as_str().unwrap(), paid["clientSecret"].as_str().unwrap());
    let down = json!({"path": "/v1/payment_intents/*", "method": "GET", "status": 500, "type": "api_error", "message": "down", "count": 100});
    stack.fault(down).await;
    let lookup = async |secret: &str| {
        let url = format!("{}/api/orders?paymentIntent={pi}", stack.server);
        stack.http.get(url).header("X-Client-Secret", secret).send().await.unwrap().status().as_u16()
    };
    assert_eq!(lookup(&format!("{pi}_secret_wrong")).await, 404);
    assert_eq!(lookup(secret).await, 200);
    let unknown =
        stack.http.get(format!("{}/api/orders?paymentIntent=pi_nope", stack.server)).header("X-Client-Secret", secret);
    assert_eq!(unknown.send().await.unwrap().status(), 404);
    // A card payment is not a konbini payment, whoever asks.
    let konbini =
        stack.http.get(format!("{}/api/konbini/payments/{pi}", stack.server)).header("X-Client-Secret", secret);
    assert_eq!(konbini.send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let stack = common::start().await;
    for path in ["/", "/complete?payment_intent_client_secret=x", "/api/config", "/api/nope"] {
        let response = stack.http.get(format!("{}{path}", stack.server)).send().await.unwrap();
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' https://js.stripe.com"), "{path}: {csp}");
        assert!(csp.contains(&format!(
            "frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com https://checkout.stripe.com {}",
            stack.sim
        )));
        assert!(csp.contains("connect-src 'self' https://api.stripe.com") && csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(headers["referrer-policy"], "strict-origin-when-cross-origin");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["x-frame-options"], "DENY");
        assert!(headers.get("strict-transport-security").is_none(), "not over plain http");
    }
    let https = stack.http.get(format!("{}/", stack.server)).header("X-Forwarded-Proto", "https").send().await.unwrap();
    assert!(https.headers()["strict-transport-security"].to_str().unwrap().starts_with("max-age="));
}

#[tokio::test]
async fn embedding_origins_are_the_only_frame_ancestors() {
    let stack = stack_with(&[("CHECKOUT_EMBED_ORIGINS", "https://shop.example, http://127.0.0.1:8000".into())]).await;
    let response = stack.http.get(format!("{}/", stack.server)).send().await.unwrap();
    let csp = response.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.ends_with("frame-ancestors https://shop.example http://127.0.0.1:8000"), "{csp}");
    assert!(response.headers().get("x-frame-options").is_none());
}

/// RUST_LOG=debug through a card payment, the return page, order lookups, a signed-in
/// customer's config and a konbini payment with polls, in both log formats: no client secret,
/// and neither key, in any line or field. As JSON, every line is one object, and the lines of a
/// request (Stripe's calls for it included) carry the request id its answer was sent with.
#[tokio::test]
async fn no_client_secret_reaches_the_log_at_any_level() {
    for format in ["text", "json"] {
        let (output, confirm_id) = log_of_the_secret_paths(format).await;
        assert!(
            output.contains("/api/konbini/payments") && output.contains("DEBUG"),
            "{format}: written at debug level"
        );
        for (line_number, line) in output.lines().enumerate() {
            for secret in ["_secret_", common::SK, common::WEBHOOK_SECRET] {
                assert!(!line.contains(secret), "{format} line {line_number} has {secret}: {line}");
            }
        }
        if format == "json" {
            let lines: Vec<Value> = output
                .lines()
                .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not one JSON object ({e}): {line}")))
                .collect();
            let in_request = |line: &Value, id: &str| {
                line["spans"]
                    .as_array()
                    .is_some_and(|spans| spans.iter().any(|s| s["name"] == "request" && s["request_id"] == id))
            };
            let stripe_calls: Vec<&Value> =
                lines.iter().filter(|l| l["message"] == "stripe call" && in_request(l, &confirm_id)).collect();
            assert_eq!(stripe_calls.len(), 1, "the confirm's one Stripe call, in its request: {confirm_id}");
            assert_eq!(stripe_calls[0]["endpoint"], "POST /v1/payment_intents");
            assert_eq!(stripe_calls[0]["status"], "200");
            assert!(lines.iter().any(|l| l["message"] == "checkout confirmed" && in_request(l, &confirm_id)));
            for request_line in lines.iter().filter(|l| l["span"]["name"] == "request") {
                assert!(
                    request_line["span"]["request_id"].as_str().is_some_and(|id| id.starts_with("req_")),
                    "{request_line}"
                );
            }
        }
    }
}

/// The server's output at `RUST_LOG=debug` in `format` through every path a secret travels,
/// and the request id of the card payment's confirm.
async fn log_of_the_secret_paths(format: &str) -> (String, String) {
    let sim_stack = common::start().await;
    let customer = sim_stack.stripe_post("/v1/customers", &[("email", "jenny@example.com")]).await;
    let port = common::free_port();
    let log = common::temp_path("server.log");
    let database = common::sqlite_url();
    let extra = [
        ("RUST_LOG", "debug"),
        ("CHECKOUT_DEMO_CUSTOMER", customer["id"].as_str().unwrap()),
        ("CHECKOUT_LOG_FORMAT", format),
    ];
    let mut server = server_process(port, &sim_stack.sim, &database, &extra, Some(&log)).await;
    let stack = Stack::new(format!("http://127.0.0.1:{port}"), sim_stack.sim.clone());

    stack.http.post(format!("{}/api/session/demo", stack.server)).send().await.unwrap();
    let (_, config) = stack.get("/api/config").await;
    assert!(config["customerSessionClientSecret"].as_str().unwrap().contains("_secret_"));
    let token = stack.confirmation_token("4242424242424242").await;
    let confirmed = stack
        .http
        .post(format!("{}/api/checkout/confirm", stack.server))
        .json(&Stack::checkout(&token))
        .send()
        .await
        .unwrap();
    let confirm_id = confirmed.headers()["x-request-id"].to_str().unwrap().to_owned();
    let paid: Value = confirmed.json().await.unwrap();
    let (pi, secret) = (paid["paymentIntentId"].as_str().unwrap(), paid["clientSecret"].as_str().unwrap());
    stack
        .get(&format!("/complete?payment_intent={pi}&payment_intent_client_secret={secret}&redirect_status=succeeded"))
        .await;
    stack.get(&format!("/api/orders?paymentIntent={pi}&clientSecret={secret}")).await;
    let lookup =
        stack.http.get(format!("{}/api/orders?paymentIntent={pi}", stack.server)).header("X-Client-Secret", secret);
    assert_eq!(lookup.send().await.unwrap().status(), 200);

    let form = json!({"items": Stack::default_items(), "name": "山田 花子", "email": "hanako@example.jp", "phone": "090-1234-5678"});
    let (_, konbini) = stack.post_json("/api/konbini/payments", &form).await;
    let (kid, ksecret) = (konbini["paymentIntentId"].as_str().unwrap(), konbini["clientSecret"].as_str().unwrap());
    let confirm = [
        ("key", common::PK),
        ("client_secret", ksecret),
        ("payment_method_data[type]", "konbini"),
        ("payment_method_data[billing_details][name]", "山田 花子"),
        ("payment_method_data[billing_details][email]", "hanako@example.jp"),
    ];
    stack.http.post(format!("{}/v1/payment_intents/{kid}/confirm", stack.sim)).form(&confirm).send().await.unwrap();
    for _ in 0..3 {
        let poll =
            stack.http.get(format!("{}/api/konbini/payments/{kid}", stack.server)).header("X-Client-Secret", ksecret);
        let status: Value = poll.send().await.unwrap().json().await.unwrap();
        assert!(status["instructions"]["hosted_voucher_url"].is_string(), "{status}");
        stack.get(&format!("/api/konbini/payments/{kid}?clientSecret={ksecret}")).await;
    }
    stack.post_json(&format!("/api/konbini/payments/{kid}/cancel"), &json!({"clientSecret": ksecret})).await;
    server.kill().await.unwrap();
    (std::fs::read_to_string(&log).unwrap(), confirm_id)
}

/// SIGTERM lets a confirm in flight finish and reach the shopper, then the server exits 0;
/// new connections are refused meanwhile.
#[tokio::test]
async fn sigterm_drains_the_requests_in_flight_and_exits_0() {
    let sim_stack = common::start().await;
    let port = common::free_port();
    let mut server = server_process(port, &sim_stack.sim, &common::sqlite_url(), &[], None).await;
    let stack = Stack::new(format!("http://127.0.0.1:{port}"), sim_stack.sim.clone());
    stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 1500})).await;
    let token = stack.confirmation_token("4242424242424242").await;
    let body = Stack::checkout(&token);
    let in_flight = stack.post_json("/api/checkout/confirm", &body);
    let terminate = async {
        tokio::time::sleep(Duration::from_millis(400)).await;
        let pid = server.id().unwrap().to_string();
        assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        tokio::time::sleep(Duration::from_millis(200)).await;
        reqwest::Client::new().get(format!("{}/api/config", stack.server)).send().await.is_err()
    };
    let ((status, paid), refused_new) = tokio::join!(in_flight, terminate);
    assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
    assert!(refused_new, "no new requests after TERM");
    let exit = tokio::time::timeout(Duration::from_secs(10), server.wait()).await.unwrap().unwrap();
    assert_eq!(exit.code(), Some(0));
}
