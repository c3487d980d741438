//! Money under faults: one order, one amount, one charge, whatever Stripe, the network, the
//! database or the shopper does. On SQLite and (with CHECKOUT_TEST_POSTGRES_URL) PostgreSQL.

mod common;

use std::time::Duration;

use common::{Stack, count, databases, fulfilments, post_event, scalar};
use serde_json::{Value, json};

fn dear(attempt: &str, token: &str) -> Value {
    json!({"attemptId": attempt, "confirmationTokenId": token, "items": Stack::default_items()})
}

fn cheap(attempt: &str, token: &str) -> Value {
    json!({"attemptId": attempt, "confirmationTokenId": token, "items": [{"productId": "sticker-pack", "quantity": 1}]})
}

/// Every PaymentIntent at the stand-in belongs to an order of the same amount and currency.
async fn assert_books_agree(stack: &Stack) {
    for intent in stack.stripe_payment_intents().await {
        let order_id = intent["metadata"]["order_id"].as_str().unwrap();
        let order = stack.order(order_id).await;
        assert_eq!(
            (&order["amount"], &order["currency"]),
            (&intent["amount"], &intent["currency"]),
            "order {order} paid by {intent}"
        );
    }
}

/// Stripe did not record the dear request (429, 500, or a timeout before it arrived); the same
/// token then comes with a cheaper cart. The cheap order is paid for the cheap amount, the dear
/// order stays unpaid: never the dear order for the cheap amount.
#[tokio::test]
async fn a_retry_with_a_cheaper_cart_never_pays_the_dear_order() {
    let not_recorded = [
        json!({"path": "/v1/payment_intents", "method": "POST", "status": 429, "type": "rate_limit_error", "message": "Too many requests"}),
        json!({"path": "/v1/payment_intents", "method": "POST", "status": 500, "type": "api_error", "message": "Stripe had a bad day"}),
        json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 2500}),
    ];
    for database in databases().await {
        for fault in &not_recorded {
            let stack = common::with_webhooks(&database, &[("STRIPE_TIMEOUT_SECONDS", "1".into())]).await;
            let (token, attempt) = (stack.confirmation_token("4242424242424242").await, common::attempt_id());
            stack.fault(fault.clone()).await;
            let (status, failed) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &token)).await;
            assert!(status >= 500, "{fault}: {status} {failed}");

            let (status, paid) = stack.post_json("/api/checkout/confirm", &cheap(&attempt, &token)).await;
            assert_eq!(status, 200, "{fault} on {database}: {paid}");
            assert_eq!(paid["amount"], 499);
            let order = stack.wait_for_status(paid["orderId"].as_str().unwrap(), "paid").await;
            assert_eq!((order["amount"].as_i64(), order["fulfilled"].as_bool()), (Some(499), Some(true)));

            let intents = stack.stripe_payment_intents().await;
            assert_eq!(intents.len(), 1, "{fault}");
            assert_eq!(intents[0]["metadata"]["order_id"], paid["orderId"]);
            assert_books_agree(&stack).await;
            // The dear order was never paid nor fulfilled.
            let dear_paid =
                "SELECT COUNT(*) FROM orders o JOIN fulfilments f ON f.order_id = o.id WHERE o.amount = 5098";
            assert_eq!(scalar(&database, dear_paid).await, 0, "{fault}");
        }
    }
}

/// The dear request reached Stripe but its answer was lost; the same token then comes with a
/// cheaper cart: Stripe refuses the used token, nothing more is charged, the dear order is
/// paid for the dear amount.
#[tokio::test]
async fn a_lost_answer_then_a_cheaper_cart_charges_nothing_more() {
    for database in databases().await {
        let stack = common::with_webhooks(&database, &[("STRIPE_TIMEOUT_SECONDS", "1".into())]).await;
        let (token, attempt) = (stack.confirmation_token("4242424242424242").await, common::attempt_id());
        stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 2000, "after": true})).await;
        let (status, _) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &token)).await;
        assert_eq!(status, 504);
        let (status, refused) = stack.post_json("/api/checkout/confirm", &cheap(&attempt, &token)).await;
        assert_eq!((status, refused["error"]["param"].as_str()), (400, Some("confirmation_token")), "{refused}");

        let intents = stack.stripe_payment_intents().await;
        assert_eq!(intents.len(), 1);
        assert_eq!(intents[0]["amount"], 5098);
        let order_id = intents[0]["metadata"]["order_id"].as_str().unwrap();
        let order = stack.wait_for_status(order_id, "paid").await;
        assert_eq!(order["amount"], 5098, "{database}");
        assert_books_agree(&stack).await;
    }
}

/// Two confirms of one token with two carts at once, in both orders of arrival at Stripe: one
/// charge, for the order whose cart it was.
#[tokio::test]
async fn concurrent_confirms_of_one_token_with_two_carts_pay_one_order_its_own_amount() {
    for database in databases().await {
        for dear_first in [true, false] {
            let stack = common::with_webhooks(&database, &[]).await;
            let (token, attempt) = (stack.confirmation_token("4242424242424242").await, common::attempt_id());
            // The first request to reach Stripe waits there, so the second is done first.
            stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 400})).await;
            let (first, second) = if dear_first {
                (dear(&attempt, &token), cheap(&attempt, &token))
            } else {
                (cheap(&attempt, &token), dear(&attempt, &token))
            };
            let later = async {
                tokio::time::sleep(Duration::from_millis(100)).await;
                stack.post_json("/api/checkout/confirm", &second).await
            };
            let ((a, first_answer), (b, second_answer)) =
                tokio::join!(stack.post_json("/api/checkout/confirm", &first), later);
            // The second to arrive at the server is the first done at Stripe, and wins.
            assert_eq!((a, b), (400, 200), "dear first: {dear_first}: {first_answer} {second_answer}");
            let intents = stack.stripe_payment_intents().await;
            assert_eq!(intents.len(), 1);
            assert_eq!(intents[0]["amount"], if dear_first { 499 } else { 5098 });
            stack.wait_for_status(second_answer["orderId"].as_str().unwrap(), "paid").await;
            assert_books_agree(&stack).await;
        }
    }
}

/// The page lost the answer after the server and Stripe succeeded; Pay is pressed again (a new
/// ConfirmationToken, the same attempt): the first payment is found, not made again.
#[tokio::test]
async fn pressing_pay_again_after_a_lost_answer_finds_the_first_payment() {
    for database in databases().await {
        let stack = common::with_webhooks(&database, &[("STRIPE_TIMEOUT_SECONDS", "1".into())]).await;
        let attempt = common::attempt_id();
        stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 1500, "after": true})).await;
        let first = stack.confirmation_token("4242424242424242").await;
        assert_eq!(stack.post_json("/api/checkout/confirm", &dear(&attempt, &first)).await.0, 504);
        // Pressed again before anything is recorded, and again after.
        for _ in 0..2 {
            let again = stack.confirmation_token("4242424242424242").await;
            let (status, paid) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &again)).await;
            assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
        }
        let succeeded: Vec<Value> =
            stack.stripe_payment_intents().await.into_iter().filter(|pi| pi["status"] == "succeeded").collect();
        assert_eq!(succeeded.len(), 1, "{database}");
        let order_id = succeeded[0]["metadata"]["order_id"].as_str().unwrap();
        stack.wait_for_status(order_id, "paid").await;
        assert_eq!(fulfilments(&database, order_id).await, 1);
    }
}

/// The add-on offer's variant is the order's, recorded before its PaymentIntent is created: the
/// press after a lost answer (this time without the offer) replays the very same create request
/// (an Idempotency-Key with other metadata would be refused) and finds the one payment, with the
/// visitor's variant on its metadata.
#[tokio::test]
async fn the_offer_variant_is_the_orders_so_a_retry_after_a_lost_answer_replays_the_same_request() {
    for database in databases().await {
        let stack = common::with_webhooks(&database, &[("STRIPE_TIMEOUT_SECONDS", "1".into())]).await;
        let (status, offer) =
            stack.post_json("/api/offers", &json!({"items": Stack::default_items(), "method": "klarna"})).await;
        assert_eq!(status, 200, "{offer}");
        let variant = offer["variant"].as_str().unwrap().to_owned();
        let attempt = common::attempt_id();
        stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 1500, "after": true})).await;
        let first = stack.confirmation_token("4242424242424242").await;
        let mut shown = dear(&attempt, &first);
        shown["offerShown"] = json!(true);
        assert_eq!(stack.post_json("/api/checkout/confirm", &shown).await.0, 504);
        let again = stack.confirmation_token("4242424242424242").await;
        let (status, paid) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &again)).await;
        assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
        let intents = stack.stripe_payment_intents().await;
        assert_eq!(intents.len(), 1, "{database}: one PaymentIntent");
        assert_eq!(intents[0]["metadata"]["offer_variant"], variant.as_str());
        assert_books_agree(&stack).await;
    }
}

/// A second tab with the same cart (the same attempt, kept by the page) is told the order is
/// already paid; nothing more is charged.
#[tokio::test]
async fn a_second_tab_is_told_the_order_is_already_paid() {
    let stack = common::start().await;
    let attempt = common::attempt_id();
    let one = stack.confirmation_token("4242424242424242").await;
    let two = stack.confirmation_token("5555555555554444").await;
    let (_, first) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &one)).await;
    let (status, second) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &two)).await;
    assert_eq!(
        (status, &second["alreadyConfirmed"], &second["paymentIntentId"]),
        (200, &json!(true), &first["paymentIntentId"])
    );
    assert_eq!(stack.stripe_payment_intents().await.len(), 1);
}

/// After a decline the same attempt confirms the order's own PaymentIntent again: one order,
/// one PaymentIntent, charged once.
#[tokio::test]
async fn after_a_decline_the_next_card_pays_the_same_payment_intent() {
    let stack = common::start().await;
    let attempt = common::attempt_id();
    let declined = stack.confirmation_token("4000000000000002").await;
    let (status, _) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &declined)).await;
    assert_eq!(status, 402);
    let good = stack.confirmation_token("4242424242424242").await;
    let (status, paid) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &good)).await;
    assert_eq!(
        (status, paid["status"].as_str(), paid["alreadyConfirmed"].as_bool()),
        (200, Some("succeeded"), Some(false))
    );
    let intents = stack.stripe_payment_intents().await;
    assert_eq!(intents.len(), 1);
    assert_eq!(intents[0]["id"], paid["paymentIntentId"]);
}

/// An event whose PaymentIntent is for another amount or currency than the order, or is a
/// second PaymentIntent of the order, never marks it paid: the order needs review.
#[tokio::test]
async fn a_payment_that_disagrees_with_its_order_is_held_for_review() {
    for database in databases().await {
        let stack = common::with_webhooks(&database, &[]).await;
        stack.sim_post("/_sim/webhooks/pause", json!({})).await;
        type Forge = fn(&mut Value);
        let forgeries: [(&str, Forge); 3] = [
            ("amount", |object| object["amount"] = json!(499)),
            ("currency", |object| object["currency"] = json!("jpy")),
            ("second PaymentIntent", |object| object["id"] = json!("pi_someoneelses")),
        ];
        for (what, forge) in forgeries {
            let paid = stack.pay("4242424242424242").await;
            let order_id = paid["orderId"].as_str().unwrap();
            let mut event = stack.event_for("payment_intent.succeeded", &stack.order(order_id).await).await;
            event["id"] = json!(format!("evt_forged_{}", common::unique()));
            forge(&mut event["data"]["object"]);
            assert_eq!(post_event(&stack.http, &stack.server, &event).await, 200);
            let order = stack.order(order_id).await;
            assert_eq!(
                (order["status"].as_str(), order["fulfilled"].as_bool()),
                (Some("needs_review"), Some(false)),
                "{what} on {database}"
            );
            assert_eq!(fulfilments(&database, order_id).await, 0);
        }
        // The genuine events do not undo a review.
        stack.sim_post("/_sim/webhooks/resume", json!({})).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let reviewed = "SELECT COUNT(*) FROM orders WHERE status = $1";
        assert_eq!(count(&database, reviewed, "needs_review").await, 3);
    }
}

/// The database fails after Stripe charged (the update linking order and PaymentIntent is
/// aborted): the shopper still gets the success, and the webhook settles the order.
#[tokio::test]
async fn the_database_failing_after_the_charge_does_not_fail_the_shopper() {
    let (database, port, log) = (common::sqlite_url(), common::free_port(), common::temp_path("server.log"));
    let (sim, _) = stripe_sim::spawn_with(|sim| {
        sim.add_webhook_endpoint(format!("http://127.0.0.1:{port}/api/webhooks/stripe"), common::WEBHOOK_SECRET);
        sim.set_webhook_retry(Duration::from_millis(100));
    })
    .await
    .unwrap();
    let _server = common::server_process(port, &sim, &database, &[], Some(&log)).await;
    let stack = Stack::new(format!("http://127.0.0.1:{port}"), sim);
    sqlx::any::install_default_drivers();
    let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(&database).await.unwrap();
    // Only the checkout's own link fails: once an event for the order is recorded, the
    // webhook's link goes through.
    sqlx::query(
        "CREATE TRIGGER fail_link BEFORE UPDATE OF payment_intent_id ON orders \
         WHEN OLD.payment_intent_id IS NULL AND NOT EXISTS (SELECT 1 FROM webhook_events WHERE order_id = NEW.id) \
         BEGIN SELECT RAISE(ABORT, 'disk I/O error (test trigger)'); END",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;

    stack.sim_post("/_sim/webhooks/pause", json!({})).await;
    let token = stack.confirmation_token("4242424242424242").await;
    let (status, paid) = stack.post_json("/api/checkout/confirm", &Stack::checkout(&token)).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
    let order_id = paid["orderId"].as_str().unwrap();
    assert_eq!(stack.order(order_id).await["paymentIntentId"], Value::Null, "the link was aborted");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("could not record the PaymentIntent on the order") && logged.contains("ERROR"), "{logged}");

    stack.sim_post("/_sim/webhooks/resume", json!({})).await;
    let order = stack.wait_for_status(order_id, "paid").await;
    assert_eq!((order["fulfilled"].as_bool(), &order["paymentIntentId"]), (Some(true), &paid["paymentIntentId"]));
    // The holder of the secret finds the order (the server learns the secret's hash from Stripe).
    let pi = paid["paymentIntentId"].as_str().unwrap();
    let response = stack
        .http
        .get(format!("{}/api/orders?paymentIntent={pi}", stack.server))
        .header("X-Client-Secret", paid["clientSecret"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

/// Pending orders older than the configured age are marked abandoned, never deleted; the
/// shopper coming back to the same attempt still pays it.
#[tokio::test]
async fn pending_orders_are_swept_as_abandoned_and_still_payable() {
    for database in databases().await {
        let stack = common::with_webhooks(&database, &[("CHECKOUT_ABANDON_AFTER_SECONDS", "1".into())]).await;
        let attempt = common::attempt_id();
        stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "status": 500, "type": "api_error", "message": "down"})).await;
        let token = stack.confirmation_token("4242424242424242").await;
        assert_eq!(stack.post_json("/api/checkout/confirm", &dear(&attempt, &token)).await.0, 502);
        let abandoned = "SELECT COUNT(*) FROM orders WHERE status = $1";
        for _ in 0..100 {
            if count(&database, abandoned, "abandoned").await == 1 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(count(&database, abandoned, "abandoned").await, 1, "{database}");

        let (status, paid) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &token)).await;
        assert_eq!(status, 200, "{paid}");
        stack.wait_for_status(paid["orderId"].as_str().unwrap(), "paid").await;
        assert_eq!(scalar(&database, "SELECT COUNT(*) FROM orders WHERE amount = 5098").await, 1, "the same order");
    }
}

/// Stripe charged, the answer was lost, and the server restarted before the shopper pressed Pay
/// again: the order and its first token are in the database, so the retry still finds the
/// payment.
#[tokio::test]
async fn a_restart_between_a_lost_answer_and_the_retry_charges_once() {
    for database in databases().await {
        let port = common::free_port();
        let (sim, _) = stripe_sim::spawn_with(|sim| {
            sim.add_webhook_endpoint(format!("http://127.0.0.1:{port}/api/webhooks/stripe"), common::WEBHOOK_SECRET);
            sim.set_webhook_retry(Duration::from_millis(100));
        })
        .await
        .unwrap();
        let timeout = [("STRIPE_TIMEOUT_SECONDS", "1")];
        let mut first = common::server_process(port, &sim, &database, &timeout, None).await;
        let stack = Stack::new(format!("http://127.0.0.1:{port}"), sim.clone());
        let attempt = common::attempt_id();
        stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 1500, "after": true})).await;
        let token = stack.confirmation_token("4242424242424242").await;
        assert_eq!(stack.post_json("/api/checkout/confirm", &dear(&attempt, &token)).await.0, 504);
        first.kill().await.unwrap();

        let _second = common::server_process(port, &sim, &database, &timeout, None).await;
        tokio::time::sleep(Duration::from_millis(600)).await; // the held answer is long gone
        let again = stack.confirmation_token("4242424242424242").await;
        let (status, paid) = stack.post_json("/api/checkout/confirm", &dear(&attempt, &again)).await;
        assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{database}: {paid}");
        let intents = stack.stripe_payment_intents().await;
        assert_eq!(intents.len(), 1, "{database}");
        stack.wait_for_status(paid["orderId"].as_str().unwrap(), "paid").await;
        assert_books_agree(&stack).await;
    }
}
