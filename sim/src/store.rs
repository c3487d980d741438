//! Everything the stand-in remembers, behind one lock: handlers hold it for a whole operation,
//! so each API call is atomic as it is at Stripe.

use std::collections::HashMap;

use crate::objects::{ConfirmationToken, PaymentIntent, PaymentMethod};

#[derive(Debug, Default)]
pub struct Store {
    /// In creation order; lists are served newest first.
    pub payment_intents: Vec<PaymentIntent>,
    pub confirmation_tokens: HashMap<String, ConfirmationToken>,
    pub payment_methods: HashMap<String, PaymentMethod>,
}

impl Store {
    pub fn payment_intent(&self, id: &str) -> Option<&PaymentIntent> {
        self.payment_intents.iter().find(|pi| pi.id == id)
    }

    pub fn payment_intent_mut(&mut self, id: &str) -> Option<&mut PaymentIntent> {
        self.payment_intents.iter_mut().find(|pi| pi.id == id)
    }
}
