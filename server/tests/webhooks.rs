//! Webhooks and orders against the stand-in's real deliveries, on SQLite and (with
//! CHECKOUT_TEST_POSTGRES_URL) PostgreSQL.

mod common;

use std::time::Duration;

use common::{
    Stack, WEBHOOK_SECRET, count, databases, fresh_postgres_database, fulfilments, post_event, server_process,
};
use serde_json::{Value, json};

async fn stack(database: &str) -> Stack {
    common::with_webhooks(database, &[]).await
}

#[tokio::test]
async fn a_card_payment_is_marked_paid_by_the_webhook_and_fulfilled_once() {
    for database in databases().await {
        let stack = stack(&database).await;
        let paid = stack.pay("4242424242424242").await;
        let order_id = paid["orderId"].as_str().unwrap();
        let order = stack.wait_for_status(order_id, "paid").await;
        assert_eq!(order["fulfilled"], true, "{database}");
        assert_eq!(order["amount"], 5098);
        assert_eq!(order["paymentIntentId"], paid["paymentIntentId"]);
        assert_eq!(fulfilments(&database, order_id).await, 1);
    }
}

#[tokio::test]
async fn bad_signatures_are_refused_with_400_and_change_nothing() {
    for database in databases().await {
        let stack = stack(&database).await;
        stack.sim_post("/_sim/webhooks/pause", json!({})).await;
        let paid = stack.pay("4242424242424242").await;
        let order_id = paid["orderId"].as_str().unwrap();
        let event = stack.event_for("payment_intent.succeeded", &stack.order(order_id).await).await;
        let id = event["id"].as_str().unwrap();
        for signing in ["forged", "stale", "missing", "malformed"] {
            let out = stack.sim_post(&format!("/_sim/events/{id}/deliver"), json!({"signing": signing})).await;
            assert_eq!(out["statuses"], json!([400]), "{signing} on {database}");
        }
        assert_eq!(stack.order(order_id).await["status"], "pending");
        assert_eq!(count(&database, "SELECT COUNT(*) FROM webhook_events WHERE id = $1", id).await, 0);
        let out = stack.sim_post(&format!("/_sim/events/{id}/deliver"), json!({})).await;
        assert_eq!(out["statuses"], json!([200]));
        assert_eq!(stack.order(order_id).await["status"], "paid");
    }
}

#[tokio::test]
async fn a_hundred_redeliveries_make_one_fulfilment() {
    for database in databases().await {
        let stack = stack(&database).await;
        let paid = stack.pay("4242424242424242").await;
        let order_id = paid["orderId"].as_str().unwrap();
        let order = stack.wait_for_status(order_id, "paid").await;
        let event = stack.event_for("payment_intent.succeeded", &order).await;
        let id = event["id"].as_str().unwrap();
        let out = stack.sim_post(&format!("/_sim/events/{id}/deliver"), json!({"times": 100})).await;
        assert!(out["statuses"].as_array().unwrap().iter().all(|s| s == 200), "every redelivery acknowledged");
        assert_eq!(out["statuses"].as_array().unwrap().len(), 100);
        assert_eq!(fulfilments(&database, order_id).await, 1, "{database}");
        assert_eq!(count(&database, "SELECT COUNT(*) FROM webhook_events WHERE id = $1", id).await, 1);
    }
}

#[tokio::test]
async fn events_in_reverse_order_end_in_the_right_state() {
    for database in databases().await {
        let stack = stack(&database).await;
        // 3-D Secure, completed: created, requires_action, succeeded, charge.succeeded.
        stack.sim_post("/_sim/webhooks/pause", json!({})).await;
        let started = stack.pay("4000002500003155").await;
        let url = format!("{}/three_d_secure/{}/complete", stack.sim, started["paymentIntentId"].as_str().unwrap());
        stack
            .http
            .post(url)
            .form(&[("client_secret", started["clientSecret"].as_str().unwrap())])
            .send()
            .await
            .unwrap();
        stack.sim_post("/_sim/webhooks/resume?order=reverse", json!({})).await;
        let order_id = started["orderId"].as_str().unwrap();
        stack.wait_for_status(order_id, "paid").await;
        // The late requires_action is in, and did not undo the payment.
        let requires_action = stack.event_for("payment_intent.requires_action", &stack.order(order_id).await).await;
        let late = requires_action["id"].as_str().unwrap();
        let arrived = async || count(&database, "SELECT COUNT(*) FROM webhook_events WHERE id = $1", late).await == 1;
        for _ in 0..100 {
            if arrived().await {
                break;
            }
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        assert!(arrived().await, "the late requires_action arrived");
        let order = stack.order(order_id).await;
        assert_eq!((order["status"].as_str(), order["fulfilled"].as_bool()), (Some("paid"), Some(true)), "{database}");
        assert_eq!(fulfilments(&database, order_id).await, 1);
    }
}

#[tokio::test]
async fn declines_cancellations_and_refunds_move_the_order() {
    for database in databases().await {
        let stack = stack(&database).await;
        // A declined checkout has an order, failed by the webhook.
        let token = stack.confirmation_token("4000000000000002").await;
        let (status, _) = stack.post_json("/api/checkout/confirm", &Stack::checkout(&token)).await;
        assert_eq!(status, 402);
        let failed = stack.events("payment_intent.payment_failed").await;
        let order_id = failed[0]["data"]["object"]["metadata"]["order_id"].as_str().unwrap().to_owned();
        stack.wait_for_status(&order_id, "failed").await;

        // Paid, then refunded in full.
        let paid = stack.pay("4242424242424242").await;
        let order_id = paid["orderId"].as_str().unwrap();
        stack.wait_for_status(order_id, "paid").await;
        let refund = stack
            .http
            .post(format!("{}/v1/refunds", stack.sim))
            .bearer_auth("sk_test_server_tests")
            .form(&[("payment_intent", paid["paymentIntentId"].as_str().unwrap())])
            .send()
            .await
            .unwrap();
        assert_eq!(refund.status(), 200);
        let order = stack.wait_for_status(order_id, "refunded").await;
        assert_eq!(order["amountRefunded"], 5098);
        assert_eq!(order["fulfilled"], true, "it had been fulfilled when paid");

        // A konbini payment cancelled before it was paid.
        let form = json!({"items": Stack::default_items(), "name": "山田 花子", "email": "hanako@example.jp"});
        let (_, created) = stack.post_json("/api/konbini/payments", &form).await;
        let id = created["paymentIntentId"].as_str().unwrap();
        let confirm = [
            ("key", common::PK),
            ("client_secret", created["clientSecret"].as_str().unwrap()),
            ("payment_method_data[type]", "konbini"),
            ("payment_method_data[billing_details][name]", "山田 花子"),
            ("payment_method_data[billing_details][email]", "hanako@example.jp"),
        ];
        stack.http.post(format!("{}/v1/payment_intents/{id}/confirm", stack.sim)).form(&confirm).send().await.unwrap();
        let order_id = created["orderId"].as_str().unwrap();
        stack.wait_for_status(order_id, "requires_action").await;
        let cancel = json!({"clientSecret": created["clientSecret"]});
        assert_eq!(stack.post_json(&format!("/api/konbini/payments/{id}/cancel"), &cancel).await.0, 200);
        let order = stack.wait_for_status(order_id, "canceled").await;
        assert_eq!(order["fulfilled"], false);
    }
}

#[tokio::test]
async fn unknown_event_types_are_acknowledged_and_recorded() {
    for database in databases().await {
        let stack = stack(&database).await;
        let event = json!({"id": "evt_unknown_kind", "object": "event", "type": "customer.created", "created": 1,
            "data": {"object": {"id": "cus_1", "object": "customer"}}, "api_version": "2026-09-30.endive"});
        assert_eq!(post_event(&stack.http, &stack.server, &event).await, 200);
        assert_eq!(count(&database, "SELECT COUNT(*) FROM webhook_events WHERE id = $1", "evt_unknown_kind").await, 1);
        let broken = json!({"not": "an event"});
        assert_eq!(post_event(&stack.http, &stack.server, &broken).await, 400, "well signed but not an event");
    }
}

#[tokio::test]
async fn the_same_event_at_two_instances_sharing_postgres_at_once_fulfils_once() {
    let Ok(admin) = std::env::var("CHECKOUT_TEST_POSTGRES_URL") else {
        eprintln!("PostgreSQL not tested here: set CHECKOUT_TEST_POSTGRES_URL (scripts/test.sh does)");
        return;
    };
    let database = fresh_postgres_database(&admin).await;
    let first = stack(&database).await;
    let second = common::start_server_with(&first.sim, &[("DATABASE_URL", database.clone())]).await;
    first.sim_post("/_sim/webhooks/pause", json!({})).await;
    let mut orders = Vec::new();
    for _ in 0..10 {
        let paid = first.pay("4242424242424242").await;
        orders.push(paid["orderId"].as_str().unwrap().to_owned());
    }
    for order_id in &orders {
        let event = first.event_for("payment_intent.succeeded", &first.order(order_id).await).await;
        // Both instances get the event at the same moment, each twice.
        let (a, b, c, d) = tokio::join!(
            post_event(&first.http, &first.server, &event),
            post_event(&first.http, &second, &event),
            post_event(&first.http, &first.server, &event),
            post_event(&first.http, &second, &event),
        );
        assert_eq!([a, b, c, d], [200; 4]);
        assert_eq!(fulfilments(&database, order_id).await, 1, "{order_id}");
        assert_eq!(first.order(order_id).await["status"], "paid");
    }
}

#[tokio::test]
async fn a_server_killed_between_receipt_and_commit_loses_nothing() {
    for database in databases().await {
        let port = common::free_port();
        let (sim, _) = stripe_sim::spawn_with(|sim| {
            sim.add_webhook_endpoint(format!("http://127.0.0.1:{port}/api/webhooks/stripe"), WEBHOOK_SECRET);
            sim.set_webhook_retry(Duration::from_millis(200));
        })
        .await
        .unwrap();
        let crash = [("CHECKOUT_CRASH_BEFORE_COMMIT", "payment_intent.succeeded")];
        let mut doomed = server_process(port, &sim, &database, &crash, None).await;
        let stack = Stack::new(format!("http://127.0.0.1:{port}"), sim.clone());

        // Deliveries wait until the checkout has answered, then the payment's events go out.
        stack.sim_post("/_sim/webhooks/pause", json!({})).await;
        let paid = stack.pay("4242424242424242").await;
        let order_id = paid["orderId"].as_str().unwrap().to_owned();
        stack.sim_post("/_sim/webhooks/resume", json!({})).await;
        let exit = tokio::time::timeout(Duration::from_secs(10), doomed.wait()).await.expect("it crashed").unwrap();
        assert!(!exit.success(), "aborted on payment_intent.succeeded");

        // Nothing of that event was committed.
        let succeeded =
            stack.event_for("payment_intent.succeeded", &json!({"paymentIntentId": paid["paymentIntentId"]})).await;
        let event_id = succeeded["id"].as_str().unwrap();
        assert_eq!(
            count(&database, "SELECT COUNT(*) FROM webhook_events WHERE id = $1", event_id).await,
            0,
            "{database}"
        );
        assert_eq!(fulfilments(&database, &order_id).await, 0);

        // Back up, without the crash: the stand-in's retry completes the order.
        let _revived = server_process(port, &sim, &database, &[], None).await;
        let order = stack.wait_for_status(&order_id, "paid").await;
        assert_eq!(order["fulfilled"], true);
        assert_eq!(fulfilments(&database, &order_id).await, 1);
        assert_eq!(count(&database, "SELECT COUNT(*) FROM webhook_events WHERE id = $1", event_id).await, 1);
        let attempts: Value =
            stack.http.get(format!("{sim}/_sim/webhooks/attempts")).send().await.unwrap().json().await.unwrap();
        let tries = attempts.as_array().unwrap().iter().filter(|a| a["event_id"] == event_id).count();
        assert!(tries >= 2, "delivered again after the crash: {tries}");
    }
}
