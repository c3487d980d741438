//! What PaymentIntents and SetupIntents have in common, for the code that serves both kinds
//! alike: confirming them, 3-D Secure, reading them with a client secret, their events.

use serde_json::Value;

use super::{NextAction, PaymentError, Status};

/// A PaymentIntent or a SetupIntent. Their statuses are one set (a SetupIntent never
/// `requires_capture`), and each attempt leaves a payment method, a next action or an error.
pub trait Intent: Clone + super::Owned {
    /// `payment_intent` or `setup_intent`: the object's name, the key Stripe's errors carry it
    /// under, and the prefix of its error codes (`setup_intent_unexpected_state`).
    const OBJECT: &'static str;
    /// `PaymentIntent` or `SetupIntent`, as Stripe's messages name it.
    const NAME: &'static str;
    /// How Stripe's "No such ..." errors name it: `payment_intent`, but `setupintent`.
    const NO_SUCH: &'static str;

    fn id(&self) -> &str;
    fn client_secret(&self) -> &str;
    fn status(&self) -> Status;
    fn customer(&self) -> Option<&str>;
    fn payment_method(&self) -> Option<&str>;
    fn next_action(&self) -> Option<&NextAction>;
    /// `last_payment_error` or `last_setup_error`.
    fn last_error(&self) -> Option<&PaymentError>;
    fn automatic_payment_methods(&self) -> Option<&Value>;
    /// Where the shopper comes back to after a redirect (kept, not rendered, as at Stripe).
    fn return_url(&self) -> Option<&str>;
    fn to_json(&self) -> Value;
    /// What Stripe.js may see with only the client secret and a publishable key.
    fn to_publishable_json(&self) -> Value;

    /// A confirmation tries `payment_method`: the last attempt's next action and error are
    /// forgotten.
    fn attempt(&mut self, payment_method: String, return_url: Option<String>);
    /// The shopper has to act (authenticate) before the attempt can go on.
    fn require_action(&mut self, action: NextAction);
    /// The attempt failed: back to `requires_payment_method`, without the payment method, with
    /// the error.
    fn fail(&mut self, error: PaymentError);

    /// Redirect-based methods need a `return_url`; cards can be redirected for 3-D Secure.
    fn allows_redirects(&self) -> bool {
        self.automatic_payment_methods().is_some_and(|apm| apm["enabled"] == true && apm["allow_redirects"] != "never")
    }
}
