//! Starts the stand-in and the checkout server on loopback ports, wired as the dev command
//! wires them, and what the tests ask of them.

#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use sqlx::Row;
use sqlx::any::AnyPoolOptions;

pub const PK: &str = "pk_test_server_tests";
pub const SK: &str = "sk_test_server_tests";
pub const WEBHOOK_SECRET: &str = "whsec_server_tests";

pub struct Stack {
    pub server: String,
    pub sim: String,
    /// Keeps cookies, as a browser does (the session cookie).
    pub http: reqwest::Client,
}

pub async fn start_server(api_base: &str) -> String {
    start_server_with(api_base, &[]).await
}

/// The server's environment as the dev command sets it, then `extra` (a later entry wins).
fn environment(api_base: &str, extra: &[(&'static str, String)]) -> Vec<(&'static str, String)> {
    let mut vars = vec![
        ("CHECKOUT_ADDR", "127.0.0.1:0".to_owned()),
        ("STRIPE_SECRET_KEY", SK.to_owned()),
        ("STRIPE_PUBLISHABLE_KEY", PK.to_owned()),
        ("STRIPE_API_BASE", api_base.to_owned()),
        ("STRIPE_JS_URL", format!("{api_base}/endive/stripe.js")),
        ("CHECKOUT_DIST", dist_dir().display().to_string()),
        ("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET.to_owned()),
        ("CHECKOUT_DB_PATH", temp_path("checkout.sqlite3").display().to_string()),
    ];
    vars.extend_from_slice(extra);
    vars.reverse();
    vars
}

/// The server with more configuration (`CHECKOUT_DEMO_CUSTOMER`, `DATABASE_URL`, ...).
pub async fn start_server_with(api_base: &str, extra: &[(&'static str, String)]) -> String {
    start_server_until(api_base, extra, std::future::pending()).await.0
}

/// The server until `shutdown` completes (then it stops as on SIGTERM), and its task.
pub async fn start_server_until(
    api_base: &str,
    extra: &[(&'static str, String)],
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> (String, tokio::task::JoinHandle<std::io::Result<bool>>) {
    let vars = environment(api_base, extra);
    let config =
        checkout_server::Config::from_lookup(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()))
            .unwrap();
    let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let state = checkout_server::AppState::new(config).await.unwrap();
    (url, tokio::spawn(checkout_server::serve(listener, state, shutdown)))
}

pub async fn start() -> Stack {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let server = start_server(&sim).await;
    Stack::new(server, sim)
}

/// The stand-in sending events to the server's webhook endpoint, and the server on `database`
/// with `extra` configuration.
pub async fn with_webhooks(database: &str, extra: &[(&'static str, String)]) -> Stack {
    let (sim, simulator) =
        stripe_sim::spawn_with(|sim| sim.set_webhook_retry(Duration::from_millis(100))).await.unwrap();
    let mut vars = vec![("DATABASE_URL", database.to_owned())];
    vars.extend_from_slice(extra);
    let server = start_server_with(&sim, &vars).await;
    simulator.add_webhook_endpoint(format!("{server}/api/webhooks/stripe"), WEBHOOK_SECRET);
    Stack::new(server, sim)
}

/// The databases order tests run on: SQLite, and PostgreSQL when `CHECKOUT_TEST_POSTGRES_URL`
/// names a cluster (scripts/test.sh starts one).
pub async fn databases() -> Vec<String> {
    let mut urls = vec![sqlite_url()];
    match std::env::var("CHECKOUT_TEST_POSTGRES_URL") {
        Ok(admin) => urls.push(fresh_postgres_database(&admin).await),
        Err(_) => eprintln!("PostgreSQL not tested here: set CHECKOUT_TEST_POSTGRES_URL (scripts/test.sh does)"),
    }
    urls
}

pub fn sqlite_url() -> String {
    format!("sqlite://{}?mode=rwc", temp_path("orders.sqlite3").display())
}

/// A database of its own on the test cluster, so tests can run side by side.
pub async fn fresh_postgres_database(admin: &str) -> String {
    sqlx::any::install_default_drivers();
    let name = format!("checkout_test_{}", unique());
    let pool = AnyPoolOptions::new().max_connections(1).connect(admin).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&pool).await.unwrap();
    pool.close().await;
    format!("{}/{name}", admin.rsplit_once('/').unwrap().0)
}

/// Unique within this test run.
pub fn unique() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{}_{}_{n}", std::process::id(), SystemTime::now().duration_since(UNIX_EPOCH).unwrap().subsec_nanos())
}

/// A checkout attempt id, as the page makes one.
pub fn attempt_id() -> String {
    format!("attempt-{}", unique())
}

/// A fresh path in a directory of its own, for files a test server writes.
pub fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("checkout-server-tests-{}", unique()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A stand-in for the Trunk build: an index.html the SPA fallback serves.
fn dist_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("checkout-server-test-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>Checkout</title><div id=app></div>").unwrap();
    dir
}

/// One value from the database (`sql` with one `$1`).
pub async fn count(database: &str, sql: &str, bind: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new().max_connections(1).connect(database).await.unwrap();
    let n: i64 = sqlx::query(sql).bind(bind).fetch_one(&pool).await.unwrap().try_get(0).unwrap();
    pool.close().await;
    n
}

/// One value from the database (`sql` without parameters).
pub async fn scalar(database: &str, sql: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new().max_connections(1).connect(database).await.unwrap();
    let n: i64 = sqlx::query(sql).fetch_one(&pool).await.unwrap().try_get(0).unwrap();
    pool.close().await;
    n
}

pub async fn fulfilments(database: &str, order: &str) -> i64 {
    count(database, "SELECT COUNT(*) FROM fulfilments WHERE order_id = $1", order).await
}

/// The server binary as a process of its own (so it can die or be stopped), on `port`, with
/// `extra` environment; its output goes to `output` when given.
pub async fn server_process(
    port: u16,
    sim: &str,
    database: &str,
    extra: &[(&str, &str)],
    output: Option<&std::path::Path>,
) -> tokio::process::Child {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_checkout-server"));
    for (name, value) in environment(sim, &[]) {
        command.env(name, value);
    }
    command
        .env("CHECKOUT_ADDR", format!("127.0.0.1:{port}"))
        .env("DATABASE_URL", database)
        .env("RUST_LOG", "warn")
        .kill_on_drop(true);
    for (name, value) in extra {
        command.env(name, value);
    }
    if let Some(path) = output {
        let file = std::fs::File::create(path).unwrap();
        command.stdout(file.try_clone().unwrap()).stderr(file);
    }
    let child = command.spawn().unwrap();
    let http = reqwest::Client::new();
    for _ in 0..200 {
        if http.get(format!("http://127.0.0.1:{port}/api/config")).send().await.is_ok() {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not start");
}

/// Signs as Stripe does, independently of the server's code.
pub fn signed(payload: &str) -> String {
    let t = chrono::Utc::now().timestamp();
    let mut mac = Hmac::<Sha256>::new_from_slice(WEBHOOK_SECRET.as_bytes()).unwrap();
    mac.update(format!("{t}.{payload}").as_bytes());
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

pub async fn post_event(http: &reqwest::Client, server: &str, event: &Value) -> u16 {
    let payload = event.to_string();
    let response = http
        .post(format!("{server}/api/webhooks/stripe"))
        .header("Stripe-Signature", signed(&payload))
        .header("Content-Type", "application/json")
        .body(payload)
        .send()
        .await
        .unwrap();
    response.status().as_u16()
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Stack {
    pub fn new(server: String, sim: String) -> Self {
        Self { server, sim, http: reqwest::Client::builder().cookie_store(true).build().unwrap() }
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        let response = self.http.get(format!("{}{path}", self.server)).send().await.unwrap();
        (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> (u16, Value) {
        let response = self.http.post(format!("{}{path}", self.server)).json(body).send().await.unwrap();
        (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
    }

    /// POSTs `body` expecting a 429: its `Retry-After` (seconds) and Stripe-shaped error.
    pub async fn refused_for_now(&self, path: &str, body: &Value) -> (u64, Value) {
        let response = self.http.post(format!("{}{path}", self.server)).json(body).send().await.unwrap();
        assert_eq!(response.status(), 429, "{path}");
        let wait = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            (body["error"]["type"].as_str(), body["error"]["code"].as_str()),
            (Some("rate_limit_error"), Some("rate_limit"))
        );
        (wait, body)
    }

    /// What Stripe.js does in the browser: a ConfirmationToken from card data and the
    /// publishable key.
    pub async fn confirmation_token(&self, card: &str) -> String {
        let form = stripe_sim::card_token_form(PK, card);
        let token: Value = self
            .http
            .post(format!("{}/v1/confirmation_tokens", self.sim))
            .form(&form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        token["id"].as_str().unwrap().to_owned()
    }

    /// A confirm body for the default cart with `token`, as a new checkout attempt.
    pub fn checkout(token: &str) -> Value {
        json!({"attemptId": attempt_id(), "confirmationTokenId": token, "items": Stack::default_items()})
    }

    /// Confirms the default cart with a new token for `card`, as a new attempt.
    pub async fn pay(&self, card: &str) -> Value {
        let token = self.confirmation_token(card).await;
        self.post_json("/api/checkout/confirm", &Stack::checkout(&token)).await.1
    }

    /// A list from the stand-in's API (`/v1/...`, newest first), read with the secret key: what
    /// Stripe holds.
    pub async fn stripe_list(&self, path: &str) -> Vec<Value> {
        let list: Value =
            self.http.get(format!("{}{path}", self.sim)).bearer_auth(SK).send().await.unwrap().json().await.unwrap();
        list["data"].as_array().unwrap().clone()
    }

    /// A form POST to the stand-in's API with the secret key.
    pub async fn stripe_post(&self, path: &str, form: &[(&str, &str)]) -> Value {
        self.http
            .post(format!("{}{path}", self.sim))
            .bearer_auth(SK)
            .form(form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// The stand-in's PaymentIntents, newest first.
    pub async fn stripe_payment_intents(&self) -> Vec<Value> {
        self.stripe_list("/v1/payment_intents?limit=100").await
    }

    /// A JSON POST to the stand-in's test controls (`/_sim/...`).
    pub async fn sim_post(&self, path: &str, body: Value) -> Value {
        self.http.post(format!("{}{path}", self.sim)).json(&body).send().await.unwrap().json().await.unwrap()
    }

    /// The next requests to `path` (`*` for a segment) fail at the stand-in as Stripe would.
    pub async fn fault(&self, fault: Value) {
        let response = self.http.post(format!("{}/_sim/faults", self.sim)).json(&fault).send().await.unwrap();
        assert!(response.status().is_success(), "fault {fault}: {}", response.text().await.unwrap());
    }

    pub async fn order(&self, id: &str) -> Value {
        self.get(&format!("/api/orders/{id}")).await.1
    }

    pub async fn wait_for_status(&self, id: &str, status: &str) -> Value {
        for _ in 0..150 {
            let order = self.order(id).await;
            if order["status"] == status {
                return order;
            }
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
        panic!("order {id} never became {status}: {}", self.order(id).await);
    }

    pub async fn events(&self, kind: &str) -> Vec<Value> {
        self.stripe_list(&format!("/v1/events?limit=100&type={kind}")).await
    }

    /// The event of `kind` about this order's PaymentIntent.
    pub async fn event_for(&self, kind: &str, order: &Value) -> Value {
        let pi = order["paymentIntentId"].as_str().unwrap();
        self.events(kind)
            .await
            .into_iter()
            .find(|e| e["data"]["object"]["id"] == pi || e["data"]["object"]["payment_intent"] == pi)
            .unwrap_or_else(|| panic!("no {kind} for {pi}"))
    }

    pub fn default_items() -> Value {
        json!([{"productId": "lumen-tee", "quantity": 1}, {"productId": "ferris-mug", "quantity": 2}])
    }
}

/// `GET /metrics` of `server` (with `token` as a Bearer token, if any): Prometheus' text.
pub async fn scrape(server: &str, token: Option<&str>) -> String {
    let mut request = reqwest::Client::new().get(format!("{server}/metrics"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200, "GET /metrics");
    response.text().await.unwrap()
}

/// The value of the series `name` with exactly `labels` (in any order) in Prometheus' text
/// format; 0 when there is no such series (a counter not yet counted).
pub fn metric(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((series, value)) = line.rsplit_once(' ') else { continue };
        let (series_name, series_labels) = match series.split_once('{') {
            Some((n, rest)) => (n, rest.trim_end_matches('}')),
            None => (series, ""),
        };
        if series_name != name {
            continue;
        }
        let mut found: Vec<(String, String)> = split_labels(series_labels);
        let mut wanted: Vec<(String, String)> = labels.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        found.sort();
        wanted.sort();
        if found == wanted {
            return value.parse().unwrap();
        }
    }
    0.0
}

/// `a="x",b="y"` (values may hold commas and escaped quotes) -> pairs.
fn split_labels(text: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let mut rest = text;
    while let Some((key, after)) = rest.split_once("=\"") {
        let mut value = String::new();
        let mut chars = after.char_indices();
        let mut end = after.len();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, escaped)) = chars.next() {
                        value.push(escaped);
                    }
                }
                '"' => {
                    end = i + 1;
                    break;
                }
                c => value.push(c),
            }
        }
        pairs.push((key.trim_start_matches(',').to_owned(), value));
        rest = &after[end..];
    }
    pairs
}
