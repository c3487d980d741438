//! Card declines per client, for the card-testing defence: a client with too many declines in
//! a window is refused further confirms until the oldest of them ages out. Kept in the database
//! so that every instance sharing it counts the same declines.

use sqlx::Row;

use super::Orders;

impl Orders {
    pub async fn record_decline(&self, client: &str, decline_code: Option<&str>, now: i64) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT INTO declines (client, at, decline_code) VALUES ($1, $2, $3)")
            .bind(client)
            .bind(now)
            .bind(decline_code)
            .execute(&self.db.pool)
            .await?;
        Ok(())
    }

    /// When `client` may confirm again, if it had `limit` or more declines in the `window`
    /// seconds before `now`: the moment the `limit`-th newest of them leaves the window.
    pub async fn declined_until(
        &self,
        client: &str,
        limit: u32,
        window: i64,
        now: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        let row =
            sqlx::query("SELECT at FROM declines WHERE client = $1 AND at > $2 ORDER BY at DESC LIMIT 1 OFFSET $3")
                .bind(client)
                .bind(now - window)
                .bind(i64::from(limit.saturating_sub(1)))
                .fetch_optional(&self.db.pool)
                .await?;
        row.map(|r| r.try_get::<i64, _>("at").map(|at| at + window)).transpose()
    }
}
