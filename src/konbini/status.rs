//! A konbini payment's status, as the instructions page words it.

use checkout_api::KonbiniStatus;
use checkout_api::stripe_common::{PaymentIntentStatus, StripeError};

use super::pay::KonbiniStarted;
use crate::i18n::{n_, tr};

/// What Stripe.js answered when the payment was confirmed, before the server is asked.
pub fn initial_status(payment: &KonbiniStarted) -> KonbiniStatus {
    KonbiniStatus {
        payment_intent_id: payment.intent.id.clone(),
        status: payment.intent.status,
        amount: payment.intent.amount,
        currency: payment.intent.currency.clone(),
        instructions: payment.intent.next_action.as_ref().and_then(|a| a.konbini_display_details.clone()),
        failure_code: None,
    }
}

/// Paid, cancelled or expired: nothing more will happen to it.
pub fn is_settled(status: &KonbiniStatus) -> bool {
    matches!(status.status, PaymentIntentStatus::Succeeded | PaymentIntentStatus::Canceled)
        || (status.status == PaymentIntentStatus::RequiresPaymentMethod && status.failure_code.is_some())
}

pub fn status_text(status: &KonbiniStatus) -> &'static str {
    tr(match (status.status, status.failure_code.as_deref()) {
        (PaymentIntentStatus::RequiresAction, _) => {
            n_("Waiting for your payment at the store. Please pay by the deadline.")
        }
        (PaymentIntentStatus::Succeeded, _) => n_("Payment received. Thank you!"),
        (PaymentIntentStatus::Processing, _) => n_("Your payment is being confirmed."),
        (PaymentIntentStatus::Canceled, _) => n_("The payment was cancelled."),
        (PaymentIntentStatus::RequiresPaymentMethod, Some("payment_intent_payment_attempt_expired")) => {
            n_("The payment deadline passed. Please pay another way.")
        }
        (PaymentIntentStatus::RequiresPaymentMethod, _) => n_("The payment was not completed. Please pay another way."),
        _ => n_("Checking your payment…"),
    })
}

pub fn cancel_error(err: &StripeError) -> String {
    tr(match err.code.as_deref() {
        Some("payment_intent_unexpected_state") => {
            n_("This payment can no longer be cancelled (it was paid or is being paid at the store).")
        }
        _ => n_("Could not cancel. Please try again."),
    })
    .to_owned()
}
