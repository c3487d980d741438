//! Starts the stand-in and the checkout server on loopback ports, wired as the dev command
//! wires them.

#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::{Value, json};

pub const PK: &str = "pk_test_server_tests";
pub const SK: &str = "sk_test_server_tests";
pub const WEBHOOK_SECRET: &str = "whsec_server_tests";

pub struct Stack {
    pub server: String,
    pub sim: String,
    pub http: reqwest::Client,
}

pub async fn start_server(api_base: &str) -> String {
    start_server_with(api_base, &[]).await
}

/// The server with more configuration (`CHECKOUT_CUSTOMER`, ...).
pub async fn start_server_with(api_base: &str, extra: &[(&'static str, String)]) -> String {
    let dist = dist_dir();
    let mut vars = vec![
        ("CHECKOUT_ADDR", "127.0.0.1:0".to_owned()),
        ("STRIPE_SECRET_KEY", SK.to_owned()),
        ("STRIPE_PUBLISHABLE_KEY", PK.to_owned()),
        ("STRIPE_API_BASE", api_base.to_owned()),
        ("STRIPE_JS_URL", format!("{api_base}/endive/stripe.js")),
        ("CHECKOUT_DIST", dist.display().to_string()),
        ("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET.to_owned()),
        ("CHECKOUT_DB_PATH", temp_path("checkout.sqlite3").display().to_string()),
    ];
    // A later entry (DATABASE_URL, ...) wins.
    vars.extend_from_slice(extra);
    vars.reverse();
    let config =
        checkout_server::Config::from_lookup(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()))
            .unwrap();
    let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = checkout_server::app(checkout_server::AppState::new(config).await.unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

pub async fn start() -> Stack {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let server = start_server(&sim).await;
    Stack { server, sim, http: reqwest::Client::new() }
}

/// A fresh path in a directory of its own, for files a test server writes.
pub fn temp_path(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "checkout-server-tests-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
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

impl Stack {
    pub async fn get(&self, path: &str) -> (u16, Value) {
        let response = self.http.get(format!("{}{path}", self.server)).send().await.unwrap();
        (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> (u16, Value) {
        let response = self.http.post(format!("{}{path}", self.server)).json(body).send().await.unwrap();
        (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
    }

    /// What Stripe.js does in the browser: a ConfirmationToken from card data and the
    /// publishable key.
    pub async fn confirmation_token(&self, card: &str) -> String {
        let form = [
            ("key", PK),
            ("payment_method_data[type]", "card"),
            ("payment_method_data[card][number]", card),
            ("payment_method_data[card][exp_month]", "12"),
            ("payment_method_data[card][exp_year]", "2040"),
            ("payment_method_data[card][cvc]", "123"),
            ("return_url", "http://127.0.0.1:4242/complete"),
        ];
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

    pub fn default_items() -> Value {
        json!([{"productId": "lumen-tee", "quantity": 1}, {"productId": "ferris-mug", "quantity": 2}])
    }
}
