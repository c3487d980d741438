//! What the export writes for each resource: its columns, each a field of Stripe's object (a
//! JSON pointer; nested objects flattened where analysts need them, e.g.
//! `payment_method_details.type`, `outcome.risk_level`, a price's `recurring.interval`), its
//! Parquet type and what it means. README "BNPL and the data export" prints these tables
//! (`checkout-server export --schema`; `server/tests/export.rs` checks it is current).

/// A column's type: Parquet `BYTE_ARRAY (UTF8)`, `INT64`, `BOOLEAN` or `TIMESTAMP(MILLIS, UTC)`
/// (Stripe's unix seconds; Parquet has no coarser unit); `Json` is a nested object kept whole as
/// JSON text (`metadata`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    Bool,
    Time,
    Json,
}

impl Kind {
    pub fn parquet_name(self) -> &'static str {
        match self {
            Self::Text => "string",
            Self::Int => "int64",
            Self::Bool => "boolean",
            Self::Time => "timestamp (UTC)",
            Self::Json => "string (JSON)",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// Where in Stripe's object (RFC 6901 pointer).
    pub path: &'static str,
    pub meaning: &'static str,
}

/// One exported resource: `DIR/<name>/date=YYYY-MM-DD/part-*.parquet`, from Stripe's list at
/// `list_path`, asked once per listing.
#[derive(Debug, Clone, Copy)]
pub struct Resource {
    pub name: &'static str,
    pub list_path: &'static str,
    pub listings: &'static [Listing],
    pub columns: &'static [Column],
}

/// One pass over a resource's list: the filters it sends and the tag its files carry. Stripe
/// leaves objects out of some lists unless asked (canceled subscriptions, archived prices), and
/// an export must have them all. A pass of its own writes its own files
/// (`part-<from>-<until>-<tag>.parquet`), so a day's file is never written over by another pass.
#[derive(Debug, Clone, Copy)]
pub struct Listing {
    pub query: &'static [(&'static str, &'static str)],
    pub tag: &'static str,
}

/// The whole list in one pass: what Stripe's list gives without filters.
const WHOLE_LIST: &[Listing] = &[Listing { query: &[], tag: "" }];

const fn col(name: &'static str, kind: Kind, path: &'static str, meaning: &'static str) -> Column {
    Column { name, kind, path, meaning }
}

use Kind::{Bool, Int, Json, Text, Time};

pub const CHARGES: Resource = Resource {
    name: "charges",
    list_path: "/v1/charges",
    listings: WHOLE_LIST,
    columns: &[
        col("id", Text, "/id", "The charge (`ch_...`)"),
        col("created", Time, "/created", "When it was made; the partition's day (UTC)"),
        col("amount", Int, "/amount", "Amount in the currency's smallest unit (cents)"),
        col("amount_captured", Int, "/amount_captured", "Captured of it (0 when it failed)"),
        col("amount_refunded", Int, "/amount_refunded", "Refunded of it, as of the export"),
        col("currency", Text, "/currency", "ISO currency, lowercase"),
        col("status", Text, "/status", "`succeeded`, `pending` or `failed`"),
        col("paid", Bool, "/paid", "The charge succeeded"),
        col("refunded", Bool, "/refunded", "Refunded in full"),
        col(
            "payment_method_type",
            Text,
            "/payment_method_details/type",
            "`card`, `klarna`, `afterpay_clearpay`, `affirm`, `zip`, `konbini`...",
        ),
        col(
            "card_brand",
            Text,
            "/payment_method_details/card/brand",
            "A card's brand (`visa`...); empty for other methods",
        ),
        col("outcome_type", Text, "/outcome/type", "`authorized`, `issuer_declined`, `blocked`..."),
        col("risk_level", Text, "/outcome/risk_level", "Radar's `normal`, `elevated` or `highest`"),
        col("risk_score", Int, "/outcome/risk_score", "Radar's score, 0-99"),
        col("failure_code", Text, "/failure_code", "Why it failed (`card_declined`...)"),
        col("customer", Text, "/customer", "The customer (`cus_...`), if any"),
        col("payment_intent", Text, "/payment_intent", "Its PaymentIntent (`pi_...`)"),
        col("balance_transaction", Text, "/balance_transaction", "The money it moved (`txn_...`)"),
        col("billing_country", Text, "/billing_details/address/country", "The payer's billing country"),
        col(
            "offer_variant",
            Text,
            "/metadata/offer_variant",
            "The checkout's add-on offer variant (`control`, `addon`), BNPL orders",
        ),
        col("order_id", Text, "/metadata/order_id", "The checkout's order"),
        col("metadata", Json, "/metadata", "All metadata, as JSON"),
        col("livemode", Bool, "/livemode", "Live or test mode"),
    ],
};

pub const REFUNDS: Resource = Resource {
    name: "refunds",
    list_path: "/v1/refunds",
    listings: WHOLE_LIST,
    columns: &[
        col("id", Text, "/id", "The refund (`re_...`)"),
        col("created", Time, "/created", "When it was made; the partition's day (UTC)"),
        col("amount", Int, "/amount", "Amount refunded, smallest unit"),
        col("currency", Text, "/currency", "ISO currency, lowercase"),
        col("charge", Text, "/charge", "The charge refunded (`ch_...`)"),
        col("payment_intent", Text, "/payment_intent", "Its PaymentIntent"),
        col("reason", Text, "/reason", "`requested_by_customer`, `duplicate`, `fraudulent`, or empty"),
        col("status", Text, "/status", "`succeeded`, `pending`, `failed`, `canceled`"),
        col("balance_transaction", Text, "/balance_transaction", "The money it moved (`txn_...`)"),
        col("metadata", Json, "/metadata", "All metadata, as JSON"),
    ],
};

pub const BALANCE_TRANSACTIONS: Resource = Resource {
    name: "balance_transactions",
    list_path: "/v1/balance_transactions",
    listings: WHOLE_LIST,
    columns: &[
        col("id", Text, "/id", "The balance transaction (`txn_...`)"),
        col("created", Time, "/created", "When it happened; the partition's day (UTC)"),
        col("available_on", Time, "/available_on", "When the funds become available"),
        col("amount", Int, "/amount", "Gross amount, smallest unit (negative: money out)"),
        col("fee", Int, "/fee", "Stripe's fees"),
        col("net", Int, "/net", "Amount less fees"),
        col("currency", Text, "/currency", "ISO currency, lowercase"),
        col("type", Text, "/type", "`charge`, `refund`, `payout`, `adjustment`..."),
        col("reporting_category", Text, "/reporting_category", "Stripe's reporting category"),
        col("status", Text, "/status", "`available` or `pending`"),
        col("source", Text, "/source", "What moved it (`ch_...`, `re_...`)"),
    ],
};

pub const CUSTOMERS: Resource = Resource {
    name: "customers",
    list_path: "/v1/customers",
    listings: WHOLE_LIST,
    columns: &[
        col("id", Text, "/id", "The customer (`cus_...`)"),
        col("created", Time, "/created", "When it was made; the partition's day (UTC)"),
        col("email", Text, "/email", "Email"),
        col("name", Text, "/name", "Name"),
        col("currency", Text, "/currency", "The currency it is billed in, if set"),
        col("balance", Int, "/balance", "Customer balance, smallest unit"),
        col("delinquent", Bool, "/delinquent", "Has an unpaid invoice"),
        col("address_country", Text, "/address/country", "Country of its address"),
        col("metadata", Json, "/metadata", "All metadata, as JSON"),
        col("livemode", Bool, "/livemode", "Live or test mode"),
    ],
};

pub const PRICES: Resource = Resource {
    name: "prices",
    list_path: "/v1/prices",
    // Stripe's list is "your active prices"; the archived ones come with `active=false`.
    listings: &[
        Listing { query: &[("active", "true")], tag: "" },
        Listing { query: &[("active", "false")], tag: "inactive" },
    ],
    columns: &[
        col("id", Text, "/id", "The price (`price_...`)"),
        col("created", Time, "/created", "When it was made; the partition's day (UTC)"),
        col("product", Text, "/product", "Its product (`prod_...`)"),
        col("active", Bool, "/active", "Can be used for new purchases"),
        col("currency", Text, "/currency", "ISO currency, lowercase"),
        col("unit_amount", Int, "/unit_amount", "Per unit, smallest unit"),
        col("type", Text, "/type", "`one_time` or `recurring`"),
        col("recurring_interval", Text, "/recurring/interval", "`day`, `week`, `month` or `year` (recurring prices)"),
        col("recurring_interval_count", Int, "/recurring/interval_count", "Intervals between billings"),
        col("billing_scheme", Text, "/billing_scheme", "`per_unit` or `tiered`"),
        col("nickname", Text, "/nickname", "Its nickname"),
        col("lookup_key", Text, "/lookup_key", "Its lookup key"),
    ],
};

pub const SUBSCRIPTIONS: Resource = Resource {
    name: "subscriptions",
    list_path: "/v1/subscriptions",
    // Without `status`, Stripe lists only the subscriptions not canceled.
    listings: &[Listing { query: &[("status", "all")], tag: "" }],
    columns: &[
        col("id", Text, "/id", "The subscription (`sub_...`)"),
        col("created", Time, "/created", "When it was made; the partition's day (UTC)"),
        col("customer", Text, "/customer", "Its customer (`cus_...`)"),
        col("status", Text, "/status", "`active`, `trialing`, `past_due`, `canceled`..."),
        col("currency", Text, "/currency", "ISO currency, lowercase"),
        col("price", Text, "/items/data/0/price/id", "Its first item's price (`price_...`)"),
        col("product", Text, "/items/data/0/price/product", "That price's product"),
        col("unit_amount", Int, "/items/data/0/price/unit_amount", "That price's unit amount"),
        col("quantity", Int, "/items/data/0/quantity", "Its first item's quantity"),
        col("interval", Text, "/items/data/0/price/recurring/interval", "Billing interval (`month`, `year`)"),
        col("current_period_start", Time, "/items/data/0/current_period_start", "The current period's start"),
        col("current_period_end", Time, "/items/data/0/current_period_end", "The current period's end"),
        col("start_date", Time, "/start_date", "When it started"),
        col("cancel_at_period_end", Bool, "/cancel_at_period_end", "Ends at the period's end"),
        col("canceled_at", Time, "/canceled_at", "When it was canceled"),
        col("ended_at", Time, "/ended_at", "When it ended"),
        col("trial_end", Time, "/trial_end", "When its trial ends"),
        col("collection_method", Text, "/collection_method", "`charge_automatically` or `send_invoice`"),
        col("metadata", Json, "/metadata", "All metadata, as JSON"),
    ],
};

/// Every exported resource, in the order the export runs them.
pub const RESOURCES: [Resource; 6] = [CHARGES, SUBSCRIPTIONS, REFUNDS, BALANCE_TRANSACTIONS, CUSTOMERS, PRICES];

/// The documented schema as Markdown: a table per resource.
pub fn markdown() -> String {
    let mut out = String::new();
    for resource in RESOURCES {
        let lists: Vec<String> = resource
            .listings
            .iter()
            .map(|l| {
                let query: Vec<String> = l.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
                if query.is_empty() {
                    format!("`{}`", resource.list_path)
                } else {
                    format!("`{}?{}`", resource.list_path, query.join("&"))
                }
            })
            .collect();
        out.push_str(&format!(
            "#### `{}` ({})\n\n| column | type | Stripe field | meaning |\n| --- | --- | --- | --- |\n",
            resource.name,
            lists.join(" and ")
        ));
        for c in resource.columns {
            let field = c.path.trim_start_matches('/').replace('/', ".");
            out.push_str(&format!("| `{}` | {} | `{field}` | {} |\n", c.name, c.kind.parquet_name(), c.meaning));
        }
        out.push('\n');
    }
    out
}
