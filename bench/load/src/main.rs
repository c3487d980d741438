//! Load and faults: shoppers confirm card checkouts through the real server and the stand-in,
//! which fails Stripe calls as Stripe and networks do: 10% with a 5xx, 5% with a timeout (the
//! work is done, the answer lost) and 5% with a 429. Shoppers press Pay again as the page lets
//! them (a new ConfirmationToken, the same checkout attempt), one in ten after a decline first.
//!
//! Prints confirms per second and the server's own time per confirm (its `Server-Timing`:
//! `app` less `stripe`, so the stand-in's latency is not counted), then checks the books against
//! the stand-in and the database: every PaymentIntent has exactly one order of the same amount
//! and currency, no order has two PaymentIntents or is paid twice, every payment is settled and
//! fulfilled once, no shopper who was told "paid" is unpaid. Exits 1 if the books do not agree.
//!
//! Run through `bench/load.sh` (release builds, SQLite and PostgreSQL). Environment:
//! `LOAD_SIM_BIN`, `LOAD_SERVER_BIN`, `LOAD_DATABASE_URL`, `LOAD_SHOPPERS` (200),
//! `LOAD_CONCURRENCY` (50).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use checkout_load::{SK, Stack, confirmation_token, percentile, rand_u128, server_own_ms};
use serde_json::{Value, json};
use sqlx::Row;
use tokio::sync::Semaphore;

#[derive(Debug, Default, Clone)]
struct Timing {
    /// What the shopper waited.
    client_ms: f64,
    /// The server's own work: its whole time less the time it waited for Stripe.
    own_ms: Option<f64>,
    /// The answer's status; 0 when none came.
    status: u16,
}

#[derive(Debug)]
enum Outcome {
    Paid { order_id: String },
    GaveUp,
}

#[tokio::main]
async fn main() {
    let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let shoppers: usize = env("LOAD_SHOPPERS", "200").parse().expect("LOAD_SHOPPERS");
    let concurrency: usize = env("LOAD_CONCURRENCY", "50").parse().expect("LOAD_CONCURRENCY");
    let database = std::env::var("LOAD_DATABASE_URL").expect("LOAD_DATABASE_URL");
    // A Stripe call that takes longer than a second is a lost answer (the faults' timeouts).
    let stack = Stack::start(&database, &[("STRIPE_TIMEOUT_SECONDS", "1")]).await;
    let (sim, server) = (stack.sim.clone(), stack.server.clone());
    let http = reqwest::Client::builder().pool_max_idle_per_host(concurrency).build().unwrap();
    inject_faults(&http, &sim).await;

    let timings = Arc::new(std::sync::Mutex::new(Vec::<Timing>::new()));
    let gate = Arc::new(Semaphore::new(concurrency));
    let started = Instant::now();
    let mut runs = Vec::new();
    for n in 0..shoppers {
        let (http, sim, server, timings, gate) =
            (http.clone(), sim.clone(), server.clone(), timings.clone(), gate.clone());
        runs.push(tokio::spawn(async move {
            let _slot = gate.acquire_owned().await.unwrap();
            shop(&http, &sim, &server, n % 10 == 0, &timings).await
        }));
    }
    let mut outcomes = Vec::new();
    for run in runs {
        outcomes.push(run.await.unwrap());
    }
    let elapsed = started.elapsed();
    let paid: Vec<&String> = outcomes
        .iter()
        .filter_map(|o| if let Outcome::Paid { order_id } = o { Some(order_id) } else { None })
        .collect();

    let timings = timings.lock().unwrap().clone();
    let mut own: Vec<f64> = timings.iter().filter_map(|t| t.own_ms).collect();
    let mut client: Vec<f64> = timings.iter().map(|t| t.client_ms).collect();
    println!("database: {}", if database.starts_with("postgres") { "PostgreSQL" } else { "SQLite" });
    println!("shoppers: {shoppers} at {concurrency} in flight; paid {}; gave up {}", paid.len(), shoppers - paid.len());
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for timing in &timings {
        *statuses.entry(timing.status).or_default() += 1;
    }
    println!("confirm requests: {} (presses again included), answered {statuses:?}", timings.len());
    println!(
        "paid checkouts per second: {:.1} over {:.2} s",
        paid.len() as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64()
    );
    println!(
        "server's own time per confirm: p50 {:.2} ms, p99 {:.2} ms",
        percentile(&mut own, 50.0),
        percentile(&mut own, 99.0)
    );
    println!(
        "shopper's wait per confirm:   p50 {:.1} ms, p99 {:.1} ms",
        percentile(&mut client, 50.0),
        percentile(&mut client, 99.0)
    );

    http.delete(format!("{sim}/_sim/faults")).send().await.unwrap();
    let problems = check_books(&http, &sim, &database, &paid).await;
    if problems.is_empty() {
        println!(
            "books: OK (every PaymentIntent has one order of its amount; none paid twice; every payment settled and fulfilled once)"
        );
    } else {
        println!("books: {} problem(s)", problems.len());
        for problem in &problems {
            println!("  - {problem}");
        }
        std::process::exit(1);
    }
}

/// 10% 5xx, 5% timeouts (answer lost after the work), 5% 429 on every PaymentIntent call the
/// server makes. Faults are tried in order, so each probability is of what the earlier left.
async fn inject_faults(http: &reqwest::Client, sim: &str) {
    for (path, method) in
        [("/v1/payment_intents", "POST"), ("/v1/payment_intents/*", "GET"), ("/v1/payment_intents/*/confirm", "POST")]
    {
        let faults = [
            json!({"status": 500, "type": "api_error", "message": "injected 5xx", "probability": 0.10}),
            json!({"delay_ms": 1500, "after": true, "probability": 0.05 / 0.90}),
            json!({"status": 429, "type": "rate_limit_error", "message": "injected 429", "probability": 0.05 / 0.85}),
        ];
        for mut fault in faults {
            fault["path"] = json!(path);
            fault["method"] = json!(method);
            fault["count"] = json!(1_000_000);
            let response = http.post(format!("{sim}/_sim/faults")).json(&fault).send().await.unwrap();
            assert!(response.status().is_success(), "{}", response.text().await.unwrap());
        }
    }
}

/// One shopper: presses Pay until the answer says paid (or declined for good), as the page
/// lets them: a new ConfirmationToken each time, the same attempt.
async fn shop(
    http: &reqwest::Client,
    sim: &str,
    server: &str,
    decline_first: bool,
    timings: &std::sync::Mutex<Vec<Timing>>,
) -> Outcome {
    let attempt = format!("load-{:032x}", rand_u128());
    let mut card = if decline_first { "4000000000000002" } else { "4242424242424242" };
    for press in 0..12u32 {
        let Some(token) = confirmation_token(http, sim, card).await else { continue };
        let body = json!({"attemptId": attempt, "confirmationTokenId": token, "items": [{"productId": "lumen-tee", "quantity": 1}, {"productId": "ferris-mug", "quantity": 2}]});
        let sent = Instant::now();
        let response = http.post(format!("{server}/api/checkout/confirm")).json(&body).send().await;
        let client_ms = sent.elapsed().as_secs_f64() * 1000.0;
        let Ok(response) = response else {
            timings.lock().unwrap().push(Timing { client_ms, own_ms: None, status: 0 });
            continue;
        };
        let own_ms = server_own_ms(response.headers());
        let status = response.status().as_u16();
        timings.lock().unwrap().push(Timing { client_ms, own_ms, status });
        let retry_after = response.headers().get("retry-after").and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        let answer: Value = response.json().await.unwrap_or(Value::Null);
        match status {
            200 if answer["status"] == "succeeded" => {
                return Outcome::Paid { order_id: answer["orderId"].as_str().unwrap_or_default().to_owned() };
            }
            // Declined: this shopper tries their other card.
            402 => card = "4242424242424242",
            _ => {
                let backoff =
                    retry_after.map(Duration::from_secs).unwrap_or(Duration::from_millis(100 << press.min(4)));
                tokio::time::sleep(backoff.min(Duration::from_secs(2))).await;
            }
        }
    }
    Outcome::GaveUp
}

async fn check_books(http: &reqwest::Client, sim: &str, database: &str, told_paid: &[&String]) -> Vec<String> {
    // Webhooks settle the orders: wait until every payment is reflected (or give up).
    let mut problems = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(90);
    let (intents, orders) = loop {
        let intents = payment_intents(http, sim).await;
        let orders = orders(database).await;
        let settled = intents.iter().filter(|pi| pi["status"] == "succeeded").all(|pi| {
            orders.get(pi["metadata"]["order_id"].as_str().unwrap_or_default()).is_some_and(|o| o.status == "paid")
        });
        if settled || Instant::now() > deadline {
            break (intents, orders);
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    let mut per_order: HashMap<&str, Vec<&Value>> = HashMap::new();
    for pi in &intents {
        let order_id = pi["metadata"]["order_id"].as_str().unwrap_or_default();
        per_order.entry(order_id).or_default().push(pi);
        match orders.get(order_id) {
            None => problems.push(format!("{} has no order ({order_id:?})", pi["id"])),
            Some(order)
                if Some(order.amount) != pi["amount"].as_i64()
                    || Some(order.currency.as_str()) != pi["currency"].as_str() =>
            {
                problems.push(format!(
                    "{} is for {} {} but order {order_id} for {} {}",
                    pi["id"], pi["amount"], pi["currency"], order.amount, order.currency
                ));
            }
            Some(order) if pi["status"] == "succeeded" && (order.status != "paid" || order.fulfilments != 1) => {
                problems.push(format!(
                    "{} succeeded but order {order_id} is {} with {} fulfilment(s)",
                    pi["id"], order.status, order.fulfilments
                ));
            }
            Some(_) => {}
        }
    }
    for (order_id, pis) in &per_order {
        if pis.len() > 1 {
            problems.push(format!("order {order_id} has {} PaymentIntents", pis.len()));
        }
    }
    for (id, order) in &orders {
        if order.fulfilments > 1 || (order.fulfilments == 1) != (order.status == "paid" || order.status == "refunded") {
            problems.push(format!("order {id} is {} with {} fulfilment(s)", order.status, order.fulfilments));
        }
        if order.status == "pending" && per_order.contains_key(id.as_str()) {
            problems.push(format!("order {id} has a PaymentIntent but is still pending"));
        }
    }
    for order_id in told_paid {
        if orders.get(order_id.as_str()).is_none_or(|o| o.status != "paid") {
            problems.push(format!("a shopper was told order {order_id} is paid, but it is not"));
        }
    }
    let pending_without_payment = orders.values().filter(|o| o.status == "pending").count();
    println!(
        "stand-in: {} PaymentIntents ({} succeeded); database: {} orders ({} paid, {} pending without a payment: creates Stripe never recorded)",
        intents.len(),
        intents.iter().filter(|pi| pi["status"] == "succeeded").count(),
        orders.len(),
        orders.values().filter(|o| o.status == "paid").count(),
        pending_without_payment,
    );
    problems
}

async fn payment_intents(http: &reqwest::Client, sim: &str) -> Vec<Value> {
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut url = format!("{sim}/v1/payment_intents?limit=100");
        if let Some(after) = &after {
            url.push_str(&format!("&starting_after={after}"));
        }
        let page: Value = http.get(url).bearer_auth(SK).send().await.unwrap().json().await.unwrap();
        let data = page["data"].as_array().cloned().unwrap_or_default();
        after = data.last().and_then(|pi| pi["id"].as_str()).map(str::to_owned);
        all.extend(data);
        if page["has_more"] != true {
            return all;
        }
    }
}

struct OrderRow {
    status: String,
    amount: i64,
    currency: String,
    fulfilments: i64,
}

async fn orders(database: &str) -> HashMap<String, OrderRow> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(database).await.unwrap();
    let rows = sqlx::query(
        "SELECT o.id, o.status, o.amount, o.currency, (SELECT COUNT(*) FROM fulfilments f WHERE f.order_id = o.id) AS fulfilments FROM orders o",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    rows.iter()
        .map(|r| {
            (
                r.get("id"),
                OrderRow {
                    status: r.get("status"),
                    amount: r.get("amount"),
                    currency: r.get("currency"),
                    fulfilments: r.get("fulfilments"),
                },
            )
        })
        .collect()
}
