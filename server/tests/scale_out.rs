//! Scale out: two instances of the server (processes of the real binary) on one PostgreSQL,
//! behind a small round-robin balancer written for this test. Fifty shoppers, card and konbini,
//! go through the balancer; the stand-in delivers its webhooks through it too; one instance is
//! killed (SIGKILL) in the middle. Then the books: every payment settled and fulfilled once, no
//! order paid twice or by two PaymentIntents, every event delivered stored once, and the
//! housekeeping lease taken over by the instance that lives.
//!
//! Needs CHECKOUT_TEST_POSTGRES_URL (scripts/test.sh starts a PostgreSQL and sets it): SQLite is
//! one file on one host, not something several instances share.

mod common;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};
use common::{PK, Stack, WEBHOOK_SECRET, scalar, server_process};
use serde_json::{Value, json};

const SHOPPERS: usize = 50;
/// Every fifth shopper pays at a konbini; every seventh card shopper is declined first.
const KONBINI_EVERY: usize = 5;
const AT_ONCE: usize = 10;
/// The instance dies once this many shoppers are done, with others in flight.
const KILL_AFTER: usize = 20;

/// Hop-by-hop headers (and those the client recomputes): not forwarded.
const HOP_BY_HOP: [HeaderName; 4] =
    [header::HOST, header::CONNECTION, header::CONTENT_LENGTH, header::TRANSFER_ENCODING];

/// Round robin over loopback ports. A request is tried on the next instance only when the
/// connection was refused (it never reached one); a request cut off after it was sent may have
/// been done, so, as nginx does with a POST, the client gets a 502 and decides.
#[derive(Clone)]
struct Balancer {
    backends: Arc<Vec<u16>>,
    next: Arc<AtomicUsize>,
    /// Answers forwarded from each backend.
    served: Arc<Vec<AtomicUsize>>,
    /// Requests cut off by a dying instance (answered 502).
    cut_off: Arc<AtomicUsize>,
    http: reqwest::Client,
}

impl Balancer {
    async fn start(backends: Vec<u16>) -> (String, Self) {
        let balancer = Self {
            served: Arc::new(backends.iter().map(|_| AtomicUsize::new(0)).collect()),
            backends: Arc::new(backends),
            next: Arc::new(AtomicUsize::new(0)),
            cut_off: Arc::new(AtomicUsize::new(0)),
            // No idle connections kept: a dead instance is a refused connection, not a stale one.
            http: reqwest::Client::builder()
                .pool_max_idle_per_host(0)
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap(),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let app = axum::Router::new().fallback(forward).with_state(balancer.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        (url, balancer)
    }

    fn served(&self, backend: usize) -> usize {
        self.served[backend].load(Ordering::Relaxed)
    }
}

async fn forward(State(balancer): State<Balancer>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, 2 * 1024 * 1024).await else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    let first = balancer.next.fetch_add(1, Ordering::Relaxed);
    for i in 0..balancer.backends.len() {
        let backend = (first + i) % balancer.backends.len();
        let url = format!("http://127.0.0.1:{}{path}", balancer.backends[backend]);
        let mut forwarded = balancer.http.request(parts.method.clone(), url).body(body.clone());
        for (name, value) in parts.headers.iter().filter(|(name, _)| !HOP_BY_HOP.contains(name)) {
            forwarded = forwarded.header(name, value);
        }
        match forwarded.send().await {
            Ok(answer) => {
                let status = answer.status();
                let headers = answer.headers().clone();
                let Ok(bytes) = answer.bytes().await else { break };
                balancer.served[backend].fetch_add(1, Ordering::Relaxed);
                let mut response = (status, bytes).into_response();
                for (name, value) in headers.iter().filter(|(name, _)| !HOP_BY_HOP.contains(name)) {
                    response.headers_mut().insert(name, value.clone());
                }
                return response;
            }
            Err(err) if err.is_connect() => continue,
            Err(_) => break,
        }
    }
    balancer.cut_off.fetch_add(1, Ordering::Relaxed);
    (StatusCode::BAD_GATEWAY, Bytes::from_static(b"{\"error\":{\"type\":\"api_error\",\"message\":\"Bad Gateway\"}}"))
        .into_response()
}

/// What a shopper was told: the order and the PaymentIntent that paid it.
#[derive(Debug, Clone)]
struct Paid {
    order: String,
    payment_intent: String,
}

/// Presses Pay until the payment succeeds, as the page lets a shopper: again after a lost
/// answer (a 502 from the balancer when an instance dies, 504) or a payment still in flight
/// (409), with another card after a decline. The same attempt throughout.
async fn card_shopper(stack: Stack, declined_first: bool) -> Paid {
    let attempt = common::attempt_id();
    let mut card = if declined_first { "4000000000000002" } else { "4242424242424242" };
    for _ in 0..40 {
        let token = stack.confirmation_token(card).await;
        let body = json!({"attemptId": attempt, "confirmationTokenId": token, "items": Stack::default_items()});
        let (status, answer) = stack.post_json("/api/checkout/confirm", &body).await;
        match status {
            200 if answer["status"] == "succeeded" => {
                let field = |name: &str| answer[name].as_str().unwrap().to_owned();
                return Paid { order: field("orderId"), payment_intent: field("paymentIntentId") };
            }
            402 => card = "4242424242424242",
            409 | 502 | 503 | 504 => tokio::time::sleep(Duration::from_millis(100)).await,
            _ => panic!("confirm answered {status}: {answer}"),
        }
    }
    panic!("attempt {attempt} never paid");
}

/// Creates the konbini payment through the balancer (again if the answer is lost: each create
/// is its own order, the lost one is never confirmed) and confirms it at the stand-in as
/// Stripe.js does. Even shoppers' payments are made at once, odd ones three minutes later.
async fn konbini_shopper(stack: Stack, n: usize) -> Paid {
    let email = if n.is_multiple_of(2) {
        format!("shopper{n}+succeed_immediately@example.jp")
    } else {
        format!("shopper{n}@example.jp")
    };
    let form = json!({"items": Stack::default_items(), "name": "山田 花子", "email": email});
    let mut created = Value::Null;
    for _ in 0..40 {
        let (status, answer) = stack.post_json("/api/konbini/payments", &form).await;
        match status {
            200 => {
                created = answer;
                break;
            }
            502..=504 => tokio::time::sleep(Duration::from_millis(100)).await,
            _ => panic!("konbini create answered {status}: {answer}"),
        }
    }
    let id = created["paymentIntentId"].as_str().expect("a konbini payment was created").to_owned();
    let confirm = [
        ("key", PK),
        ("client_secret", created["clientSecret"].as_str().unwrap()),
        ("payment_method_data[type]", "konbini"),
        ("payment_method_data[billing_details][name]", "山田 花子"),
        ("payment_method_data[billing_details][email]", &email),
    ];
    let confirmed =
        stack.http.post(format!("{}/v1/payment_intents/{id}/confirm", stack.sim)).form(&confirm).send().await.unwrap();
    assert_eq!(confirmed.status(), 200, "{}", confirmed.text().await.unwrap());
    Paid { order: created["orderId"].as_str().unwrap().to_owned(), payment_intent: id }
}

/// Every PaymentIntent the stand-in holds, page by page.
async fn all_payment_intents(stack: &Stack) -> Vec<Value> {
    let mut all: Vec<Value> = Vec::new();
    loop {
        let after = all.last().map(|pi| format!("&starting_after={}", pi["id"].as_str().unwrap())).unwrap_or_default();
        let page = stack.stripe_list(&format!("/v1/payment_intents?limit=100{after}")).await;
        if page.is_empty() {
            return all;
        }
        all.extend(page);
    }
}

async fn instance_of(port: u16) -> String {
    let ready: Value = reqwest::get(format!("http://127.0.0.1:{port}/readyz")).await.unwrap().json().await.unwrap();
    assert_eq!(ready["status"], "ready", "{ready}");
    ready["instance"].as_str().unwrap().to_owned()
}

/// The ids of the events the database recorded.
async fn stored_events(database: &str) -> HashSet<String> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(database).await.unwrap();
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM webhook_events").fetch_all(&pool).await.unwrap();
    pool.close().await;
    ids.into_iter().collect()
}

/// Makes `instance` the housekeeping lease's holder, as if it had won it at start: the lease
/// then has to move when that instance dies, whichever of the two took it first.
async fn give_lease_to(database: &str, instance: &str) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(database).await.unwrap();
    sqlx::query(
        "INSERT INTO leases (name, holder, expires_at) VALUES ('housekeeping', $1, \
         CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT) + 3) \
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at",
    )
    .bind(instance)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
}

async fn lease_holder(database: &str) -> String {
    sqlx::any::install_default_drivers();
    let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(database).await.unwrap();
    let holder: Option<String> = sqlx::query_scalar("SELECT holder FROM leases WHERE name = 'housekeeping'")
        .fetch_optional(&pool)
        .await
        .unwrap();
    pool.close().await;
    holder.unwrap_or_default()
}

#[tokio::test]
async fn two_instances_on_one_postgres_one_killed_mid_run_keep_the_books() {
    let Ok(admin) = std::env::var("CHECKOUT_TEST_POSTGRES_URL") else {
        eprintln!(
            "SKIPPED: the two-instance test needs PostgreSQL: set CHECKOUT_TEST_POSTGRES_URL (scripts/test.sh does)"
        );
        return;
    };
    let started = Instant::now();
    let database = common::fresh_postgres_database(&admin).await;
    let (first_port, second_port) = (common::free_port(), common::free_port());
    let (balancer_url, balancer) = Balancer::start(vec![first_port, second_port]).await;
    let (sim, simulator) =
        stripe_sim::spawn_with(|sim| sim.set_webhook_retry(Duration::from_millis(100))).await.unwrap();
    simulator.add_webhook_endpoint(format!("{balancer_url}/api/webhooks/stripe"), WEBHOOK_SECRET);

    // One client plays every shopper: per-client limits off. Pending orders are swept as
    // abandoned after 4 s (a sweep each second, on the lease holder), so sweeps run while
    // payments settle, and the lease (3 s) changes hands within the test.
    let extra = [
        ("CHECKOUT_RATE_LIMIT_CONFIRM", "off"),
        ("CHECKOUT_RATE_LIMIT_KONBINI", "off"),
        ("CHECKOUT_RATE_LIMIT_LOOKUP", "off"),
        ("CHECKOUT_DECLINE_LIMIT", "off"),
        ("CHECKOUT_ABANDON_AFTER_SECONDS", "4"),
        ("STRIPE_TIMEOUT_SECONDS", "5"),
    ];
    let logs = [common::temp_path("first.log"), common::temp_path("second.log")];
    eprintln!("instances' output: {} {}", logs[0].display(), logs[1].display());
    // Both start at once: their migrations run side by side on the empty database.
    let (mut first, _second) = tokio::join!(
        server_process(first_port, &sim, &database, &extra, Some(&logs[0])),
        server_process(second_port, &sim, &database, &extra, Some(&logs[1])),
    );
    let (first_instance, second_instance) = (instance_of(first_port).await, instance_of(second_port).await);
    assert_ne!(first_instance, second_instance);
    // The instance to be killed holds the lease, so that its death must move it.
    give_lease_to(&database, &first_instance).await;

    let control = Stack::new(balancer_url.clone(), sim.clone());
    // Each PaymentIntent create is done at once but answered 250 ms later: the instance that is
    // killed dies with payments made at Stripe that it never recorded nor answered.
    control
        .fault(
            json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 250, "after": true, "count": 10_000}),
        )
        .await;

    let done = Arc::new(AtomicUsize::new(0));
    let gate = Arc::new(tokio::sync::Semaphore::new(AT_ONCE));
    let mut shoppers = tokio::task::JoinSet::new();
    for n in 0..SHOPPERS {
        let (stack, done, gate) = (Stack::new(balancer_url.clone(), sim.clone()), done.clone(), gate.clone());
        shoppers.spawn(async move {
            let _turn = gate.acquire_owned().await.unwrap();
            let paid = if n % KONBINI_EVERY == 0 {
                konbini_shopper(stack, n).await
            } else {
                card_shopper(stack, n % 7 == 1).await
            };
            done.fetch_add(1, Ordering::Relaxed);
            (n, paid)
        });
    }
    while done.load(Ordering::Relaxed) < KILL_AFTER {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let served_before_the_kill = [balancer.served(0), balancer.served(1)];
    assert_eq!(lease_holder(&database).await, first_instance, "the instance killed holds the lease until it dies");
    first.start_kill().unwrap();
    let killed = first.wait().await.unwrap();
    assert_eq!(std::os::unix::process::ExitStatusExt::signal(&killed), Some(9), "SIGKILL");
    assert!(served_before_the_kill.iter().all(|n| *n > 0), "both instances served: {served_before_the_kill:?}");

    let mut told_paid: Vec<Paid> = Vec::new();
    while let Some(shopper) = shoppers.join_next().await {
        told_paid.push(shopper.unwrap().1);
    }
    assert_eq!(told_paid.len(), SHOPPERS);
    // The konbini payments due "three minutes later" are made (the stand-in's clock).
    control.http.post(format!("{sim}/_sim/clock/advance?seconds=181")).send().await.unwrap();

    // Settled: every succeeded PaymentIntent's order paid, every event delivered, and no new
    // delivery since the last look.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut attempts_seen = usize::MAX;
    let (intents, attempts) = loop {
        let intents = all_payment_intents(&control).await;
        let attempts: Vec<Value> =
            control.http.get(format!("{sim}/_sim/webhooks/attempts")).send().await.unwrap().json().await.unwrap();
        let delivered: HashSet<&str> = attempts
            .iter()
            .filter(|a| a["status"].as_u64().is_some_and(|s| (200..300).contains(&s)))
            .map(|a| a["event_id"].as_str().unwrap())
            .collect();
        let events: HashSet<&str> = attempts.iter().map(|a| a["event_id"].as_str().unwrap()).collect();
        let succeeded = intents.iter().filter(|pi| pi["status"] == "succeeded").count();
        let paid = scalar(&database, "SELECT COUNT(*) FROM orders WHERE status = 'paid'").await as usize;
        let quiet = attempts.len() == attempts_seen;
        attempts_seen = attempts.len();
        if (succeeded == SHOPPERS && paid == SHOPPERS && delivered.len() == events.len() && quiet)
            || Instant::now() > deadline
        {
            break (intents, attempts);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };

    // Stripe's side: one succeeded PaymentIntent per shopper, the one each was told of.
    let succeeded: Vec<&Value> = intents.iter().filter(|pi| pi["status"] == "succeeded").collect();
    assert_eq!(succeeded.len(), SHOPPERS, "one payment per shopper");
    let mut intents_per_order: HashMap<&str, usize> = HashMap::new();
    for intent in &intents {
        *intents_per_order.entry(intent["metadata"]["order_id"].as_str().unwrap()).or_default() += 1;
    }
    assert!(intents_per_order.values().all(|n| *n == 1), "no order has two PaymentIntents: {intents_per_order:?}");
    let told: HashSet<&str> = told_paid.iter().map(|p| p.payment_intent.as_str()).collect();
    let charged: HashSet<&str> = succeeded.iter().map(|pi| pi["id"].as_str().unwrap()).collect();
    assert_eq!(told, charged, "every shopper told 'paid' was charged, and no one else");

    // Our side: every PaymentIntent has its order, of its amount; paid ones fulfilled once.
    for intent in &intents {
        let order_id = intent["metadata"]["order_id"].as_str().unwrap();
        let order = control.order(order_id).await;
        assert_eq!(
            (&order["amount"], &order["currency"]),
            (&intent["amount"], &intent["currency"]),
            "{order} {intent}"
        );
        if intent["status"] == "succeeded" {
            assert_eq!(
                (order["status"].as_str(), order["paymentIntentId"].as_str()),
                (Some("paid"), intent["id"].as_str())
            );
            assert_eq!(common::fulfilments(&database, order_id).await, 1, "{order_id} fulfilled once");
        } else {
            assert_ne!(order["status"], "paid", "{order}");
        }
    }
    for paid in &told_paid {
        assert_eq!(control.order(&paid.order).await["status"], "paid", "{paid:?}");
    }
    assert_eq!(scalar(&database, "SELECT COUNT(*) FROM fulfilments").await, SHOPPERS as i64, "no double fulfilment");
    let unpaid_fulfilled =
        "SELECT COUNT(*) FROM fulfilments f JOIN orders o ON o.id = f.order_id WHERE o.status <> 'paid'";
    assert_eq!(scalar(&database, unpaid_fulfilled).await, 0);
    assert_eq!(scalar(&database, "SELECT COUNT(*) FROM orders WHERE status = 'needs_review'").await, 0);

    // No lost event: each one the stand-in sent was finally acknowledged, and stored once.
    let events: HashSet<&str> = attempts.iter().map(|a| a["event_id"].as_str().unwrap()).collect();
    let acknowledged: HashSet<&str> = attempts
        .iter()
        .filter(|a| a["status"].as_u64().is_some_and(|s| (200..300).contains(&s)))
        .map(|a| a["event_id"].as_str().unwrap())
        .collect();
    assert_eq!(acknowledged, events, "every event acknowledged");
    let stored = stored_events(&database).await;
    assert_eq!(
        stored.len(),
        events.len(),
        "each stored once: {:?}",
        stored.symmetric_difference(&events.iter().map(|e| e.to_string()).collect()).collect::<Vec<_>>()
    );
    assert!(events.iter().all(|e| stored.contains(*e)), "every event stored");

    // The instance that lives holds the housekeeping lease (the dead one's expired).
    let mut holder = String::new();
    for _ in 0..100 {
        holder = lease_holder(&database).await;
        if holder == second_instance {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(holder, second_instance, "the lease moved to the living instance");
    let metrics = common::scrape(&format!("http://127.0.0.1:{second_port}"), None).await;
    assert_eq!(common::metric(&metrics, "checkout_housekeeping_leader", &[]), 1.0);

    eprintln!(
        "{SHOPPERS} shoppers through 2 instances in {:.1} s: {} answers from the first before its SIGKILL, {} requests cut off by it, {} PaymentIntents, {} events, {} delivery attempts",
        started.elapsed().as_secs_f64(),
        served_before_the_kill[0],
        balancer.cut_off.load(Ordering::Relaxed),
        intents.len(),
        events.len(),
        attempts.len()
    );
}
