//! The add-on offer experiment (`POST /api/offers`): when the shopper chooses a buy-now-pay-later
//! method in the Payment Element, the page asks whether to suggest one add-on; the server
//! assigns the visitor a variant (A/B, the same on every visit) and answers the suggestion for
//! the `addon` variant, none for `control`. The order then records the variant.

use serde::{Deserialize, Serialize};

use crate::CartItem;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferRequest {
    pub items: Vec<CartItem>,
    /// The payment method type chosen (the Payment Element's `change` event's `value.type`).
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferResponse {
    /// `control` or `addon`; `None`: the method is not in the experiment (a card).
    pub variant: Option<String>,
    pub suggestion: Option<OfferSuggestion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferSuggestion {
    pub product_id: String,
    pub name: String,
    pub unit_amount: i64,
    pub currency: String,
}

/// The payment method types whose choice puts the shopper in the experiment.
pub const OFFER_METHODS: [&str; 4] = ["klarna", "afterpay_clearpay", "affirm", "zip"];
