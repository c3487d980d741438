//! The lists a data export reads: `GET /v1/charges`, `/v1/refunds`, `/v1/balance_transactions`,
//! `/v1/customers`, `/v1/prices`, `/v1/products` and `/v1/subscriptions` (and each one's
//! retrieve where the stand-in had none), newest first, `limit` (1-100), `starting_after`,
//! `created` (`created=T` or `created[gte|gt|lte|lt]`), and the filters Stripe documents that a
//! reader uses (`customer`, `charge`, `payment_intent`, `type`, `status`, `product`). Live
//! objects and the generated history (`history.rs`) alike.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use crate::Sim;
use crate::error::ApiError;
use crate::history::History;
use crate::objects::{Created, Customer, Timeline, Within};
use crate::params::{Params, StripeRequest};
use crate::store::Store;

/// One list: its object name (Stripe's "No such ..."), URL, the filters it takes (a parameter
/// and the field of the object it matches), where its timeline is, and how an id renders on
/// the request's account (`None`: not there).
struct List {
    object: &'static str,
    url: &'static str,
    filters: &'static [(&'static str, &'static str)],
    timeline: fn(&History) -> &Timeline,
    render: fn(&Store, &str, Option<&str>, i64) -> Option<Value>,
    /// A parameter whose absence selects too (and what it selects): Stripe leaves canceled
    /// subscriptions and archived prices out unless asked.
    select: Option<(&'static str, Select)>,
}

type Selection = Box<dyn Fn(&Value) -> bool>;
type Select = fn(&Params) -> Result<Selection, ApiError>;

/// `status`: absent, every subscription not canceled; `all`; `ended` (canceled or
/// incomplete_expired); or one status.
fn subscriptions_by_status(p: &Params) -> Result<Selection, ApiError> {
    const STATUSES: [&str; 10] = [
        "active",
        "all",
        "canceled",
        "ended",
        "incomplete",
        "incomplete_expired",
        "past_due",
        "paused",
        "trialing",
        "unpaid",
    ];
    Ok(match p.one_of("status", "status", &STATUSES)? {
        None => Box::new(|s| s["status"] != "canceled"),
        Some("all") => Box::new(|_| true),
        Some("ended") => Box::new(|s| s["status"] == "canceled" || s["status"] == "incomplete_expired"),
        Some(status) => {
            let status = status.to_owned();
            Box::new(move |s| s["status"] == status.as_str())
        }
    })
}

/// `active`: absent or `true`, the active prices; `false`, the archived ones.
fn prices_by_active(p: &Params) -> Result<Selection, ApiError> {
    let active = p.bool("active")?.unwrap_or(true);
    Ok(Box::new(move |price| price["active"] == active))
}

fn page(sim: &Sim, req: &StripeRequest, list: &List) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    let mut allowed = vec!["limit", "starting_after", "ending_before", "created", "expand"];
    allowed.extend(list.filters.iter().map(|(param, _)| *param));
    allowed.extend(list.select.map(|(param, _)| param));
    p.allow_only(&allowed)?;
    if p.get("ending_before").is_some() {
        return Err(ApiError::invalid_request("The stand-in pages these lists forward only: use starting_after."));
    }
    let limit = p.list_limit()?;
    let created = Created::from_params(p)?;
    let selected: Selection = match list.select {
        Some((_, select)) => select(p)?,
        None => Box::new(|_| true),
    };
    let mut filters = Vec::new();
    for (param, field) in list.filters {
        if let Some(value) = p.str(param)? {
            filters.push((*field, value.to_owned()));
        }
    }
    let now = sim.clock.now();
    sim.apply(|store| {
        let ids = (list.timeline)(&store.history).newest_first(created, p.str("starting_after")?, list.object)?;
        let (mut data, mut has_more) = (Vec::with_capacity(limit), false);
        for id in ids {
            let Some(object) = (list.render)(store, id, req.scope(), now) else { continue };
            if !selected(&object)
                || !filters.iter().all(|(field, value)| object[*field].as_str() == Some(value.as_str()))
            {
                continue;
            }
            if data.len() == limit {
                has_more = true;
                break;
            }
            data.push(object);
        }
        Ok(Json(json!({"object": "list", "data": data, "has_more": has_more, "url": list.url})))
    })
}

fn retrieve(sim: &Sim, req: &StripeRequest, id: &str, list: &List) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let now = sim.clock.now();
    sim.apply(|store| {
        (list.render)(store, id, req.scope(), now).map(Json).ok_or_else(|| ApiError::no_such(list.object, id, "id"))
    })
}

fn charge(store: &Store, id: &str, scope: Option<&str>, _now: i64) -> Option<Value> {
    store.any_charge(id).map(|(charge, _)| charge).within(scope)?;
    store.charge_json(id)
}

fn refund(store: &Store, id: &str, scope: Option<&str>, _now: i64) -> Option<Value> {
    let (charge, _) = store.any_charge(store.history.refund_charge.get(id)?)?;
    let charge = Some(charge).within(scope)?;
    charge.refunds.iter().find(|r| r.id == id).map(|r| r.to_json(charge))
}

fn balance_transaction(store: &Store, id: &str, scope: Option<&str>, now: i64) -> Option<Value> {
    let txn = store.history.balance_transactions.get(id)?;
    let charge_id = store.history.refund_charge.get(&txn.source).unwrap_or(&txn.source);
    Some(store.any_charge(charge_id)?.0).within(scope)?;
    Some(txn.to_json(now))
}

fn customer(store: &Store, id: &str, scope: Option<&str>, _now: i64) -> Option<Value> {
    match store.customers.get(id) {
        Some(live) => Some(live).within(scope).map(Customer::to_json),
        None => scope.is_none().then(|| store.history.customers.get(id).map(Customer::to_json)).flatten(),
    }
}

/// Products, prices and subscriptions exist only in the platform's generated history.
fn product(store: &Store, id: &str, scope: Option<&str>, _now: i64) -> Option<Value> {
    scope.is_none().then(|| store.history.products.get(id).map(|p| p.to_json())).flatten()
}

fn price(store: &Store, id: &str, scope: Option<&str>, _now: i64) -> Option<Value> {
    scope.is_none().then(|| store.history.prices.get(id).map(|p| p.to_json())).flatten()
}

fn subscription(store: &Store, id: &str, scope: Option<&str>, _now: i64) -> Option<Value> {
    scope.is_none().then(|| store.history.subscriptions.get(id).map(|s| s.to_json())).flatten()
}

const CHARGES: List = List {
    object: "charge",
    url: "/v1/charges",
    filters: &[("customer", "customer"), ("payment_intent", "payment_intent")],
    timeline: |h| &h.timelines.charges,
    render: charge,
    select: None,
};
const REFUNDS: List = List {
    object: "refund",
    url: "/v1/refunds",
    filters: &[("charge", "charge"), ("payment_intent", "payment_intent")],
    timeline: |h| &h.timelines.refunds,
    render: refund,
    select: None,
};
const BALANCE_TRANSACTIONS: List = List {
    object: "balance_transaction",
    url: "/v1/balance_transactions",
    filters: &[("type", "type"), ("source", "source")],
    timeline: |h| &h.timelines.balance_transactions,
    render: balance_transaction,
    select: None,
};
const CUSTOMERS: List = List {
    object: "customer",
    url: "/v1/customers",
    filters: &[("email", "email")],
    timeline: |h| &h.timelines.customers,
    render: customer,
    select: None,
};
const PRODUCTS: List = List {
    object: "product",
    url: "/v1/products",
    filters: &[],
    timeline: |h| &h.timelines.products,
    render: product,
    select: None,
};
const PRICES: List = List {
    object: "price",
    url: "/v1/prices",
    filters: &[("product", "product"), ("type", "type"), ("currency", "currency")],
    timeline: |h| &h.timelines.prices,
    render: price,
    select: Some(("active", prices_by_active)),
};
const SUBSCRIPTIONS: List = List {
    object: "subscription",
    url: "/v1/subscriptions",
    filters: &[("customer", "customer")],
    timeline: |h| &h.timelines.subscriptions,
    render: subscription,
    select: Some(("status", subscriptions_by_status)),
};

macro_rules! endpoints {
    ($($list:ident, $retrieve:ident => $spec:ident;)*) => {
        $(
            pub async fn $list(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
                page(&sim, &req, &$spec)
            }

            pub async fn $retrieve(State(sim): State<Arc<Sim>>, Path(id): Path<String>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
                retrieve(&sim, &req, &id, &$spec)
            }
        )*
    };
}

endpoints! {
    charges, _charge => CHARGES;
    refunds, refund_by_id => REFUNDS;
    balance_transactions, balance_transaction_by_id => BALANCE_TRANSACTIONS;
    customers, _customer => CUSTOMERS;
    products, product_by_id => PRODUCTS;
    prices, price_by_id => PRICES;
    subscriptions, subscription_by_id => SUBSCRIPTIONS;
}
