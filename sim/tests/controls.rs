//! The stand-in's test controls: faults (errors, delays before or after the work, by chance)
//! and its clock.

mod common;

use std::time::{Duration, Instant};

use serde_json::json;

async fn add_fault(sim: &common::Running, fault: serde_json::Value) -> u16 {
    sim.http.post(format!("{}/_sim/faults", sim.base)).json(&fault).send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn injected_faults_answer_as_stripe_errors_then_stop() {
    let sim = common::start().await;
    let fault = serde_json::json!({"path": "/v1/customers", "status": 429, "type": "rate_limit_error", "message": "Too many requests", "count": 1});
    let response = sim.http.post(format!("{}/_sim/faults", sim.base)).json(&fault).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let (status, body) = sim.post("/v1/customers", &[]).await;
    assert_eq!((status, body["error"]["type"].as_str()), (429, Some("rate_limit_error")));
    assert_eq!(sim.post("/v1/customers", &[]).await.0, 200);
}

#[tokio::test]
async fn a_fault_with_a_star_matches_any_id_in_that_place() {
    let sim = common::start().await;
    let fault = serde_json::json!({"path": "/v1/payment_intents/*/confirm", "status": 400, "type": "invalid_request_error",
        "code": "payment_method_not_available", "message": "Konbini is not available", "count": 1});
    sim.http.post(format!("{}/_sim/faults", sim.base)).json(&fault).send().await.unwrap();
    assert_eq!(sim.post("/v1/payment_intents/pi_other/cancel", &[]).await.0, 404, "other paths are untouched");
    let (status, body) = sim.post("/v1/payment_intents/pi_anything/confirm", &[]).await;
    assert_eq!((status, body["error"]["code"].as_str()), (400, Some("payment_method_not_available")));
    assert_eq!(sim.post("/v1/payment_intents/pi_anything/confirm", &[]).await.0, 404, "one request only");
}

#[tokio::test]
async fn a_delay_after_the_work_loses_the_answer_but_stripe_remembers_it() {
    let sim = common::start().await;
    let token = sim.confirmation_token("4242424242424242").await;
    assert_eq!(
        add_fault(&sim, json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 3000, "after": true}))
            .await,
        200
    );
    let form = [("amount", "5098"), ("currency", "usd"), ("confirm", "true"), ("confirmation_token", token.as_str())];
    let client = reqwest::Client::builder().timeout(Duration::from_millis(500)).build().unwrap();
    let request =
        client.post(format!("{}/v1/payment_intents", sim.base)).bearer_auth(common::SK).header("Idempotency-Key", "k1");
    assert!(request.form(&form).send().await.unwrap_err().is_timeout(), "the client gave up waiting");
    // The work was done: the PaymentIntent exists, and the same key replays it at once.
    let (_, list) = sim.get("/v1/payment_intents").await;
    assert_eq!(list["data"][0]["status"], "succeeded");
    let replay = sim
        .http
        .post(format!("{}/v1/payment_intents", sim.base))
        .bearer_auth(common::SK)
        .header("Idempotency-Key", "k1");
    let response = replay.form(&form).send().await.unwrap();
    assert_eq!(response.headers()["idempotent-replayed"], "true");
}

#[tokio::test]
async fn a_delay_before_the_work_holds_the_request() {
    let sim = common::start().await;
    assert_eq!(add_fault(&sim, json!({"path": "/v1/customers", "delay_ms": 400})).await, 200);
    let started = Instant::now();
    assert_eq!(sim.post("/v1/customers", &[]).await.0, 200);
    assert!(started.elapsed() >= Duration::from_millis(400));
    let started = Instant::now();
    sim.post("/v1/customers", &[]).await;
    assert!(started.elapsed() < Duration::from_millis(400), "one request only");
}

#[tokio::test]
async fn a_fault_by_chance_hits_about_that_share_of_requests() {
    let sim = common::start().await;
    let fault = json!({"path": "/v1/customers", "status": 500, "type": "api_error", "message": "down", "count": 1000, "probability": 0.3});
    assert_eq!(add_fault(&sim, fault).await, 200);
    let mut failed = 0;
    for _ in 0..200 {
        if sim.post("/v1/customers", &[]).await.0 == 500 {
            failed += 1;
        }
    }
    assert!((30..=95).contains(&failed), "{failed} of 200 at 30%");
    // Cleared, nothing fails any more.
    sim.http.delete(format!("{}/_sim/faults", sim.base)).send().await.unwrap();
    for _ in 0..20 {
        assert_eq!(sim.post("/v1/customers", &[]).await.0, 200);
    }
}

#[tokio::test]
async fn faults_that_make_no_sense_are_refused() {
    let sim = common::start().await;
    for bad in [
        json!({"path": "/v1/customers"}),
        json!({"path": "/v1/customers", "status": 500}),
        json!({"path": "/v1/customers", "status": 500, "type": "api_error", "message": "x", "after": true}),
        json!({"path": "/v1/customers", "delay_ms": 10, "count": 0}),
        json!({"path": "/v1/customers", "delay_ms": 10, "probability": 0}),
        json!({"path": "/v1/customers", "delay_ms": 10, "probability": 1.5}),
    ] {
        assert_eq!(add_fault(&sim, bad.clone()).await, 400, "{bad}");
    }
}

#[tokio::test]
async fn the_clock_refuses_to_overflow_or_go_back_and_stays_healthy() {
    let sim = common::start().await;
    for seconds in [i64::MAX.to_string(), "-60".into(), "300000000000".into()] {
        let response =
            sim.http.post(format!("{}/_sim/clock/advance?seconds={seconds}", sim.base)).send().await.unwrap();
        assert_eq!(response.status(), 400, "{seconds}");
    }
    let health = sim.http.get(format!("{}/_sim/health", sim.base)).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ok = sim.http.post(format!("{}/_sim/clock/advance?seconds=60", sim.base)).send().await.unwrap();
    assert_eq!(ok.status(), 200);
}
