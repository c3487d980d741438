//! The generated history (`POST /_sim/history/seed`) and the lists a data export reads:
//! deterministic from a seed, paged newest first with `starting_after`, windowed by `created`.

mod common;

use serde_json::{Value, json};

const UNTIL: i64 = 1_764_547_200;

async fn seed(sim: &common::Running, charges: usize) -> Value {
    let url = format!("{}/_sim/history/seed", sim.base);
    let (status, seeded) =
        sim.send(sim.http.post(url).json(&json!({"seed": 7, "charges": charges, "days": 30, "until": UNTIL}))).await;
    assert_eq!(status, 200, "{seeded}");
    seeded
}

/// Every object of `resource` within `query`, page by page.
async fn all(sim: &common::Running, resource: &str, query: &str) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    loop {
        let after = out.last().map(|o| format!("&starting_after={}", o["id"].as_str().unwrap())).unwrap_or_default();
        let (status, page) = sim.get(&format!("/v1/{resource}?limit=100{query}{after}")).await;
        assert_eq!(status, 200, "{page}");
        out.extend(page["data"].as_array().unwrap().iter().cloned());
        if page["has_more"] != true {
            return out;
        }
    }
}

#[tokio::test]
async fn the_same_seed_makes_the_same_history_and_the_lists_hold_all_of_it() {
    let (a, b) = (common::start().await, common::start().await);
    let seeded = seed(&a, 2_000).await;
    assert_eq!(seed(&b, 2_000).await, seeded);
    let charges = all(&a, "charges", "").await;
    assert_eq!(charges.len(), 2_000);
    assert_eq!(
        all(&b, "charges", "").await.iter().map(|c| c["id"].clone()).collect::<Vec<_>>(),
        charges.iter().map(|c| c["id"].clone()).collect::<Vec<_>>()
    );
    // Newest first, all within the 30 days.
    assert!(charges.windows(2).all(|w| w[0]["created"].as_i64() >= w[1]["created"].as_i64()));
    assert!(charges.iter().all(|c| (UNTIL - 30 * 86_400..UNTIL).contains(&c["created"].as_i64().unwrap())));
    let succeeded: i64 =
        charges.iter().filter(|c| c["status"] == "succeeded").map(|c| c["amount"].as_i64().unwrap()).sum();
    assert_eq!(succeeded, seeded["succeeded_amount"].as_i64().unwrap());
    // Every method of the mix, BNPL within its limits (Affirm from 50 USD).
    for method in ["card", "klarna", "afterpay_clearpay", "affirm", "zip"] {
        assert!(charges.iter().any(|c| c["payment_method_details"]["type"] == method), "{method}");
    }
    assert!(
        charges
            .iter()
            .filter(|c| c["payment_method_details"]["type"] == "affirm")
            .all(|c| c["amount"].as_i64() >= Some(5_000))
    );
    for (resource, query, key) in [
        ("refunds", "", "refunds"),
        ("balance_transactions", "", "balance_transactions"),
        ("customers", "", "customers"),
        ("subscriptions", "&status=all", "subscriptions"),
        ("products", "", "products"),
    ] {
        assert_eq!(all(&a, resource, query).await.len() as i64, seeded[key].as_i64().unwrap(), "{resource}");
    }
    let refunds = all(&a, "refunds", "").await;
    assert_eq!(
        refunds.iter().map(|r| r["amount"].as_i64().unwrap()).sum::<i64>(),
        seeded["refunded_amount"].as_i64().unwrap()
    );
    // A refund's charge says it was refunded; its balance transaction is the money out.
    let (_, charge) = a.get(&format!("/v1/charges/{}", refunds[0]["charge"].as_str().unwrap())).await;
    assert!(charge["amount_refunded"].as_i64() >= refunds[0]["amount"].as_i64());
    let (_, txn) =
        a.get(&format!("/v1/balance_transactions/{}", refunds[0]["balance_transaction"].as_str().unwrap())).await;
    assert_eq!(
        (txn["type"].as_str(), txn["amount"].as_i64()),
        (Some("refund"), refunds[0]["amount"].as_i64().map(|a| -a))
    );
}

#[tokio::test]
async fn created_windows_split_a_list_without_losing_or_repeating_anything() {
    let sim = common::start().await;
    seed(&sim, 1_500).await;
    let middle = UNTIL - 15 * 86_400;
    let before = all(&sim, "charges", &format!("&created[lt]={middle}")).await;
    let after = all(&sim, "charges", &format!("&created[gte]={middle}")).await;
    assert_eq!(before.len() + after.len(), 1_500);
    assert!(before.iter().all(|c| c["created"].as_i64() < Some(middle)));
    assert!(after.iter().all(|c| c["created"].as_i64() >= Some(middle)));
    // A live charge is listed too, newest.
    let token = sim.confirmation_token("4242424242424242").await;
    let (_, pi) = sim.create_and_confirm("2000", &token).await;
    let (_, page) = sim.get("/v1/charges?limit=1").await;
    assert_eq!(page["data"][0]["payment_intent"], pi["id"]);
    let (status, err) = sim.get("/v1/charges?starting_after=ch_nope").await;
    assert_eq!((status, err["error"]["message"].as_str()), (404, Some("No such charge: 'ch_nope'")));
}

/// Stripe leaves canceled subscriptions out of `GET /v1/subscriptions` unless `status` asks for
/// them (`all`, `canceled`, `ended`), and lists active prices unless `active=false`: a reader
/// that wants everything must ask, and the stand-in makes it.
#[tokio::test]
async fn canceled_subscriptions_and_archived_prices_are_listed_only_when_asked_for() {
    let sim = common::start().await;
    let seeded = seed(&sim, 1_500).await;
    let (subscriptions, canceled) = (
        seeded["subscriptions"].as_u64().unwrap() as usize,
        seeded["subscriptions_canceled"].as_u64().unwrap() as usize,
    );
    assert!(canceled > 0, "{seeded}");
    let listed = all(&sim, "subscriptions", "").await;
    assert_eq!(listed.len(), subscriptions - canceled);
    assert!(listed.iter().all(|s| s["status"] != "canceled"));
    let only_canceled = all(&sim, "subscriptions", "&status=canceled").await;
    assert_eq!(only_canceled.len(), canceled);
    assert!(only_canceled.iter().all(|s| s["status"] == "canceled" && s["canceled_at"].is_i64()));
    assert_eq!(all(&sim, "subscriptions", "&status=ended").await.len(), canceled);
    assert_eq!(all(&sim, "subscriptions", "&status=all").await.len(), subscriptions);
    let (status, err) = sim.get("/v1/subscriptions?status=gone").await;
    assert_eq!((status, err["error"]["param"].as_str()), (400, Some("status")), "{err}");

    let (prices, archived) =
        (seeded["prices"].as_u64().unwrap() as usize, seeded["prices_inactive"].as_u64().unwrap() as usize);
    assert!(archived > 0, "{seeded}");
    let active = all(&sim, "prices", "").await;
    assert_eq!(active.len(), prices - archived);
    assert!(active.iter().all(|p| p["active"] == true));
    assert_eq!(all(&sim, "prices", "&active=true").await.len(), prices - archived);
    let inactive = all(&sim, "prices", "&active=false").await;
    assert_eq!(inactive.len(), archived);
    assert!(inactive.iter().all(|p| p["active"] == false));
    // An archived price is still retrieved by id (a past subscription or charge names it).
    let (status, price) = sim.get(&format!("/v1/prices/{}", inactive[0]["id"].as_str().unwrap())).await;
    assert_eq!((status, price["active"].as_bool()), (200, Some(false)));
    let (status, err) = sim.get("/v1/prices?active=maybe").await;
    assert_eq!((status, err["error"]["param"].as_str()), (400, Some("active")), "{err}");
}
