//! What the orders table holds now, for the metrics: orders by payment method and status, and
//! the konbini vouchers out and not yet paid. Counted by the database on each scrape (a GROUP
//! BY over `orders_pending_by_age`'s leading column): every instance reports the same numbers,
//! so dashboards take one instance's or the max, never the sum.

use checkout_api::OrderStatus;
use sqlx::Row;

use super::{Orders, PaymentMethodKind};

const STATUSES: [OrderStatus; 9] = [
    OrderStatus::Pending,
    OrderStatus::RequiresAction,
    OrderStatus::Processing,
    OrderStatus::Paid,
    OrderStatus::Failed,
    OrderStatus::Canceled,
    OrderStatus::Refunded,
    OrderStatus::NeedsReview,
    OrderStatus::Abandoned,
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderCounts {
    /// (method, status, count), every method and status included (0 when none has it), so a
    /// status that empties goes to 0 rather than keeping its last count.
    pub by_method_and_status: Vec<(String, String, i64)>,
    /// Konbini orders awaiting payment at the store (`requires_action`: the voucher is out).
    pub konbini_vouchers_pending: i64,
}

impl Orders {
    pub async fn counts(&self) -> Result<OrderCounts, sqlx::Error> {
        let rows = sqlx::query("SELECT method, status, COUNT(*) FROM orders GROUP BY method, status")
            .fetch_all(&self.db.pool)
            .await?;
        let mut found = Vec::with_capacity(rows.len());
        for row in rows {
            found.push((row.try_get::<String, _>(0)?, row.try_get::<String, _>(1)?, row.try_get::<i64, _>(2)?));
        }
        let count = |method: &str, status: &str| {
            found.iter().filter(|(m, s, _)| m == method && s == status).map(|(_, _, n)| n).sum::<i64>()
        };
        let mut by_method_and_status = Vec::new();
        for method in [PaymentMethodKind::Card, PaymentMethodKind::Konbini] {
            for status in STATUSES {
                by_method_and_status.push((
                    method.as_str().to_owned(),
                    status.as_str().to_owned(),
                    count(method.as_str(), status.as_str()),
                ));
            }
        }
        // A status or method a newer build wrote is still counted.
        for (method, status, n) in &found {
            if !by_method_and_status.iter().any(|(m, s, _)| m == method && s == status) {
                by_method_and_status.push((method.clone(), status.clone(), *n));
            }
        }
        let konbini_vouchers_pending = count(PaymentMethodKind::Konbini.as_str(), OrderStatus::RequiresAction.as_str());
        Ok(OrderCounts { by_method_and_status, konbini_vouchers_pending })
    }
}
