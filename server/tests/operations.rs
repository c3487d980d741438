//! What operators rely on: `/healthz`, `/readyz` (and its 503s with their reasons), `/metrics`
//! (moved by real payments and webhooks, behind its token) and request ids, through real HTTP
//! on SQLite and (with CHECKOUT_TEST_POSTGRES_URL) PostgreSQL.

mod common;

use std::time::Duration;

use common::{PK, SK, Stack, WEBHOOK_SECRET, databases, metric, scrape};
use serde_json::{Value, json};
use sqlx::any::AnyPoolOptions;

async fn get(url: &str) -> (u16, reqwest::header::HeaderMap, Value) {
    let response = reqwest::get(url).await.unwrap();
    let (status, headers) = (response.status().as_u16(), response.headers().clone());
    (status, headers, response.json().await.unwrap_or(Value::Null))
}

async fn execute(database: &str, sql: &str) {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new().max_connections(1).connect(database).await.unwrap();
    sqlx::query(sql).execute(&pool).await.unwrap();
    pool.close().await;
}

/// The answer holds none of the keys and not the database's address.
fn assert_no_secret(body: &Value, database: &str) {
    let text = body.to_string();
    for secret in [SK, WEBHOOK_SECRET, database] {
        assert!(!text.contains(secret), "{text} names {secret}");
    }
    assert!(!text.contains("checkout_test_") && !text.contains("sqlite"), "{text}");
}

#[tokio::test]
async fn healthz_answers_and_readyz_is_ready_with_each_check() {
    for database in databases().await {
        let stack = common::with_webhooks(&database, &[]).await;
        let (status, headers, health) = get(&format!("{}/healthz", stack.server)).await;
        assert_eq!((status, health), (200, json!({"status": "ok"})));
        assert_eq!(headers["cache-control"], "no-store");
        let (status, headers, ready) = get(&format!("{}/readyz", stack.server)).await;
        assert_eq!(status, 200, "{ready}");
        assert_eq!(ready["status"], "ready");
        assert_eq!(
            ready["checks"],
            json!({"database": "ok", "migrations": "ok", "stripe": "ok: test mode, the stand-in"})
        );
        assert!(ready["instance"].as_str().is_some_and(|i| !i.is_empty()) && ready.get("reason").is_none());
        assert_eq!(headers["cache-control"], "no-store");
        assert!(headers["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
        assert_no_secret(&ready, &database);
    }
}

#[tokio::test]
async fn readyz_is_503_with_the_reason_while_a_migration_is_missing() {
    for database in databases().await {
        let stack = common::with_webhooks(&database, &[]).await;
        execute(&database, "UPDATE _sqlx_migrations SET success = FALSE WHERE version = 3").await;
        let (status, _, unready) = get(&format!("{}/readyz", stack.server)).await;
        assert_eq!((status, unready["status"].as_str()), (503, Some("unavailable")), "{database}: {unready}");
        assert_eq!(unready["reason"], "migrations not applied: 3");
        assert_eq!(unready["checks"]["database"], "ok");
        assert_no_secret(&unready, &database);
        execute(&database, "UPDATE _sqlx_migrations SET success = TRUE WHERE version = 3").await;
        assert_eq!(get(&format!("{}/readyz", stack.server)).await.0, 200);
    }
}

#[tokio::test]
async fn readyz_is_503_while_postgres_refuses_connections_and_ready_again_after() {
    let Ok(admin) = std::env::var("CHECKOUT_TEST_POSTGRES_URL") else {
        eprintln!("SKIPPED: PostgreSQL not tested here: set CHECKOUT_TEST_POSTGRES_URL (scripts/test.sh does)");
        return;
    };
    let database = common::fresh_postgres_database(&admin).await;
    let name = database.rsplit('/').next().unwrap().to_owned();
    let stack = common::with_webhooks(&database, &[]).await;
    assert_eq!(get(&format!("{}/readyz", stack.server)).await.0, 200);
    execute(&admin, &format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")).await;
    execute(&admin, &format!("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")).await;
    let (status, _, unready) = get(&format!("{}/readyz", stack.server)).await;
    assert_eq!(status, 503, "{unready}");
    assert!(unready["reason"].as_str().unwrap().starts_with("the database"), "{unready}");
    assert_eq!(unready["checks"]["migrations"], "not checked: no database");
    assert_no_secret(&unready, &database);
    // The process is alive all the same: a liveness probe must not restart it for this.
    assert_eq!(get(&format!("{}/healthz", stack.server)).await.0, 200);
    execute(&admin, &format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true")).await;
    let mut status = 0;
    for _ in 0..50 {
        status = get(&format!("{}/readyz", stack.server)).await.0;
        if status == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(status, 200, "ready again once the database is back");
}

/// After a 4242 payment the confirm counter, Stripe's call counter and histogram, the webhook
/// counter, the request counter and the orders gauge have moved; a decline and a forged
/// webhook are counted as such.
#[tokio::test]
async fn metrics_move_with_a_4242_payment_a_decline_and_a_forged_webhook() {
    for database in databases().await {
        let stack = common::with_webhooks(&database, &[]).await;
        let before = scrape(&stack.server, None).await;
        let succeeded = [("outcome", "succeeded")];
        assert_eq!(metric(&before, "checkout_confirms_total", &succeeded), 0.0, "{before}");
        assert!(before.contains("# TYPE checkout_confirms_total counter"));

        let paid = stack.pay("4242424242424242").await;
        stack.wait_for_status(paid["orderId"].as_str().unwrap(), "paid").await;
        assert_eq!(stack.pay("4000000000000002").await["error"]["type"], "card_error");
        let forged = stack
            .http
            .post(format!("{}/api/webhooks/stripe", stack.server))
            .header("Stripe-Signature", "t=1,v1=00")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), 400);
        // The decline's payment_failed event arrives too.
        let mut after = String::new();
        for _ in 0..100 {
            after = scrape(&stack.server, None).await;
            let failed = [("type", "payment_intent.payment_failed"), ("outcome", "applied")];
            if metric(&after, "checkout_webhook_events_total", &failed) == 1.0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        let moved = |name: &str, labels: &[(&str, &str)]| metric(&after, name, labels) - metric(&before, name, labels);
        assert_eq!(moved("checkout_confirms_total", &succeeded), 1.0, "{database}: {after}");
        assert_eq!(moved("checkout_confirms_total", &[("outcome", "declined")]), 1.0);
        let created = [("endpoint", "POST /v1/payment_intents"), ("status", "200")];
        assert_eq!(moved("checkout_stripe_requests_total", &created), 1.0);
        let declined = [("endpoint", "POST /v1/payment_intents"), ("status", "402")];
        assert_eq!(moved("checkout_stripe_requests_total", &declined), 1.0);
        let timed = [("endpoint", "POST /v1/payment_intents")];
        assert_eq!(moved("checkout_stripe_request_duration_seconds_count", &timed), 2.0);
        let applied = [("type", "payment_intent.succeeded"), ("outcome", "applied")];
        assert_eq!(moved("checkout_webhook_events_total", &applied), 1.0);
        let refused = [("type", "unknown"), ("outcome", "refused_signature")];
        assert_eq!(moved("checkout_webhook_events_total", &refused), 1.0);
        let confirms = [("route", "/api/checkout/confirm"), ("method", "POST"), ("status", "200")];
        assert_eq!(moved("checkout_http_requests_total", &confirms), 1.0);
        assert_eq!(metric(&after, "checkout_orders", &[("method", "card"), ("status", "paid")]), 1.0);
        assert_eq!(metric(&after, "checkout_orders", &[("method", "card"), ("status", "failed")]), 1.0);
        assert_eq!(metric(&after, "checkout_orders", &[("method", "konbini"), ("status", "paid")]), 0.0);
        assert_eq!(metric(&after, "checkout_housekeeping_leader", &[]), 1.0, "one instance: it sweeps");
        assert!(after.contains("checkout_build_info{version=\"0.1.0\",profile=\"debug\"} 1"));
    }
}

#[tokio::test]
async fn konbini_vouchers_out_are_counted_until_paid() {
    let stack = common::with_webhooks(&common::sqlite_url(), &[]).await;
    let form = json!({"items": Stack::default_items(), "name": "山田 花子", "email": "hanako@example.jp"});
    let (_, created) = stack.post_json("/api/konbini/payments", &form).await;
    let id = created["paymentIntentId"].as_str().unwrap();
    let confirm = [
        ("key", PK),
        ("client_secret", created["clientSecret"].as_str().unwrap()),
        ("payment_method_data[type]", "konbini"),
        ("payment_method_data[billing_details][name]", "山田 花子"),
        ("payment_method_data[billing_details][email]", "hanako@example.jp"),
    ];
    stack.http.post(format!("{}/v1/payment_intents/{id}/confirm", stack.sim)).form(&confirm).send().await.unwrap();
    let order_id = created["orderId"].as_str().unwrap();
    stack.wait_for_status(order_id, "requires_action").await;
    assert_eq!(metric(&scrape(&stack.server, None).await, "checkout_konbini_vouchers_pending", &[]), 1.0);
    // Paid at the store three minutes later (the stand-in's clock).
    stack.http.post(format!("{}/_sim/clock/advance?seconds=181", stack.sim)).send().await.unwrap();
    stack.stripe_payment_intents().await;
    stack.wait_for_status(order_id, "paid").await;
    let after = scrape(&stack.server, None).await;
    assert_eq!(metric(&after, "checkout_konbini_vouchers_pending", &[]), 0.0);
    assert_eq!(metric(&after, "checkout_orders", &[("method", "konbini"), ("status", "paid")]), 1.0);
}

#[tokio::test]
async fn metrics_answer_only_the_token_when_one_is_set() {
    let token = "metrics-token-for-the-tests";
    let stack = common::with_webhooks(&common::sqlite_url(), &[("CHECKOUT_METRICS_TOKEN", token.into())]).await;
    let url = format!("{}/metrics", stack.server);
    for auth in [None, Some("Bearer wrong-token-wrong-token"), Some(token), Some("Basic bWV0cmljczp4")] {
        let mut request = stack.http.get(&url);
        if let Some(auth) = auth {
            request = request.header("Authorization", auth);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401, "{auth:?}");
        assert_eq!(response.headers()["www-authenticate"], "Bearer realm=\"metrics\"");
        let refused: Value = response.json().await.unwrap();
        assert_eq!(refused["error"]["type"], "invalid_request_error", "{refused}");
        assert!(!refused.to_string().contains(token));
    }
    let response = stack.http.get(&url).bearer_auth(token).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/plain; version=0.0.4; charset=utf-8");
    assert!(response.text().await.unwrap().contains("checkout_confirms_total"));
    // Health and readiness stay open: probes carry no token.
    assert_eq!(get(&format!("{}/readyz", stack.server)).await.0, 200);
}

#[tokio::test]
async fn every_answer_has_a_request_id_and_only_a_trusted_proxy_s_is_kept() {
    let direct = common::start().await;
    let behind_proxy =
        common::start_server_with(&direct.sim, &[("CHECKOUT_CLIENT_IP_HEADER", "X-Forwarded-For".into())]).await;
    let id_of = async |server: &str, path: &str, sent: Option<&str>| {
        let mut request = reqwest::Client::new().get(format!("{server}{path}"));
        if let Some(sent) = sent {
            request = request.header("X-Request-Id", sent);
        }
        request.send().await.unwrap().headers()["x-request-id"].to_str().unwrap().to_owned()
    };
    for path in ["/", "/api/config", "/api/nope", "/healthz", "/metrics", "/no-such-file.js"] {
        let made = id_of(&direct.server, path, None).await;
        assert!(made.starts_with("req_") && made.len() == 24, "{path}: {made}");
        assert_ne!(made, id_of(&direct.server, path, None).await, "one per request");
    }
    assert_ne!(id_of(&direct.server, "/", Some("from-a-client")).await, "from-a-client", "a client's is not trusted");
    assert_eq!(id_of(&behind_proxy, "/", Some("0f1e2d3c-proxy-id")).await, "0f1e2d3c-proxy-id");
    let odd = id_of(&behind_proxy, "/", Some("has spaces; and=more")).await;
    assert!(odd.starts_with("req_"), "not a plain token: replaced ({odd})");
}
