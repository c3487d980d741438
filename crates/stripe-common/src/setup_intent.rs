use serde::{Deserialize, Serialize};

use crate::{IdOrObject, NextAction, PaymentIntentStatus};

/// A SetupIntent, as Stripe.js resolves it (e.g. from `handleNextAction` with a `seti_` client
/// secret). Its statuses are a PaymentIntent's, `requires_capture` aside, so they share a type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupIntent {
    pub id: String,
    pub status: PaymentIntentStatus,
    #[serde(default)]
    pub client_secret: Option<String>,
    #[serde(default)]
    pub next_action: Option<NextAction>,
    #[serde(default)]
    pub payment_method: Option<IdOrObject>,
    /// `off_session` or `on_session`: how the saved payment method will be used.
    #[serde(default)]
    pub usage: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_setup_intent_with_its_payment_method() {
        let seti: SetupIntent = serde_json::from_str(
            r#"{"id":"seti_1","object":"setup_intent","status":"succeeded","client_secret":"seti_1_secret_2",
                "next_action":null,"payment_method":"pm_1","usage":"off_session","livemode":false}"#,
        )
        .unwrap();
        assert_eq!(seti.status, PaymentIntentStatus::Succeeded);
        assert_eq!(seti.payment_method.as_ref().map(IdOrObject::id), Some("pm_1"));
    }
}
