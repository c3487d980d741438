//! Everything the stand-in remembers, behind one lock: handlers hold it for a whole operation,
//! so each API call is atomic as it is at Stripe.

use std::collections::HashMap;

use crate::error::ApiError;
use crate::objects::{
    Account, ApplicationFee, Card, Charge, CheckoutSession, ConfirmationToken, Customer, CustomerSession, Intent,
    PaymentIntent, PaymentMethod, SetupIntent, Within,
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
    /// The platform's connected accounts in creation order (deleted ones stay in their place,
    /// for positions), and where each live one is: lists page through tens of thousands by
    /// position, not by scanning.
    pub accounts: Vec<Account>,
    pub account_index: HashMap<String, usize>,
    /// The platform's application fees, in creation order.
    pub application_fees: Vec<ApplicationFee>,
    /// Accounts changed by this call, each with what it was before (`previous_attributes`), for
    /// their `account.updated` events: accounts are too many to compare before and after.
    pub account_updates: Vec<(String, serde_json::Value)>,
    /// Every event, in the order it happened.
    pub events: Vec<serde_json::Value>,
    /// The lists a data export reads (charges, refunds, balance transactions, customers, prices,
    /// products, subscriptions) in creation order, and the generated history behind them.
    pub history: crate::history::History,
}

impl Store {
    /// A new PaymentMethod (a card, or konbini with `card: None`) with no customer on
    /// `account` (`None`: the platform); its id.
    pub fn new_payment_method(
        &mut self,
        now: i64,
        account: Option<&str>,
        card: Option<Card>,
        billing_details: serde_json::Value,
    ) -> String {
        let pm = PaymentMethod {
            id: crate::ids::new_id("pm"),
            account: account.map(str::to_owned),
            created: now,
            card,
            bnpl: None,
            billing_details,
            customer: None,
            allow_redisplay: "unspecified".into(),
            metadata: Default::default(),
            spent: false,
        };
        let id = pm.id.clone();
        self.payment_methods.insert(id.clone(), pm);
        id
    }

    /// The intent `id` on account `scope` for a caller who must present its client secret
    /// (Stripe.js with a publishable key, the 3-D Secure page); Stripe's errors for an unknown
    /// intent and a wrong secret.
    pub fn intent_for_secret<T: Kept>(
        &self,
        scope: Option<&str>,
        id: &str,
        secret: Option<&str>,
    ) -> Result<&T, ApiError> {
        let intent = self.intent::<T>(id).within(scope).ok_or_else(|| ApiError::no_such(T::NO_SUCH, id, "intent"))?;
        match secret {
            None => Err(ApiError::param_missing("client_secret")),
            Some(secret) if secret != intent.client_secret() => Err(ApiError::param_invalid(
                "client_secret",
                format!("The client_secret provided does not match the client_secret associated with the {}.", T::NAME),
            )),
            Some(_) => Ok(intent),
        }
    }

    /// The live connected account `id`.
    pub fn account(&self, id: &str) -> Option<&Account> {
        self.account_index.get(id).map(|&i| &self.accounts[i])
    }

    pub fn account_mut(&mut self, id: &str) -> Option<&mut Account> {
        self.account_index.get(id).map(|&i| &mut self.accounts[i])
    }

    /// A new connected account, the newest.
    pub fn add_account(&mut self, account: Account) {
        self.account_index.insert(account.id.clone(), self.accounts.len());
        self.accounts.push(account);
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
    /// A charge for `intent`'s amount on its account, succeeded or (with `failure`) failed; its
    /// id. A direct or destination charge that succeeds with an `application_fee_amount` takes
    /// the platform's application fee from the connected account.
    pub fn charge(&mut self, now: i64, intent: &PaymentIntent, failure: Option<(String, String)>) -> String {
        let id = crate::ids::new_id("ch");
        let destination = intent.transfer_data.as_ref().map(|data| data.destination.clone());
        let from = intent.account.clone().or_else(|| destination.clone());
        let application_fee = match (from, intent.application_fee_amount, &failure) {
            (Some(account), Some(amount), None) => {
                let fee = ApplicationFee {
                    id: crate::ids::new_id("fee"),
                    created: now,
                    account,
                    amount,
                    currency: intent.currency.clone(),
                    charge: id.clone(),
                    originating_transaction: destination.map(|_| id.clone()),
                    refunds: Vec::new(),
                };
                let fee_id = fee.id.clone();
                self.application_fees.push(fee);
                Some(fee_id)
            }
            _ => None,
        };
        let charge = Charge {
            id,
            account: intent.account.clone(),
            created: now,
            amount: intent.amount,
            currency: intent.currency.clone(),
            payment_intent: intent.id.clone(),
            payment_method: intent.payment_method.clone(),
            customer: intent.customer.clone(),
            receipt_email: intent.receipt_email.clone(),
            failure,
            refunds: Vec::new(),
            application_fee_amount: intent.application_fee_amount,
            application_fee,
            on_behalf_of: intent.on_behalf_of.clone(),
            transfer_data: intent.transfer_data.clone(),
            risk_score: crate::history::risk_score_of(&intent.id),
            metadata: intent.metadata.clone(),
        };
        let id = charge.id.clone();
        self.history
            .record_charge(&charge, self.payment_methods.get(charge.payment_method.as_deref().unwrap_or_default()));
        self.charges.insert(id.clone(), charge);
        id
    }

    /// A charge, live or of the generated history, with the PaymentMethod it was made with.
    pub fn charge_json(&self, id: &str) -> Option<serde_json::Value> {
        let (charge, methods) = self.any_charge(id)?;
        Some(charge.to_json(charge.payment_method.as_deref().and_then(|pm| methods.get(pm))))
    }

    /// A charge, live or generated, and where its PaymentMethod is kept.
    pub fn any_charge(&self, id: &str) -> Option<(&Charge, &HashMap<String, PaymentMethod>)> {
        match self.charges.get(id) {
            Some(charge) => Some((charge, &self.payment_methods)),
            None => self.history.charges.get(id).map(|charge| (charge, &self.history.payment_methods)),
        }
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
