//! The platform operator's API over real HTTP, with the stand-in's connected accounts: the
//! sign-in ("Operator token", CHECKOUT_OPERATOR_TOKEN) and what it guards, and the Comms Center
//! template streamed from Stripe's accounts list, page after page, for 10,000+ accounts.

mod common;

use std::collections::BTreeSet;

use account_emails::{KnownAccounts, TEMPLATE_COLUMNS, template_header, validate};
use common::Stack;
use serde_json::{Value, json};

const TOKEN: &str = "operator-token-0123456789";

async fn stack_with(extra: &[(&'static str, String)]) -> Stack {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let server = common::start_server_with(&sim, extra).await;
    Stack::new(server, sim)
}

async fn operator_stack() -> Stack {
    stack_with(&[("CHECKOUT_OPERATOR_TOKEN", TOKEN.to_owned())]).await
}

async fn sign_in(stack: &Stack, token: &str) -> reqwest::Response {
    stack
        .http
        .post(format!("{}/api/operator/session", stack.server))
        .json(&json!({"token": token}))
        .send()
        .await
        .unwrap()
}

async fn seed(stack: &Stack, count: usize, email: bool) -> Value {
    stack.sim_post("/_sim/accounts/seed", json!({"count": count, "email": email})).await
}

async fn download(stack: &Stack, path: &str) -> reqwest::Response {
    stack.http.get(format!("{}{path}", stack.server)).send().await.unwrap()
}

#[tokio::test]
async fn the_operator_routes_want_the_operators_sign_in() {
    let stack = operator_stack().await;
    seed(&stack, 3, true).await;
    for path in ["/api/operator/emails/template", "/api/operator/emails/accounts"] {
        let (status, body) = stack.get(path).await;
        assert_eq!((status, body["error"]["code"].as_str()), (401, Some("unauthorized")), "{path}: {body}");
    }
    assert_eq!(stack.get("/api/operator/session").await, (200, json!({"signedIn": false, "expiresAt": null})));

    let wrong = sign_in(&stack, "operator-token-0123456780").await;
    assert_eq!(wrong.status(), 401);
    let body: Value = wrong.json().await.unwrap();
    assert_eq!(body["error"]["type"], "invalid_request_error");
    assert!(body["error"]["message"].as_str().unwrap().contains("not the one"), "{body}");
    assert_eq!(stack.get("/api/operator/emails/template").await.0, 401, "a wrong token signs nobody in");

    let right = sign_in(&stack, TOKEN).await;
    assert_eq!(right.status(), 200);
    let cookie = right.headers()["set-cookie"].to_str().unwrap().to_owned();
    for attribute in ["checkout_operator=", "HttpOnly", "SameSite=Strict", "Path=/api/operator"] {
        assert!(cookie.contains(attribute), "{attribute} in {cookie}");
    }
    assert!(!cookie.contains(TOKEN), "the token is not the cookie");
    let session: Value = right.json().await.unwrap();
    assert_eq!(session["signedIn"], true);
    let hours = (session["expiresAt"].as_i64().unwrap() - chrono_now()) as f64 / 3600.0;
    assert!((7.9..=8.0).contains(&hours), "a working day: {hours} h");
    assert_eq!(download(&stack, "/api/operator/emails/template").await.status(), 200);

    let out = stack.http.delete(format!("{}/api/operator/session", stack.server)).send().await.unwrap();
    assert_eq!(out.status(), 204);
    assert_eq!(stack.get("/api/operator/emails/template").await.0, 401, "signed out");
}

fn chrono_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

#[tokio::test]
async fn without_a_token_configured_the_operator_pages_are_off() {
    let stack = stack_with(&[]).await;
    let refused = sign_in(&stack, TOKEN).await;
    assert_eq!(refused.status(), 403);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "operator_sign_in_off");
    assert!(body["error"]["message"].as_str().unwrap().contains("CHECKOUT_OPERATOR_TOKEN"));
    assert_eq!(stack.get("/api/operator/emails/template").await.0, 401);
}

#[tokio::test]
async fn a_shoppers_session_or_a_forged_cookie_opens_nothing() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let stack = Stack::new(String::new(), sim.clone());
    let customer = stack.stripe_post("/v1/customers", &[("email", "shopper@example.com")]).await;
    let customer = customer["id"].as_str().unwrap().to_owned();
    let server = common::start_server_with(
        &sim,
        &[("CHECKOUT_OPERATOR_TOKEN", TOKEN.to_owned()), ("CHECKOUT_DEMO_CUSTOMER", customer)],
    )
    .await;
    let stack = Stack::new(server, sim);
    assert_eq!(stack.post_json("/api/session/demo", &json!({})).await.0, 200, "the shopper is signed in");
    assert_eq!(stack.get("/api/operator/emails/template").await.0, 401, "the shopper's cookie is not the operator's");
    let forged = reqwest::Client::new()
        .get(format!("{}/api/operator/emails/template", stack.server))
        .header("cookie", format!("checkout_operator=operator:{}", chrono_now() + 3600))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 401, "an unsigned cookie");
}

#[tokio::test]
async fn the_template_lists_every_connected_account_with_the_seeds_columns() {
    let stack = operator_stack().await;
    // More than 100 pages of Stripe's largest list page.
    let seeded = seed(&stack, 10_050, true).await;
    assert_eq!(seeded["total"], 10_050);
    assert_eq!(sign_in(&stack, TOKEN).await.status(), 200);

    let response = download(&stack, "/api/operator/emails/template").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    assert_eq!(response.headers()["content-disposition"], "attachment; filename=\"Emails.csv\"");
    assert!(response.headers().get("content-length").is_none(), "streamed, not buffered whole");
    let bytes = response.bytes().await.unwrap();
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a UTF-8 BOM, for Excel")).unwrap();
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines[0], template_header());
    assert_eq!(lines[0], TEMPLATE_COLUMNS.join(","));
    assert_eq!(
        lines[0],
        "Account ID,Business Name,First Name,Last Name,Email Address (please add or replace),User has claimed primary user email address"
    );
    assert_eq!(lines.len(), 1 + 10_050);
    let ids: BTreeSet<&str> = lines[1..].iter().map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(ids.len(), 10_050, "each account once");
    assert!(ids.iter().all(|id| id.starts_with("acct_")));
    // An individual (names) and a company (business name only); a Standard account's user
    // holds its email: claimed.
    let first = lines.iter().find(|l| l.contains(",Seller 1,")).unwrap();
    let fields: Vec<&str> = first.split(',').collect();
    assert_eq!(&fields[1..], ["Seller 1", "Grace", "Lovelace", "", "✔"], "{first}");
    let second = lines.iter().find(|l| l.contains(",Seller 2,")).unwrap();
    assert_eq!(&second.split(',').collect::<Vec<_>>()[1..], ["Seller 2", "", "", "", "✔"]);

    // The accounts the page checks an upload against: the same, with their emails.
    let known = download(&stack, "/api/operator/emails/accounts").await;
    assert_eq!(known.headers()["content-type"], "application/json");
    let known: KnownAccounts = serde_json::from_slice(&known.bytes().await.unwrap()).unwrap();
    assert_eq!(known.len(), 10_050);
    assert!(ids.iter().all(|id| known.contains(id)));
    let seller_1 = fields[0];
    assert_eq!(known.current_email(seller_1), Some(Some("seller-1@example.com")));

    // The operator's round trip: the template, one email filled in, checked against them.
    let filled = text.replacen(*first, &first.replace(",,✔", ",new-1@example.com,✔"), 1);
    let review = validate(filled.as_bytes(), &known, |_| {}).unwrap();
    assert_eq!((review.summary().replaced, review.summary().errors), (1, 0));
}

#[tokio::test]
async fn accounts_without_email_are_unclaimed_and_a_stripe_failure_is_a_typed_error() {
    let stack = operator_stack().await;
    seed(&stack, 2, false).await;
    assert_eq!(sign_in(&stack, TOKEN).await.status(), 200);
    let text = download(&stack, "/api/operator/emails/template").await.text().await.unwrap();
    assert!(text.lines().skip(1).all(|l| l.ends_with(",✗")), "{text}");
    let known: KnownAccounts =
        serde_json::from_str(&download(&stack, "/api/operator/emails/accounts").await.text().await.unwrap()).unwrap();
    assert!(known.iter().all(|(_, email)| email.is_none()));

    stack
        .fault(json!({"path": "/v1/accounts", "method": "GET", "status": 500, "type": "api_error", "message": "down"}))
        .await;
    let (status, body) = stack.get("/api/operator/emails/template").await;
    assert!(status >= 500, "{status} {body}");
    assert_eq!(body["error"]["type"], "api_error", "{body}");
}

#[tokio::test]
async fn a_new_operator_token_ends_the_sessions_made_with_the_old_one() {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let secret = ("CHECKOUT_SESSION_SECRET", "s".repeat(40));
    let first = common::start_server_with(&sim, &[("CHECKOUT_OPERATOR_TOKEN", TOKEN.to_owned()), secret.clone()]).await;
    let stack = Stack::new(first, sim.clone());
    let cookie =
        sign_in(&stack, TOKEN).await.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let replay = |server: String| {
        let cookie = cookie.clone();
        async move {
            let url = format!("{server}/api/operator/emails/template");
            reqwest::Client::new().get(url).header("cookie", cookie).send().await.unwrap().status().as_u16()
        }
    };
    let same = common::start_server_with(&sim, &[("CHECKOUT_OPERATOR_TOKEN", TOKEN.to_owned()), secret.clone()]).await;
    assert_eq!(replay(same).await, 200, "another instance with the same settings takes the session");
    let rotated = "operator-token-rotated-after-a-leak".to_owned();
    let changed = common::start_server_with(&sim, &[("CHECKOUT_OPERATOR_TOKEN", rotated), secret]).await;
    assert_eq!(replay(changed).await, 401, "the old token's sessions are over");
}
