//! The operator's BNPL dashboard (`GET /api/operator/bnpl`): what the data export's files say
//! about buy now, pay later, per week and per method, and the add-on offer's variants. Amounts
//! in the currency's smallest unit; succeeded payments only.

use serde::{Deserialize, Serialize};

/// The buy-now-pay-later types the dashboard follows, in the order it shows them.
pub const BNPL_METHODS: [&str; 4] = ["klarna", "afterpay_clearpay", "affirm", "zip"];

/// How the dashboard names a payment method type.
pub fn method_name(type_: &str) -> &str {
    match type_ {
        "card" => "Card",
        "klarna" => "Klarna",
        "afterpay_clearpay" => "Afterpay",
        "affirm" => "Affirm",
        "zip" => "Zip",
        "konbini" => "Konbini",
        other => other,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BnplDashboard {
    pub currency: String,
    /// Everything created before this (unix seconds) is in the export; `None`: nothing yet.
    pub exported_until: Option<i64>,
    /// Weeks (Monday, UTC) oldest first.
    pub weeks: Vec<Week>,
    /// Every method seen (the card first, then the BNPL methods, then others).
    pub by_method: Vec<MethodStats>,
    /// The add-on offer's variants, of BNPL payments.
    pub by_variant: Vec<VariantStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Week {
    /// The Monday it starts, `YYYY-MM-DD`.
    pub start: String,
    /// All payments of the week, and their revenue.
    pub payments: i64,
    pub revenue: i64,
    /// Each BNPL method's, in [`BNPL_METHODS`] order.
    pub methods: Vec<MethodWeek>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodWeek {
    pub method: String,
    pub payments: i64,
    pub revenue: i64,
}

impl Week {
    /// A method's share of the week's payments and of its revenue, 0-1.
    pub fn shares(&self, method: &MethodWeek) -> (f64, f64) {
        let share = |part: i64, whole: i64| if whole == 0 { 0.0 } else { part as f64 / whole as f64 };
        (share(method.payments, self.payments), share(method.revenue, self.revenue))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodStats {
    pub method: String,
    pub payments: i64,
    pub revenue: i64,
    pub average_order_value: i64,
    /// Payments refunded in part or in full, and their share of the payments (0-1).
    pub refunded_payments: i64,
    pub refund_rate: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VariantStats {
    pub variant: String,
    pub payments: i64,
    pub average_order_value: i64,
}
