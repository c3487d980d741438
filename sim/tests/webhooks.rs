//! Events and their delivery to a real receiver on loopback.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::StatusCode;
use axum::routing::post;
use common::receiver::Receiver;
use serde_json::Value;

const SECRET: &str = "whsec_standin_tests";

async fn start(statuses: Vec<u16>) -> (common::Running, Receiver, Arc<stripe_sim::Sim>) {
    let (url, receiver) = Receiver::start(statuses).await;
    let (base, sim) = stripe_sim::spawn_with(|sim| {
        sim.add_webhook_endpoint(&url, SECRET);
        sim.set_webhook_retry(Duration::from_millis(30));
    })
    .await
    .unwrap();
    (common::Running { base, http: reqwest::Client::new() }, receiver, sim)
}

fn signature_valid(header: &str, payload: &str) -> bool {
    common::receiver::signature_valid(SECRET, header, payload)
}

#[tokio::test]
async fn a_card_payment_sends_signed_events_in_stripes_shape() {
    let (sim, receiver, _) = start(vec![]).await;
    let token = sim.confirmation_token("4242424242424242").await;
    let (_, pi) = sim.create_and_confirm("1099", &token).await;
    assert!(receiver.wait_for(3).await, "{:?}", receiver.types());
    assert_eq!(receiver.types(), ["payment_intent.created", "payment_intent.succeeded", "charge.succeeded"]);
    let received = receiver.received.lock().unwrap().clone();
    for (signature, event) in &received {
        assert!(signature_valid(signature.as_deref().unwrap(), &event.to_string()), "{event}");
        assert_eq!(event["object"], "event");
        assert_eq!(event["api_version"], "2026-09-30.endive");
    }
    let succeeded = &received[1].1;
    assert_eq!(succeeded["data"]["object"]["id"], pi["id"]);
    assert_eq!(succeeded["data"]["object"]["status"], "succeeded");
    assert_eq!(received[2].1["data"]["object"]["payment_intent"], pi["id"]);

    // The same events through the API.
    let (_, listed) = sim.get("/v1/events?type=payment_intent.succeeded").await;
    assert_eq!(listed["data"][0]["id"], succeeded["id"]);
}

#[tokio::test]
async fn a_card_set_up_after_3d_secure_sends_the_setup_intents_events() {
    let (sim, receiver, _) = start(vec![]).await;
    let mut form = stripe_sim::card_token_form(common::PK, "4000002500003155")[1..].to_vec();
    form.push(("confirm", "true"));
    let (_, seti) = sim.post("/v1/setup_intents", &form).await;
    assert_eq!(sim.three_d_secure(&seti, "complete").await.0, 200);
    assert!(receiver.wait_for(3).await, "{:?}", receiver.types());
    assert_eq!(receiver.types(), ["setup_intent.created", "setup_intent.requires_action", "setup_intent.succeeded"]);
    for (signature, event) in receiver.received.lock().unwrap().iter() {
        assert!(signature_valid(signature.as_deref().unwrap(), &event.to_string()), "{event}");
        assert_eq!(event["data"]["object"]["id"], seti["id"]);
    }
}

#[tokio::test]
async fn declines_failed_authentication_and_refunds_have_their_events() {
    let (sim, receiver, _) = start(vec![]).await;
    let token = sim.confirmation_token("4000000000000002").await;
    sim.create_and_confirm("1099", &token).await;
    let token = sim.confirmation_token("4242424242424242").await;
    let (_, paid) = sim.create_and_confirm("1099", &token).await;
    let (status, _) =
        sim.post("/v1/refunds", &[("payment_intent", paid["id"].as_str().unwrap()), ("amount", "500")]).await;
    assert_eq!(status, 200);
    assert!(receiver.wait_for(7).await, "{:?}", receiver.types());
    let types = receiver.types();
    for expected in ["payment_intent.payment_failed", "charge.failed", "charge.refunded"] {
        assert!(types.contains(&expected.to_owned()), "{expected} in {types:?}");
    }
    let refunded =
        receiver.received.lock().unwrap().iter().find(|(_, e)| e["type"] == "charge.refunded").unwrap().1.clone();
    assert_eq!(refunded["data"]["object"]["amount_refunded"], 500);
    assert_eq!(refunded["data"]["object"]["refunded"], false, "partly");
}

#[tokio::test]
async fn konbini_outcomes_on_the_clock_send_events_without_anyone_asking() {
    let (sim, receiver, _) = start(vec![]).await;
    let (_, pi) = sim
        .post("/v1/payment_intents", &[("amount", "6900"), ("currency", "jpy"), ("payment_method_types[]", "konbini")])
        .await;
    let id = pi["id"].as_str().unwrap();
    let form = [
        ("client_secret", pi["client_secret"].as_str().unwrap()),
        ("payment_method_data[type]", "konbini"),
        ("payment_method_data[billing_details][name]", "山田"),
        ("payment_method_data[billing_details][email]", "h@example.jp"),
    ];
    sim.post_as_stripe_js(&format!("/v1/payment_intents/{id}/confirm"), &form).await;
    sim.send(sim.http.post(format!("{}/_sim/clock/advance?seconds=181", sim.base))).await;
    assert!(receiver.wait_for(4).await, "{:?}", receiver.types());
    assert_eq!(
        receiver.types()[..3],
        ["payment_intent.created", "payment_intent.requires_action", "payment_intent.succeeded"]
    );
}

#[tokio::test]
async fn failed_deliveries_are_retried_with_growing_waits() {
    let (sim, receiver, simulator) = start(vec![500, 503]).await;
    sim.post("/v1/payment_intents", &[("amount", "1099"), ("currency", "usd")]).await;
    assert!(receiver.wait_for(3).await);
    let (_, attempts) = sim.send(sim.http.get(format!("{}/_sim/webhooks/attempts", sim.base))).await;
    let statuses: Vec<u64> = attempts.as_array().unwrap().iter().map(|a| a["status"].as_u64().unwrap()).collect();
    assert_eq!(statuses, [500, 503, 200]);
    assert_eq!(attempts[2]["attempt"], 3);
    let at = |i: usize| attempts[i]["sent_at_ms"].as_u64().unwrap();
    let (first_wait, second_wait) = (at(1) - at(0), at(2) - at(1));
    assert!(
        first_wait >= 30 && second_wait >= 60 && second_wait > first_wait,
        "{first_wait} ms, then {second_wait} ms"
    );
    drop(simulator);
}

#[tokio::test]
async fn an_unreachable_endpoint_is_retried_until_it_answers() {
    // Bind a port, remember it, close it: the first attempts are refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let (base, _sim) = stripe_sim::spawn_with(|sim| {
        sim.add_webhook_endpoint(format!("http://127.0.0.1:{port}/hook"), SECRET);
        sim.set_webhook_retry(Duration::from_millis(100));
    })
    .await
    .unwrap();
    let sim = common::Running { base, http: reqwest::Client::new() };
    sim.post("/v1/payment_intents", &[("amount", "1099"), ("currency", "usd")]).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    // Now the receiver comes up on that port.
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let got = Arc::new(Mutex::new(0));
    let counter = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        post(move || {
            *counter.lock().unwrap() += 1;
            async { StatusCode::OK }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    for _ in 0..100 {
        if *got.lock().unwrap() > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(*got.lock().unwrap(), 1, "delivered once it could be");
    let (_, attempts) = sim.send(sim.http.get(format!("{}/_sim/webhooks/attempts", sim.base))).await;
    assert!(attempts.as_array().unwrap().iter().any(|a| a["status"].is_null()), "{attempts}");
}

#[tokio::test]
async fn tests_can_redeliver_reorder_and_forge() {
    let (sim, receiver, _) = start(vec![]).await;
    let (_, pi) = sim.post("/v1/payment_intents", &[("amount", "1099"), ("currency", "usd")]).await;
    assert!(receiver.wait_for(1).await);
    let (_, events) = sim.get("/v1/events").await;
    let id = events["data"][0]["id"].as_str().unwrap();
    let deliver = |body: Value| sim.send(sim.http.post(format!("{}/_sim/events/{id}/deliver", sim.base)).json(&body));
    let (_, out) = deliver(serde_json::json!({"times": 3})).await;
    assert_eq!(out["statuses"], serde_json::json!([200, 200, 200]));
    for signing in ["forged", "stale", "missing", "malformed"] {
        deliver(serde_json::json!({"signing": signing})).await;
    }
    let received = receiver.received.lock().unwrap().clone();
    assert_eq!(received.len(), 8);
    let payload = received[4].1.to_string();
    assert!(!signature_valid(received[4].0.as_deref().unwrap(), &payload), "forged");
    let stale_t: i64 = received[5].0.as_deref().unwrap().split(',').next().unwrap()[2..].parse().unwrap();
    assert!(signature_valid(received[5].0.as_deref().unwrap(), &payload), "stale is well signed...");
    assert!(stale_t < chrono_now() - 500, "...but old");
    assert!(received[6].0.is_none(), "missing");
    assert!(!received[7].0.as_deref().unwrap().contains("v1="), "malformed");

    // Hold, then release in reverse.
    sim.send(sim.http.post(format!("{}/_sim/webhooks/pause", sim.base))).await;
    let token = sim.confirmation_token("4242424242424242").await;
    let form = [("confirmation_token", token.as_str()), ("return_url", "http://shop/complete")];
    sim.post(&format!("/v1/payment_intents/{}/confirm", pi["id"].as_str().unwrap()), &form).await;
    sim.send(sim.http.post(format!("{}/_sim/webhooks/resume?order=reverse", sim.base))).await;
    assert!(receiver.wait_for(10).await);
    assert_eq!(receiver.types()[8..], ["charge.succeeded", "payment_intent.succeeded"]);
}

fn chrono_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}
