//! Stripe Connect on the stand-in, over HTTP on loopback: connected accounts (and the control
//! that makes many), the `Stripe-Account` header (and Stripe.js's `_stripe_account`), cloning
//! the platform's PaymentMethods onto connected accounts, direct charges with application fees,
//! destination charges, and the Connect webhook endpoint.

mod common;

use std::time::{Duration, Instant};

use common::receiver::{Receiver, signature_valid};
use serde_json::{Value, json};

const PLATFORM_SECRET: &str = "whsec_platform_tests";

/// A request's form.
type Form<'a> = Vec<(&'a str, &'a str)>;
const CONNECT_SECRET: &str = "whsec_connect_tests";

fn error(body: &Value) -> (Option<&str>, Option<&str>, Option<&str>) {
    let e = &body["error"];
    (e["type"].as_str(), e["code"].as_str(), e["param"].as_str())
}

fn message(body: &Value) -> &str {
    body["error"]["message"].as_str().unwrap_or_default()
}

fn id(object: &Value) -> String {
    object["id"].as_str().unwrap().to_owned()
}

/// `count` accounts made by the stand-in's control; its answer.
async fn seed(sim: &common::Running, body: Value) -> Value {
    let (status, seeded) = sim.send(sim.http.post(format!("{}/_sim/accounts/seed", sim.base)).json(&body)).await;
    assert_eq!(status, 200, "{seeded}");
    seeded
}

async fn onboard(sim: &common::Running, account: &str) {
    let response = sim.http.post(format!("{}/_sim/accounts/{account}/onboard", sim.base)).send().await.unwrap();
    assert_eq!(response.status(), 200);
}

/// A platform customer with a saved Visa; (customer, payment method).
async fn platform_customer_with_visa(sim: &common::Running) -> (String, String) {
    let (_, customer) = sim.post("/v1/customers", &[("email", "jenny@example.com"), ("name", "Jenny Rosen")]).await;
    let customer = id(&customer);
    let (status, pm) = sim.post("/v1/payment_methods/pm_card_visa/attach", &[("customer", &customer)]).await;
    assert_eq!(status, 200, "{pm}");
    (customer, id(&pm))
}

// ---- accounts ------------------------------------------------------------------------------

#[tokio::test]
async fn accounts_are_made_with_a_type_or_controller_properties_and_the_holders_details() {
    let sim = common::start().await;
    let form = [
        ("type", "standard"),
        ("country", "jp"),
        ("email", "shop@example.jp"),
        ("business_type", "individual"),
        ("business_profile[name]", "Hanako's Pottery"),
        ("individual[first_name]", "Hanako"),
        ("individual[last_name]", "Yamada"),
        ("metadata[seller]", "42"),
    ];
    let (status, account) = sim.post("/v1/accounts", &form).await;
    assert_eq!(status, 200, "{account}");
    assert!(account["id"].as_str().unwrap().starts_with("acct_"), "{account}");
    assert_eq!(account["object"], "account");
    assert_eq!(account["type"], "standard");
    assert_eq!(
        account["controller"],
        json!({"fees": {"payer": "account"}, "is_controller": true, "losses": {"payments": "stripe"},
            "requirement_collection": "stripe", "stripe_dashboard": {"type": "full"}, "type": "application"})
    );
    assert_eq!((account["country"].as_str(), account["default_currency"].as_str()), (Some("JP"), Some("jpy")));
    assert_eq!(account["email"], "shop@example.jp");
    assert_eq!(account["business_profile"]["name"], "Hanako's Pottery");
    assert_eq!(account["settings"]["dashboard"]["display_name"], "Hanako's Pottery");
    assert_eq!(account["individual"]["first_name"], "Hanako");
    assert_eq!(account["individual"]["last_name"], "Yamada");
    assert_eq!(account["individual"]["account"], account["id"]);
    assert_eq!(account["metadata"]["seller"], "42");
    // Not onboarded yet: what Stripe still needs, nothing enabled; Stripe requests cards and
    // transfers for an account with the full Dashboard.
    assert_eq!(account["capabilities"], json!({"card_payments": "inactive", "transfers": "inactive"}));
    assert_eq!(
        (account["charges_enabled"].as_bool(), account["details_submitted"].as_bool()),
        (Some(false), Some(false))
    );
    assert!(account["requirements"]["currently_due"].as_array().unwrap().contains(&json!("external_account")));

    // Controller properties instead of a type; a company.
    let form = [
        ("controller[fees][payer]", "application"),
        ("controller[losses][payments]", "application"),
        ("controller[stripe_dashboard][type]", "express"),
        ("capabilities[card_payments][requested]", "true"),
        ("company[name]", "Ferris & Co"),
        ("business_type", "company"),
    ];
    let (status, account) = sim.post("/v1/accounts", &form).await;
    assert_eq!(status, 200, "{account}");
    assert_eq!(account["type"], "none", "no legacy type has these properties");
    assert_eq!(account["controller"]["stripe_dashboard"]["type"], "express");
    assert_eq!(account["controller"]["requirement_collection"], "stripe", "Stripe's default");
    assert_eq!(account["capabilities"], json!({"card_payments": "inactive"}));
    assert_eq!(account["company"]["name"], "Ferris & Co");
    assert_eq!(account.get("individual"), None);

    // A Custom account, capabilities requested.
    let (status, custom) =
        sim.post("/v1/accounts", &[("type", "custom"), ("capabilities[transfers][requested]", "true")]).await;
    assert_eq!(status, 200, "{custom}");
    assert_eq!(custom["controller"]["requirement_collection"], "application");
    assert_eq!(custom["controller"]["fees"]["payer"], "application_custom");
}

#[tokio::test]
async fn account_creation_is_refused_as_stripe_refuses_it() {
    let sim = common::start().await;
    let cases: Vec<(Form, &str, Option<&str>, &str)> = vec![
        (
            vec![("type", "standard"), ("controller[fees][payer]", "account")],
            "",
            None,
            "You may only specify one of these parameters: controller, type.",
        ),
        (vec![("type", "platinum")], "parameter_invalid", Some("type"), "Invalid type"),
        (vec![("type", "custom")], "parameter_missing", Some("capabilities"), "Missing required param: capabilities."),
        (
            vec![("controller[stripe_dashboard][type]", "none"), ("capabilities[transfers][requested]", "true")],
            "",
            None,
            "When stripe_dashboard[type]=none and requirement_collection=stripe, Stripe must be liable",
        ),
        (
            vec![("controller[requirement_collection]", "application")],
            "",
            None,
            "When requirement_collection=application",
        ),
        (
            vec![("controller[fees][payer]", "someone")],
            "parameter_invalid",
            Some("controller[fees][payer]"),
            "Invalid controller[fees][payer]",
        ),
        (vec![("country", "USA")], "parameter_invalid", Some("country"), "Country 'USA' is unknown."),
        (vec![("email", "not an email")], "parameter_invalid", Some("email"), "Invalid email address: not an email"),
        (
            vec![("capabilities[teleportation][requested]", "true")],
            "parameter_unknown",
            Some("capabilities[teleportation]"),
            "Received unknown parameter",
        ),
        (vec![("business_profile[slogan]", "x")], "parameter_unknown", Some("slogan"), "Received unknown parameter"),
        (vec![("livemode", "true")], "parameter_unknown", Some("livemode"), "Received unknown parameter: livemode"),
    ];
    for (form, code, param, words) in cases {
        let (status, body) = sim.post("/v1/accounts", &form).await;
        assert_eq!(status, 400, "{form:?}: {body}");
        assert_eq!(body["error"]["type"], "invalid_request_error", "{form:?}: {body}");
        assert_eq!(body["error"]["code"].as_str().unwrap_or_default(), code, "{form:?}: {body}");
        assert_eq!(body["error"]["param"].as_str(), param, "{form:?}: {body}");
        assert!(message(&body).starts_with(words), "{form:?}: {body}");
    }
    let (_, list) = sim.get("/v1/accounts").await;
    assert_eq!(list["data"], json!([]), "a refused request makes nothing");

    // Accounts are the platform's business: not with a publishable key, not as a connected account.
    let (status, body) = sim.post_as_stripe_js("/v1/accounts", &[("type", "standard")]).await;
    assert_eq!(status, 403, "{body}");
    let account = sim.connected_account().await;
    let (status, body) = sim.post_on(&account, "/v1/accounts", &[("type", "standard")]).await;
    assert_eq!(status, 400, "{body}");
    assert!(message(&body).starts_with("Only Stripe Connect platforms can work with other accounts."), "{body}");
    let (status, body) = sim.get_on(&account, "/v1/accounts").await;
    assert_eq!(status, 400, "{body}");
    let (status, itself) = sim.get_on(&account, &format!("/v1/accounts/{account}")).await;
    assert_eq!((status, itself["id"].as_str()), (200, Some(account.as_str())), "an account may read itself");
}

#[tokio::test]
async fn accounts_are_retrieved_updated_and_deleted() {
    let sim = common::start().await;
    let account = sim.connected_account().await;
    let (status, got) = sim.get(&format!("/v1/accounts/{account}")).await;
    assert_eq!((status, got["email"].as_str()), (200, Some("seller@example.com")));

    let update = [
        ("email", "owner@example.com"),
        ("business_profile[name]", "Seller Deluxe"),
        ("business_profile[url]", "https://seller.example"),
        ("metadata[tier]", "gold"),
        ("individual[first_name]", "Ada"),
    ];
    let (status, updated) = sim.post(&format!("/v1/accounts/{account}"), &update).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["email"], "owner@example.com");
    assert_eq!(updated["business_profile"]["name"], "Seller Deluxe");
    assert_eq!(updated["metadata"]["tier"], "gold");
    assert_eq!(updated["individual"]["first_name"], "Ada");
    assert!(
        !updated["requirements"]["currently_due"].as_array().unwrap().contains(&json!("business_profile.url")),
        "given, so no longer due"
    );
    // Unset with an empty value, as everywhere in Stripe's API.
    let (_, unset) = sim.post(&format!("/v1/accounts/{account}"), &[("metadata[tier]", ""), ("email", "")]).await;
    assert_eq!((unset["metadata"].get("tier"), &unset["email"]), (None, &Value::Null), "{unset}");

    // What cannot be changed, and accounts that are not the platform's.
    let (status, body) = sim.post(&format!("/v1/accounts/{account}"), &[("type", "express")]).await;
    assert_eq!((status, error(&body).1), (400, Some("parameter_unknown")), "{body}");
    let (status, body) = sim.post(&format!("/v1/accounts/{account}"), &[("email", "nope")]).await;
    assert_eq!((status, error(&body).2), (400, Some("email")), "{body}");
    let (_, still) = sim.get(&format!("/v1/accounts/{account}")).await;
    assert_eq!(still["email"], Value::Null, "a refused update changes nothing");
    for path in ["/v1/accounts/acct_nobody", "/v1/accounts/cus_123"] {
        let (status, body) = sim.get(path).await;
        assert_eq!((status, error(&body).1), (403, Some("account_invalid")), "{path}: {body}");
        let (status, _) = sim.post(path, &[("email", "x@example.com")]).await;
        assert_eq!(status, 403);
    }

    let (status, deleted) =
        sim.send(sim.http.delete(format!("{}/v1/accounts/{account}", sim.base)).bearer_auth(common::SK)).await;
    assert_eq!(status, 200);
    assert_eq!(deleted, json!({"id": account, "object": "account", "deleted": true}));
    let (status, body) = sim.get(&format!("/v1/accounts/{account}")).await;
    assert_eq!((status, error(&body).1), (403, Some("account_invalid")), "{body}");
    let (status, _) = sim.get_on(&account, "/v1/customers/cus_any").await;
    assert_eq!(status, 403, "no longer the platform's: the header is refused");
    let (_, list) = sim.get("/v1/accounts").await;
    assert_eq!(list["data"], json!([]));
}

#[tokio::test]
async fn once_onboarded_what_stripe_collected_is_no_longer_the_platforms_to_change() {
    let sim = common::start().await;
    let account = sim.connected_account().await;
    onboard(&sim, &account).await;
    let (_, onboarded) = sim.get(&format!("/v1/accounts/{account}")).await;
    assert_eq!(
        (onboarded["charges_enabled"].as_bool(), onboarded["payouts_enabled"].as_bool()),
        (Some(true), Some(true))
    );
    assert_eq!(onboarded["capabilities"]["card_payments"], "active");
    assert_eq!(onboarded["requirements"]["currently_due"], json!([]));
    for field in [("individual[first_name]", "Eve"), ("business_type", "company"), ("company[name]", "Eve Inc")] {
        let (status, body) = sim.post(&format!("/v1/accounts/{account}"), &[field]).await;
        assert_eq!(status, 400, "{field:?}: {body}");
        assert!(message(&body).contains("requirement_collection is application"), "{body}");
    }
    // The email stays the platform's to keep up to date (the operator's bulk updates).
    let (status, updated) = sim.post(&format!("/v1/accounts/{account}"), &[("email", "new@example.com")]).await;
    assert_eq!((status, updated["email"].as_str()), (200, Some("new@example.com")));

    // When the platform collects the requirements, it may change them still.
    let (_, custom) =
        sim.post("/v1/accounts", &[("type", "custom"), ("capabilities[card_payments][requested]", "true")]).await;
    onboard(&sim, &id(&custom)).await;
    let (status, body) = sim.post(&format!("/v1/accounts/{}", id(&custom)), &[("individual[first_name]", "Eve")]).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn ten_thousand_seeded_accounts_list_newest_first_page_by_page_quickly() {
    let sim = common::start().await;
    let started = Instant::now();
    let seeded = seed(&sim, json!({"count": 10_000, "prefix": "Seller"})).await;
    let seeding = started.elapsed();
    assert_eq!((seeded["created"].as_u64(), seeded["total"].as_u64()), (Some(10_000), Some(10_000)));
    assert!(seeding < Duration::from_secs(5), "seeding 10,000 took {seeding:?}");

    // Newest first: the last one made, Seller 10000, heads the list.
    let (_, first) = sim.get("/v1/accounts?limit=3").await;
    assert_eq!(first["data"][0]["id"], seeded["last"]);
    assert_eq!(first["data"][0]["business_profile"]["name"], "Seller 10000");
    assert_eq!(first["data"][0]["email"], "seller-10000@example.com");
    assert_eq!(first["data"][0]["company"]["name"], "Seller 10000", "even ones are companies");
    assert_eq!(first["data"][1]["business_type"], "individual", "odd ones individuals");
    assert!(first["data"][1]["individual"]["first_name"].is_string());
    assert_eq!((first["has_more"].as_bool(), first["url"].as_str()), (Some(true), Some("/v1/accounts")));

    // Every page, by starting_after, in little time: each costs a page, not the list.
    let started = Instant::now();
    let (mut seen, mut after, mut pages) = (Vec::new(), None::<String>, 0);
    loop {
        let path = match &after {
            Some(after) => format!("/v1/accounts?limit=100&starting_after={after}"),
            None => "/v1/accounts?limit=100".to_owned(),
        };
        let (status, page) = sim.get(&path).await;
        assert_eq!(status, 200, "{page}");
        let data = page["data"].as_array().unwrap();
        seen.extend(data.iter().map(|a| a["business_profile"]["name"].as_str().unwrap().to_owned()));
        pages += 1;
        if !page["has_more"].as_bool().unwrap() {
            break;
        }
        after = Some(id(data.last().unwrap()));
    }
    let walking = started.elapsed();
    assert_eq!((pages, seen.len()), (100, 10_000));
    assert_eq!((seen[0].as_str(), seen[9_999].as_str()), ("Seller 10000", "Seller 1"));
    assert!(walking < Duration::from_secs(60), "100 pages took {walking:?}");
    // A page deep in the list costs what the first one does: it is found by position.
    let deep = format!("/v1/accounts?limit=100&starting_after={}", seeded["first"].as_str().unwrap());
    let (_, oldest) = sim.get(&deep).await;
    assert_eq!((oldest["data"].as_array().unwrap().len(), oldest["has_more"].as_bool()), (0, Some(false)));
    let near_the_end = format!("/v1/accounts?limit=100&ending_before={}", seeded["first"].as_str().unwrap());
    let mut times = Vec::new();
    for path in ["/v1/accounts?limit=100", near_the_end.as_str()] {
        let started = Instant::now();
        for _ in 0..3 {
            sim.get(path).await;
        }
        times.push(started.elapsed());
    }
    let (shallow, deep) = (times[0], times[1]);
    assert!(deep < shallow * 3 + Duration::from_millis(300), "the last page took {deep:?}, the first {shallow:?}");

    // Backwards: ending_before an account gives the ones just newer than it, newest first.
    let (_, second) = sim.get(&format!("/v1/accounts?limit=100&starting_after={}", id(&first["data"][2]))).await;
    let anchor = id(&second["data"][0]);
    assert_eq!(second["data"][0]["business_profile"]["name"], "Seller 9997");
    let (_, back) = sim.get(&format!("/v1/accounts?limit=2&ending_before={anchor}")).await;
    let names: Vec<&str> =
        back["data"].as_array().unwrap().iter().map(|a| a["business_profile"]["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Seller 9999", "Seller 9998"]);
    assert_eq!(back["has_more"], true, "Seller 10000 is newer still");
    let (_, top) = sim.get(&format!("/v1/accounts?limit=10&ending_before={anchor}")).await;
    assert_eq!((top["data"].as_array().unwrap().len(), top["has_more"].as_bool()), (3, Some(false)));

    for bad in ["limit=0", "limit=101", "limit=ten"] {
        let (status, body) = sim.get(&format!("/v1/accounts?{bad}")).await;
        assert_eq!((status, error(&body).2), (400, Some("limit")), "{bad}: {body}");
    }
    let (status, body) = sim.get(&format!("/v1/accounts?starting_after={anchor}&ending_before={anchor}")).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = sim.get("/v1/accounts?starting_after=acct_nobody").await;
    assert_eq!((status, error(&body).1, error(&body).2), (404, Some("resource_missing"), Some("starting_after")));

    // The operator's bulk email update, one API call per account as Stripe takes them.
    let started = Instant::now();
    for account in first["data"].as_array().unwrap() {
        let (status, _) = sim.post(&format!("/v1/accounts/{}", id(account)), &[("email", "ops@example.com")]).await;
        assert_eq!(status, 200);
    }
    assert!(started.elapsed() < Duration::from_secs(2), "updates are not slowed by 10,000 accounts");
}

#[tokio::test]
async fn the_seeding_control_takes_its_options_and_refuses_nonsense() {
    let sim = common::start().await;
    let seeded =
        seed(&sim, json!({"count": 3, "prefix": "Atelier", "email": false, "onboarded": true, "type": "express"}))
            .await;
    let (_, account) = sim.get(&format!("/v1/accounts/{}", seeded["first"].as_str().unwrap())).await;
    assert_eq!(account["business_profile"]["name"], "Atelier 1");
    assert_eq!((account["email"].clone(), account["type"].as_str()), (Value::Null, Some("express")));
    assert_eq!(account["charges_enabled"], true);
    for bad in [json!({"count": 0}), json!({"count": 500_001}), json!({"count": 2, "type": "gold"})] {
        let response = sim.http.post(format!("{}/_sim/accounts/seed", sim.base)).json(&bad).send().await.unwrap();
        assert_eq!(response.status(), 400, "{bad}");
    }
}

// ---- the Stripe-Account header ---------------------------------------------------------------

#[tokio::test]
async fn objects_live_on_the_account_they_were_made_on() {
    let sim = common::start().await;
    let (seller, other) = (sim.connected_account().await, sim.connected_account().await);
    let (status, customer) = sim.post_on(&seller, "/v1/customers", &[("email", "buyer@example.com")]).await;
    assert_eq!(status, 200, "{customer}");
    let (status, pi) = sim.post_on(&seller, "/v1/payment_intents", &[("amount", "2000"), ("currency", "usd")]).await;
    assert_eq!(status, 200, "{pi}");
    assert_eq!(pi["application"], common_application(&sim).await);

    let customer_path = format!("/v1/customers/{}", id(&customer));
    let pi_path = format!("/v1/payment_intents/{}", id(&pi));
    assert_eq!(sim.get_on(&seller, &customer_path).await.0, 200);
    assert_eq!(sim.get_on(&seller, &pi_path).await.0, 200);
    for (status, body) in [
        sim.get(&customer_path).await,
        sim.get_on(&other, &customer_path).await,
        sim.get(&pi_path).await,
        sim.get_on(&other, &pi_path).await,
    ] {
        assert_eq!((status, error(&body).1), (404, Some("resource_missing")), "{body}");
        assert!(message(&body).starts_with("No such "), "{body}");
    }
    let (_, platform_list) = sim.get("/v1/payment_intents").await;
    assert_eq!(platform_list["data"], json!([]), "the platform's list has none of the seller's");
    let (_, seller_list) = sim.get_on(&seller, "/v1/payment_intents").await;
    assert_eq!(seller_list["data"][0]["id"], pi["id"]);
    // Cancelling another account's PaymentIntent: no such PaymentIntent.
    let (status, _) = sim.post(&format!("{pi_path}/cancel"), &[]).await;
    assert_eq!(status, 404);
}

/// The platform's Connect application, as a direct charge's PaymentIntent names it.
async fn common_application(sim: &common::Running) -> Value {
    let account = sim.connected_account().await;
    let (_, pi) = sim.post_on(&account, "/v1/payment_intents", &[("amount", "100"), ("currency", "usd")]).await;
    assert!(pi["application"].as_str().unwrap().starts_with("ca_"), "{pi}");
    pi["application"].clone()
}

#[tokio::test]
async fn an_account_that_is_not_the_platforms_is_refused_with_stripes_403() {
    let sim = common::start().await;
    for account in ["acct_1NotConnectedAtAll00000", "cus_123", ""] {
        let (status, body) = sim.post_on(account, "/v1/customers", &[]).await;
        assert_eq!(status, 403, "{account:?}: {body}");
        assert_eq!(error(&body), (Some("invalid_request_error"), Some("account_invalid"), None), "{body}");
        assert_eq!(
            message(&body),
            format!(
                "The provided key 'sk_test_*********ests' does not have access to account '{account}' (or that account \
                 does not exist). Application access may have been revoked."
            )
        );
        assert_eq!(body["error"]["doc_url"], "https://stripe.com/docs/error-codes/account-invalid");
    }
    // Stripe.js's _stripe_account is checked alike, and names the publishable key.
    let (status, body) =
        sim.post_as_stripe_js("/v1/payment_methods", &[("type", "card"), ("_stripe_account", "acct_nobody")]).await;
    assert_eq!((status, error(&body).1), (403, Some("account_invalid")), "{body}");
    assert!(message(&body).starts_with("The provided key 'pk_test_*********ests'"), "{body}");
}

#[tokio::test]
async fn another_accounts_objects_cannot_be_used() {
    let sim = common::start().await;
    let seller = sim.connected_account().await;
    let (platform_customer, platform_pm) = platform_customer_with_visa(&sim).await;
    let platform_token = sim.confirmation_token("4242424242424242").await;

    let (status, body) = sim
        .post_on(
            &seller,
            "/v1/payment_intents",
            &[("amount", "1000"), ("currency", "usd"), ("customer", &platform_customer)],
        )
        .await;
    assert_eq!((status, error(&body).1, error(&body).2), (404, Some("resource_missing"), Some("customer")), "{body}");
    let (_, pi) = sim
        .post_on(
            &seller,
            "/v1/payment_intents",
            &[("amount", "1000"), ("currency", "usd"), ("payment_method_types[]", "card")],
        )
        .await;
    let confirm = format!("/v1/payment_intents/{}/confirm", id(&pi));
    let (status, body) = sim.post_on(&seller, &confirm, &[("payment_method", &platform_pm)]).await;
    assert_eq!((status, error(&body).2), (404, Some("payment_method")), "{body}");
    assert_eq!(message(&body), format!("No such PaymentMethod: '{platform_pm}'"));
    let (status, body) = sim.post_on(&seller, &confirm, &[("confirmation_token", &platform_token)]).await;
    assert_eq!((status, error(&body).2), (404, Some("confirmation_token")), "{body}");
    let (status, body) =
        sim.post_on(&seller, &format!("/v1/payment_methods/{platform_pm}/attach"), &[("customer", "cus_x")]).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = sim
        .post_on(
            &seller,
            "/v1/customer_sessions",
            &[("customer", &platform_customer), ("components[payment_element][enabled]", "true")],
        )
        .await;
    assert_eq!((status, error(&body).2), (404, Some("customer")), "{body}");
    let (status, body) = sim.post_on(&seller, "/v1/setup_intents", &[("customer", &platform_customer)]).await;
    assert_eq!((status, error(&body).2), (404, Some("customer")), "{body}");

    // The platform's payment cannot be refunded on the seller's account, nor the seller's on the platform.
    let (_, paid) = sim.create_and_confirm("1099", &sim.confirmation_token("4242424242424242").await).await;
    let (status, _) = sim.post_on(&seller, "/v1/refunds", &[("payment_intent", &id(&paid))]).await;
    assert_eq!(status, 404);
    let (status, _) = sim.post_on(&seller, "/v1/refunds", &[("charge", paid["latest_charge"].as_str().unwrap())]).await;
    assert_eq!(status, 404);
    let (status, _) = sim.get_on(&seller, &format!("/v1/charges/{}", paid["latest_charge"].as_str().unwrap())).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn idempotency_keys_are_per_account() {
    let sim = common::start().await;
    let (a, b) = (sim.connected_account().await, sim.connected_account().await);
    let form = [("amount", "1000"), ("currency", "usd")];
    let create = |account: &str| {
        sim.http
            .post(format!("{}/v1/payment_intents", sim.base))
            .bearer_auth(common::SK)
            .header("Stripe-Account", account)
            .header("Idempotency-Key", "order-1")
            .form(&form)
    };
    let (_, on_a) = sim.send(create(&a)).await;
    let (_, on_b) = sim.send(create(&b)).await;
    let (_, again_a) = sim.send(create(&a)).await;
    assert_ne!(on_a["id"], on_b["id"]);
    assert_eq!(on_a["id"], again_a["id"]);
}

// ---- Stripe.js on a connected account -------------------------------------------------------

#[tokio::test]
async fn stripe_js_names_the_account_as_stripe_account_beside_its_key() {
    let sim = common::start().await;
    let seller = sim.connected_account().await;
    // A ConfirmationToken Stripe.js made for the seller (Stripe(pk, {stripeAccount})).
    let mut form = stripe_sim::card_token_form(common::PK, "4242424242424242")[1..].to_vec();
    form.push(("_stripe_account", &seller));
    let (status, token) = sim.post_as_stripe_js("/v1/confirmation_tokens", &form).await;
    assert_eq!(status, 200, "{token}");
    let (status, _) = sim.get(&format!("/v1/confirmation_tokens/{}", id(&token))).await;
    assert_eq!(status, 404, "not the platform's");
    let create = [
        ("amount", "1500"),
        ("currency", "usd"),
        ("confirm", "true"),
        ("confirmation_token", token["id"].as_str().unwrap()),
    ];
    let (status, pi) = sim.post_on(&seller, "/v1/payment_intents", &create).await;
    assert_eq!((status, pi["status"].as_str()), (200, Some("succeeded")), "{pi}");
    let (_, pm) = sim.get_on(&seller, &format!("/v1/payment_methods/{}", pi["payment_method"].as_str().unwrap())).await;
    assert_eq!(pm["card"]["last4"], "4242", "the PaymentMethod is the seller's too");

    // Reading it back with the client secret, as retrievePaymentIntent does: only on its account.
    let secret = pi["client_secret"].as_str().unwrap();
    let retrieve = |account: Option<&str>| {
        let mut query = vec![("key", common::PK), ("client_secret", secret)];
        query.extend(account.map(|a| ("_stripe_account", a)));
        sim.http.get(format!("{}/v1/payment_intents/{}", sim.base, id(&pi))).query(&query)
    };
    let (status, public) = sim.send(retrieve(Some(&seller))).await;
    assert_eq!((status, public["status"].as_str()), (200, Some("succeeded")), "{public}");
    assert_eq!(public.get("application_fee_amount"), None, "public fields only");
    let (status, body) = sim.send(retrieve(None)).await;
    assert_eq!((status, error(&body).1), (404, Some("resource_missing")), "{body}");

    // The Payment Element's elements session: the intent is found on the seller's account only.
    let session = |account: Option<&str>| {
        let mut query = vec![("key", common::PK), ("client_secret", secret)];
        query.extend(account.map(|a| ("_stripe_account", a)));
        sim.http.get(format!("{}/v1/elements/sessions", sim.base)).query(&query)
    };
    let (status, loaded) = sim.send(session(Some(&seller))).await;
    assert_eq!((status, loaded["payment_intent"]["id"].as_str()), (200, pi["id"].as_str()), "{loaded}");
    let (status, body) = sim.send(session(None)).await;
    assert_eq!(status, 400);
    assert_eq!(
        message(&body),
        "The client_secret provided does not match any associated PaymentIntent on this account."
    );
}

#[tokio::test]
async fn three_d_secure_for_a_connected_accounts_payment_names_the_account() {
    let sim = common::start().await;
    let seller = sim.connected_account().await;
    let create = [
        ("amount", "2500"),
        ("currency", "usd"),
        ("confirm", "true"),
        ("payment_method", "pm_card_authenticationRequiredOnSetup"),
        ("payment_method_types[]", "card"),
    ];
    let (_, pi) = sim.post_on(&seller, "/v1/payment_intents", &create).await;
    assert_eq!(
        (pi["status"].as_str(), pi["next_action"]["type"].as_str()),
        (Some("requires_action"), Some("use_stripe_sdk"))
    );
    let complete = |merchant: Option<&str>| {
        let mut form = vec![("client_secret", pi["client_secret"].as_str().unwrap())];
        form.extend(merchant.map(|m| ("merchant", m)));
        sim.http.post(format!("{}/three_d_secure/{}/complete", sim.base, id(&pi))).form(&form)
    };
    let (status, body) = sim.send(complete(None)).await;
    assert_eq!(status, 404, "not the platform's: {body}");
    let (status, done) = sim.send(complete(Some(&seller))).await;
    assert_eq!((status, done["status"].as_str()), (200, Some("succeeded")), "{done}");

    // By redirect: Stripe's page is told the account.
    let mut form = stripe_sim::card_token_form(common::PK, "4000002760003184")[1..].to_vec();
    form.push(("_stripe_account", &seller));
    let (_, token) = sim.post_as_stripe_js("/v1/confirmation_tokens", &form).await;
    let redirect = [
        ("amount", "2500"),
        ("currency", "usd"),
        ("confirm", "true"),
        ("confirmation_token", token["id"].as_str().unwrap()),
    ];
    let (status, pi) = sim.post_on(&seller, "/v1/payment_intents", &redirect).await;
    assert_eq!(status, 200, "{pi}");
    let url = pi["next_action"]["redirect_to_url"]["url"].as_str().unwrap();
    assert!(url.ends_with(&format!("&merchant={seller}")), "{url}");
}

// ---- cloning PaymentMethods ------------------------------------------------------------------

#[tokio::test]
async fn a_platform_payment_method_is_cloned_onto_a_connected_account_and_charged_there() {
    let sim = common::start().await;
    let seller = sim.connected_account().await;
    let (customer, original) = platform_customer_with_visa(&sim).await;
    sim.post(&format!("/v1/payment_methods/{original}"), &[("billing_details[name]", "Jenny Rosen")]).await;
    let (status, clone) =
        sim.post_on(&seller, "/v1/payment_methods", &[("customer", &customer), ("payment_method", &original)]).await;
    assert_eq!(status, 200, "{clone}");
    assert_ne!(clone["id"], json!(original));
    assert_eq!(clone["customer"], Value::Null, "no customer until attached on the account");
    let (_, platform_pm) = sim.get(&format!("/v1/payment_methods/{original}")).await;
    for field in ["brand", "last4", "exp_month", "exp_year", "fingerprint"] {
        assert_eq!(clone["card"][field], platform_pm["card"][field], "{field}");
    }
    assert_eq!(clone["billing_details"]["name"], "Jenny Rosen");
    assert_eq!(sim.get(&format!("/v1/payment_methods/{}", id(&clone))).await.0, 404, "the clone is the seller's");
    assert_eq!(sim.get_on(&seller, &format!("/v1/payment_methods/{}", id(&clone))).await.0, 200);

    // Attached to the seller's own customer, then charged on the seller's account.
    let (_, buyer) = sim.post_on(&seller, "/v1/customers", &[("email", "jenny@example.com")]).await;
    let (status, attached) =
        sim.post_on(&seller, &format!("/v1/payment_methods/{}/attach", id(&clone)), &[("customer", &id(&buyer))]).await;
    assert_eq!((status, attached["customer"].as_str()), (200, buyer["id"].as_str()), "{attached}");
    let (_, listed) = sim.get_on(&seller, &format!("/v1/customers/{}/payment_methods", id(&buyer))).await;
    assert_eq!(listed["data"][0]["id"], clone["id"]);
    let pay = [
        ("amount", "4200"),
        ("currency", "usd"),
        ("confirm", "true"),
        ("customer", buyer["id"].as_str().unwrap()),
        ("payment_method", clone["id"].as_str().unwrap()),
        ("payment_method_types[]", "card"),
        ("application_fee_amount", "420"),
    ];
    let (status, pi) = sim.post_on(&seller, "/v1/payment_intents", &pay).await;
    assert_eq!((status, pi["status"].as_str()), (200, Some("succeeded")), "{pi}");
    // Payments made with the clone do not show on the platform's customer.
    let (_, platform_payments) = sim.get(&format!("/v1/payment_intents?customer={customer}")).await;
    assert_eq!(platform_payments["data"], json!([]));

    // An attached PaymentMethod can be cloned again, to another seller.
    let other = sim.connected_account().await;
    let (status, _) =
        sim.post_on(&other, "/v1/payment_methods", &[("customer", &customer), ("payment_method", &original)]).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn cloning_is_refused_as_stripe_refuses_it() {
    let sim = common::start().await;
    let (seller, other) = (sim.connected_account().await, sim.connected_account().await);
    let (customer, attached) = platform_customer_with_visa(&sim).await;
    let (other_customer, _) = platform_customer_with_visa(&sim).await;
    let (_, unattached) = sim
        .post(
            "/v1/payment_methods",
            &[
                ("type", "card"),
                ("card[number]", "4242424242424242"),
                ("card[exp_month]", "12"),
                ("card[exp_year]", "2040"),
                ("card[cvc]", "123"),
            ],
        )
        .await;
    let unattached = id(&unattached);
    let (_, sellers_own) = sim
        .post_on(
            &seller,
            "/v1/payment_methods/pm_card_visa/attach",
            &[("customer", &id(&sim.post_on(&seller, "/v1/customers", &[]).await.1))],
        )
        .await;
    let not_attached_to = |pm: &str| {
        format!(
            "The customer does not have a payment method with the ID {pm}. The payment method must be attached to the customer."
        )
    };
    let cases: Vec<(&str, Form, u16, &str, String)> = vec![
        // An unattached method, or another customer's, with a customer.
        (
            seller.as_str(),
            vec![("customer", &customer), ("payment_method", &unattached)],
            400,
            "payment_method",
            not_attached_to(&unattached),
        ),
        (
            seller.as_str(),
            vec![("customer", &other_customer), ("payment_method", &attached)],
            400,
            "payment_method",
            not_attached_to(&attached),
        ),
        // A method that is not the platform's (a connected account's), or none at all.
        (
            other.as_str(),
            vec![("customer", &customer), ("payment_method", sellers_own["id"].as_str().unwrap())],
            404,
            "payment_method",
            format!("No such PaymentMethod: '{}'", id(&sellers_own)),
        ),
        (
            seller.as_str(),
            vec![("customer", &customer), ("payment_method", "pm_nothing")],
            404,
            "payment_method",
            "No such PaymentMethod: 'pm_nothing'".into(),
        ),
        (
            seller.as_str(),
            vec![("customer", "cus_nobody"), ("payment_method", &attached)],
            404,
            "customer",
            "No such customer: 'cus_nobody'".into(),
        ),
        // An attached method without its customer.
        (
            seller.as_str(),
            vec![("payment_method", &attached)],
            400,
            "customer",
            format!(
                "The PaymentMethod {attached} is attached to the Customer {customer}: pass that customer as `customer` to clone it."
            ),
        ),
    ];
    for (account, form, status, param, words) in cases {
        let (got, body) = sim.post_on(account, "/v1/payment_methods", &form).await;
        assert_eq!(
            (got, error(&body).0, error(&body).2),
            (status, Some("invalid_request_error"), Some(param)),
            "{form:?}: {body}"
        );
        assert_eq!(message(&body), words, "{form:?}");
    }
    // Onto the platform itself (no connected account), or an account that is not the platform's.
    let (status, body) =
        sim.post("/v1/payment_methods", &[("customer", &customer), ("payment_method", &attached)]).await;
    assert_eq!((status, error(&body).2), (400, Some("payment_method")), "{body}");
    assert!(message(&body).contains("Stripe-Account header"), "{body}");
    let (status, body) = sim
        .post_on("acct_nobody", "/v1/payment_methods", &[("customer", &customer), ("payment_method", &attached)])
        .await;
    assert_eq!((status, error(&body).1), (403, Some("account_invalid")), "{body}");
    // Not from Stripe.js.
    let (status, _) = sim
        .post_as_stripe_js("/v1/payment_methods", &[("payment_method", &attached), ("_stripe_account", &seller)])
        .await;
    assert_eq!(status, 403);

    // Without a customer, an unattached method may be shared once; then it is spent.
    let (status, shared) = sim.post_on(&seller, "/v1/payment_methods", &[("payment_method", &unattached)]).await;
    assert_eq!(status, 200, "{shared}");
    let (status, body) = sim.post_on(&other, "/v1/payment_methods", &[("payment_method", &unattached)]).await;
    assert_eq!(status, 400);
    assert!(message(&body).starts_with("The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account"), "{body}");
    let (status, _) = sim
        .post(
            "/v1/payment_intents",
            &[
                ("amount", "1000"),
                ("currency", "usd"),
                ("confirm", "true"),
                ("payment_method", &unattached),
                ("payment_method_types[]", "card"),
            ],
        )
        .await;
    assert_eq!(status, 400, "spent on the platform too");
}

// ---- direct charges and application fees ------------------------------------------------------

#[tokio::test]
async fn a_direct_charge_takes_the_platforms_application_fee() {
    let sim = common::start().await;
    let seller = sim.connected_account().await;
    let pay = [
        ("amount", "10000"),
        ("currency", "usd"),
        ("application_fee_amount", "1230"),
        ("confirm", "true"),
        ("payment_method", "pm_card_visa"),
        ("payment_method_types[]", "card"),
    ];
    let (status, pi) = sim.post_on(&seller, "/v1/payment_intents", &pay).await;
    assert_eq!((status, pi["status"].as_str()), (200, Some("succeeded")), "{pi}");
    assert_eq!(pi["application_fee_amount"], 1230);
    let charge_id = pi["latest_charge"].as_str().unwrap();
    let (_, charge) = sim.get_on(&seller, &format!("/v1/charges/{charge_id}")).await;
    assert_eq!(charge["application_fee_amount"], 1230);
    assert_eq!(charge["application"], pi["application"]);
    let fee_id = charge["application_fee"].as_str().unwrap();
    assert!(fee_id.starts_with("fee_"), "{charge}");

    // The fee is the platform's.
    let (status, fee) = sim.get(&format!("/v1/application_fees/{fee_id}")).await;
    assert_eq!(status, 200, "{fee}");
    assert_eq!(fee["object"], "application_fee");
    assert_eq!((fee["account"].as_str(), fee["charge"].as_str()), (Some(seller.as_str()), Some(charge_id)));
    assert_eq!((fee["amount"].as_i64(), fee["currency"].as_str()), (Some(1230), Some("usd")));
    assert_eq!((fee["amount_refunded"].as_i64(), fee["refunded"].as_bool()), (Some(0), Some(false)));
    assert_eq!(fee["application"], pi["application"]);
    assert_eq!(fee["originating_transaction"], Value::Null);
    assert_eq!(fee["fee_source"], json!({"charge": charge_id, "type": "charge"}));
    let (_, listed) = sim.get("/v1/application_fees").await;
    assert_eq!(listed["data"][0]["id"], fee["id"]);
    let (_, by_charge) = sim.get(&format!("/v1/application_fees?charge={charge_id}")).await;
    assert_eq!(by_charge["data"].as_array().unwrap().len(), 1);
    let (status, _) = sim.get_on(&seller, &format!("/v1/application_fees/{fee_id}")).await;
    assert_eq!(status, 404, "not on the connected account");
    let (_, none) = sim.get_on(&seller, "/v1/application_fees").await;
    assert_eq!(none["data"], json!([]));

    // Refunding with the fee gives back its share of the platform's fee; the rest with the rest.
    let refund = |amount| [("charge", charge_id), ("amount", amount), ("refund_application_fee", "true")];
    assert_eq!(sim.post_on(&seller, "/v1/refunds", &refund("2500")).await.0, 200);
    let (_, partly) = sim.get(&format!("/v1/application_fees/{fee_id}")).await;
    assert_eq!((partly["amount_refunded"].as_i64(), partly["refunded"].as_bool()), (Some(307), Some(false)));
    assert_eq!(partly["refunds"]["data"][0]["object"], "fee_refund");
    assert_eq!(sim.post_on(&seller, "/v1/refunds", &refund("7500")).await.0, 200);
    let (_, refunded) = sim.get(&format!("/v1/application_fees/{fee_id}")).await;
    assert_eq!((refunded["amount_refunded"].as_i64(), refunded["refunded"].as_bool()), (Some(1230), Some(true)));
    let (_, fee_refunds) = sim.get(&format!("/v1/application_fees/{fee_id}/refunds")).await;
    assert_eq!(fee_refunds["data"].as_array().unwrap().len(), 2);

    // A decline takes no fee.
    let mut decline = pay.to_vec();
    decline[4] = ("payment_method", "pm_card_chargeDeclined");
    let (status, body) = sim.post_on(&seller, "/v1/payment_intents", &decline).await;
    assert_eq!(status, 402);
    let (_, failed) = sim.get_on(&seller, &format!("/v1/charges/{}", body["error"]["charge"].as_str().unwrap())).await;
    assert_eq!(
        (failed["application_fee"].clone(), failed["application_fee_amount"].as_i64()),
        (Value::Null, Some(1230))
    );
    let (_, fees) = sim.get("/v1/application_fees").await;
    assert_eq!(fees["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn application_fees_are_refused_as_stripe_refuses_them() {
    let sim = common::start().await;
    let seller = sim.connected_account().await;
    let base = [("amount", "1000"), ("currency", "usd")];
    let with = |extra: &[(&'static str, &'static str)]| [&base[..], extra].concat();
    let (status, body) =
        sim.post_on(&seller, "/v1/payment_intents", &with(&[("application_fee_amount", "1001")])).await;
    assert_eq!((status, error(&body).2), (400, Some("application_fee_amount")), "{body}");
    assert!(message(&body).contains("cannot be greater than the amount"), "{body}");
    let (status, body) = sim.post("/v1/payment_intents", &with(&[("application_fee_amount", "100")])).await;
    assert_eq!((status, error(&body).2), (400, Some("application_fee_amount")), "{body}");
    assert_eq!(
        message(&body),
        "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth \
         key or Stripe-Account header) or destination payment (using `transfer_data[destination]`)."
    );
    let (status, body) = sim.post_on(&seller, "/v1/payment_intents", &with(&[("application_fee_amount", "-1")])).await;
    assert_eq!((status, error(&body).2), (400, Some("application_fee_amount")), "{body}");
    let (status, ok) = sim.post_on(&seller, "/v1/payment_intents", &with(&[("application_fee_amount", "1000")])).await;
    assert_eq!((status, ok["application_fee_amount"].as_i64()), (200, Some(1000)), "all of it may go to the platform");
    let (_, platform) = sim.get("/v1/payment_intents").await;
    assert_eq!(platform["data"], json!([]), "the refused ones made nothing");
}

#[tokio::test]
async fn destination_charges_are_recorded_with_their_fee_and_without_transfers() {
    let sim = common::start().await;
    let seller = sim.connected_account().await;
    let form = [
        ("amount", "5000"),
        ("currency", "usd"),
        ("transfer_data[destination]", seller.as_str()),
        ("transfer_data[amount]", "4500"),
        ("on_behalf_of", seller.as_str()),
        ("confirm", "true"),
        ("payment_method", "pm_card_visa"),
        ("payment_method_types[]", "card"),
    ];
    let (status, pi) = sim.post("/v1/payment_intents", &form).await;
    assert_eq!((status, pi["status"].as_str()), (200, Some("succeeded")), "{pi}");
    assert_eq!(pi["transfer_data"], json!({"amount": 4500, "destination": seller}));
    assert_eq!(pi["on_behalf_of"], json!(seller));
    assert_eq!(pi["application"], Value::Null, "the platform's own PaymentIntent");
    let (_, charge) = sim.get(&format!("/v1/charges/{}", pi["latest_charge"].as_str().unwrap())).await;
    assert_eq!(charge["transfer_data"], pi["transfer_data"]);
    assert_eq!(charge["on_behalf_of"], json!(seller));

    let cases: Vec<(Form, u16, &str, &str)> = vec![
        (
            vec![("transfer_data[destination]", "acct_nobody")],
            404,
            "transfer_data[destination]",
            "No such destination: 'acct_nobody'",
        ),
        (
            vec![("transfer_data[amount]", "100")],
            400,
            "transfer_data[destination]",
            "Missing required param: transfer_data[destination].",
        ),
        (
            vec![("transfer_data[destination]", &seller), ("transfer_data[amount]", "5001")],
            400,
            "transfer_data[amount]",
            "transfer_data[amount] must be between",
        ),
        (vec![("on_behalf_of", "acct_nobody")], 404, "on_behalf_of", "No such account: 'acct_nobody'"),
        (
            vec![
                ("transfer_data[destination]", &seller),
                ("transfer_data[amount]", "4000"),
                ("application_fee_amount", "100"),
            ],
            400,
            "",
            "You may only specify one of these parameters: application_fee_amount, transfer_data[amount].",
        ),
        (
            vec![("transfer_data[destination]", &seller), ("application_fee_amount", "5001")],
            400,
            "application_fee_amount",
            "The application_fee_amount (5001) cannot be greater than",
        ),
    ];
    for (extra, status, param, words) in cases {
        let form = [&[("amount", "5000"), ("currency", "usd")][..], &extra].concat();
        let (got, body) = sim.post("/v1/payment_intents", &form).await;
        assert_eq!((got, error(&body).2.unwrap_or("")), (status, param), "{extra:?}: {body}");
        assert!(message(&body).starts_with(words), "{extra:?}: {body}");
    }
    // A destination charge may take the platform's fee: an application fee from the seller.
    let with_fee = [
        ("amount", "5000"),
        ("currency", "usd"),
        ("transfer_data[destination]", seller.as_str()),
        ("on_behalf_of", seller.as_str()),
        ("application_fee_amount", "450"),
        ("confirm", "true"),
        ("payment_method", "pm_card_visa"),
        ("payment_method_types[]", "card"),
    ];
    let (status, pi) = sim.post("/v1/payment_intents", &with_fee).await;
    assert_eq!((status, pi["application_fee_amount"].as_i64()), (200, Some(450)), "{pi}");
    let (_, charge) = sim.get(&format!("/v1/charges/{}", pi["latest_charge"].as_str().unwrap())).await;
    let (_, fee) = sim.get(&format!("/v1/application_fees/{}", charge["application_fee"].as_str().unwrap())).await;
    assert_eq!(
        (fee["amount"].as_i64(), fee["account"].as_str(), fee["originating_transaction"].as_str()),
        (Some(450), Some(seller.as_str()), charge["id"].as_str()),
        "{fee}"
    );
    // A direct charge is already the seller's: no destination on top.
    let (status, body) = sim
        .post_on(&seller, "/v1/payment_intents", &[("amount", "5000"), ("currency", "usd"), ("on_behalf_of", &seller)])
        .await;
    assert_eq!(status, 400, "{body}");
}

// ---- Connect webhooks ----------------------------------------------------------------------

/// A stand-in with a platform endpoint and a Connect endpoint, each with its own secret.
async fn with_endpoints(
    platform_statuses: Vec<u16>,
    connect_statuses: Vec<u16>,
) -> (common::Running, Receiver, Receiver) {
    let (platform_url, platform) = Receiver::start(platform_statuses).await;
    let (connect_url, connect) = Receiver::start(connect_statuses).await;
    let (base, _sim) = stripe_sim::spawn_with(|sim| {
        sim.add_webhook_endpoint(&platform_url, PLATFORM_SECRET);
        sim.add_connect_webhook_endpoint(&connect_url, CONNECT_SECRET);
        sim.set_webhook_retry(Duration::from_millis(30));
    })
    .await
    .unwrap();
    (common::Running { base, http: reqwest::Client::new() }, platform, connect)
}

#[tokio::test]
async fn connected_accounts_events_go_to_the_connect_endpoint_signed_with_its_secret() {
    let (sim, platform, connect) = with_endpoints(vec![], vec![]).await;
    let seller = sim.connected_account().await;
    let pay = [
        ("amount", "3000"),
        ("currency", "usd"),
        ("application_fee_amount", "300"),
        ("confirm", "true"),
        ("payment_method", "pm_card_visa"),
        ("payment_method_types[]", "card"),
    ];
    let (_, pi) = sim.post_on(&seller, "/v1/payment_intents", &pay).await;
    sim.post(&format!("/v1/accounts/{seller}"), &[("email", "new@example.com")]).await;
    assert!(connect.wait_for(4).await, "{:?}", connect.types());
    assert_eq!(
        connect.types(),
        ["payment_intent.created", "payment_intent.succeeded", "charge.succeeded", "account.updated"]
    );
    for (signature, event) in connect.received.lock().unwrap().iter() {
        assert_eq!(event["account"], json!(seller), "{event}");
        assert!(signature_valid(CONNECT_SECRET, signature.as_deref().unwrap(), &event.to_string()));
        assert!(!signature_valid(PLATFORM_SECRET, signature.as_deref().unwrap(), &event.to_string()));
        assert_eq!(event["pending_webhooks"], 1);
    }
    let updated = connect.received.lock().unwrap()[3].1.clone();
    assert_eq!(updated["data"]["object"]["email"], "new@example.com");
    assert_eq!(updated["data"]["previous_attributes"]["email"], "seller@example.com");
    assert_eq!(connect.received.lock().unwrap()[1].1["data"]["object"]["id"], pi["id"]);

    // The platform's endpoint gets the platform's events only: its fee, and its own payments.
    assert!(platform.wait_for(1).await);
    let token = sim.confirmation_token("4242424242424242").await;
    sim.create_and_confirm("1099", &token).await;
    assert!(platform.wait_for(4).await, "{:?}", platform.types());
    assert_eq!(
        platform.types(),
        ["application_fee.created", "payment_intent.created", "payment_intent.succeeded", "charge.succeeded"]
    );
    for (signature, event) in platform.received.lock().unwrap().iter() {
        assert_eq!(event.get("account"), None, "{event}");
        assert!(signature_valid(PLATFORM_SECRET, signature.as_deref().unwrap(), &event.to_string()));
    }
    assert_eq!(connect.types().len(), 4, "nothing of the platform's on the Connect endpoint");

    // Through the API: the platform's events, or with the header the account's.
    let (_, platform_events) = sim.get("/v1/events").await;
    assert!(platform_events["data"].as_array().unwrap().iter().all(|e| e.get("account").is_none()));
    let (_, seller_events) = sim.get_on(&seller, "/v1/events?type=account.updated").await;
    assert_eq!(seller_events["data"][0]["id"], updated["id"]);
    let (status, _) = sim.get(&format!("/v1/events/{}", updated["id"].as_str().unwrap())).await;
    assert_eq!(status, 404, "not the platform's event");
}

#[tokio::test]
async fn connect_deliveries_are_retried_redelivered_forged_and_reordered_like_the_platforms() {
    let (sim, platform, connect) = with_endpoints(vec![], vec![500, 503]).await;
    let seller = sim.connected_account().await;
    sim.post_on(&seller, "/v1/payment_intents", &[("amount", "1000"), ("currency", "usd")]).await;
    assert!(connect.wait_for(3).await, "{:?}", connect.types());
    let (_, attempts) = sim.send(sim.http.get(format!("{}/_sim/webhooks/attempts", sim.base))).await;
    let statuses: Vec<(u64, bool)> = attempts
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["status"].as_u64().unwrap(), a["connect"].as_bool().unwrap()))
        .collect();
    assert_eq!(statuses, [(500, true), (503, true), (200, true)]);
    assert_eq!(platform.types(), Vec::<String>::new());

    // Redelivered (and forged) to the Connect endpoint only.
    let (_, events) = sim.get_on(&seller, "/v1/events").await;
    let event = events["data"][0]["id"].as_str().unwrap().to_owned();
    let deliver =
        |body: Value| sim.send(sim.http.post(format!("{}/_sim/events/{event}/deliver", sim.base)).json(&body));
    let (_, out) = deliver(json!({"times": 2})).await;
    assert_eq!(out["statuses"], json!([200, 200]));
    deliver(json!({"signing": "forged"})).await;
    let received = connect.received.lock().unwrap().clone();
    assert_eq!(received.len(), 6);
    assert!(!signature_valid(CONNECT_SECRET, received[5].0.as_deref().unwrap(), &received[5].1.to_string()), "forged");
    assert_eq!(platform.types(), Vec::<String>::new());

    // Held, then released in reverse.
    sim.send(sim.http.post(format!("{}/_sim/webhooks/pause", sim.base))).await;
    let form = [("amount", "1000"), ("currency", "usd"), ("payment_method_types[]", "card")];
    let (_, pi) = sim.post_on(&seller, "/v1/payment_intents", &form).await;
    sim.post_on(&seller, &format!("/v1/payment_intents/{}/confirm", id(&pi)), &[("payment_method", "pm_card_visa")])
        .await;
    sim.send(sim.http.post(format!("{}/_sim/webhooks/resume?order=reverse", sim.base))).await;
    assert!(connect.wait_for(9).await, "{:?}", connect.types());
    assert_eq!(connect.types()[6..], ["charge.succeeded", "payment_intent.succeeded", "payment_intent.created"]);
    assert_eq!(platform.types(), Vec::<String>::new());
}

#[tokio::test]
async fn a_connect_endpoint_can_be_added_through_the_control() {
    let (url, connect) = Receiver::start(vec![]).await;
    let sim = common::start().await;
    let endpoint = json!({"url": url, "secret": CONNECT_SECRET, "connect": true});
    let (status, _) = sim.send(sim.http.post(format!("{}/_sim/webhooks/endpoints", sim.base)).json(&endpoint)).await;
    assert_eq!(status, 200);
    let (_, endpoints) = sim.send(sim.http.get(format!("{}/_sim/webhooks/endpoints", sim.base))).await;
    assert_eq!(endpoints[0]["connect"], true);
    let seller = sim.connected_account().await;
    sim.post_on(&seller, "/v1/customers", &[]).await;
    sim.post_on(&seller, "/v1/payment_intents", &[("amount", "1000"), ("currency", "usd")]).await;
    assert!(connect.wait_for(1).await);
    assert_eq!(connect.types(), ["payment_intent.created"]);
}
