//! The server's own speed (issue "weight", item 5): its time per request with the stand-in's
//! latency taken out (`Server-Timing`: `app` less `stripe`), at 1 and at 50 shoppers at once,
//! for the confirm (pricing, the order, the PaymentIntent's create and confirm, the database)
//! and for the reads every page makes (`GET /api/config`, `GET /api/session`). No faults; the
//! goal is a p99 of the server's own work under 1 ms on loopback.
//!
//! Run through `bench/speed.sh` (release builds; SQLite, then PostgreSQL). Environment:
//! `LOAD_DATABASE_URL`, `SPEED_REQUESTS` (500 per endpoint and concurrency),
//! `SPEED_CONCURRENCY` ("1,50"), `SPEED_WEBHOOKS` (`paused`: the stand-in holds its events, to
//! measure what the webhooks arriving during the confirms cost them).

use std::sync::{Arc, Mutex};
use std::time::Instant;

use checkout_load::{Stack, confirmation_token, machine, percentile, rand_u128, server_own_ms};
use serde_json::json;
use tokio::sync::Semaphore;

#[derive(Default)]
struct Samples {
    own_ms: Vec<f64>,
    client_ms: Vec<f64>,
    failed: usize,
}

#[derive(Clone, Copy)]
enum Endpoint {
    Confirm,
    Config,
    Session,
}

impl Endpoint {
    fn name(self) -> &'static str {
        match self {
            Self::Confirm => "POST /api/checkout/confirm",
            Self::Config => "GET /api/config",
            Self::Session => "GET /api/session",
        }
    }
}

#[tokio::main]
async fn main() {
    let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let requests: usize = env("SPEED_REQUESTS", "500").parse().expect("SPEED_REQUESTS");
    let levels: Vec<usize> =
        env("SPEED_CONCURRENCY", "1,50").split(',').map(|n| n.trim().parse().expect("SPEED_CONCURRENCY")).collect();
    let database = std::env::var("LOAD_DATABASE_URL").expect("LOAD_DATABASE_URL");
    let stack = Stack::start(&database, &[]).await;
    let http = reqwest::Client::builder().pool_max_idle_per_host(64).build().unwrap();
    let webhooks = env("SPEED_WEBHOOKS", "on");
    if webhooks == "paused" {
        pause_webhooks(&http, &stack).await;
    }

    println!(
        "machine: {}; database: {}; webhooks: {webhooks}",
        machine(),
        if database.starts_with("postgres") { "PostgreSQL" } else { "SQLite" }
    );
    println!("{requests} requests per endpoint and concurrency, after 50 to warm up; own = Server-Timing app - stripe");
    println!(
        "{:<28} {:>5} {:>9} {:>12} {:>12} {:>14} {:>14}",
        "endpoint", "at", "req/s", "own p50 ms", "own p99 ms", "shopper p50 ms", "shopper p99 ms"
    );
    let mut worst_p99: f64 = 0.0;
    for endpoint in [Endpoint::Confirm, Endpoint::Config, Endpoint::Session] {
        run(&http, &stack, endpoint, 50, 10).await;
        for &concurrency in &levels {
            let started = Instant::now();
            let mut samples = run(&http, &stack, endpoint, requests, concurrency).await;
            let per_second = requests as f64 / started.elapsed().as_secs_f64();
            let p99 = percentile(&mut samples.own_ms, 99.0);
            worst_p99 = worst_p99.max(p99);
            println!(
                "{:<28} {:>5} {:>9.0} {:>12.3} {:>12.3} {:>14.2} {:>14.2}{}",
                endpoint.name(),
                concurrency,
                per_second,
                percentile(&mut samples.own_ms, 50.0),
                p99,
                percentile(&mut samples.client_ms, 50.0),
                percentile(&mut samples.client_ms, 99.0),
                if samples.failed > 0 { format!("  ({} failed)", samples.failed) } else { String::new() },
            );
        }
    }
    println!(
        "worst p99 of the server's own work: {worst_p99:.3} ms ({} the 1 ms goal)",
        if worst_p99 < 1.0 { "within" } else { "over" }
    );
}

/// Each confirm makes the stand-in send three events (created, charge, succeeded), which the
/// server records in transactions of their own on the same database: paused, they wait.
async fn pause_webhooks(http: &reqwest::Client, stack: &Stack) {
    let response = http.post(format!("{}/_sim/webhooks/pause", stack.sim)).send().await.unwrap();
    assert!(response.status().is_success(), "the stand-in did not pause its webhooks");
}

/// `count` requests to `endpoint`, `concurrency` at a time. A confirm's ConfirmationToken is
/// made first, outside the timing, as the page makes it before it asks the server.
async fn run(http: &reqwest::Client, stack: &Stack, endpoint: Endpoint, count: usize, concurrency: usize) -> Samples {
    let mut tokens = Vec::new();
    if let Endpoint::Confirm = endpoint {
        for _ in 0..count {
            tokens.push(confirmation_token(http, &stack.sim, "4242424242424242").await.expect("a ConfirmationToken"));
        }
    }
    let samples = Arc::new(Mutex::new(Samples::default()));
    let gate = Arc::new(Semaphore::new(concurrency));
    let mut runs = Vec::new();
    for n in 0..count {
        let (http, server, samples, gate) = (http.clone(), stack.server.clone(), samples.clone(), gate.clone());
        let token = tokens.get(n).cloned();
        runs.push(tokio::spawn(async move {
            let _slot = gate.acquire_owned().await.unwrap();
            let request = match endpoint {
                Endpoint::Confirm => http.post(format!("{server}/api/checkout/confirm")).json(&json!({
                    "attemptId": format!("speed-{:032x}", rand_u128()),
                    "confirmationTokenId": token,
                    "items": [{"productId": "lumen-tee", "quantity": 1}, {"productId": "ferris-mug", "quantity": 2}],
                })),
                Endpoint::Config => http.get(format!("{server}/api/config")),
                Endpoint::Session => http.get(format!("{server}/api/session")),
            };
            let sent = Instant::now();
            let response = request.send().await;
            let client_ms = sent.elapsed().as_secs_f64() * 1000.0;
            let mut samples = samples.lock().unwrap();
            match response {
                Ok(response) if response.status().is_success() => {
                    samples.client_ms.push(client_ms);
                    if let Some(own) = server_own_ms(response.headers()) {
                        samples.own_ms.push(own);
                    }
                }
                _ => samples.failed += 1,
            }
        }));
    }
    for run in runs {
        run.await.unwrap();
    }
    Arc::try_unwrap(samples).ok().unwrap().into_inner().unwrap()
}
