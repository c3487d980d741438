use serde_json::{Map, Value, json};

use super::{Intent, NextAction, PaymentError, Status};

/// A SetupIntent as the stand-in keeps it: a card saved for later payments, without paying.
#[derive(Debug, Clone)]
pub struct SetupIntent {
    pub id: String,
    /// The connected account it was made on, or `None`: the platform's.
    pub account: Option<String>,
    pub client_secret: String,
    pub created: i64,
    pub status: Status,
    pub automatic_payment_methods: Option<Value>,
    pub payment_method_types: Vec<String>,
    pub payment_method: Option<String>,
    /// Whose the card becomes once set up.
    pub customer: Option<String>,
    pub description: Option<String>,
    pub metadata: Map<String, Value>,
    /// `off_session` or `on_session`: how the saved card will be used.
    pub usage: String,
    pub next_action: Option<NextAction>,
    pub last_setup_error: Option<PaymentError>,
    /// The SetupAttempt of the last confirmation.
    pub latest_attempt: Option<String>,
    pub cancellation_reason: Option<String>,
    pub return_url: Option<String>,
}

impl SetupIntent {
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "setup_intent",
            "application": self.account.as_ref().map(|_| super::APPLICATION),
            "automatic_payment_methods": self.automatic_payment_methods,
            "cancellation_reason": self.cancellation_reason,
            "client_secret": self.client_secret,
            "created": self.created,
            "customer": self.customer,
            "description": self.description,
            "excluded_payment_method_types": null,
            "flow_directions": null,
            "last_setup_error": self.last_setup_error.as_ref().map(PaymentError::to_json),
            "latest_attempt": self.latest_attempt,
            "livemode": false,
            // Cards need no mandate.
            "mandate": null,
            "metadata": self.metadata,
            "next_action": self.next_action.as_ref().map(NextAction::to_json),
            "on_behalf_of": null,
            "payment_method": self.payment_method,
            "payment_method_configuration_details": self.automatic_payment_methods.as_ref().map(|_| json!({"id": "pmc_standin_default", "parent": null})),
            "payment_method_options": self.payment_method_options(),
            "payment_method_types": self.payment_method_types,
            "single_use_mandate": null,
            "status": self.status,
            "usage": self.usage,
        })
    }

    fn payment_method_options(&self) -> Value {
        let mut options = Map::new();
        if self.payment_method_types.iter().any(|t| t == "card") {
            options.insert(
                "card".into(),
                json!({"mandate_options": null, "network": null, "request_three_d_secure": "automatic"}),
            );
        }
        Value::Object(options)
    }

    /// What Stripe.js may see with only the client secret and a publishable key (the fields
    /// Stripe marks "retrievable with publishable key").
    pub fn to_publishable_json(&self) -> Value {
        let full = self.to_json();
        let keep = [
            "id",
            "object",
            "cancellation_reason",
            "client_secret",
            "created",
            "description",
            "last_setup_error",
            "livemode",
            "next_action",
            "payment_method",
            "payment_method_types",
            "status",
            "usage",
        ];
        Value::Object(keep.iter().map(|k| ((*k).to_owned(), full[*k].clone())).collect())
    }
}

impl Intent for SetupIntent {
    const OBJECT: &'static str = "setup_intent";
    const NAME: &'static str = "SetupIntent";
    const NO_SUCH: &'static str = "setupintent";

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
        self.last_setup_error.as_ref()
    }

    fn automatic_payment_methods(&self) -> Option<&Value> {
        self.automatic_payment_methods.as_ref()
    }

    fn return_url(&self) -> Option<&str> {
        self.return_url.as_deref()
    }

    fn to_json(&self) -> Value {
        SetupIntent::to_json(self)
    }

    fn to_publishable_json(&self) -> Value {
        SetupIntent::to_publishable_json(self)
    }

    /// Each confirmation is a new SetupAttempt, as at Stripe.
    fn attempt(&mut self, payment_method: String, return_url: Option<String>) {
        self.payment_method = Some(payment_method);
        self.return_url = return_url;
        self.latest_attempt = Some(crate::ids::new_id("setatt"));
        self.last_setup_error = None;
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
        self.last_setup_error = Some(error);
    }
}
