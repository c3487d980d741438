//! The marketplace (Stripe Connect) over real HTTP, with the stand-in where Stripe would be:
//! a new card pays a seller by a destination charge on the platform; a saved card is shared
//! with another seller and charged there (a direct charge with the platform's fee); Connect
//! events, verified with their own secret, settle the seller's order; bad input makes nothing.
//! On SQLite and (with CHECKOUT_TEST_POSTGRES_URL) PostgreSQL.

mod common;

use std::time::Duration;

use common::{SK, Stack, WEBHOOK_SECRET, databases, fulfilments};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

const CONNECT_SECRET: &str = "whsec_server_tests_connect";

/// The stand-in with both webhook endpoints, a platform customer with a saved Visa, and the
/// server signed in as that customer (the demo sign-in). `extra`: more server configuration.
struct Market {
    stack: Stack,
    customer: String,
    visa: String,
    database: String,
}

async fn market(database: &str, extra: &[(&'static str, String)]) -> Market {
    let (sim, simulator) =
        stripe_sim::spawn_with(|sim| sim.set_webhook_retry(Duration::from_millis(100))).await.unwrap();
    let stripe = Stack::new(String::new(), sim.clone());
    let customer =
        stripe.stripe_post("/v1/customers", &[("email", "jenny@example.com")]).await["id"].as_str().unwrap().to_owned();
    let visa = stripe.stripe_post("/v1/payment_methods/pm_card_visa/attach", &[("customer", &customer)]).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Saved with the shopper's consent to offer it again, as the Payment Element saves cards.
    stripe.stripe_post(&format!("/v1/payment_methods/{visa}"), &[("allow_redisplay", "always")]).await;
    let mut vars = vec![
        ("DATABASE_URL", database.to_owned()),
        ("CHECKOUT_DEMO_CUSTOMER", customer.clone()),
        ("STRIPE_CONNECT_WEBHOOK_SECRET", CONNECT_SECRET.to_owned()),
    ];
    vars.extend_from_slice(extra);
    let server = common::start_server_with(&sim, &vars).await;
    simulator.add_webhook_endpoint(format!("{server}/api/webhooks/stripe"), WEBHOOK_SECRET);
    simulator.add_connect_webhook_endpoint(format!("{server}/api/webhooks/stripe"), CONNECT_SECRET);
    let stack = Stack::new(server, sim);
    Market { stack, customer, visa, database: database.to_owned() }
}

impl Market {
    async fn sign_in(&self) {
        assert_eq!(self.stack.post_json("/api/session/demo", &json!({})).await.0, 200);
    }

    async fn seller(&self, id: &str) -> Value {
        let (status, market) = self.stack.get("/api/marketplace").await;
        assert_eq!(status, 200);
        market["sellers"].as_array().unwrap().iter().find(|s| s["id"] == id).unwrap().clone()
    }

    /// Pays `seller`'s whole shelf with the saved card `card`, as a new attempt.
    async fn pay_saved(&self, seller: &str, card: &str) -> (u16, Value) {
        let body = self.saved_card_body(&common::attempt_id(), seller, card).await;
        self.stack.post_json("/api/marketplace/saved-card-payments", &body).await
    }

    async fn saved_card_body(&self, attempt: &str, seller: &str, card: &str) -> Value {
        let items = items_of(&self.seller(seller).await);
        json!({"attemptId": attempt, "sellerId": seller, "items": items, "paymentMethodId": card})
    }

    /// A list of the stand-in's objects on `account` (`Stripe-Account`), or the platform's.
    async fn list(&self, path: &str, account: Option<&str>) -> Vec<Value> {
        let mut request = self.stack.http.get(format!("{}{path}", self.stack.sim)).bearer_auth(SK);
        if let Some(account) = account {
            request = request.header("Stripe-Account", account);
        }
        let list: Value = request.send().await.unwrap().json().await.unwrap();
        list["data"].as_array().unwrap_or_else(|| panic!("{list}")).clone()
    }
}

impl Market {
    /// One of `account`'s objects, as the stand-in holds it (or its error).
    async fn get_on(&self, account: &str, path: &str) -> Value {
        let request = self.stack.http.get(format!("{}{path}", self.stack.sim)).bearer_auth(SK);
        request.header("Stripe-Account", account).send().await.unwrap().json().await.unwrap()
    }
}

fn items_of(seller: &Value) -> Value {
    let lines = seller["cart"]["lines"].as_array().unwrap();
    lines.iter().map(|l| json!({"productId": l["productId"], "quantity": l["quantity"]})).collect()
}

#[tokio::test]
async fn a_new_card_pays_a_seller_by_a_destination_charge_for_the_seller_less_the_fee() {
    let m = market(&common::sqlite_url(), &[]).await;
    let northwind = m.seller("northwind").await;
    assert_eq!(northwind["name"], "Northwind Ceramics");
    assert_eq!(northwind["cart"]["total"], 5600);
    let token = m.stack.confirmation_token("4242424242424242").await;
    let body = json!({"attemptId": common::attempt_id(), "confirmationTokenId": token, "items": items_of(&northwind), "sellerId": "northwind"});
    let (status, paid) = m.stack.post_json("/api/checkout/confirm", &body).await;
    assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
    assert!(paid.get("stripeAccount").is_none(), "made on the platform: {paid}");
    let intent = &m.list("/v1/payment_intents", None).await[0];
    let order = m.stack.wait_for_status(paid["orderId"].as_str().unwrap(), "paid").await;
    let account = order["seller"]["account"].as_str().unwrap();
    assert!(account.starts_with("acct_"), "{order}");
    assert_eq!(
        (&intent["on_behalf_of"], &intent["transfer_data"]["destination"], &intent["application_fee_amount"]),
        (&json!(account), &json!(account), &json!(560)),
        "10 % of 5600 for the platform: {intent}"
    );
    assert_eq!(
        order["seller"],
        json!({"id": "northwind", "name": "Northwind Ceramics", "account": account, "applicationFeeAmount": 560})
    );
    assert_eq!((order["amount"].as_i64(), order["currency"].as_str()), (Some(5600), Some("usd")));
    assert!(m.list("/v1/payment_intents", Some(account)).await.is_empty(), "nothing on the seller's own account");
}

#[tokio::test]
async fn a_saved_card_pays_another_seller_on_its_own_account_settled_by_a_connect_event() {
    for database in databases().await {
        let m = market(&database, &[]).await;
        m.sign_in().await;
        let (status, cards) = m.stack.get("/api/saved-cards").await;
        assert_eq!(status, 200);
        assert_eq!(
            (cards["cards"][0]["id"].as_str(), &cards["cards"][0]["brand"], &cards["cards"][0]["last4"]),
            (Some(m.visa.as_str()), &json!("visa"), &json!("4242"))
        );
        let platform_before = m.list("/v1/payment_intents", None).await.len();
        let (status, paid) = m.pay_saved("fjord", &m.visa).await;
        assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
        let account = paid["stripeAccount"].as_str().unwrap().to_owned();
        let on_seller = m.list("/v1/payment_intents", Some(&account)).await;
        assert_eq!(on_seller.len(), 1, "exactly one PaymentIntent on the seller's account");
        assert_eq!(m.list("/v1/payment_intents", None).await.len(), platform_before, "none on the platform");
        let intent = &on_seller[0];
        assert_eq!((&intent["amount"], &intent["application_fee_amount"]), (&json!(1800), &json!(144)), "8 %");
        // The card was shared: the clone is a PaymentMethod of the shopper's own customer there.
        let clone = intent["payment_method"].as_str().unwrap().to_owned();
        assert_ne!(clone, m.visa);
        let customer = intent["customer"].as_str().unwrap().to_owned();
        let theirs = m.get_on(&account, &format!("/v1/customers/{customer}")).await;
        assert_eq!(theirs["metadata"]["platform_customer"], json!(m.customer), "{theirs}");
        let shared = m.get_on(&account, &format!("/v1/payment_methods/{clone}")).await;
        assert_eq!((&shared["customer"], &shared["card"]["last4"]), (&json!(customer), &json!("4242")), "{shared}");
        assert_eq!(
            m.get_on(&account, &format!("/v1/payment_methods/{}", m.visa)).await["error"]["code"],
            "resource_missing"
        );
        // The seller's order is settled by the Connect event, once.
        let order_id = paid["orderId"].as_str().unwrap();
        let order = m.stack.wait_for_status(order_id, "paid").await;
        assert_eq!(order["seller"]["account"], json!(account));
        assert_eq!(order["seller"]["applicationFeeAmount"], 144);
        assert!(order["fulfilled"].as_bool().unwrap());
        assert_eq!(fulfilments(&m.database, order_id).await, 1);
        let fees = m.list("/v1/application_fees", None).await;
        assert_eq!((fees[0]["amount"].as_i64(), fees[0]["account"].as_str()), (Some(144), Some(account.as_str())));

        // A second purchase there reuses the shopper's customer and the shared card.
        let (status, again) = m.pay_saved("fjord", &m.visa).await;
        assert_eq!((status, again["status"].as_str()), (200, Some("succeeded")), "{again}");
        let second = &m.list("/v1/payment_intents", Some(&account)).await[0];
        assert_eq!((&second["customer"], &second["payment_method"]), (&json!(customer), &json!(clone)), "{database}");
        assert_eq!(m.list(&format!("/v1/customers/{customer}/payment_methods"), Some(&account)).await.len(), 1);
    }
}

#[tokio::test]
async fn pressing_again_after_a_lost_answer_finds_the_sellers_first_payment() {
    for database in databases().await {
        let m = market(&database, &[("STRIPE_TIMEOUT_SECONDS", "1".into())]).await;
        m.sign_in().await;
        let attempt = common::attempt_id();
        let body = m.saved_card_body(&attempt, "sakura", &m.visa).await;
        m.stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "delay_ms": 1500, "after": true})).await;
        assert_eq!(m.stack.post_json("/api/marketplace/saved-card-payments", &body).await.0, 504);
        tokio::time::sleep(Duration::from_millis(700)).await;
        // Again with the same card, then with a new card typed in: the order is the same.
        let (status, paid) = m.stack.post_json("/api/marketplace/saved-card-payments", &body).await;
        assert_eq!((status, paid["status"].as_str()), (200, Some("succeeded")), "{paid}");
        let account = paid["stripeAccount"].as_str().unwrap();
        let token = m.stack.confirmation_token("4242424242424242").await;
        let with_new_card =
            json!({"attemptId": attempt, "confirmationTokenId": token, "items": body["items"], "sellerId": "sakura"});
        let (status, found) = m.stack.post_json("/api/checkout/confirm", &with_new_card).await;
        assert_eq!((status, found["alreadyConfirmed"].as_bool()), (200, Some(true)), "{found}");
        assert_eq!(found["orderId"], paid["orderId"]);
        let succeeded = m.list("/v1/payment_intents", Some(account)).await;
        assert_eq!(succeeded.iter().filter(|pi| pi["status"] == "succeeded").count(), 1, "{database}");
        assert!(m.list("/v1/payment_intents", None).await.is_empty(), "nothing charged on the platform");
    }
}

#[tokio::test]
async fn bad_marketplace_input_is_refused_in_stripes_shape_and_makes_nothing() {
    let m = market(&common::sqlite_url(), &[]).await;
    // Not signed in: no saved card to pay with.
    let (status, refused) = m.pay_saved("fjord", &m.visa).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (401, Some("authentication_required")), "{refused}");
    assert_eq!(m.stack.get("/api/saved-cards").await.1, json!({"cards": []}));
    m.sign_in().await;
    // An unknown seller.
    let mut body = m.saved_card_body(&common::attempt_id(), "fjord", &m.visa).await;
    body["sellerId"] = json!("nope");
    let (status, refused) = m.stack.post_json("/api/marketplace/saved-card-payments", &body).await;
    assert_eq!(
        (status, refused["error"]["code"].as_str(), refused["error"]["param"].as_str()),
        (404, Some("resource_missing"), Some("sellerId")),
        "{refused}"
    );
    // Another customer's card.
    let other = m.stack.stripe_post("/v1/customers", &[("email", "someone@example.com")]).await;
    let theirs = m
        .stack
        .stripe_post("/v1/payment_methods/pm_card_mastercard/attach", &[("customer", other["id"].as_str().unwrap())])
        .await;
    let (status, refused) = m.pay_saved("fjord", theirs["id"].as_str().unwrap()).await;
    assert_eq!(
        (status, refused["error"]["type"].as_str(), refused["error"]["param"].as_str()),
        (400, Some("invalid_request_error"), Some("paymentMethodId")),
        "{refused}"
    );
    // Another seller's product, a discount code on a seller's cart.
    let token = m.stack.confirmation_token("4242424242424242").await;
    let wrong = json!({"attemptId": common::attempt_id(), "confirmationTokenId": token, "items": [{"productId": "lumen-tee", "quantity": 1}], "sellerId": "fjord"});
    assert_eq!(m.stack.post_json("/api/checkout/confirm", &wrong).await.1["error"]["param"], "items[0][productId]");
    let coded = json!({"attemptId": common::attempt_id(), "confirmationTokenId": token, "items": [{"productId": "merino-socks", "quantity": 1}], "sellerId": "fjord", "discountCode": "WELCOME10"});
    assert_eq!(m.stack.post_json("/api/checkout/confirm", &coded).await.1["error"]["param"], "discountCode");
    // Nothing was made: no account was even needed, no PaymentIntent anywhere.
    assert!(m.list("/v1/payment_intents", None).await.is_empty());
    assert!(m.list("/v1/accounts", None).await.is_empty(), "no seller account made for a refused request");
}

#[tokio::test]
async fn a_seller_whose_account_is_not_connected_cannot_be_paid_and_nothing_is_charged() {
    let m = market(&common::sqlite_url(), &[("CHECKOUT_SELLER_ACCOUNTS", "fjord=acct_notconnected".into())]).await;
    m.sign_in().await;
    let (status, refused) = m.pay_saved("fjord", &m.visa).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (502, Some("account_invalid")), "{refused}");
    assert!(refused["error"]["message"].as_str().unwrap().contains("not connected"), "{refused}");
    assert!(m.list("/v1/payment_intents", None).await.is_empty());
}

/// Signs `payload` with `secret` as Stripe does.
fn signed_with(secret: &str, payload: &str) -> String {
    let t = chrono::Utc::now().timestamp();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{payload}").as_bytes());
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

async fn post_signed(m: &Market, secret: &str, event: &Value) -> (u16, Value) {
    let payload = event.to_string();
    let response = m
        .stack
        .http
        .post(format!("{}/api/webhooks/stripe", m.stack.server))
        .header("Stripe-Signature", signed_with(secret, &payload))
        .body(payload)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn connect_events_are_verified_with_the_connect_secret_and_move_only_their_accounts_orders() {
    let m = market(&common::sqlite_url(), &[]).await;
    // A platform order (a new card at a seller: made on the platform) stays pending...
    let northwind = m.seller("northwind").await;
    m.stack.fault(json!({"path": "/v1/payment_intents", "method": "POST", "status": 500, "type": "api_error", "message": "down"})).await;
    let token = m.stack.confirmation_token("4242424242424242").await;
    let body = json!({"attemptId": common::attempt_id(), "confirmationTokenId": token, "items": items_of(&northwind), "sellerId": "northwind"});
    assert_eq!(m.stack.post_json("/api/checkout/confirm", &body).await.0, 502);
    let order_id = only_order(&m.database).await;
    let event = |account: Option<&str>| {
        let mut e = json!({"id": format!("evt_{}", common::unique()), "object": "event", "type": "payment_intent.succeeded", "created": chrono::Utc::now().timestamp(),
            "data": {"object": {"id": "pi_forged", "object": "payment_intent", "amount": 5600, "currency": "usd", "metadata": {"order_id": order_id}}}});
        if let Some(account) = account {
            e["account"] = json!(account);
        }
        e
    };
    // ...when a Connect event is signed with the platform's secret (refused),
    let (status, refused) = post_signed(&m, WEBHOOK_SECRET, &event(Some("acct_someone"))).await;
    assert_eq!((status, refused["error"]["code"].as_str()), (400, Some("webhook_signature_invalid")));
    // and when a connected account's own, well-signed event names it: not applied.
    let (status, answer) = post_signed(&m, CONNECT_SECRET, &event(Some("acct_someone"))).await;
    assert_eq!((status, answer["outcome"].as_str()), (200, Some("NoOrder")), "{answer}");
    assert_eq!(m.stack.order(&order_id).await["status"], "pending");
    // The platform's own event for it does move it.
    let (status, answer) = post_signed(&m, WEBHOOK_SECRET, &event(None)).await;
    assert_eq!((status, answer["outcome"].as_str()), (200, Some("Changed(Paid)")), "{answer}");
}

#[tokio::test]
async fn without_a_connect_secret_connect_events_are_refused() {
    let m = market(&common::sqlite_url(), &[("STRIPE_CONNECT_WEBHOOK_SECRET", String::new())]).await;
    let event = json!({"id": "evt_1", "object": "event", "type": "account.updated", "created": 1, "account": "acct_1", "data": {"object": {}}});
    let (status, refused) = post_signed(&m, CONNECT_SECRET, &event).await;
    assert_eq!(status, 400);
    assert!(refused["error"]["message"].as_str().unwrap().contains("STRIPE_CONNECT_WEBHOOK_SECRET"), "{refused}");
}

/// The id of the one order in `database`.
async fn only_order(database: &str) -> String {
    use sqlx::Row;
    sqlx::any::install_default_drivers();
    let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(database).await.unwrap();
    let id: String = sqlx::query("SELECT id FROM orders").fetch_one(&pool).await.unwrap().try_get(0).unwrap();
    pool.close().await;
    id
}
