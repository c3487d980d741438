//! Connected accounts, for the operator's emails (Comms Center, seed 000): read a page at a
//! time so that a template of 10,000+ accounts streams without being held.

use stripe_connect::account::ListAccount;
use stripe_shared::Account;
use stripe_shared::AccountUnificationAccountControllerStripeDashboardType as Dashboard;

use super::{Payments, upstream_error};
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
