//! Orders: created at checkout, moved only by Stripe's events, fulfilled exactly once.

use checkout_api::{Cart, OrderStatus, OrderView};
use sqlx::Row;

use crate::db::Db;
use crate::webhooks::Event;

/// What applying an event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// The order moved (and was fulfilled, if it became paid).
    Changed(OrderStatus),
    /// The order already was where the event says, or past it.
    Unchanged,
    /// This event was applied before (a redelivery).
    Duplicate,
    /// No order of ours: recorded and acknowledged.
    NoOrder,
    /// A type we do not act on: recorded and acknowledged.
    Ignored,
}

/// The order a PaymentIntent pays for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentOrder {
    pub id: String,
    /// `card` or `konbini`.
    pub method: String,
}

#[derive(Clone, Debug)]
pub struct Orders {
    db: Db,
    /// Test hook: abort the process before committing events of this type.
    crash_before_commit: Option<String>,
}

impl Orders {
    pub fn new(db: Db, crash_before_commit: Option<String>) -> Self {
        Self { db, crash_before_commit }
    }

    fn new_id() -> String {
        use rand::Rng;
        use rand::distr::Alphanumeric;
        let random: String = rand::rng().sample_iter(&Alphanumeric).take(24).map(char::from).collect();
        format!("ord_{random}")
    }

    /// A new pending order for `cart`, paid by `method` (`card`, `konbini`); its id. With a
    /// `checkout_key`, a second call with the same key finds the first order instead (a
    /// retried request), so the PaymentIntent's parameters, and Stripe's idempotent answer, are
    /// the same.
    pub async fn create(
        &self,
        checkout_key: Option<&str>,
        cart: &Cart,
        method: &str,
        now: i64,
    ) -> Result<String, sqlx::Error> {
        let id = Self::new_id();
        let cart_json = serde_json::to_string(cart).unwrap_or_default();
        sqlx::query(
            "INSERT INTO orders (id, checkout_key, method, cart, amount, currency, status, status_event_created, amount_refunded, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (checkout_key) DO NOTHING",
        )
        .bind(&id)
        .bind(checkout_key)
        .bind(method)
        .bind(cart_json)
        .bind(cart.total)
        .bind(&cart.currency)
        .bind(OrderStatus::Pending.as_str())
        .bind(0_i64)
        .bind(0_i64)
        .bind(now)
        .bind(now)
        .execute(&self.db.pool)
        .await?;
        match checkout_key {
            Some(key) => sqlx::query("SELECT id FROM orders WHERE checkout_key = $1")
                .bind(key)
                .fetch_one(&self.db.pool)
                .await?
                .try_get("id"),
            None => Ok(id),
        }
    }

    /// Records the order's PaymentIntent; an order that is not there is an error, not a no-op.
    pub async fn attach_payment_intent(&self, id: &str, payment_intent: &str) -> Result<(), sqlx::Error> {
        let updated = sqlx::query("UPDATE orders SET payment_intent_id = $1 WHERE id = $2")
            .bind(payment_intent)
            .bind(id)
            .execute(&self.db.pool)
            .await?;
        if updated.rows_affected() == 1 { Ok(()) } else { Err(sqlx::Error::RowNotFound) }
    }

    /// The order paid by `payment_intent`, if it is one of ours.
    pub async fn for_payment(&self, payment_intent: &str) -> Result<Option<PaymentOrder>, sqlx::Error> {
        let row = sqlx::query("SELECT id, method FROM orders WHERE payment_intent_id = $1")
            .bind(payment_intent)
            .fetch_optional(&self.db.pool)
            .await?;
        row.map(|r| Ok(PaymentOrder { id: r.try_get("id")?, method: r.try_get("method")? })).transpose()
    }

    /// Removes an order whose payment never started (Stripe refused to create it).
    pub async fn discard(&self, id: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM orders WHERE id = $1 AND payment_intent_id IS NULL")
            .bind(id)
            .execute(&self.db.pool)
            .await?;
        Ok(())
    }

    pub async fn get(&self, id: &str) -> Result<Option<OrderView>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT o.id, o.status, o.amount, o.currency, o.payment_intent_id, o.amount_refunded, f.order_id AS fulfilled \
             FROM orders o LEFT JOIN fulfilments f ON f.order_id = o.id WHERE o.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.db.pool)
        .await?;
        row.map(|row| {
            Ok(OrderView {
                id: row.try_get("id")?,
                status: OrderStatus::parse(&row.try_get::<String, _>("status")?).unwrap_or(OrderStatus::Pending),
                amount: row.try_get("amount")?,
                currency: row.try_get("currency")?,
                payment_intent_id: row.try_get("payment_intent_id")?,
                fulfilled: row.try_get::<Option<String>, _>("fulfilled")?.is_some(),
                amount_refunded: row.try_get("amount_refunded")?,
            })
        })
        .transpose()
    }

    /// Applies one verified event in one transaction: recorded once by id, the order moved by
    /// the rules of [`OrderStatus::after`], fulfilled once when it becomes paid. Returns only
    /// after the commit, so a 2xx means the change is stored.
    pub async fn apply(&self, event: &Event, now: i64) -> Result<Applied, sqlx::Error> {
        let mut tx = self.db.pool.begin().await?;
        let order_id = self.find_order(&mut tx, event).await?;
        let recorded = sqlx::query(
            "INSERT INTO webhook_events (id, type, created, order_id, received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&event.id)
        .bind(&event.type_)
        .bind(event.created)
        .bind(order_id.as_deref())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if recorded.rows_affected() == 0 {
            tx.commit().await?;
            return Ok(Applied::Duplicate);
        }
        let applied = match (order_id, event.target()) {
            (_, None) => Applied::Ignored,
            (None, Some(_)) => Applied::NoOrder,
            (Some(order_id), Some(target)) => self.move_order(&mut tx, &order_id, event, target, now).await?,
        };
        if self.crash_before_commit.as_deref() == Some(event.type_.as_str()) {
            tracing::error!(event = %event.id, "CHECKOUT_CRASH_BEFORE_COMMIT: aborting before the commit, as asked");
            std::process::abort();
        }
        tx.commit().await?;
        Ok(applied)
    }

    /// Our order for the event's PaymentIntent: by the `order_id` we put in its metadata, or by
    /// its id (charges name their PaymentIntent).
    async fn find_order(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        event: &Event,
    ) -> Result<Option<String>, sqlx::Error> {
        if let Some(order_id) = event.order_id() {
            let found =
                sqlx::query("SELECT id FROM orders WHERE id = $1").bind(order_id).fetch_optional(&mut **tx).await?;
            if found.is_some() {
                return Ok(Some(order_id.to_owned()));
            }
        }
        let Some(payment_intent) = event.payment_intent_id() else { return Ok(None) };
        let found = sqlx::query("SELECT id FROM orders WHERE payment_intent_id = $1")
            .bind(payment_intent)
            .fetch_optional(&mut **tx)
            .await?;
        found.map(|row| row.try_get("id")).transpose()
    }

    async fn move_order(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        order_id: &str,
        event: &Event,
        target: OrderStatus,
        now: i64,
    ) -> Result<Applied, sqlx::Error> {
        let sql = format!("SELECT status, status_event_created FROM orders WHERE id = $1{}", self.db.for_update());
        let row = sqlx::query(&sql).bind(order_id).fetch_one(&mut **tx).await?;
        let current = OrderStatus::parse(&row.try_get::<String, _>("status")?).unwrap_or(OrderStatus::Pending);
        let since: i64 = row.try_get("status_event_created")?;
        if let (Some(pi), OrderStatus::Pending) = (event.payment_intent_id(), current) {
            // The order learns its PaymentIntent from the first event, if the checkout's own
            // update has not landed yet.
            sqlx::query("UPDATE orders SET payment_intent_id = $1 WHERE id = $2 AND payment_intent_id IS NULL")
                .bind(pi)
                .bind(order_id)
                .execute(&mut **tx)
                .await?;
        }
        if let Some(refunded) = event.amount_refunded() {
            sqlx::query("UPDATE orders SET amount_refunded = $1 WHERE id = $2 AND amount_refunded < $3")
                .bind(refunded)
                .bind(order_id)
                .bind(refunded)
                .execute(&mut **tx)
                .await?;
        }
        let Some(next) = current.after(since, target, event.created) else { return Ok(Applied::Unchanged) };
        sqlx::query("UPDATE orders SET status = $1, status_event_created = $2, updated_at = $3 WHERE id = $4")
            .bind(next.as_str())
            .bind(event.created)
            .bind(now)
            .bind(order_id)
            .execute(&mut **tx)
            .await?;
        if next == OrderStatus::Paid {
            let fulfilled = sqlx::query(
                "INSERT INTO fulfilments (order_id, event_id, fulfilled_at) VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING",
            )
            .bind(order_id)
            .bind(&event.id)
            .bind(now)
            .execute(&mut **tx)
            .await?;
            if fulfilled.rows_affected() == 1 {
                tracing::info!(order = order_id, event = %event.id, "order paid: fulfilled");
            }
        }
        Ok(Applied::Changed(next))
    }
}
