//! What the load and speed benchmarks share: the release stand-in and server as processes, a
//! ConfirmationToken as Stripe.js makes one, and reading the server's `Server-Timing`.

use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::process::{Child, Command};

pub const SK: &str = "sk_test_load";
pub const PK: &str = "pk_test_load";
pub const WEBHOOK_SECRET: &str = "whsec_load";

/// The stand-in and the checkout server, each on a free loopback port; both stop when dropped.
pub struct Stack {
    pub sim: String,
    pub server: String,
    _processes: (Child, Child),
}

impl Stack {
    /// Starts the binaries of `LOAD_SIM_BIN` and `LOAD_SERVER_BIN` (the release builds by
    /// default) on `database`, with `server_env` added to the server's environment.
    pub async fn start(database: &str, server_env: &[(&str, &str)]) -> Self {
        let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
        let (sim_port, server_port) = (free_port(), free_port());
        let sim = format!("http://127.0.0.1:{sim_port}");
        let server = format!("http://127.0.0.1:{server_port}");
        let sim_process = spawn(
            &env("LOAD_SIM_BIN", "target/release/stripe-sim"),
            &[
                ("STRIPE_SIM_ADDR", format!("127.0.0.1:{sim_port}")),
                ("STRIPE_SIM_WEBHOOK_URL", format!("{server}/api/webhooks/stripe")),
                ("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET.into()),
                ("STRIPE_SIM_WEBHOOK_RETRY_MS", "200".into()),
                ("RUST_LOG", "error".into()),
            ],
        );
        wait_for(&format!("{sim}/_sim/health")).await;
        let dist = std::env::temp_dir().join("checkout-load-dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
        let mut vars = vec![
            ("CHECKOUT_ADDR", format!("127.0.0.1:{server_port}")),
            ("STRIPE_SECRET_KEY", SK.into()),
            ("STRIPE_PUBLISHABLE_KEY", PK.into()),
            ("STRIPE_API_BASE", sim.clone()),
            ("STRIPE_JS_URL", format!("{sim}/endive/stripe.js")),
            ("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET.into()),
            ("DATABASE_URL", database.to_owned()),
            ("CHECKOUT_DIST", dist.display().to_string()),
            // One machine plays every shopper: per-client limits would measure themselves.
            ("CHECKOUT_RATE_LIMIT_CONFIRM", "off".into()),
            ("CHECKOUT_DECLINE_LIMIT", "off".into()),
            ("RUST_LOG", "error".into()),
        ];
        vars.extend(server_env.iter().map(|(k, v)| (*k, (*v).to_owned())));
        let server_process = spawn(&env("LOAD_SERVER_BIN", "target/release/checkout-server"), &vars);
        wait_for(&format!("{server}/api/config")).await;
        Self { sim, server, _processes: (sim_process, server_process) }
    }
}

/// The machine the figures were taken on.
pub fn machine() -> String {
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().next()?.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map(|kb| format!("{:.0} GiB", kb / 1_048_576.0))
        .unwrap_or_default();
    format!("{} cores, {memory}", std::thread::available_parallelism().map_or(0, |n| n.get()))
}

pub fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    values[((p / 100.0) * (values.len() - 1) as f64).round() as usize]
}

pub fn spawn(binary: &str, env: &[(&str, String)]) -> Child {
    let mut command = Command::new(binary);
    command.envs(env.iter().map(|(k, v)| (*k, v.as_str()))).stdout(Stdio::null()).kill_on_drop(true);
    command.spawn().unwrap_or_else(|e| panic!("cannot start {binary}: {e}"))
}

pub async fn wait_for(url: &str) {
    for _ in 0..300 {
        if reqwest::get(url).await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{url} did not answer");
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub fn rand_u128() -> u128 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(Instant::now().elapsed().as_nanos());
    (u128::from(hasher.finish()) << 64)
        | u128::from(std::collections::hash_map::RandomState::new().build_hasher().finish())
}

/// `Server-Timing: app;dur=X, stripe;dur=Y` → X − Y.
pub fn server_own_ms(headers: &reqwest::header::HeaderMap) -> Option<f64> {
    let timing = headers.get("server-timing")?.to_str().ok()?;
    let value = |name: &str| -> Option<f64> {
        timing.split(',').find_map(|part| part.trim().strip_prefix(name)?.strip_prefix(";dur=")?.parse().ok())
    };
    Some(value("app")? - value("stripe")?)
}

/// What Stripe.js does: a ConfirmationToken from card data and the publishable key.
pub async fn confirmation_token(http: &reqwest::Client, sim: &str, card: &str) -> Option<String> {
    let form = stripe_sim::card_token_form(PK, card);
    let token: Value =
        http.post(format!("{sim}/v1/confirmation_tokens")).form(&form).send().await.ok()?.json().await.ok()?;
    token["id"].as_str().map(str::to_owned)
}
