//! Single-use discount codes: held by one live order per customer. A second order for the same
//! customer is refused the code; an order that failed, was cancelled or was abandoned lets it go.

use checkout_api::OrderStatus;
use sqlx::Row;

use super::Orders;

/// Statuses of an order that no longer holds its code.
const RELEASED: [OrderStatus; 3] = [OrderStatus::Failed, OrderStatus::Canceled, OrderStatus::Abandoned];

impl Orders {
    /// Whether `holder` may still use `code` (for pricing the cart; the reservation at confirm
    /// decides).
    pub async fn code_available(&self, code: &str, holder: &str) -> Result<bool, sqlx::Error> {
        Ok(self.code_holder(code, holder).await?.is_none_or(|(_, released)| released))
    }

    /// Reserves `code` for `holder`'s order `order_id`; false if another live order holds it.
    pub async fn redeem(&self, code: &str, holder: &str, order_id: &str, now: i64) -> Result<bool, sqlx::Error> {
        let inserted = sqlx::query(
            "INSERT INTO discount_redemptions (code, holder, order_id, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (code, holder) DO NOTHING",
        )
        .bind(code)
        .bind(holder)
        .bind(order_id)
        .bind(now)
        .execute(&self.db.pool)
        .await?;
        if inserted.rows_affected() == 1 {
            return Ok(true);
        }
        match self.code_holder(code, holder).await? {
            Some((held_by, _)) if held_by == order_id => Ok(true),
            Some((held_by, true)) => {
                // Taken over only if nobody else took it over meanwhile.
                let moved = sqlx::query(
                    "UPDATE discount_redemptions SET order_id = $1, created_at = $2 WHERE code = $3 AND holder = $4 AND order_id = $5",
                )
                .bind(order_id)
                .bind(now)
                .bind(code)
                .bind(holder)
                .bind(&held_by)
                .execute(&self.db.pool)
                .await?;
                Ok(moved.rows_affected() == 1)
            }
            Some((_, false)) => Ok(false),
            None => Ok(false),
        }
    }

    /// The order holding `code` for `holder`, and whether that order let it go.
    async fn code_holder(&self, code: &str, holder: &str) -> Result<Option<(String, bool)>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT r.order_id, o.status FROM discount_redemptions r LEFT JOIN orders o ON o.id = r.order_id \
             WHERE r.code = $1 AND r.holder = $2",
        )
        .bind(code)
        .bind(holder)
        .fetch_optional(&self.db.pool)
        .await?;
        row.map(|r| {
            let status: Option<String> = r.try_get("status")?;
            let released = status.as_deref().and_then(OrderStatus::parse).is_none_or(|s| RELEASED.contains(&s));
            Ok((r.try_get("order_id")?, released))
        })
        .transpose()
    }
}
