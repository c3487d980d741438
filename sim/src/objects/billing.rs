//! Products, prices, subscriptions and balance transactions, rendered with the fields of
//! Stripe's fixtures (../shared/stripe-fixtures/fixtures3.json). The stand-in keeps them for its
//! generated history (`history.rs`): what a data export reads.

use serde_json::{Value, json};

#[derive(Debug, Clone)]
pub struct Product {
    pub id: String,
    pub created: i64,
    pub name: String,
    pub default_price: Option<String>,
}

impl Product {
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id, "object": "product", "active": true, "created": self.created,
            "default_price": self.default_price, "description": null, "images": [], "livemode": false,
            "marketing_features": [], "metadata": {}, "name": self.name, "package_dimensions": null,
            "shippable": null, "statement_descriptor": null, "tax_code": null, "type": "good", "unit_label": null,
            "updated": self.created, "url": null,
        })
    }
}

/// A price: one-time, or recurring every `interval` (`month`, `year`).
#[derive(Debug, Clone)]
pub struct Price {
    pub id: String,
    pub created: i64,
    pub product: String,
    pub currency: String,
    pub unit_amount: i64,
    pub interval: Option<&'static str>,
    pub nickname: Option<String>,
    /// `false`: archived (Stripe lists it only with `active=false`; it still retrieves).
    pub active: bool,
}

impl Price {
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id, "object": "price", "active": self.active, "billing_scheme": "per_unit", "created": self.created,
            "currency": self.currency, "custom_unit_amount": null, "livemode": false, "lookup_key": null, "metadata": {},
            "nickname": self.nickname, "product": self.product,
            "recurring": self.interval.map(|interval| json!({
                "interval": interval, "interval_count": 1, "meter": null, "trial_period_days": null, "usage_type": "licensed",
            })),
            "tax_behavior": "unspecified", "tiers_mode": null, "transform_quantity": null,
            "type": if self.interval.is_some() { "recurring" } else { "one_time" },
            "unit_amount": self.unit_amount, "unit_amount_decimal": self.unit_amount.to_string(),
        })
    }
}

#[derive(Debug, Clone)]
pub struct Subscription {
    pub id: String,
    pub created: i64,
    pub customer: String,
    /// The one item's price (kept whole: the item renders it) and quantity.
    pub price: Price,
    pub quantity: i64,
    /// `active`, `trialing`, `past_due` or `canceled`.
    pub status: &'static str,
    pub canceled_at: Option<i64>,
    pub trial_end: Option<i64>,
    /// The current period, as Stripe renders it on the subscription's items.
    pub period: (i64, i64),
}

impl Subscription {
    pub fn to_json(&self) -> Value {
        let item = json!({
            "id": format!("si_{}", &self.id[4..]), "object": "subscription_item", "created": self.created,
            "current_period_end": self.period.1, "current_period_start": self.period.0, "discounts": [],
            "metadata": {}, "price": self.price.to_json(), "quantity": self.quantity, "subscription": self.id,
            "tax_rates": [], "billing_thresholds": null,
        });
        json!({
            "id": self.id, "object": "subscription", "application": null, "application_fee_percent": null,
            "automatic_tax": {"disabled_reason": null, "enabled": false, "liability": null},
            "billing_cycle_anchor": self.created, "billing_cycle_anchor_config": null, "billing_mode": {"type": "classic"},
            "billing_thresholds": null, "cancel_at": null, "cancel_at_period_end": false, "canceled_at": self.canceled_at,
            "cancellation_details": {"comment": null, "feedback": null, "reason": self.canceled_at.map(|_| "cancellation_requested")},
            "collection_method": "charge_automatically", "created": self.created, "currency": self.price.currency,
            "customer": self.customer, "customer_account": null, "days_until_due": null, "default_payment_method": null,
            "default_source": null, "default_tax_rates": [], "description": null, "discounts": [],
            "ended_at": self.canceled_at,
            "invoice_settings": {"account_tax_ids": null, "issuer": {"type": "self"}},
            "items": {"object": "list", "data": [item], "has_more": false, "total_count": 1,
                      "url": format!("/v1/subscription_items?subscription={}", self.id)},
            "latest_invoice": null, "livemode": false, "metadata": {}, "next_pending_invoice_item_invoice": null,
            "on_behalf_of": null, "pause_collection": null,
            "payment_settings": {"payment_method_options": null, "payment_method_types": null, "save_default_payment_method": "off"},
            "pending_invoice_item_interval": null, "pending_setup_intent": null, "pending_update": null, "schedule": null,
            "start_date": self.created, "status": self.status, "test_clock": null, "transfer_data": null,
            "trial_end": self.trial_end, "trial_settings": {"end_behavior": {"missing_payment_method": "create_invoice"}},
            "trial_start": self.trial_end.map(|_| self.created),
        })
    }
}

/// What moved on the balance: a charge's amount in (less Stripe's fee), or a refund's out.
#[derive(Debug, Clone)]
pub struct BalanceTransaction {
    pub id: String,
    pub created: i64,
    pub amount: i64,
    pub fee: i64,
    pub currency: String,
    /// `charge` or `refund`.
    pub type_: &'static str,
    pub source: String,
}

/// Funds from a charge become available two days later (Stripe's standard US schedule).
const AVAILABLE_AFTER_SECONDS: i64 = 2 * 24 * 60 * 60;

impl BalanceTransaction {
    pub fn to_json(&self, now: i64) -> Value {
        let available_on = self.created + AVAILABLE_AFTER_SECONDS;
        let fee_details: Vec<Value> = (self.fee != 0)
            .then(|| json!({"amount": self.fee, "application": null, "currency": self.currency, "description": "Stripe processing fees", "type": "stripe_fee"}))
            .into_iter()
            .collect();
        json!({
            "id": self.id, "object": "balance_transaction", "amount": self.amount, "available_on": available_on,
            "balance_type": "payments", "created": self.created, "currency": self.currency,
            "description": if self.type_ == "refund" { json!("REFUND FOR CHARGE") } else { Value::Null },
            "exchange_rate": null, "fee": self.fee, "fee_details": fee_details, "net": self.amount - self.fee,
            "reporting_category": self.type_, "source": self.source,
            "status": if available_on <= now { "available" } else { "pending" }, "type": self.type_,
        })
    }
}
