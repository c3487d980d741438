//! The operator's confirmed upload applied in the background (the email jobs): every account
//! updated at the stand-in once, progress and results to read, Stripe's rate limit waited out,
//! refusals kept as results, bad updates refused whole, a job resumed by the next instance after
//! a stop, and two instances on one PostgreSQL sharing a job without updating an account twice.

mod common;

use std::time::Duration;

use account_emails::{KnownAccounts, RESULTS_HEADER};
use common::{Stack, metric, scrape};
use serde_json::{Value, json};

const TOKEN: &str = "operator-token-0123456789";
const UPDATED: [(&str, &str); 2] = [("endpoint", "POST /v1/accounts/{id}"), ("status", "200")];

fn operator() -> Vec<(&'static str, String)> {
    vec![("CHECKOUT_OPERATOR_TOKEN", TOKEN.to_owned())]
}

async fn signed_in(server: String, sim: &str) -> Stack {
    let stack = Stack::new(server, sim.to_owned());
    let (status, _) = stack.post_json("/api/operator/session", &json!({"token": TOKEN})).await;
    assert_eq!(status, 200);
    stack
}

/// `count` new accounts without email at the stand-in, and the updates giving each one.
async fn accounts_and_updates(stack: &Stack, count: usize) -> Vec<Value> {
    stack.sim_post("/_sim/accounts/seed", json!({"count": count, "email": false})).await;
    let known = known(stack).await;
    let mut updates: Vec<Value> = known
        .iter()
        .map(|(id, _)| json!({"accountId": id, "email": format!("{}@new.example.com", &id[5..])}))
        .collect();
    updates.sort_by_key(|u| u["accountId"].as_str().unwrap().to_owned());
    updates
}

/// The accounts and their emails, as the operator's page reads them.
async fn known(stack: &Stack) -> KnownAccounts {
    let response = stack.http.get(format!("{}/api/operator/emails/accounts", stack.server)).send().await.unwrap();
    serde_json::from_slice(&response.bytes().await.unwrap()).unwrap()
}

/// Polls the job until it is done (at most 60 s).
async fn until_done(stack: &Stack, job: &str) -> Value {
    for _ in 0..600 {
        let (status, view) = stack.get(&format!("/api/operator/emails/jobs/{job}")).await;
        assert_eq!(status, 200, "{view}");
        if view["status"] == "done" {
            return view;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("job {job} not done in 60 s");
}

fn assert_every_email_set(known: &KnownAccounts, updates: &[Value]) {
    for update in updates {
        let id = update["accountId"].as_str().unwrap();
        assert_eq!(known.current_email(id), Some(update["email"].as_str()), "{id}");
    }
}

#[tokio::test]
async fn a_confirmed_upload_updates_every_account_once_and_shows_its_progress_and_results() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let stack = signed_in(common::start_server_with(&sim, &operator()).await, &sim).await;
    let updates = accounts_and_updates(&stack, 120).await;

    // Stripe's answers take 20 ms: the job runs for a moment.
    stack.fault(json!({"path": "/v1/accounts/*", "method": "POST", "delay_ms": 20, "count": 1000})).await;
    let (status, job) = stack.post_json("/api/operator/emails/jobs", &json!({"updates": updates})).await;
    assert_eq!(status, 201, "{job}");
    assert!(job["id"].as_str().unwrap().starts_with("emailjob_"));
    assert_eq!(job["total"], 120);
    let id = job["id"].as_str().unwrap().to_owned();
    // The same upload confirmed again while it runs (a second press, the file sent twice): the
    // same job.
    let (again, same) = stack.post_json("/api/operator/emails/jobs", &json!({"updates": updates})).await;
    assert_eq!((again, same["id"].as_str()), (200, Some(id.as_str())));
    let done = until_done(&stack, &id).await;
    assert_eq!(
        (done["updated"].as_i64(), done["failed"].as_i64(), done["pending"].as_i64()),
        (Some(120), Some(0), Some(0))
    );
    assert!(done["finishedAt"].as_i64().unwrap() >= done["createdAt"].as_i64().unwrap());
    assert_every_email_set(&known(&stack).await, &updates);

    let results =
        stack.http.get(format!("{}/api/operator/emails/jobs/{id}/results", stack.server)).send().await.unwrap();
    assert_eq!(results.headers()["content-disposition"], "attachment; filename=\"Email updates.csv\"");
    let text = results.text().await.unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split_terminator("\r\n").collect();
    assert_eq!(lines[0], RESULTS_HEADER);
    assert_eq!(lines.len(), 121);
    assert!(lines[1..].iter().all(|l| l.ends_with(",updated,")), "{}", lines[1]);

    // One call per account: the second confirmation asked Stripe nothing.
    assert_eq!(metric(&scrape(&stack.server, None).await, "checkout_stripe_requests_total", &UPDATED), 120.0);
}

#[tokio::test]
async fn stripes_rate_limit_is_waited_out_and_a_refusal_is_the_accounts_result() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let stack = signed_in(common::start_server_with(&sim, &operator()).await, &sim).await;
    let mut updates = accounts_and_updates(&stack, 30).await;
    // Not an account of this platform: Stripe refuses it.
    updates.push(json!({"accountId": "acct_1NotOurs000000", "email": "x@example.com"}));
    stack
        .fault(json!({"path": "/v1/accounts/*", "method": "POST", "status": 429, "type": "rate_limit_error",
                      "code": "rate_limit", "message": "Too many requests", "count": 12}))
        .await;
    let (status, job) = stack.post_json("/api/operator/emails/jobs", &json!({"updates": updates})).await;
    assert_eq!(status, 201, "{job}");
    let done = until_done(&stack, job["id"].as_str().unwrap()).await;
    assert_eq!((done["updated"].as_i64(), done["failed"].as_i64()), (Some(30), Some(1)), "{done}");
    assert_every_email_set(&known(&stack).await, &updates[..30]);
    let results = stack
        .http
        .get(format!("{}/api/operator/emails/jobs/{}/results", stack.server, job["id"].as_str().unwrap()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let refused = results.lines().find(|l| l.starts_with("acct_1NotOurs000000,")).unwrap();
    assert!(
        refused.contains(",failed,") && refused.len() > "acct_1NotOurs000000,x@example.com,failed,".len(),
        "{refused}"
    );
    let text = scrape(&stack.server, None).await;
    let limited = [("endpoint", "POST /v1/accounts/{id}"), ("status", "429")];
    assert_eq!(metric(&text, "checkout_stripe_requests_total", &limited), 12.0, "every 429 was met and waited out");
}

#[tokio::test]
async fn bad_updates_are_refused_whole_and_store_nothing() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let server = common::start_server_with(&sim, &operator()).await;
    let stranger = Stack::new(server.clone(), sim.clone());
    let good = json!({"accountId": "acct_1Good", "email": "good@example.com"});
    let (status, _) = stranger.post_json("/api/operator/emails/jobs", &json!({"updates": [good]})).await;
    assert_eq!(status, 401, "only the operator");

    let stack = signed_in(server, &sim).await;
    let cases = [
        (json!({"updates": []}), "updates"),
        (json!({"updates": [good, {"accountId": "cus_123", "email": "a@example.com"}]}), "updates[1].accountId"),
        (json!({"updates": [good, {"accountId": "acct_2", "email": "a@b"}]}), "updates[1].email"),
        (json!({"updates": [good, {"accountId": "acct_1Good", "email": "other@example.com"}]}), "updates[1].accountId"),
    ];
    for (body, param) in cases {
        let (status, error) = stack.post_json("/api/operator/emails/jobs", &body).await;
        assert_eq!((status, error["error"]["param"].as_str()), (400, Some(param)), "{body}: {error}");
        assert_eq!(error["error"]["type"], "invalid_request_error");
    }
    let (status, error) = stack.post_json("/api/operator/emails/jobs", &json!({"updates": [good], "extra": 1})).await;
    assert_eq!(status, 422, "{error}");
    let (status, _) = stack.get("/api/operator/emails/jobs/emailjob_nope").await;
    assert_eq!(status, 404);
    // Nothing was stored: the one good update makes a new job now.
    let (status, _) = stack.post_json("/api/operator/emails/jobs", &json!({"updates": [good]})).await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn a_job_left_by_a_stopped_instance_is_finished_by_the_next() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let database = common::sqlite_url();
    let mut env = operator();
    env.push(("DATABASE_URL", database.clone()));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (first, serving) = common::start_server_until(&sim, &env, async move {
        let _ = stopped.await;
    })
    .await;
    let stack = signed_in(first, &sim).await;
    let updates = accounts_and_updates(&stack, 60).await;
    // Stripe slow to answer: the job is part way when the instance stops.
    stack.fault(json!({"path": "/v1/accounts/*", "method": "POST", "delay_ms": 150, "count": 1000})).await;
    let (status, job) = stack.post_json("/api/operator/emails/jobs", &json!({"updates": updates})).await;
    assert_eq!(status, 201);
    let id = job["id"].as_str().unwrap().to_owned();
    loop {
        let (_, view) = stack.get(&format!("/api/operator/emails/jobs/{id}")).await;
        if view["updated"].as_i64().unwrap() >= 8 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.send(()).unwrap();
    assert!(serving.await.unwrap().unwrap());

    let next = signed_in(common::start_server_with(&sim, &env).await, &sim).await;
    let (_, left) = next.get(&format!("/api/operator/emails/jobs/{id}")).await;
    assert!(left["pending"].as_i64().unwrap() > 0, "the first instance stopped part way: {left}");
    let resumed = std::time::Instant::now();
    let done = until_done(&next, &id).await;
    // The stopped instance gave its claims back: nothing waited for them to expire (50 s here).
    assert!(resumed.elapsed() < Duration::from_secs(20), "{:?}", resumed.elapsed());
    assert_eq!((done["updated"].as_i64(), done["failed"].as_i64()), (Some(60), Some(0)), "{done}");
    assert_every_email_set(&known(&next).await, &updates);
}

#[tokio::test]
async fn two_instances_on_one_postgresql_share_a_job_and_update_each_account_once() {
    let Ok(admin) = std::env::var("CHECKOUT_TEST_POSTGRES_URL") else {
        eprintln!("PostgreSQL not tested here: set CHECKOUT_TEST_POSTGRES_URL (scripts/test.sh does)");
        return;
    };
    let database = common::fresh_postgres_database(&admin).await;
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let mut env = operator();
    env.push(("DATABASE_URL", database));
    let (a, b) = (common::start_server_with(&sim, &env).await, common::start_server_with(&sim, &env).await);
    let stack = signed_in(a.clone(), &sim).await;
    let updates = accounts_and_updates(&stack, 400).await;
    // Stripe's answers take 50 ms: the job lasts a few seconds, and an idle worker looks for
    // work every second.
    stack.fault(json!({"path": "/v1/accounts/*", "method": "POST", "delay_ms": 50, "count": 1000})).await;
    let (status, job) = stack.post_json("/api/operator/emails/jobs", &json!({"updates": updates})).await;
    assert_eq!(status, 201);
    let other = signed_in(b.clone(), &sim).await;
    let done = until_done(&other, job["id"].as_str().unwrap()).await;
    assert_eq!((done["updated"].as_i64(), done["failed"].as_i64()), (Some(400), Some(0)), "{done}");
    assert_every_email_set(&known(&stack).await, &updates);
    let calls = |text: &str| metric(text, "checkout_stripe_requests_total", &UPDATED);
    let (on_a, on_b) = (calls(&scrape(&a, None).await), calls(&scrape(&b, None).await));
    assert_eq!(on_a + on_b, 400.0, "each account updated once: {on_a} on one instance, {on_b} on the other");
    assert!(on_a > 0.0 && on_b > 0.0, "both instances worked on the job: {on_a} and {on_b}");
}

#[tokio::test]
async fn a_failed_or_busy_answer_is_tried_again_under_a_new_key_after_reading_the_account() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let stack = signed_in(common::start_server_with(&sim, &operator()).await, &sim).await;
    let updates = accounts_and_updates(&stack, 6).await;
    // Stripe fails the first four updates (500), then says another request with the key is
    // still running (409): not refusals, so they are tried again.
    stack.fault(json!({"path": "/v1/accounts/*", "method": "POST", "status": 500, "type": "api_error", "message": "down", "count": 4})).await;
    stack
        .fault(json!({"path": "/v1/accounts/*", "method": "POST", "status": 409, "type": "idempotency_error",
                      "message": "There is currently another in-progress request using this Idempotent Key", "count": 2}))
        .await;
    let (status, job) = stack.post_json("/api/operator/emails/jobs", &json!({"updates": updates})).await;
    assert_eq!(status, 201, "{job}");
    let done = until_done(&stack, job["id"].as_str().unwrap()).await;
    assert_eq!((done["updated"].as_i64(), done["failed"].as_i64()), (Some(6), Some(0)), "{done}");
    assert_every_email_set(&known(&stack).await, &updates);
    let text = scrape(&stack.server, None).await;
    let read = [("endpoint", "GET /v1/accounts/{id}"), ("status", "200")];
    assert_eq!(metric(&text, "checkout_stripe_requests_total", &read), 6.0, "each retried account read first: {text}");
    assert_eq!(metric(&text, "checkout_stripe_requests_total", &UPDATED), 6.0);
}

/// What an endpoint of the platform received: each request's Stripe-Signature and body.
type Received = std::sync::Arc<std::sync::Mutex<Vec<(String, String, String)>>>;

/// An endpoint on loopback: `/hook` takes every event, `/flaky` refuses its first two.
async fn platform_endpoints() -> (String, Received) {
    use axum::extract::State;
    use axum::http::{HeaderMap, StatusCode, Uri};
    let received: Received = Default::default();
    let app = axum::Router::new().fallback(axum::routing::post(
        |State(received): State<Received>, uri: Uri, headers: HeaderMap, body: String| async move {
            let signature = headers["stripe-signature"].to_str().unwrap().to_owned();
            let mut all = received.lock().unwrap();
            all.push((uri.path().to_owned(), signature, body));
            let flaky_tries = all.iter().filter(|(path, ..)| path == "/flaky").count();
            if uri.path() == "/flaky" && flaky_tries <= 2 { StatusCode::INTERNAL_SERVER_ERROR } else { StatusCode::OK }
        },
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = app.with_state(received.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, received)
}

/// stripe-node's `webhooks.constructEvent` on each (header, body) with `secret`: the ids of the
/// events it accepted, or its error.
async fn stripe_node_verifies(events: &[(String, String)], secret: &str) -> Result<Vec<String>, String> {
    let script = "const stripe = require('stripe')('sk_test_unused'); let input = '';
        process.stdin.on('data', (c) => { input += c; });
        process.stdin.on('end', () => {
          const { events, secret } = JSON.parse(input);
          try { console.log(JSON.stringify(events.map(([header, body]) => stripe.webhooks.constructEvent(body, header, secret).id))); }
          catch (e) { console.error(e.message); process.exit(1); }
        });";
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut child = tokio::process::Command::new("node")
        .args(["-e", script])
        .current_dir(root)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node (scripts/setup.sh installs stripe-node with npm ci)");
    let input = json!({"events": events, "secret": secret}).to_string();
    tokio::io::AsyncWriteExt::write_all(child.stdin.as_mut().unwrap(), input.as_bytes()).await.unwrap();
    drop(child.stdin.take());
    let output = child.wait_with_output().await.unwrap();
    if output.status.success() {
        Ok(serde_json::from_slice(&output.stdout).unwrap())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

#[tokio::test]
async fn the_platforms_endpoints_get_email_job_completed_signed_so_stripe_node_accepts_it() {
    const SECRET: &str = "whsec_operator_events_0123456789";
    let (endpoints, received) = platform_endpoints().await;
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let mut env = operator();
    env.push(("CHECKOUT_OPERATOR_WEBHOOK_URLS", format!("{endpoints}/hook, {endpoints}/flaky")));
    env.push(("CHECKOUT_OPERATOR_WEBHOOK_SECRET", SECRET.to_owned()));
    let stack = signed_in(common::start_server_with(&sim, &env).await, &sim).await;
    let updates = accounts_and_updates(&stack, 5).await;
    let (_, job) = stack.post_json("/api/operator/emails/jobs", &json!({"updates": updates})).await;
    let id = job["id"].as_str().unwrap().to_owned();
    until_done(&stack, &id).await;

    // /flaky refuses twice: the event is sent again (1 s, then 2 s later) until both took it.
    let taken = || received.lock().unwrap().iter().filter(|(path, ..)| path == "/flaky").count() >= 3;
    for _ in 0..150 {
        if taken() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(taken(), "{:?}", received.lock().unwrap());
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let all = received.lock().unwrap().clone();
    assert_eq!(all.len(), 6, "three tries to each endpoint, then no more: {all:?}");

    let events: Vec<(String, String)> =
        all.iter().map(|(_, signature, body)| (signature.clone(), body.clone())).collect();
    let ids = stripe_node_verifies(&events, SECRET).await.expect("stripe-node accepts every event");
    assert!(ids.iter().all(|event| *event == ids[0]), "one event, the same id each time: {ids:?}");
    let event: Value = serde_json::from_str(&all[0].2).unwrap();
    assert_eq!(event["type"], "email_job.completed");
    assert_eq!(event["object"], "event");
    let object = &event["data"]["object"];
    assert_eq!((object["id"].as_str(), object["status"].as_str()), (Some(id.as_str()), Some("done")));
    assert_eq!(
        (object["total"].as_i64(), object["updated"].as_i64(), object["failed"].as_i64()),
        (Some(5), Some(5), Some(0))
    );
    let refused = stripe_node_verifies(&events[..1], "whsec_someone_elses_secret_000").await;
    assert!(refused.is_err_and(|e| e.contains("signature")), "another secret's check fails");
}
