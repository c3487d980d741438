use std::hash::{DefaultHasher, Hash, Hasher};

use serde_json::{Map, Value, json};

use crate::bnpl::Bnpl;
use crate::cards;

/// A card as the stand-in holds it. `number` stays inside the stand-in (it decides outcomes,
/// as the card network would) and is never rendered.
#[derive(Debug, Clone)]
pub struct Card {
    pub number: String,
    pub exp_month: u32,
    pub exp_year: i32,
}

impl Card {
    pub fn brand(&self) -> &'static str {
        cards::brand(&self.number)
    }

    pub fn last4(&self) -> &str {
        &self.number[self.number.len().saturating_sub(4)..]
    }

    /// Same card, same fingerprint; never reveals the number.
    fn fingerprint(&self) -> String {
        let mut hasher = DefaultHasher::new();
        self.number.hash(&mut hasher);
        let alphabet = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        let mut n = hasher.finish();
        (0..16)
            .map(|_| {
                let c = alphabet[(n % alphabet.len() as u64) as usize] as char;
                n /= alphabet.len() as u64;
                if n == 0 {
                    n = 0x9E37_79B9_7F4A_7C15;
                }
                c
            })
            .collect()
    }

    /// `payment_method.card` (and `payment_method_preview.card`).
    pub fn to_json(&self) -> Value {
        json!({
            "brand": self.brand(),
            "checks": {"address_line1_check": null, "address_postal_code_check": null, "cvc_check": "pass"},
            "country": "US",
            "display_brand": self.brand(),
            "exp_month": self.exp_month,
            "exp_year": self.exp_year,
            "fingerprint": self.fingerprint(),
            "funding": "credit",
            "generated_from": null,
            "last4": self.last4(),
            "networks": {"available": [self.brand()], "preferred": null},
            "three_d_secure_usage": {"supported": true},
            "wallet": null,
            "regulated_status": "unregulated",
        })
    }
}

/// What a payment is made with, as a ConfirmationToken or a confirmation carries it: a card's
/// details, or a buy-now-pay-later method (authorised on the provider's page: nothing to hold
/// but its type).
#[derive(Debug, Clone)]
pub enum Paying {
    Card(Card),
    Bnpl(Bnpl),
}

impl Paying {
    pub fn type_(&self) -> &'static str {
        match self {
            Self::Card(_) => "card",
            Self::Bnpl(bnpl) => bnpl.type_(),
        }
    }

    /// The type's own hash of a PaymentMethod (and of a ConfirmationToken's preview).
    pub fn to_json(&self) -> Value {
        match self {
            Self::Card(card) => card.to_json(),
            Self::Bnpl(bnpl) => bnpl.payment_method_json(),
        }
    }

    pub fn card(&self) -> Option<&Card> {
        match self {
            Self::Card(card) => Some(card),
            Self::Bnpl(_) => None,
        }
    }
}

/// A card, buy-now-pay-later or konbini PaymentMethod (`card` and `bnpl` both `None` is
/// konbini: nothing to store but the billing details).
#[derive(Debug, Clone)]
pub struct PaymentMethod {
    pub id: String,
    /// The connected account it lives on (made there, or cloned there from the platform), or
    /// `None`: the platform's.
    pub account: Option<String>,
    pub created: i64,
    pub card: Option<Card>,
    /// Klarna, Afterpay / Clearpay, Affirm or Zip.
    pub bnpl: Option<Bnpl>,
    pub billing_details: Value,
    pub customer: Option<String>,
    pub allow_redisplay: String,
    pub metadata: Map<String, Value>,
    /// Shared with a connected account without a customer: it may not be used again.
    pub spent: bool,
}

impl PaymentMethod {
    pub fn type_(&self) -> &'static str {
        match (&self.card, self.bnpl) {
            (Some(_), _) => "card",
            (None, Some(bnpl)) => bnpl.type_(),
            (None, None) => "konbini",
        }
    }

    pub fn to_json(&self) -> Value {
        let mut json = json!({
            "id": self.id,
            "object": "payment_method",
            "allow_redisplay": self.allow_redisplay,
            "billing_details": self.billing_details,
            "created": self.created,
            "customer": self.customer,
            "customer_account": null,
            "livemode": false,
            "metadata": self.metadata,
            "type": self.type_(),
        });
        // The type's own hash, as Stripe renders it: `card: {...}`, `klarna: {...}` or `konbini: {}`.
        json[self.type_()] = match (&self.card, self.bnpl) {
            (Some(card), _) => card.to_json(),
            (None, Some(bnpl)) => bnpl.payment_method_json(),
            (None, None) => json!({}),
        };
        json
    }
}
