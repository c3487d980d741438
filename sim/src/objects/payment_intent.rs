use serde_json::{Map, Value, json};
pub use stripe_common::PaymentIntentStatus as Status;

use super::{Intent, NextAction, PaymentError};

/// `payment_method_options[konbini]`.
#[derive(Debug, Clone, Default)]
pub struct KonbiniOptions {
    pub product_description: Option<String>,
    pub expires_after_days: Option<u32>,
    pub expires_at: Option<i64>,
    pub confirmation_number: Option<String>,
}

/// What happens to a confirmed konbini payment, and when (on the stand-in's clock): the
/// shopper pays at the store, or the instructions expire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    SucceedAt(i64),
    ExpireAt(i64),
}

impl Pending {
    pub fn due(&self, now: i64) -> bool {
        match *self {
            Self::SucceedAt(at) | Self::ExpireAt(at) => at <= now,
        }
    }
}

/// `transfer_data[...]` of a destination charge: the connected account paid, and how much of
/// the amount it gets (all of it when `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferData {
    pub destination: String,
    pub amount: Option<i64>,
}

/// A PaymentIntent as the stand-in keeps it.
#[derive(Debug, Clone)]
pub struct PaymentIntent {
    pub id: String,
    /// The connected account it was made on (a direct charge), or `None`: the platform's.
    pub account: Option<String>,
    pub client_secret: String,
    pub created: i64,
    pub amount: i64,
    pub currency: String,
    pub status: Status,
    pub automatic_payment_methods: Option<Value>,
    pub payment_method_types: Vec<String>,
    pub payment_method: Option<String>,
    pub latest_charge: Option<String>,
    pub last_payment_error: Option<PaymentError>,
    pub next_action: Option<NextAction>,
    pub metadata: Map<String, Value>,
    pub description: Option<String>,
    pub receipt_email: Option<String>,
    pub customer: Option<String>,
    pub capture_method: String,
    pub setup_future_usage: Option<String>,
    pub shipping: Option<super::Shipping>,
    pub return_url: Option<String>,
    pub canceled_at: Option<i64>,
    pub cancellation_reason: Option<String>,
    pub konbini: Option<KonbiniOptions>,
    /// The outcome a confirmed konbini payment is waiting for.
    pub pending: Option<Pending>,
    /// The konbini voucher of the current instructions.
    pub voucher: Option<String>,
    /// What the platform takes of a direct charge: an application fee once it succeeds.
    pub application_fee_amount: Option<i64>,
    /// A destination charge's account of record, and where its funds go.
    pub on_behalf_of: Option<String>,
    pub transfer_data: Option<TransferData>,
}

impl PaymentIntent {
    pub fn amount_received(&self) -> i64 {
        if self.status == Status::Succeeded { self.amount } else { 0 }
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "payment_intent",
            "amount": self.amount,
            "amount_capturable": 0,
            "amount_details": {"tip": {}},
            "amount_received": self.amount_received(),
            // Made on a connected account by the platform: its Connect application's.
            "application": self.account.as_ref().map(|_| super::APPLICATION),
            "application_fee_amount": self.application_fee_amount,
            "automatic_payment_methods": self.automatic_payment_methods,
            "canceled_at": self.canceled_at,
            "cancellation_reason": self.cancellation_reason,
            "capture_method": self.capture_method,
            "client_secret": self.client_secret,
            "confirmation_method": "automatic",
            "created": self.created,
            "currency": self.currency,
            "customer": self.customer,
            "customer_account": null,
            "description": self.description,
            "excluded_payment_method_types": null,
            "last_payment_error": self.last_payment_error.as_ref().map(PaymentError::to_json),
            "latest_charge": self.latest_charge,
            "livemode": false,
            "managed_payments": {"enabled": false},
            "metadata": self.metadata,
            "next_action": self.next_action.as_ref().map(NextAction::to_json),
            "on_behalf_of": self.on_behalf_of,
            "payment_method": self.payment_method,
            "payment_method_configuration_details": self.automatic_payment_methods.as_ref().map(|_| json!({"id": "pmc_standin_default", "parent": null})),
            "payment_method_options": self.payment_method_options(),
            "payment_method_types": self.payment_method_types,
            "processing": null,
            "receipt_email": self.receipt_email,
            "review": null,
            "setup_future_usage": self.setup_future_usage,
            "shipping": self.shipping,
            "source": null,
            "statement_descriptor": null,
            "statement_descriptor_suffix": null,
            "status": self.status,
            "transfer_data": self.transfer_data.as_ref().map(TransferData::to_json),
            "transfer_group": null,
        })
    }

    fn payment_method_options(&self) -> Value {
        let mut options = Map::new();
        if let Some(konbini) = &self.konbini {
            options.insert(
                "konbini".into(),
                json!({
                    "confirmation_number": konbini.confirmation_number,
                    "expires_after_days": konbini.expires_after_days,
                    "expires_at": konbini.expires_at,
                    "product_description": konbini.product_description,
                    "setup_future_usage": null,
                }),
            );
        }
        if self.payment_method_types.iter().any(|t| t == "card") {
            options.insert(
                "card".into(),
                json!({"installments": null, "mandate_options": null, "network": null, "request_three_d_secure": "automatic"}),
            );
        }
        Value::Object(options)
    }

    /// What Stripe.js may see with only the client secret and a publishable key.
    pub fn to_publishable_json(&self) -> Value {
        let full = self.to_json();
        let keep = [
            "id",
            "object",
            "amount",
            "canceled_at",
            "cancellation_reason",
            "capture_method",
            "client_secret",
            "confirmation_method",
            "created",
            "currency",
            "description",
            "last_payment_error",
            "livemode",
            "next_action",
            "payment_method",
            "payment_method_types",
            "processing",
            "receipt_email",
            "setup_future_usage",
            "shipping",
            "status",
        ];
        Value::Object(keep.iter().map(|k| ((*k).to_owned(), full[*k].clone())).collect())
    }
}

impl TransferData {
    pub fn to_json(&self) -> Value {
        json!({"amount": self.amount, "destination": self.destination})
    }
}

impl Intent for PaymentIntent {
    const OBJECT: &'static str = "payment_intent";
    const NAME: &'static str = "PaymentIntent";
    const NO_SUCH: &'static str = "payment_intent";

    fn id(&self) -> &str {
        &self.id
    }

    fn client_secret(&self) -> &str {
        &self.client_secret
    }

    fn status(&self) -> Status {
        self.status
    }

    fn customer(&self) -> Option<&str> {
        self.customer.as_deref()
    }

    fn payment_method(&self) -> Option<&str> {
        self.payment_method.as_deref()
    }

    fn next_action(&self) -> Option<&NextAction> {
        self.next_action.as_ref()
    }

    fn last_error(&self) -> Option<&PaymentError> {
        self.last_payment_error.as_ref()
    }

    fn automatic_payment_methods(&self) -> Option<&Value> {
        self.automatic_payment_methods.as_ref()
    }

    fn return_url(&self) -> Option<&str> {
        self.return_url.as_deref()
    }

    fn to_json(&self) -> Value {
        PaymentIntent::to_json(self)
    }

    fn to_publishable_json(&self) -> Value {
        PaymentIntent::to_publishable_json(self)
    }

    fn attempt(&mut self, payment_method: String, return_url: Option<String>) {
        self.payment_method = Some(payment_method);
        self.return_url = return_url;
        self.last_payment_error = None;
        self.next_action = None;
    }

    fn require_action(&mut self, action: NextAction) {
        self.status = Status::RequiresAction;
        self.next_action = Some(action);
    }

    fn fail(&mut self, error: PaymentError) {
        self.status = Status::RequiresPaymentMethod;
        self.payment_method = None;
        self.next_action = None;
        self.last_payment_error = Some(error);
    }
}
