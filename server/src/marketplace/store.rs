//! What the marketplace remembers of Stripe's objects (migration 0005): each seller's account,
//! the shopper's customer on each account, and each platform card shared with each account.
//! Each is written once (`ON CONFLICT DO NOTHING`) and read back, so two requests racing to
//! make one end up using the same: the one stored first.

use sqlx::Row;

use crate::db::Db;

#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

/// What is kept per (platform object, connected account).
#[derive(Debug, Clone, Copy)]
pub enum PerAccount {
    /// The platform customer's own customer on the account.
    Customer,
    /// The platform card's clone on the account, attached to that customer.
    PaymentMethod,
}

impl PerAccount {
    /// Table, key column, value column.
    fn columns(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Customer => ("connected_customers", "platform_customer", "customer"),
            Self::PaymentMethod => ("shared_payment_methods", "platform_payment_method", "payment_method"),
        }
    }
}

impl Store {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    pub async fn seller_account(&self, seller: &str) -> Result<Option<String>, sqlx::Error> {
        let row = sqlx::query("SELECT account FROM seller_accounts WHERE seller = $1")
            .bind(seller)
            .fetch_optional(&self.db.pool)
            .await?;
        row.map(|r| r.try_get(0)).transpose()
    }

    /// Keeps `account` as the seller's, unless one was kept first; the one kept.
    pub async fn keep_seller_account(&self, seller: &str, account: &str) -> Result<String, sqlx::Error> {
        sqlx::query(
            "INSERT INTO seller_accounts (seller, account, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(seller)
        .bind(account)
        .bind(chrono::Utc::now().timestamp())
        .execute(&self.db.pool)
        .await?;
        self.seller_account(seller).await?.ok_or(sqlx::Error::RowNotFound)
    }

    pub async fn on_account(&self, what: PerAccount, key: &str, account: &str) -> Result<Option<String>, sqlx::Error> {
        let (table, key_column, column) = what.columns();
        let sql = format!("SELECT {column} FROM {table} WHERE {key_column} = $1 AND account = $2");
        let row = sqlx::query(&sql).bind(key).bind(account).fetch_optional(&self.db.pool).await?;
        row.map(|r| r.try_get(0)).transpose()
    }

    /// Keeps `value` for (`key`, `account`), unless one was kept first; the one kept.
    pub async fn keep_on_account(
        &self,
        what: PerAccount,
        key: &str,
        account: &str,
        value: &str,
    ) -> Result<String, sqlx::Error> {
        let (table, key_column, column) = what.columns();
        let sql = format!(
            "INSERT INTO {table} ({key_column}, account, {column}, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING"
        );
        sqlx::query(&sql)
            .bind(key)
            .bind(account)
            .bind(value)
            .bind(chrono::Utc::now().timestamp())
            .execute(&self.db.pool)
            .await?;
        self.on_account(what, key, account).await?.ok_or(sqlx::Error::RowNotFound)
    }
}
