//! Test controls for connected accounts, which Stripe does not have: make many at once (for the
//! operator's bulk tools and benchmarks: thousands a second in one call, not one API call
//! each), and finish an account's onboarding (which at Stripe the account holder does on
//! Stripe's pages).

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::objects::{Account, Controller, Person};
use crate::{Sim, ids};

/// The most one call makes: as many rows as Stripe's connected-accounts email CSV takes.
const MAX_SEED: usize = 500_000;

const FIRST_NAMES: [&str; 8] = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"];
const LAST_NAMES: [&str; 8] = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"];

#[derive(Deserialize)]
pub struct Seed {
    count: usize,
    /// Names the accounts: `{prefix} {n}` (business name), `{prefix}-{n}@example.com` (email).
    #[serde(default = "default_prefix")]
    prefix: String,
    /// `standard` (default), `express` or `custom`.
    #[serde(default = "default_type", rename = "type")]
    type_: String,
    /// Give them emails (default true); without, the operator has every email to fill in.
    #[serde(default = "yes")]
    email: bool,
    /// Onboarded already (default false): requirements met, charges and payouts enabled.
    #[serde(default)]
    onboarded: bool,
}

fn default_prefix() -> String {
    "Seller".into()
}

fn default_type() -> String {
    "standard".into()
}

fn yes() -> bool {
    true
}

/// `POST /_sim/accounts/seed` with a JSON [`Seed`]: `count` new accounts, numbered from 1 in
/// creation order, alternately individuals (a first and last name) and companies (the business
/// name), all with the business name in `business_profile[name]`. No events: nothing happened
/// on them yet.
pub async fn seed(State(sim): State<Arc<Sim>>, Json(seed): Json<Seed>) -> Result<Json<Value>, (StatusCode, String)> {
    if !(1..=MAX_SEED).contains(&seed.count) {
        return Err((StatusCode::BAD_REQUEST, format!("count must be 1 to {MAX_SEED}")));
    }
    let controller = Controller::of_type(&seed.type_)
        .ok_or_else(|| (StatusCode::BAD_REQUEST, "type must be standard, express or custom".to_owned()))?;
    let slug: String =
        seed.prefix.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let now = sim.clock.now();
    let accounts: Vec<Account> = (1..=seed.count)
        .map(|n| {
            let name = format!("{} {n}", seed.prefix);
            let individual = n % 2 == 1;
            Account {
                id: ids::new_id("acct"),
                created: now,
                type_: seed.type_.clone(),
                controller: controller.clone(),
                country: "US".into(),
                default_currency: "usd".into(),
                email: seed.email.then(|| format!("{slug}-{n}@example.com")),
                business_type: Some(if individual { "individual" } else { "company" }.into()),
                business_profile: [("name".to_owned(), json!(name))].into_iter().collect(),
                individual: individual.then(|| Person {
                    id: ids::new_id("person"),
                    first_name: Some(FIRST_NAMES[n % FIRST_NAMES.len()].into()),
                    last_name: Some(LAST_NAMES[(n / FIRST_NAMES.len()) % LAST_NAMES.len()].into()),
                }),
                company_name: (!individual).then(|| name.clone()),
                metadata: Default::default(),
                capabilities: vec!["card_payments".into(), "transfers".into()],
                details_submitted: seed.onboarded,
                deleted: false,
            }
        })
        .collect();
    let (first, last) = (accounts[0].id.clone(), accounts[accounts.len() - 1].id.clone());
    let total = sim.apply(|store| {
        accounts.into_iter().for_each(|account| store.add_account(account));
        store.account_index.len()
    });
    Ok(Json(json!({"created": seed.count, "first": first, "last": last, "total": total})))
}

/// `POST /_sim/accounts/{id}/onboard`: the holder finished Stripe's onboarding: requirements
/// met, charges and payouts enabled (`account.updated`); what Stripe collected is no longer the
/// platform's to change.
pub async fn onboard(State(sim): State<Arc<Sim>>, Path(id): Path<String>) -> Result<Json<Value>, (StatusCode, String)> {
    sim.apply(|store| {
        let account = store.account_mut(&id).ok_or((StatusCode::NOT_FOUND, format!("no account {id}")))?;
        let before = account.to_json();
        account.details_submitted = true;
        let after = account.to_json();
        store.account_updates.push((id.clone(), super::account_fields::previous_attributes(&before, &after)));
        Ok(Json(after))
    })
}
