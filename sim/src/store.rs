//! Everything the stand-in remembers, behind one lock: handlers hold it for a whole operation,
//! so each API call is atomic as it is at Stripe.

use std::collections::HashMap;

use crate::error::ApiError;
use crate::objects::{
    Card, Charge, CheckoutSession, ConfirmationToken, Customer, CustomerSession, Intent, PaymentIntent, PaymentMethod,
    SetupIntent,
};

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
    /// In creation order too.
    pub setup_intents: Vec<SetupIntent>,
    pub confirmation_tokens: HashMap<String, ConfirmationToken>,
    pub payment_methods: HashMap<String, PaymentMethod>,
    pub customers: HashMap<String, Customer>,
    /// By client secret, which is how Stripe.js presents them.
    pub customer_sessions: HashMap<String, CustomerSession>,
    pub vouchers: HashMap<String, Voucher>,
    /// Checkout Sessions, in creation order.
    pub checkout_sessions: Vec<CheckoutSession>,
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

    /// The intent `id` for a caller who must present its client secret (Stripe.js with a
    /// publishable key, the 3-D Secure page); Stripe's errors for an unknown intent and a wrong
    /// secret.
    pub fn intent_for_secret<T: Kept>(&self, id: &str, secret: Option<&str>) -> Result<&T, ApiError> {
        let intent = self.intent::<T>(id).ok_or_else(|| ApiError::no_such(T::NO_SUCH, id, "intent"))?;
        match secret {
            None => Err(ApiError::param_missing("client_secret")),
            Some(secret) if secret != intent.client_secret() => Err(ApiError::param_invalid(
                "client_secret",
                format!("The client_secret provided does not match the client_secret associated with the {}.", T::NAME),
            )),
            Some(_) => Ok(intent),
        }
    }

    pub fn intent<T: Kept>(&self, id: &str) -> Option<&T> {
        T::kept(self).iter().find(|intent| intent.id() == id)
    }

    pub fn intent_mut<T: Kept>(&mut self, id: &str) -> Option<&mut T> {
        T::kept_mut(self).iter_mut().find(|intent| intent.id() == id)
    }

    pub fn payment_intent(&self, id: &str) -> Option<&PaymentIntent> {
        self.intent(id)
    }

    pub fn payment_intent_mut(&mut self, id: &str) -> Option<&mut PaymentIntent> {
        self.intent_mut(id)
    }

    pub fn setup_intent(&self, id: &str) -> Option<&SetupIntent> {
        self.intent(id)
    }

    pub fn setup_intent_mut(&mut self, id: &str) -> Option<&mut SetupIntent> {
        self.intent_mut(id)
    }

    pub fn checkout_session(&self, id: &str) -> Option<&CheckoutSession> {
        self.checkout_sessions.iter().find(|session| session.id == id)
    }

    pub fn checkout_session_mut(&mut self, id: &str) -> Option<&mut CheckoutSession> {
        self.checkout_sessions.iter_mut().find(|session| session.id == id)
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

/// Where the store keeps each kind of intent, for the code that serves both.
pub trait Kept: Intent {
    fn kept(store: &Store) -> &[Self];
    fn kept_mut(store: &mut Store) -> &mut Vec<Self>;
}

impl Kept for PaymentIntent {
    fn kept(store: &Store) -> &[Self] {
        &store.payment_intents
    }

    fn kept_mut(store: &mut Store) -> &mut Vec<Self> {
        &mut store.payment_intents
    }
}

impl Kept for SetupIntent {
    fn kept(store: &Store) -> &[Self] {
        &store.setup_intents
    }

    fn kept_mut(store: &mut Store) -> &mut Vec<Self> {
        &mut store.setup_intents
    }
}
