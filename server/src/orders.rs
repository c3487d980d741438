//! Orders: one per checkout attempt and cart, created before Stripe is called, moved only by
//! Stripe's events, fulfilled exactly once, and never paid for another amount than their own.

mod declines;
mod discounts;
mod stats;
mod sweep;

use checkout_api::{Cart, OrderSeller, OrderStatus, OrderView};
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

impl Applied {
    /// As the webhook metrics count it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Changed(_) => "applied",
            Self::Unchanged => "unchanged",
            Self::Duplicate => "duplicate",
            Self::NoOrder => "no_order",
            Self::Ignored => "ignored",
        }
    }
}

/// How an order is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentMethodKind {
    Card,
    Konbini,
}

impl PaymentMethodKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Card => "card",
            Self::Konbini => "konbini",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Self::Card, Self::Konbini].into_iter().find(|m| m.as_str() == s)
    }
}

/// An order as the checkout finds it when the shopper presses Pay: new, or the one an earlier
/// press of the same attempt made.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenOrder {
    pub id: String,
    pub payment_intent_id: Option<String>,
    pub create_token: Option<String>,
    /// The connected account its PaymentIntent lives on (a seller's direct charge); `None`:
    /// the platform.
    pub payment_account: Option<String>,
    /// The add-on offer's variant (`crate::offers`), when the shopper was in the experiment.
    pub offer_variant: Option<String>,
}

/// A marketplace order's seller, its connected account and the platform's fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SellerOrder<'a> {
    pub seller: &'a str,
    pub account: &'a str,
    pub application_fee_amount: i64,
}

/// The order a PaymentIntent pays for, with what proves the shopper's right to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentOrder {
    pub id: String,
    pub method: PaymentMethodKind,
    /// SHA-256 (hex) of the PaymentIntent's client secret, once the checkout recorded it.
    pub secret_sha256: Option<String>,
    /// The connected account the PaymentIntent lives on; `None`: the platform.
    pub payment_account: Option<String>,
}

/// The columns an event is checked against.
#[derive(Debug, sqlx::FromRow)]
struct OrderRow {
    status: String,
    status_event_created: i64,
    amount: i64,
    currency: String,
    payment_intent_id: Option<String>,
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

    /// The pending order for `key` (a checkout attempt and its cart), made now or by an earlier
    /// request with the same key. An order the sweep marked abandoned is taken up again: the
    /// shopper came back to the same attempt.
    pub async fn open(
        &self,
        key: &str,
        cart: &Cart,
        method: PaymentMethodKind,
        customer: Option<&str>,
        seller: Option<SellerOrder<'_>>,
        now: i64,
    ) -> Result<OpenOrder, sqlx::Error> {
        self.insert(&Self::new_id(), Some(key), cart, method, customer, seller, now).await?;
        sqlx::query("UPDATE orders SET status = $1, updated_at = $2 WHERE checkout_key = $3 AND status = $4")
            .bind(OrderStatus::Pending.as_str())
            .bind(now)
            .bind(key)
            .bind(OrderStatus::Abandoned.as_str())
            .execute(&self.db.pool)
            .await?;
        sqlx::query_as(
            "SELECT id, payment_intent_id, create_token, payment_account, offer_variant FROM orders WHERE checkout_key = $1",
        )
        .bind(key)
        .fetch_one(&self.db.pool)
        .await
    }

    /// Records the add-on offer's `variant` on the order, unless its PaymentIntent's creation was
    /// already asked for (its metadata then stays what that request said); the variant the
    /// order has now.
    pub async fn record_offer(&self, order: &OpenOrder, variant: &str) -> Result<Option<String>, sqlx::Error> {
        if order.offer_variant.is_some() || order.create_token.is_some() {
            return Ok(order.offer_variant.clone());
        }
        sqlx::query(
            "UPDATE orders SET offer_variant = $1 WHERE id = $2 AND offer_variant IS NULL AND create_token IS NULL",
        )
        .bind(variant)
        .bind(&order.id)
        .execute(&self.db.pool)
        .await?;
        sqlx::query_scalar("SELECT offer_variant FROM orders WHERE id = $1")
            .bind(&order.id)
            .fetch_one(&self.db.pool)
            .await
    }

    /// A new pending order without a checkout key (each request is its own order); its id.
    pub async fn create(&self, cart: &Cart, method: PaymentMethodKind, now: i64) -> Result<String, sqlx::Error> {
        let id = Self::new_id();
        self.insert(&id, None, cart, method, None, None, now).await?;
        Ok(id)
    }

    async fn insert(
        &self,
        id: &str,
        key: Option<&str>,
        cart: &Cart,
        method: PaymentMethodKind,
        customer: Option<&str>,
        seller: Option<SellerOrder<'_>>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let cart_json = serde_json::to_string(cart).unwrap_or_default();
        sqlx::query(
            "INSERT INTO orders (id, checkout_key, method, cart, amount, currency, status, status_event_created, amount_refunded, customer, created_at, updated_at, seller, seller_account, application_fee_amount) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (checkout_key) DO NOTHING",
        )
        .bind(id)
        .bind(key)
        .bind(method.as_str())
        .bind(cart_json)
        .bind(cart.total)
        .bind(&cart.currency)
        .bind(OrderStatus::Pending.as_str())
        .bind(0_i64)
        .bind(0_i64)
        .bind(customer)
        .bind(now)
        .bind(now)
        .bind(seller.map(|s| s.seller))
        .bind(seller.map(|s| s.account))
        .bind(seller.map(|s| s.application_fee_amount))
        .execute(&self.db.pool)
        .await?;
        Ok(())
    }

    /// The ConfirmationToken (or a marketplace order's saved card) the order's PaymentIntent is
    /// created with, and the account it is created on (`None`: the platform): the first one
    /// offered wins, so every retry replays the same request.
    pub async fn claim_create_token(
        &self,
        id: &str,
        offered: &str,
        account: Option<&str>,
    ) -> Result<String, sqlx::Error> {
        sqlx::query("UPDATE orders SET create_token = $1, payment_account = $2 WHERE id = $3 AND create_token IS NULL")
            .bind(offered)
            .bind(account)
            .bind(id)
            .execute(&self.db.pool)
            .await?;
        sqlx::query("SELECT create_token FROM orders WHERE id = $1").bind(id).fetch_one(&self.db.pool).await?.try_get(0)
    }

    /// Replaces a token Stripe refused (so it made no PaymentIntent) by `next`, unless another
    /// request did so first; true if this call did.
    pub async fn replace_create_token(
        &self,
        id: &str,
        refused: &str,
        next: &str,
        account: Option<&str>,
    ) -> Result<bool, sqlx::Error> {
        let updated = sqlx::query(
            "UPDATE orders SET create_token = $1, payment_account = $2 WHERE id = $3 AND create_token = $4 AND payment_intent_id IS NULL",
        )
        .bind(next)
        .bind(account)
        .bind(id)
        .bind(refused)
        .execute(&self.db.pool)
        .await?;
        Ok(updated.rows_affected() == 1)
    }

    /// Records the order's PaymentIntent and a hash of its client secret; an order that is not
    /// there is an error, not a no-op.
    pub async fn attach_payment_intent(
        &self,
        id: &str,
        payment_intent: &str,
        client_secret: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        let updated = sqlx::query(
            "UPDATE orders SET payment_intent_id = $1, secret_sha256 = COALESCE($2, secret_sha256) WHERE id = $3 \
             AND (payment_intent_id IS NULL OR payment_intent_id = $4)",
        )
        .bind(payment_intent)
        .bind(client_secret.map(crate::secrets::hash))
        .bind(id)
        .bind(payment_intent)
        .execute(&self.db.pool)
        .await?;
        if updated.rows_affected() == 1 { Ok(()) } else { Err(sqlx::Error::RowNotFound) }
    }

    /// Records the client secret's hash of an order whose PaymentIntent is known (learned from
    /// Stripe after the checkout could not record it).
    pub async fn remember_secret(&self, payment_intent: &str, client_secret: &str) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE orders SET secret_sha256 = $1 WHERE payment_intent_id = $2 AND secret_sha256 IS NULL")
            .bind(crate::secrets::hash(client_secret))
            .bind(payment_intent)
            .execute(&self.db.pool)
            .await?;
        Ok(())
    }

    /// The order paid by `payment_intent`, if it is one of ours.
    pub async fn for_payment(&self, payment_intent: &str) -> Result<Option<PaymentOrder>, sqlx::Error> {
        let row =
            sqlx::query("SELECT id, method, secret_sha256, payment_account FROM orders WHERE payment_intent_id = $1")
                .bind(payment_intent)
                .fetch_optional(&self.db.pool)
                .await?;
        row.map(|r| {
            Ok(PaymentOrder {
                id: r.try_get("id")?,
                method: PaymentMethodKind::parse(&r.try_get::<String, _>("method")?).unwrap_or(PaymentMethodKind::Card),
                secret_sha256: r.try_get("secret_sha256")?,
                payment_account: r.try_get("payment_account")?,
            })
        })
        .transpose()
    }

    /// Removes an order whose payment never started (Stripe refused to create it), and the
    /// discount code it held.
    pub async fn discard(&self, id: &str) -> Result<(), sqlx::Error> {
        let mut tx = self.db.pool.begin().await?;
        let deleted = sqlx::query("DELETE FROM orders WHERE id = $1 AND payment_intent_id IS NULL")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if deleted.rows_affected() == 1 {
            sqlx::query("DELETE FROM discount_redemptions WHERE order_id = $1").bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await
    }

    pub async fn get(&self, id: &str) -> Result<Option<OrderView>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT o.id, o.status, o.amount, o.currency, o.payment_intent_id, o.amount_refunded, f.order_id AS fulfilled, \
             o.seller, o.seller_account, o.application_fee_amount \
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
                seller: match (
                    row.try_get::<Option<String>, _>("seller")?,
                    row.try_get::<Option<String>, _>("seller_account")?,
                ) {
                    (Some(id), Some(account)) => Some(OrderSeller {
                        // The route names the seller (`crate::marketplace::Sellers`).
                        name: String::new(),
                        id,
                        account,
                        application_fee_amount: row.try_get::<Option<i64>, _>("application_fee_amount")?.unwrap_or(0),
                    }),
                    _ => None,
                },
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
    /// its id (charges name their PaymentIntent), if the event is of the account the order's
    /// PaymentIntent lives on. A connected account's event (a seller may make PaymentIntents on
    /// its own account, with any metadata) never moves an order paid elsewhere.
    async fn find_order(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        event: &Event,
    ) -> Result<Option<String>, sqlx::Error> {
        let mut found = None;
        if let Some(order_id) = event.order_id() {
            found = sqlx::query("SELECT id, payment_account FROM orders WHERE id = $1")
                .bind(order_id)
                .fetch_optional(&mut **tx)
                .await?;
        }
        if let (None, Some(payment_intent)) = (&found, event.payment_intent_id()) {
            found = sqlx::query("SELECT id, payment_account FROM orders WHERE payment_intent_id = $1")
                .bind(payment_intent)
                .fetch_optional(&mut **tx)
                .await?;
        }
        let Some(row) = found else { return Ok(None) };
        let (order_id, account): (String, Option<String>) = (row.try_get(0)?, row.try_get(1)?);
        if account != event.account {
            tracing::warn!(order = %order_id, event = %event.id, event_account = ?event.account, order_account = ?account, "an event of another account names this order: not applied to it");
            return Ok(None);
        }
        Ok(Some(order_id))
    }

    async fn move_order(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        order_id: &str,
        event: &Event,
        target: OrderStatus,
        now: i64,
    ) -> Result<Applied, sqlx::Error> {
        let sql = format!(
            "SELECT status, status_event_created, amount, currency, payment_intent_id FROM orders WHERE id = $1{}",
            self.db.for_update()
        );
        let order: OrderRow = sqlx::query_as(&sql).bind(order_id).fetch_one(&mut **tx).await?;
        let current = OrderStatus::parse(&order.status).unwrap_or(OrderStatus::Pending);
        if let Some(reason) = disagreement(&order, event) {
            return self.hold_for_review(tx, order_id, current, event, &reason, now).await;
        }
        if let (Some(pi), OrderStatus::Pending | OrderStatus::Abandoned) = (event.payment_intent_id(), current) {
            // The order learns its PaymentIntent from the first event, if the checkout's own
            // update has not landed yet (or failed).
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
        let Some(next) = current.after(order.status_event_created, target, event.created) else {
            return Ok(Applied::Unchanged);
        };
        self.set_status(tx, order_id, next, event.created, now).await?;
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

    /// Neither paid nor fulfilled: a person must look at an order whose payment disagrees with
    /// it. Logged at error level, once.
    async fn hold_for_review(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        order_id: &str,
        current: OrderStatus,
        event: &Event,
        reason: &str,
        now: i64,
    ) -> Result<Applied, sqlx::Error> {
        if current == OrderStatus::NeedsReview {
            return Ok(Applied::Unchanged);
        }
        tracing::error!(order = order_id, event = %event.id, kind = %event.type_, %reason, "the payment disagrees with the order: held for review, not fulfilled");
        sqlx::query("UPDATE orders SET review_reason = $1 WHERE id = $2")
            .bind(reason)
            .bind(order_id)
            .execute(&mut **tx)
            .await?;
        self.set_status(tx, order_id, OrderStatus::NeedsReview, event.created, now).await?;
        Ok(Applied::Changed(OrderStatus::NeedsReview))
    }

    async fn set_status(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        order_id: &str,
        status: OrderStatus,
        event_created: i64,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE orders SET status = $1, status_event_created = $2, updated_at = $3 WHERE id = $4")
            .bind(status.as_str())
            .bind(event_created)
            .bind(now)
            .bind(order_id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}

/// Why the event's payment cannot be this order's: another amount or currency, or another
/// PaymentIntent than the one the order records. `None` when they agree (or the event does not
/// say).
fn disagreement(order: &OrderRow, event: &Event) -> Option<String> {
    if let Some(amount) = event.amount()
        && amount != order.amount
    {
        return Some(format!("the payment is for {amount} but the order for {}", order.amount));
    }
    if let Some(currency) = event.currency()
        && !currency.eq_ignore_ascii_case(&order.currency)
    {
        return Some(format!("the payment is in {currency} but the order in {}", order.currency));
    }
    match (&order.payment_intent_id, event.payment_intent_id()) {
        (Some(ours), Some(theirs)) if ours != theirs => {
            Some(format!("a second PaymentIntent {theirs} for the order paid by {ours}"))
        }
        _ => None,
    }
}
