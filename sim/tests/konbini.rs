//! Konbini on the stand-in: options checked at creation, confirmation as Stripe.js does it,
//! Stripe's test emails and confirmation numbers on the stand-in's clock, vouchers, cancel.

mod common;

use serde_json::{Value, json};
use stripe_common::konbini::expires_after_days_at;

async fn konbini_intent(sim: &common::Running, extra: &[(&str, &str)]) -> (u16, Value) {
    let mut form = vec![
        ("amount", "8700"),
        ("currency", "jpy"),
        ("payment_method_types[]", "konbini"),
        ("payment_method_options[konbini][product_description]", "フェリス商店 ご注文"),
    ];
    form.retain(|(key, _)| !extra.iter().any(|(k, _)| k == key));
    form.extend_from_slice(extra);
    sim.post("/v1/payment_intents", &form).await
}

/// What `stripe.confirmKonbiniPayment` sends: publishable key and client secret.
async fn confirm(sim: &common::Running, pi: &Value, email: &str, number: Option<&str>) -> (u16, Value) {
    let id = pi["id"].as_str().unwrap();
    let mut form = vec![
        ("client_secret", pi["client_secret"].as_str().unwrap()),
        ("payment_method_data[type]", "konbini"),
        ("payment_method_data[billing_details][name]", "山田 花子"),
        ("payment_method_data[billing_details][email]", email),
    ];
    if let Some(number) = number {
        form.push(("payment_method_options[konbini][confirmation_number]", number));
    }
    sim.post_as_stripe_js(&format!("/v1/payment_intents/{id}/confirm"), &form).await
}

async fn now(sim: &common::Running) -> i64 {
    let (_, health) = sim.send(sim.http.get(format!("{}/_sim/health", sim.base))).await;
    health["now"].as_i64().unwrap()
}

async fn advance(sim: &common::Running, seconds: i64) {
    sim.send(sim.http.post(format!("{}/_sim/clock/advance?seconds={seconds}", sim.base))).await;
}

async fn retrieve(sim: &common::Running, pi: &Value) -> Value {
    sim.get(&format!("/v1/payment_intents/{}", pi["id"].as_str().unwrap())).await.1
}

#[tokio::test]
async fn konbini_options_are_checked_at_creation() {
    let sim = common::start().await;
    let (status, pi) = konbini_intent(&sim, &[("payment_method_options[konbini][expires_after_days]", "2")]).await;
    assert_eq!(status, 200, "{pi}");
    assert_eq!(pi["payment_method_types"], json!(["konbini"]));
    assert_eq!(pi["payment_method_options"]["konbini"]["expires_after_days"], 2);
    assert_eq!(pi["payment_method_options"]["konbini"]["product_description"], "フェリス商店 ご注文");

    let soon = (now(&sim).await + 10 * 60).to_string();
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("payment_method_options[konbini][expires_after_days]", "0")],
            "payment_method_options[konbini][expires_after_days]",
        ),
        (
            vec![("payment_method_options[konbini][expires_after_days]", "61")],
            "payment_method_options[konbini][expires_after_days]",
        ),
        (vec![("payment_method_options[konbini][expires_at]", &soon)], "payment_method_options[konbini][expires_at]"),
        (
            vec![(
                "payment_method_options[konbini][product_description]",
                "あいうえおかきくけこさしすせそたちつてとなにぬ",
            )],
            "payment_method_options[konbini][product_description]",
        ),
        (
            vec![("payment_method_options[konbini][product_description]", "Tシャツ①")],
            "payment_method_options[konbini][product_description]",
        ),
        (
            vec![("payment_method_options[konbini][confirmation_number]", "00000000000")],
            "payment_method_options[konbini][confirmation_number]",
        ),
    ];
    for (extra, param) in cases {
        let (status, body) = konbini_intent(&sim, &extra).await;
        assert_eq!(status, 400, "{extra:?}: {body}");
        assert_eq!(body["error"]["param"], param, "{extra:?}");
    }
    let later = (now(&sim).await + 86_400).to_string();
    let both = [
        ("payment_method_options[konbini][expires_after_days]", "2"),
        ("payment_method_options[konbini][expires_at]", later.as_str()),
    ];
    let (status, body) = konbini_intent(&sim, &both).await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("only specify one"));

    let (status, body) = sim
        .post("/v1/payment_intents", &[("amount", "1099"), ("currency", "usd"), ("payment_method_types[]", "konbini")])
        .await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("currency")));
    let (status, body) = sim
        .post("/v1/payment_intents", &[("amount", "100"), ("currency", "jpy"), ("payment_method_types[]", "konbini")])
        .await;
    assert_eq!((status, body["error"]["param"].as_str()), (400, Some("amount")));
}

#[tokio::test]
async fn a_plain_email_gives_instructions_and_the_payment_succeeds_three_minutes_later() {
    let sim = common::start().await;
    let (_, pi) = konbini_intent(&sim, &[]).await;
    let confirmed_at = now(&sim).await;
    let (status, confirmed) = confirm(&sim, &pi, "hanako@example.com", Some("09012345678")).await;
    assert_eq!(status, 200, "{confirmed}");
    assert_eq!(confirmed["status"], "requires_action");
    let details = &confirmed["next_action"]["konbini_display_details"];
    assert_eq!(confirmed["next_action"]["type"], "konbini_display_details");
    let expires_at = details["expires_at"].as_i64().unwrap();
    assert!(
        [expires_after_days_at(confirmed_at, 3), expires_after_days_at(confirmed_at + 1, 3)].contains(&expires_at),
        "default: 3 days, 23:59:59 JST"
    );
    for store in ["familymart", "lawson", "ministop", "seicomart"] {
        assert_eq!(details["stores"][store]["confirmation_number"], "09012345678", "{store}");
        assert_eq!(details["stores"][store]["payment_code"].as_str().unwrap().len(), 6, "{store}");
    }
    assert!(confirmed.get("metadata").is_none(), "Stripe.js sees the publishable fields only");

    advance(&sim, 170).await;
    assert_eq!(status_of(&sim, &pi).await, "requires_action");
    advance(&sim, 11).await;
    let paid = retrieve(&sim, &pi).await;
    assert_eq!(paid["status"], "succeeded");
    assert_eq!(paid["amount_received"], 8700);
    assert_eq!(paid["next_action"], Value::Null);
}

async fn status_of(sim: &common::Running, pi: &Value) -> String {
    retrieve(sim, pi).await["status"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn every_test_email_behaves_as_documented() {
    let sim = common::start().await;
    // (email, seconds to advance, status after)
    let cases = [
        ("hanako+succeed_immediately@example.com", 0, "succeeded"),
        ("hanako+expire_immediately@example.com", 0, "requires_payment_method"),
        ("hanako+expire_with_delay@example.com", 170, "requires_action"),
        ("hanako+expire_with_delay@example.com", 181, "requires_payment_method"),
        ("hanako+fill_never@example.com", 3 * 60 + 1, "requires_action"),
        ("hanako@example.com", 181, "succeeded"),
    ];
    for (email, wait, expected) in cases {
        let (_, pi) = konbini_intent(&sim, &[]).await;
        let (status, confirmed) = confirm(&sim, &pi, email, None).await;
        assert_eq!((status, confirmed["status"].as_str()), (200, Some("requires_action")), "{email}");
        advance(&sim, wait).await;
        let after = retrieve(&sim, &pi).await;
        assert_eq!(after["status"], expected, "{email} after {wait}s");
        if expected == "requires_payment_method" {
            assert_eq!(after["last_payment_error"]["code"], "payment_intent_payment_attempt_expired");
        }
    }
}

#[tokio::test]
async fn expiring_emails_set_expires_at_as_documented() {
    let sim = common::start().await;
    let (_, pi) = konbini_intent(&sim, &[]).await;
    let before = now(&sim).await;
    let (_, confirmed) = confirm(&sim, &pi, "x+expire_immediately@example.com", None).await;
    let at = confirmed["next_action"]["konbini_display_details"]["expires_at"].as_i64().unwrap();
    assert!((before..=before + 1).contains(&at), "expire_immediately: expires_at = now");

    let (_, pi) = konbini_intent(&sim, &[]).await;
    let before = now(&sim).await;
    let (_, confirmed) = confirm(&sim, &pi, "x+expire_with_delay@example.com", None).await;
    let at = confirmed["next_action"]["konbini_display_details"]["expires_at"].as_i64().unwrap();
    assert!((before + 180..=before + 181).contains(&at), "expire_with_delay: now + 3 minutes");
}

#[tokio::test]
async fn fill_never_expires_when_the_options_say() {
    let sim = common::start().await;
    let (_, pi) = konbini_intent(&sim, &[("payment_method_options[konbini][expires_after_days]", "2")]).await;
    let (_, confirmed) = confirm(&sim, &pi, "x+fill_never@example.com", None).await;
    let expires_at = confirmed["next_action"]["konbini_display_details"]["expires_at"].as_i64().unwrap();
    let until_expiry = expires_at - now(&sim).await;
    assert!(until_expiry > 86_400 * 2, "two days after today, at 23:59:59 JST");
    advance(&sim, until_expiry - 5).await;
    assert_eq!(status_of(&sim, &pi).await, "requires_action");
    advance(&sim, 10).await;
    assert_eq!(status_of(&sim, &pi).await, "requires_payment_method");
}

#[tokio::test]
async fn special_confirmation_numbers_win_over_emails() {
    let sim = common::start().await;
    let cases = [
        ("22222222220", "x+expire_immediately@example.com", 0, "succeeded"),
        ("33333333330", "x+succeed_immediately@example.com", 0, "requires_payment_method"),
        ("11111111110", "x+expire_immediately@example.com", 181, "succeeded"),
        ("44444444440", "x@example.com", 181, "requires_payment_method"),
        ("55555555550", "x+succeed_immediately@example.com", 181, "requires_action"),
    ];
    for (number, email, wait, expected) in cases {
        let (_, pi) = konbini_intent(&sim, &[]).await;
        let (status, _) = confirm(&sim, &pi, email, Some(number)).await;
        assert_eq!(status, 200, "{number}");
        advance(&sim, wait).await;
        assert_eq!(status_of(&sim, &pi).await, expected, "{number} with {email}");
    }
}

#[tokio::test]
async fn rejected_and_invalid_confirmation_numbers() {
    let sim = common::start().await;
    let (_, pi) = konbini_intent(&sim, &[]).await;
    let (status, body) = confirm(&sim, &pi, "x@example.com", Some("01234567890")).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "payment_intent_konbini_rejected_confirmation_number");
    let (status, body) = confirm(&sim, &pi, "x@example.com", Some("00000000000")).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["param"], "payment_method_options[konbini][confirmation_number]");
    assert_eq!(status_of(&sim, &pi).await, "requires_payment_method", "nothing confirmed");
}

#[tokio::test]
async fn name_email_and_the_client_secret_are_required() {
    let sim = common::start().await;
    let (_, pi) = konbini_intent(&sim, &[]).await;
    let id = pi["id"].as_str().unwrap();
    let secret = pi["client_secret"].as_str().unwrap();
    let url = format!("/v1/payment_intents/{id}/confirm");
    let (status, body) = sim
        .post_as_stripe_js(
            &url,
            &[
                ("client_secret", secret),
                ("payment_method_data[type]", "konbini"),
                ("payment_method_data[billing_details][name]", "山田"),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["param"], "payment_method_data[billing_details][email]");
    let (status, _) = sim
        .post_as_stripe_js(&url, &[("client_secret", "pi_x_secret_y"), ("payment_method_data[type]", "konbini")])
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn confirming_again_issues_new_instructions_and_voids_the_old_voucher() {
    let sim = common::start().await;
    let (_, pi) = konbini_intent(&sim, &[]).await;
    let (_, first) = confirm(&sim, &pi, "x@example.com", None).await;
    let (_, second) = confirm(&sim, &pi, "x@example.com", None).await;
    let url =
        |v: &Value| v["next_action"]["konbini_display_details"]["hosted_voucher_url"].as_str().unwrap().to_owned();
    assert_ne!(url(&first), url(&second));
    let details = async |u: String| sim.send(sim.http.get(format!("{u}/details"))).await.1;
    assert_eq!(details(url(&first)).await["active"], false);
    let current = details(url(&second)).await;
    assert_eq!(current["active"], true);
    assert_eq!(current["amount"], 8700);
    let page = sim.http.get(url(&second)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("コンビニでのお支払い方法"));
}

#[tokio::test]
async fn a_pending_konbini_payment_can_be_cancelled_and_then_never_succeeds() {
    let sim = common::start().await;
    let (_, pi) = konbini_intent(&sim, &[]).await;
    let (_, confirmed) = confirm(&sim, &pi, "x@example.com", None).await;
    let id = pi["id"].as_str().unwrap();
    let (status, canceled) = sim.post(&format!("/v1/payment_intents/{id}/cancel"), &[]).await;
    assert_eq!((status, canceled["status"].as_str()), (200, Some("canceled")));
    advance(&sim, 181).await;
    assert_eq!(status_of(&sim, &pi).await, "canceled");
    let voucher = confirmed["next_action"]["konbini_display_details"]["hosted_voucher_url"].as_str().unwrap();
    assert_eq!(sim.send(sim.http.get(format!("{voucher}/details"))).await.1["active"], false);
}
