use serde::{Deserialize, Serialize};

/// `PaymentIntent.status` (and `SetupIntent.status`, which has the same values but
/// `requires_capture`). Serialised in Stripe's snake_case names.
///
/// ```
/// use stripe_common::PaymentIntentStatus;
/// let status: PaymentIntentStatus = serde_json::from_str(r#""requires_action""#).unwrap();
/// assert_eq!(status, PaymentIntentStatus::RequiresAction);
/// assert_eq!(status.as_str(), "requires_action");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentIntentStatus {
    /// `requires_payment_method`: it needs a payment method: at first, and again after a failed
    /// attempt (a decline, a failed authentication).
    RequiresPaymentMethod,
    /// `requires_confirmation`: it has a payment method and waits to be confirmed.
    RequiresConfirmation,
    /// `requires_action`: the shopper must act (3-D Secure, a redirect, a konbini voucher):
    /// see `next_action`, or let `stripe.handleNextAction` do it.
    RequiresAction,
    /// `processing`: the payment method is being processed (e.g. a bank debit); a webhook tells
    /// the outcome.
    Processing,
    /// `requires_capture`: authorised with `capture_method=manual`; the funds are captured later.
    /// PaymentIntents only.
    RequiresCapture,
    /// `canceled`: canceled; it can no longer be confirmed.
    Canceled,
    /// `succeeded`: the payment is complete (a SetupIntent: the payment method is set up).
    Succeeded,
    /// A status this crate does not know yet.
    #[serde(other)]
    Unknown,
}

impl PaymentIntentStatus {
    /// Stripe's own name (`requires_payment_method`, ...): stable, for attributes and logs.
    ///
    /// ```
    /// use stripe_common::PaymentIntentStatus;
    /// assert_eq!(PaymentIntentStatus::RequiresPaymentMethod.as_str(), "requires_payment_method");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RequiresPaymentMethod => "requires_payment_method",
            Self::RequiresConfirmation => "requires_confirmation",
            Self::RequiresAction => "requires_action",
            Self::Processing => "processing",
            Self::RequiresCapture => "requires_capture",
            Self::Canceled => "canceled",
            Self::Succeeded => "succeeded",
            Self::Unknown => "unknown",
        }
    }
}

/// `PaymentIntent.next_action` (and `SetupIntent.next_action`): what the shopper must do while
/// the status is `requires_action`. Only the types this project acts on are typed; every other
/// type deserializes with `type_` set and nothing else, so it never fails a page.
///
/// ```
/// use stripe_common::NextAction;
/// let action: NextAction = serde_json::from_str(
///     r#"{"type": "redirect_to_url",
///         "redirect_to_url": {"url": "https://hooks.stripe.com/3d_secure/x",
///                             "return_url": "https://shop.example/complete"}}"#,
/// )
/// .unwrap();
/// assert_eq!(action.redirect_to_url.unwrap().url.as_deref(), Some("https://hooks.stripe.com/3d_secure/x"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextAction {
    /// `type`: `redirect_to_url`, `use_stripe_sdk` (3-D Secure in Stripe.js),
    /// `konbini_display_details`, `wechat_pay_display_qr_code`, `verify_with_microdeposits`, ...
    /// The field of the same name holds its details.
    #[serde(rename = "type")]
    pub type_: String,
    /// With type `redirect_to_url`: where to send the shopper to authenticate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_to_url: Option<RedirectToUrl>,
    /// With type `konbini_display_details`: the payment codes the shopper takes to a store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub konbini_display_details: Option<crate::konbini::KonbiniDisplayDetails>,
}

/// `next_action.redirect_to_url`: authentication on another page or app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedirectToUrl {
    /// The URL to send the shopper to, to authenticate the payment.
    pub url: Option<String>,
    /// Where they come back to after completing (the confirm's `return_url`).
    pub return_url: Option<String>,
}

/// The parts of a PaymentIntent a checkout page reads (what Stripe.js resolves with a
/// publishable key). Unknown fields are ignored.
///
/// ```
/// use stripe_common::{PaymentIntent, PaymentIntentStatus};
/// let intent: PaymentIntent = serde_json::from_str(
///     r#"{"id": "pi_1", "object": "payment_intent", "amount": 1099, "currency": "usd",
///         "status": "requires_payment_method", "client_secret": "pi_1_secret_2",
///         "next_action": null, "payment_method": null}"#,
/// )
/// .unwrap();
/// assert_eq!((intent.amount, intent.status), (1099, PaymentIntentStatus::RequiresPaymentMethod));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentIntent {
    /// `pi_…`.
    pub id: String,
    /// What it collects, in the currency's smallest unit (1099 is $10.99 but ¥1,099; see
    /// [`crate::minor_unit_exponent`]).
    pub amount: i64,
    /// Three-letter ISO code, lower case (`usd`, `jpy`).
    pub currency: String,
    /// Where the payment stands.
    pub status: PaymentIntentStatus,
    /// `pi_…_secret_…`, what the browser confirms or retrieves it with; `None` where Stripe leaves
    /// it out. Keep it out of logs and URLs.
    #[serde(default)]
    pub client_secret: Option<String>,
    /// What the shopper must do, while `status` is `requires_action`; `None` otherwise.
    #[serde(default)]
    pub next_action: Option<NextAction>,
    /// The payment method attached (`pm_…`, or the object if expanded); `None` until there is
    /// one, and again after it failed.
    #[serde(default)]
    pub payment_method: Option<IdOrObject>,
}

/// An expandable field: an id, or the object when expanded. Only the id is kept.
///
/// ```
/// use stripe_common::IdOrObject;
/// let id: IdOrObject = serde_json::from_str(r#""pm_1""#).unwrap();
/// let object: IdOrObject = serde_json::from_str(r#"{"id": "pm_1", "object": "payment_method"}"#).unwrap();
/// assert_eq!(id.id(), object.id());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum IdOrObject {
    /// Not expanded: the id alone.
    Id(String),
    /// Expanded: the object, of which only the id is read.
    Object {
        /// The object's id.
        id: String,
    },
}

impl IdOrObject {
    /// The id, either way.
    ///
    /// ```
    /// use stripe_common::IdOrObject;
    /// assert_eq!(IdOrObject::Object { id: "pm_1".into() }.id(), "pm_1");
    /// ```
    pub fn id(&self) -> &str {
        match self {
            Self::Id(id) | Self::Object { id } => id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_next_action_types_and_statuses_do_not_fail() {
        let pi: PaymentIntent = serde_json::from_str(
            r#"{"id":"pi_1","amount":1099,"currency":"usd","status":"some_future_status",
                "next_action":{"type":"display_future_thing","display_future_thing":{"x":1}},
                "payment_method":{"id":"pm_1","object":"payment_method"}}"#,
        )
        .unwrap();
        assert_eq!(pi.status, PaymentIntentStatus::Unknown);
        assert_eq!(pi.next_action.unwrap().type_, "display_future_thing");
        assert_eq!(pi.payment_method, Some(IdOrObject::Object { id: "pm_1".into() }));
    }

    #[test]
    fn reads_konbini_display_details() {
        let pi: PaymentIntent = serde_json::from_str(
            r#"{"id":"pi_1","amount":6900,"currency":"jpy","status":"requires_action",
                "next_action":{"type":"konbini_display_details","konbini_display_details":{"expires_at":1795675199,
                "hosted_voucher_url":"https://x/v","stores":{"familymart":{"confirmation_number":"09012345678","payment_code":"123456"}}}}}"#,
        )
        .unwrap();
        let details = pi.next_action.unwrap().konbini_display_details.unwrap();
        assert_eq!(details.stores.familymart.unwrap().payment_code, "123456");
        assert!(details.stores.lawson.is_none());
    }

    #[test]
    fn reads_a_redirect_next_action() {
        let pi: PaymentIntent = serde_json::from_str(
            r#"{"id":"pi_1","amount":1099,"currency":"usd","status":"requires_action","client_secret":"pi_1_secret_x",
                "next_action":{"type":"redirect_to_url","redirect_to_url":{"url":"https://hooks.stripe.com/x","return_url":"https://shop/complete"}}}"#,
        )
        .unwrap();
        assert_eq!(pi.status, PaymentIntentStatus::RequiresAction);
        let url = pi.next_action.unwrap().redirect_to_url.unwrap().url;
        assert_eq!(url.as_deref(), Some("https://hooks.stripe.com/x"));
    }
}
