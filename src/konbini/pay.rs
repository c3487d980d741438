//! Paying at a konbini: the server checks the form and creates the PaymentIntent, then
//! `stripe.confirmKonbiniPayment` confirms it and shows the instructions. Stripe's temporary
//! refusals are retried with a bounded backoff, then the shopper is offered another way to pay.

use std::time::Duration;

use checkout_api::stripe_common::{PaymentIntent, StripeError};
use checkout_api::{KonbiniPaymentRequest, KonbiniPaymentResponse};
use leptos_stripe::stripe_wasm::{ConfirmKonbiniData, ConfirmKonbiniOptions, Stripe};

use crate::i18n::tr;

/// A konbini payment started: what the server created, what Stripe.js answered, and the form
/// (needed again to issue new instructions).
#[derive(Debug, Clone)]
pub struct KonbiniStarted {
    pub created: KonbiniPaymentResponse,
    pub intent: PaymentIntent,
    pub request: KonbiniPaymentRequest,
}

/// Waits before each retry after `payment_method_rate_limit_exceeded`.
pub const RATE_LIMIT_BACKOFF: [Duration; 3] =
    [Duration::from_millis(500), Duration::from_secs(1), Duration::from_secs(2)];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KonbiniFailure {
    /// Something to fix in one field of the form.
    Field {
        field: String,
        message: String,
    },
    /// Konbini payments are rate limited right now, even after retrying.
    Busy,
    /// Konbini payments are not available right now.
    Unavailable,
    Other(String),
}

impl KonbiniFailure {
    /// What the shopper is told, in the page's language.
    pub fn message(&self) -> &str {
        match self {
            KonbiniFailure::Busy => {
                tr("Konbini payments are busy right now. Try again in a little while, or pay by card.")
            }
            KonbiniFailure::Unavailable => {
                tr("Konbini payments are unavailable right now. Pay by card, or try again later.")
            }
            KonbiniFailure::Other(message) | KonbiniFailure::Field { message, .. } => message,
        }
    }

    /// Tells an embedding page what failed (`checkout:failed`) with the message the shopper
    /// saw; a field to fix is not a failure.
    pub fn tell_host(&self) {
        let code = match self {
            KonbiniFailure::Field { .. } => return,
            KonbiniFailure::Busy => "payment_method_rate_limit_exceeded",
            KonbiniFailure::Unavailable => "payment_method_not_available",
            KonbiniFailure::Other(_) => "payment_failed",
        };
        crate::host::failed(code, self.message());
    }
}

/// Creates the payment and confirms it; resolves once the shopper closed Stripe's instructions.
pub async fn pay_at_konbini(stripe: &Stripe, request: KonbiniPaymentRequest) -> Result<KonbiniStarted, KonbiniFailure> {
    let created = crate::api::konbini_create(&request).await.map_err(|err| match err.param.clone() {
        Some(field) if ["name", "email", "phone"].contains(&field.as_str()) => {
            KonbiniFailure::Field { field, message: err.message.unwrap_or_default() }
        }
        _ => KonbiniFailure::Other(generic(&err)),
    })?;
    let intent = confirm(stripe, &created.client_secret, &request, created.confirmation_number.clone()).await?;
    Ok(KonbiniStarted { created, intent, request })
}

/// `confirmKonbiniPayment` with Stripe's instructions modal, retrying rate limits. Confirming a
/// pending payment again issues new instructions.
pub async fn confirm(
    stripe: &Stripe,
    client_secret: &str,
    request: &KonbiniPaymentRequest,
    confirmation_number: Option<String>,
) -> Result<PaymentIntent, KonbiniFailure> {
    let data = ConfirmKonbiniData::new(request.name.trim(), request.email.trim(), confirmation_number);
    let mut waits = RATE_LIMIT_BACKOFF.iter();
    loop {
        match stripe.confirm_konbini_payment(client_secret, &data, ConfirmKonbiniOptions::default()).await {
            Ok(intent) => return Ok(intent),
            Err(err) => match err.code.as_deref() {
                Some("payment_method_rate_limit_exceeded") => match waits.next() {
                    Some(wait) => gloo_timers::future::sleep(*wait).await,
                    None => return Err(KonbiniFailure::Busy),
                },
                Some("payment_method_not_available") => return Err(KonbiniFailure::Unavailable),
                Some("payment_intent_konbini_rejected_confirmation_number") => {
                    return Err(KonbiniFailure::Field {
                        field: "phone".into(),
                        message: tr("This number can't be used as a confirmation number right now. Enter another number or leave it empty.")
                            .into(),
                    });
                }
                _ => return Err(KonbiniFailure::Other(generic(&err))),
            },
        }
    }
}

fn generic(err: &StripeError) -> String {
    tr(if err.is_shopper_facing() {
        err.shopper_message()
    } else {
        crate::i18n::n_("Something went wrong. Please try again.")
    })
    .to_owned()
}
