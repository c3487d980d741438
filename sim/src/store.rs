//! Everything the stand-in remembers, behind one lock: handlers hold it for a whole operation,
//! so each API call is atomic as it is at Stripe.

use std::collections::HashMap;

use crate::objects::{ConfirmationToken, Customer, CustomerSession, PaymentIntent, PaymentMethod};

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
