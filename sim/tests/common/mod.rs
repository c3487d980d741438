//! Starts a real stand-in on a loopback port for each test.

#![allow(dead_code)]

pub mod receiver;

use serde_json::Value;

pub const SK: &str = "sk_test_standin_tests";
pub const PK: &str = "pk_test_standin_tests";

pub struct Running {
    pub base: String,
    pub http: reqwest::Client,
}

pub async fn start() -> Running {
    Running { base: stripe_sim::spawn_on_loopback().await.unwrap(), http: reqwest::Client::new() }
}

impl Running {
    /// A form POST with a secret key; returns (status, json).
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
        self.send(self.http.post(format!("{}{path}", self.base)).bearer_auth(SK).form(form)).await
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.send(self.http.get(format!("{}{path}", self.base)).bearer_auth(SK)).await
    }

    /// What Stripe.js does: publishable key as `key`, no Authorization header.
    pub async fn post_as_stripe_js(&self, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let mut form = form.to_vec();
        form.push(("key", PK));
        self.send(self.http.post(format!("{}{path}", self.base)).form(&form)).await
    }

    /// A form POST with a secret key on connected account `account` (`Stripe-Account`).
    pub async fn post_on(&self, account: &str, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let request = self.http.post(format!("{}{path}", self.base)).bearer_auth(SK).header("Stripe-Account", account);
        self.send(request.form(form)).await
    }

    pub async fn get_on(&self, account: &str, path: &str) -> (u16, Value) {
        self.send(self.http.get(format!("{}{path}", self.base)).bearer_auth(SK).header("Stripe-Account", account)).await
    }

    /// A new connected account (`type=standard`); its id.
    pub async fn connected_account(&self) -> String {
        let (status, account) =
            self.post("/v1/accounts", &[("type", "standard"), ("email", "seller@example.com")]).await;
        assert_eq!(status, 200, "{account}");
        account["id"].as_str().unwrap().to_owned()
    }

    pub async fn send(&self, request: reqwest::RequestBuilder) -> (u16, Value) {
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    /// Completes or fails (`outcome`) 3-D Secure on the stand-in's challenge page for `intent` (a
    /// PaymentIntent or SetupIntent), as the page does with the client secret.
    pub async fn three_d_secure(&self, intent: &Value, outcome: &str) -> (u16, Value) {
        let url = format!("{}/three_d_secure/{}/{outcome}", self.base, intent["id"].as_str().unwrap());
        self.send(self.http.post(url).form(&[("client_secret", intent["client_secret"].as_str().unwrap())])).await
    }

    /// A ConfirmationToken for `card`, created as Stripe.js creates it.
    pub async fn confirmation_token(&self, card: &str) -> String {
        let form = stripe_sim::card_token_form(PK, card);
        let (status, token) =
            self.send(self.http.post(format!("{}/v1/confirmation_tokens", self.base)).form(&form)).await;
        assert_eq!(status, 200, "{token}");
        token["id"].as_str().unwrap().to_owned()
    }

    /// Creates and confirms a PaymentIntent in one request, as the checkout server does.
    pub async fn create_and_confirm(&self, amount: &str, token: &str) -> (u16, Value) {
        self.post(
            "/v1/payment_intents",
            &[
                ("amount", amount),
                ("currency", "usd"),
                ("confirm", "true"),
                ("automatic_payment_methods[enabled]", "true"),
                ("confirmation_token", token),
            ],
        )
        .await
    }
}
