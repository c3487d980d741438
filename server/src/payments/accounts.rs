//! Connected accounts, for the operator's emails (Comms Center, seed 000): read a page at a
//! time so that a template of 10,000+ accounts streams without being held, and an account's
//! email updated once per job (Idempotency-Key).

use stripe::StripeRequest;
use stripe_connect::account::{ListAccount, RetrieveAccount, UpdateAccount};
use stripe_shared::Account;
use stripe_shared::AccountUnificationAccountControllerStripeDashboardType as Dashboard;

use super::{Payments, idempotent, upstream_error};
use crate::error::AppError;

/// Stripe's largest page of a list.
const PAGE: i64 = 100;

/// What the template and the upload's check need of one connected account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountSummary {
    pub id: String,
    pub business_name: String,
    pub first_name: String,
    pub last_name: String,
    /// The email the account has now.
    pub email: Option<String>,
    /// The template's "User has claimed primary user email address": the account's user signs
    /// in to a Stripe Dashboard of their own (Standard, Express) with its email. Stripe's API
    /// has no field of that name; this is what it stands for.
    pub claimed: bool,
}

impl From<Account> for AccountSummary {
    fn from(account: Account) -> Self {
        let name = account.business_profile.and_then(|p| p.name).unwrap_or_default();
        let (first_name, last_name) = account
            .individual
            .map(|p| (p.first_name.unwrap_or_default(), p.last_name.unwrap_or_default()))
            .unwrap_or_default();
        let dashboard = account.controller.and_then(|c| c.stripe_dashboard).map(|d| d.type_);
        let own_dashboard = matches!(dashboard, Some(Dashboard::Full | Dashboard::Express));
        Self {
            id: account.id.to_string(),
            business_name: name,
            first_name,
            last_name,
            claimed: own_dashboard && account.email.is_some(),
            email: account.email,
        }
    }
}

/// One page of the platform's connected accounts, in Stripe's order (newest first).
#[derive(Debug, Default)]
pub struct AccountsPage {
    pub accounts: Vec<AccountSummary>,
    /// Whether another page follows the last account of this one.
    pub has_more: bool,
}

impl Payments {
    /// The page of connected accounts after `starting_after` (from the first when `None`).
    pub async fn accounts_page(&self, starting_after: Option<&str>) -> Result<AccountsPage, AppError> {
        let mut list = ListAccount::new().limit(PAGE);
        if let Some(id) = starting_after {
            list = list.starting_after(id);
        }
        let page = list.send(&self.client.at("GET /v1/accounts")).await.map_err(upstream_error)?;
        Ok(AccountsPage {
            has_more: page.has_more,
            accounts: page.data.into_iter().map(AccountSummary::from).collect(),
        })
    }
}

/// What Stripe answered to an email update, as the bulk job acts on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailUpdateOutcome {
    Updated,
    /// Stripe's rate limit (429): the same request again after a pause, not counted as an attempt.
    RateLimited,
    /// Stripe refused it for good (4xx): its message, for the operator's results.
    Refused(String),
    /// Stripe or the network failed (5xx, timeout): worth trying again later.
    Failed(String),
}

impl Payments {
    /// Sets connected account `account`'s email, as the platform may for the accounts it
    /// controls. `key` names this job's update of this account: a retry (after a crash, on
    /// another instance) is the same request, so Stripe applies it once.
    pub async fn update_account_email(&self, account: &str, email: &str, key: &str) -> EmailUpdateOutcome {
        let strategy = match idempotent(key) {
            Ok(strategy) => strategy,
            Err(failure) => return EmailUpdateOutcome::Refused(failure.error.error.to_string()),
        };
        let update = UpdateAccount::new(account)
            .email(email)
            .customize()
            .request_strategy(strategy)
            .send(&self.client.at("POST /v1/accounts/{id}"))
            .await;
        match update {
            Ok(_) => EmailUpdateOutcome::Updated,
            Err(stripe::StripeError::Stripe(api, 429)) => {
                tracing::info!(message = ?api.message, "Stripe's rate limit: the email update waits");
                EmailUpdateOutcome::RateLimited
            }
            // 409: a request with this Idempotency-Key is still running at Stripe (the call
            // before timed out, or an instance stopped mid-call), or a lock timed out; 423
            // likewise. Not a refusal: what the account ends with is learnt on the next try.
            Err(stripe::StripeError::Stripe(api, status @ (409 | 423))) => EmailUpdateOutcome::Failed(
                api.message.unwrap_or_else(|| format!("Stripe is still busy with it ({status}).")),
            ),
            Err(stripe::StripeError::Stripe(api, status)) if (400..500).contains(&status) => {
                EmailUpdateOutcome::Refused(api.message.unwrap_or_else(|| format!("Stripe refused it ({status}).")))
            }
            Err(err) => EmailUpdateOutcome::Failed(err.to_string()),
        }
    }
}

impl Payments {
    /// The email connected account `account` has now (`None`: none), to tell whether an
    /// update whose answer was lost was applied.
    pub async fn account_email(&self, account: &str) -> Result<Option<String>, AppError> {
        let account = RetrieveAccount::new(account).send(&self.client.at("GET /v1/accounts/{id}")).await;
        Ok(account.map_err(upstream_error)?.email)
    }
}
