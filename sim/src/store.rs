//! Everything the stand-in remembers, behind one lock: handlers hold it for a whole operation,
//! so each API call is atomic as it is at Stripe.

use std::collections::HashMap;

use crate::objects::{Charge, ConfirmationToken, Customer, CustomerSession, PaymentIntent, PaymentMethod};

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
