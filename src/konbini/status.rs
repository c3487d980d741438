//! A konbini payment's status, as the instructions page words it.

use checkout_api::KonbiniStatus;
use checkout_api::stripe_common::{PaymentIntentStatus, StripeError};

use super::pay::KonbiniStarted;

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
    match (status.status, status.failure_code.as_deref()) {
        (PaymentIntentStatus::RequiresAction, _) => {
            "お支払いをお待ちしています。期限までに店頭でお支払いください。 Waiting for your payment at the store."
        }
        (PaymentIntentStatus::Succeeded, _) => {
            "お支払いが完了しました。ありがとうございました。 Payment received. Thank you!"
        }
        (PaymentIntentStatus::Processing, _) => "お支払いを確認しています。 Your payment is being confirmed.",
        (PaymentIntentStatus::Canceled, _) => "お支払いはキャンセルされました。 The payment was cancelled.",
        (PaymentIntentStatus::RequiresPaymentMethod, Some("payment_intent_payment_attempt_expired")) => {
            "お支払い期限が過ぎたため、お支払いは完了していません。別の方法でお支払いください。 \
             The payment deadline passed. Please pay another way."
        }
        (PaymentIntentStatus::RequiresPaymentMethod, _) => {
            "お支払いは完了していません。別の方法でお支払いください。 The payment was not completed. Please pay another way."
        }
        _ => "お支払いの状況を確認しています。 Checking your payment…",
    }
}

pub fn cancel_error(err: &StripeError) -> String {
    match err.code.as_deref() {
        Some("payment_intent_unexpected_state") => {
            "このお支払いはキャンセルできません（お支払い済み、または店頭でお支払い中です）。 \
             This payment can no longer be cancelled (it was paid or is being paid at the store)."
                .into()
        }
        _ => "キャンセルできませんでした。もう一度お試しください。 Could not cancel. Please try again.".into(),
    }
}
