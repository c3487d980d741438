use serde::{Deserialize, Serialize};

use crate::{IdOrObject, NextAction, PaymentIntentStatus};

/// A SetupIntent, as Stripe.js resolves it (e.g. from `handleNextAction` with a `seti_` client
/// secret). Its statuses are a PaymentIntent's, `requires_capture` aside, so they share a type.
/// Unknown fields are ignored.
///
/// ```
/// use stripe_common::{PaymentIntentStatus, SetupIntent};
/// let intent: SetupIntent = serde_json::from_str(
///     r#"{"id": "seti_1", "object": "setup_intent", "status": "succeeded",
///         "payment_method": "pm_1", "usage": "off_session"}"#,
/// )
/// .unwrap();
/// assert_eq!(intent.status, PaymentIntentStatus::Succeeded);
/// assert_eq!(intent.payment_method.unwrap().id(), "pm_1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupIntent {
    /// `seti_…`.
    pub id: String,
    /// Where the setup stands (`succeeded`: the payment method is saved for later).
    pub status: PaymentIntentStatus,
    /// `seti_…_secret_…`; `None` where Stripe leaves it out.
    #[serde(default)]
    pub client_secret: Option<String>,
    /// What the shopper must do, while `status` is `requires_action`; `None` otherwise.
    #[serde(default)]
    pub next_action: Option<NextAction>,
    /// The payment method being set up (`pm_…`, or the object if expanded); `None` until there
    /// is one.
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
