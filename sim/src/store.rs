//! Everything the stand-in remembers, behind one lock: handlers hold it for a whole operation,
//! so each API call is atomic as it is at Stripe.

use std::collections::HashMap;

use crate::error::ApiError;
use crate::objects::{Card, Charge, ConfirmationToken, Customer, CustomerSession, PaymentIntent, PaymentMethod};

/// A konbini voucher: the instructions of one confirmation. Confirming again voids it.
#[derive(Debug, Clone)]
pub struct Voucher {
    pub intent: String,
    pub details: serde_json::Value,
    pub active: bool,
}

#[derive(Debug, Default)]
pub struct Store {
    /// In creation order; lists are served newest first.
    pub payment_intents: Vec<PaymentIntent>,
    pub confirmation_tokens: HashMap<String, ConfirmationToken>,
    pub payment_methods: HashMap<String, PaymentMethod>,
    pub customers: HashMap<String, Customer>,
    /// By client secret, which is how Stripe.js presents them.
    pub customer_sessions: HashMap<String, CustomerSession>,
    pub vouchers: HashMap<String, Voucher>,
    pub charges: HashMap<String, Charge>,
    /// Every event, in the order it happened.
    pub events: Vec<serde_json::Value>,
}

impl Store {
    /// A new PaymentMethod (a card, or konbini with `card: None`) with no customer; its id.
    pub fn new_payment_method(&mut self, now: i64, card: Option<Card>, billing_details: serde_json::Value) -> String {
        let pm = PaymentMethod {
            id: crate::ids::new_id("pm"),
            created: now,
            card,
            billing_details,
            customer: None,
            allow_redisplay: "unspecified".into(),
            metadata: Default::default(),
        };
        let id = pm.id.clone();
        self.payment_methods.insert(id.clone(), pm);
        id
    }

    /// The PaymentIntent `id` for a caller who must present its client secret (Stripe.js with
    /// a publishable key); Stripe's errors for an unknown intent and a wrong secret.
    pub fn payment_intent_for_secret(&self, id: &str, secret: Option<&str>) -> Result<&PaymentIntent, ApiError> {
        let intent = self.payment_intent(id).ok_or_else(|| ApiError::no_such("payment_intent", id, "intent"))?;
        match secret {
            None => Err(ApiError::param_missing("client_secret")),
            Some(secret) if secret != intent.client_secret => Err(ApiError::param_invalid(
                "client_secret",
                "The client_secret provided does not match the client_secret associated with the PaymentIntent.",
            )),
            Some(_) => Ok(intent),
        }
    }

    pub fn payment_intent(&self, id: &str) -> Option<&PaymentIntent> {
        self.payment_intents.iter().find(|pi| pi.id == id)
    }

    pub fn payment_intent_mut(&mut self, id: &str) -> Option<&mut PaymentIntent> {
        self.payment_intents.iter_mut().find(|pi| pi.id == id)
    }

    /// A customer's payment methods, newest first.
    pub fn customer_payment_methods(&self, customer: &str) -> Vec<&PaymentMethod> {
        let mut methods: Vec<&PaymentMethod> =
            self.payment_methods.values().filter(|pm| pm.customer.as_deref() == Some(customer)).collect();
        methods.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
        methods
    }
}

impl Store {
    /// A charge for `intent`'s amount, succeeded or (with `failure`) failed; its id.
    pub fn charge(&mut self, now: i64, intent: &PaymentIntent, failure: Option<(String, String)>) -> String {
        let charge = Charge {
            id: crate::ids::new_id("ch"),
            created: now,
            amount: intent.amount,
            currency: intent.currency.clone(),
            payment_intent: intent.id.clone(),
            payment_method: intent.payment_method.clone(),
            customer: intent.customer.clone(),
            receipt_email: intent.receipt_email.clone(),
            failure,
            refunds: Vec::new(),
        };
        let id = charge.id.clone();
        self.charges.insert(id.clone(), charge);
        id
    }

    pub fn charge_json(&self, id: &str) -> Option<serde_json::Value> {
        let charge = self.charges.get(id)?;
        Some(charge.to_json(charge.payment_method.as_deref().and_then(|pm| self.payment_methods.get(pm))))
    }
}
