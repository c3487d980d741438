//! Housekeeping: pending orders nobody paid are marked abandoned (never deleted: a late event
//! still finds them), and declines older than the card-testing window are forgotten.

use checkout_api::OrderStatus;

use super::Orders;

impl Orders {
    /// Marks orders pending since before `created_before` abandoned; how many.
    pub async fn abandon_pending(&self, created_before: i64, now: i64) -> Result<u64, sqlx::Error> {
        let swept = sqlx::query("UPDATE orders SET status = $1, updated_at = $2 WHERE status = $3 AND created_at < $4")
            .bind(OrderStatus::Abandoned.as_str())
            .bind(now)
            .bind(OrderStatus::Pending.as_str())
            .bind(created_before)
            .execute(&self.db.pool)
            .await?;
        Ok(swept.rows_affected())
    }

    pub async fn forget_declines(&self, before: i64) -> Result<u64, sqlx::Error> {
        Ok(sqlx::query("DELETE FROM declines WHERE at <= $1")
            .bind(before)
            .execute(&self.db.pool)
            .await?
            .rows_affected())
    }
}
