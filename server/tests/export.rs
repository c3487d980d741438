//! The data export against the stand-in's generated history, read back with DuckDB (PyPI;
//! `$CHECKOUT_PYTHON`, which scripts/setup.sh installs): every object once, in its day's
//! partition, counts and sums as Stripe has them; a second run fetches only what is new; a run
//! cut short is resumed with the same window and exports nothing twice; a rate limit is waited
//! out.

use std::path::Path;
use std::time::Duration;

use checkout_server::export::{ExportConfig, Report, run, schema};
use serde_json::{Value, json};

const SK: &str = "sk_test_standin_export";

fn config(base: &str) -> ExportConfig {
    ExportConfig { secret_key: SK.into(), api_base: Some(base.into()), timeout: Duration::from_secs(20) }
}

/// What DuckDB reads in `dir` (server/tests/python/read_export.py).
fn duckdb(dir: &Path) -> Value {
    let python = std::env::var("CHECKOUT_PYTHON")
        .unwrap_or_else(|_| format!("{}/../target/python/bin/python", env!("CARGO_MANIFEST_DIR")));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/read_export.py");
    let output = std::process::Command::new(&python)
        .arg(script)
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("{python}: {e} (scripts/setup.sh installs DuckDB for Python there)"));
    assert!(output.status.success(), "DuckDB: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

async fn seed(base: &str, charges: usize, until: i64) -> Value {
    let response = reqwest::Client::new()
        .post(format!("{base}/_sim/history/seed"))
        .json(&json!({"seed": 11, "charges": charges, "days": 60, "until": until}))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    response.json().await.unwrap()
}

async fn stripe(base: &str, path: &str, form: &[(&str, &str)]) -> Value {
    let response =
        reqwest::Client::new().post(format!("{base}{path}")).bearer_auth(SK).form(form).send().await.unwrap();
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert!(status.is_success(), "{path}: {body}");
    body
}

/// A customer, a card payment and its refund, made now.
async fn new_activity(base: &str) {
    stripe(base, "/v1/customers", &[("email", "new@example.com")]).await;
    let token = stripe(base, "/v1/test_helpers/confirmation_tokens", &[("payment_method", "pm_card_visa")]).await;
    let pi = stripe(
        base,
        "/v1/payment_intents",
        &[
            ("amount", "4200"),
            ("currency", "usd"),
            ("confirm", "true"),
            ("confirmation_token", token["id"].as_str().unwrap()),
            ("automatic_payment_methods[enabled]", "true"),
            ("automatic_payment_methods[allow_redirects]", "never"),
        ],
    )
    .await;
    stripe(base, "/v1/refunds", &[("payment_intent", pi["id"].as_str().unwrap()), ("amount", "1000")]).await;
}

fn objects(report: &Report, resource: &str) -> u64 {
    report.resources.iter().find(|r| r.resource == resource).unwrap().objects
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[tokio::test]
async fn the_seeded_history_then_only_what_is_new_each_verified_by_duckdb() {
    let base = stripe_sim::spawn_on_loopback().await.unwrap();
    let seeded = seed(&base, 3_000, now() - 3_600).await;
    let dir = tempfile::tempdir().unwrap();

    let first = run(&config(&base), dir.path(), now() - 60).await.unwrap();
    let read = duckdb(dir.path());
    for (resource, count) in [
        ("charges", "charges"),
        ("refunds", "refunds"),
        ("balance_transactions", "balance_transactions"),
        ("customers", "customers"),
        ("subscriptions", "subscriptions"),
        ("prices", "prices"),
    ] {
        assert_eq!(read[resource]["rows"], seeded[count], "{resource}");
        assert_eq!(read[resource]["distinct_ids"], seeded[count], "{resource}: each object once");
        assert_eq!(read[resource]["misplaced"], 0, "{resource}: each in its day's partition");
        assert_eq!(objects(&first, resource), seeded[count].as_u64().unwrap());
    }
    assert_eq!(read["charges"]["succeeded_amount"], seeded["succeeded_amount"]);
    assert_eq!(read["charges"]["by_method"], seeded["by_method"]);
    assert_eq!(read["charges"]["created_type"], "TIMESTAMP WITH TIME ZONE");
    assert_eq!(read["refunds"]["amount"], seeded["refunded_amount"]);
    assert_eq!(read["prices"]["recurring_intervals"], json!(["month", "year"]));
    assert!(read["charges"]["days"].as_i64().unwrap() >= 59, "{read}");

    new_activity(&base).await;
    let second = run(&config(&base), dir.path(), now() + 2).await.unwrap();
    // Only the new: one customer, one charge, one refund, two balance transactions; one page
    // each (prices two: the active, then the archived).
    let fetched: Vec<u64> = ["charges", "subscriptions", "refunds", "balance_transactions", "customers", "prices"]
        .iter()
        .map(|r| objects(&second, r))
        .collect();
    assert_eq!(fetched, [1, 0, 1, 2, 1, 0]);
    assert_eq!(second.requests, 7);
    let read = duckdb(dir.path());
    assert_eq!(read["charges"]["rows"].as_i64(), seeded["charges"].as_i64().map(|n| n + 1));
    assert_eq!(read["charges"]["distinct_ids"], read["charges"]["rows"]);
    assert_eq!(read["charges"]["succeeded_amount"].as_i64(), seeded["succeeded_amount"].as_i64().map(|a| a + 4200));
    assert_eq!(read["refunds"]["amount"].as_i64(), seeded["refunded_amount"].as_i64().map(|a| a + 1000));
    assert_eq!(read["balance_transactions"]["rows"].as_i64(), seeded["balance_transactions"].as_i64().map(|n| n + 2));
}

#[tokio::test]
async fn a_run_cut_short_is_resumed_with_its_window_and_a_rate_limit_is_waited_out() {
    let base = stripe_sim::spawn_on_loopback().await.unwrap();
    let seeded = seed(&base, 600, now() - 3_600).await;
    let dir = tempfile::tempdir().unwrap();
    let faults = |fault: Value| {
        let base = base.clone();
        async move {
            let response =
                reqwest::Client::new().post(format!("{base}/_sim/faults")).json(&fault).send().await.unwrap();
            assert!(response.status().is_success());
        }
    };
    // Two 429s on the charges, then Stripe refuses the balance transactions outright.
    faults(json!({"path": "/v1/charges", "status": 429, "type": "rate_limit_error", "code": "rate_limit", "message": "Too many requests hit the API too quickly.", "count": 2})).await;
    faults(json!({"path": "/v1/balance_transactions", "status": 400, "type": "invalid_request_error", "message": "Not now.", "count": 1})).await;
    let cut_at = now() - 60;
    let failed = run(&config(&base), dir.path(), cut_at).await;
    assert!(failed.is_err(), "the refused list stops the run");
    let state: Value = serde_json::from_slice(&std::fs::read(dir.path().join("_export_state.json")).unwrap()).unwrap();
    assert_eq!(state["resources"]["charges"]["exported_until"], cut_at);
    assert_eq!(state["resources"]["balance_transactions"]["pending_until"], cut_at);

    // Resumed later: the cut resource keeps its window; the rest is exported.
    let resumed = run(&config(&base), dir.path(), now()).await.unwrap();
    let balance = resumed.resources.iter().find(|r| r.resource == "balance_transactions").unwrap();
    assert_eq!(balance.until, cut_at);
    assert_eq!(objects(&resumed, "charges"), 0);
    let read = duckdb(dir.path());
    assert_eq!(read["charges"]["rows"], seeded["charges"]);
    assert_eq!(read["balance_transactions"]["rows"], seeded["balance_transactions"]);

    // A crash after the files were written but before the cursor moved: the same window again
    // writes the same files, nothing twice.
    let mut state: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("_export_state.json")).unwrap()).unwrap();
    state["resources"]["charges"] = json!({"exported_until": 0, "pending_until": cut_at});
    std::fs::write(dir.path().join("_export_state.json"), state.to_string()).unwrap();
    let again = run(&config(&base), dir.path(), now()).await.unwrap();
    assert_eq!(objects(&again, "charges"), seeded["charges"].as_u64().unwrap());
    let read = duckdb(dir.path());
    assert_eq!(read["charges"]["rows"], seeded["charges"]);
    assert_eq!(read["charges"]["distinct_ids"], seeded["charges"]);
}

#[test]
fn the_readme_documents_each_resources_columns() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")).unwrap();
    assert!(readme.contains(&schema::markdown()), "README's schema is stale: paste `checkout-server export --schema`");
}
