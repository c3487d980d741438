//! Konbini: yen only, so it has its own PaymentIntents, confirmed by the page with Stripe.js.

use axum::http::StatusCode;
use checkout_api::stripe_common::konbini::{KonbiniDisplayDetails, KonbiniStore, KonbiniStores};
use checkout_api::stripe_common::{ErrorType, PaymentIntentStatus, StripeError};
use checkout_api::{Cart, KonbiniPaymentResponse, KonbiniStatus};
use stripe_core::payment_intent::{
    CancelPaymentIntent, CreatePaymentIntent, CreatePaymentIntentPaymentMethodOptions,
    CreatePaymentIntentPaymentMethodOptionsKonbini, RetrievePaymentIntent,
};
use stripe_shared::{PaymentIntent, PaymentIntentAllowedPaymentMethodTypes};

use super::{Payments, from_wire, no_client_secret, order_metadata, upstream_error};
use crate::config::{KonbiniExpiry, KonbiniSettings};
use crate::error::AppError;

const CANCEL: &str = "POST /v1/payment_intents/{id}/cancel";

impl Payments {
    /// A konbini PaymentIntent for `cart` (in yen) with the configured description and expiry.
    pub async fn create_konbini(
        &self,
        cart: &Cart,
        settings: &KonbiniSettings,
        email: &str,
        order_id: &str,
    ) -> Result<KonbiniPaymentResponse, AppError> {
        let mut konbini = CreatePaymentIntentPaymentMethodOptionsKonbini::new();
        konbini.product_description = Some(settings.product_description.clone());
        match settings.expiry {
            KonbiniExpiry::StripeDefault => {}
            KonbiniExpiry::AfterDays(days) => konbini.expires_after_days = Some(days),
            KonbiniExpiry::InHours(hours) => {
                konbini.expires_at = Some(chrono::Utc::now().timestamp() + i64::from(hours) * 3600)
            }
        }
        let mut options = CreatePaymentIntentPaymentMethodOptions::new();
        options.konbini = Some(konbini);
        let currency = cart.currency.parse::<stripe_types::Currency>().unwrap_or_else(|never| match never {});
        let intent = CreatePaymentIntent::new(cart.total, currency)
            .allowed_payment_method_types(vec![PaymentIntentAllowedPaymentMethodTypes::Konbini])
            .payment_method_options(options)
            .receipt_email(email)
            .metadata(order_metadata(order_id))
            .send(&self.client.at(super::card::CREATE))
            .await
            .map_err(upstream_error)?;
        let client_secret = intent.client_secret.clone().ok_or_else(no_client_secret)?;
        Ok(KonbiniPaymentResponse {
            order_id: order_id.to_owned(),
            client_secret,
            payment_intent_id: intent.id.to_string(),
            amount: intent.amount,
            currency: intent.currency.to_string(),
            confirmation_number: None,
        })
    }

    /// The payment's status and current instructions, and its client secret.
    pub async fn konbini_status(&self, id: &str) -> Result<(KonbiniStatus, String), AppError> {
        let intent = RetrievePaymentIntent::new(id)
            .send(&self.client.at(super::card::RETRIEVE))
            .await
            .map_err(upstream_error)?;
        let secret = intent.client_secret.clone().ok_or_else(no_client_secret)?;
        Ok((konbini_status(&intent), secret))
    }

    pub async fn cancel_konbini(&self, id: &str) -> Result<KonbiniStatus, AppError> {
        let intent = CancelPaymentIntent::new(id).send(&self.client.at(CANCEL)).await.map_err(|err| match &err {
            // Stripe refuses to cancel while the shopper is paying at the store, or after.
            stripe::StripeError::Stripe(api, _)
                if api.code.as_ref().is_some_and(|c| c.as_str() == "payment_intent_unexpected_state") =>
            {
                AppError::new(
                    StatusCode::CONFLICT,
                    StripeError::new(ErrorType::InvalidRequestError, "This payment can no longer be cancelled.")
                        .with_code("payment_intent_unexpected_state"),
                )
            }
            _ => upstream_error(err),
        })?;
        Ok(konbini_status(&intent))
    }
}

fn konbini_status(intent: &PaymentIntent) -> KonbiniStatus {
    let instructions = intent.next_action.as_ref().and_then(|a| a.konbini_display_details.as_ref()).map(|d| {
        let store = |code: &str, number: &Option<String>| KonbiniStore {
            confirmation_number: number.clone(),
            payment_code: code.to_owned(),
        };
        KonbiniDisplayDetails {
            expires_at: d.expires_at,
            hosted_voucher_url: d.hosted_voucher_url.clone(),
            stores: KonbiniStores {
                familymart: d.stores.familymart.as_ref().map(|s| store(&s.payment_code, &s.confirmation_number)),
                lawson: d.stores.lawson.as_ref().map(|s| store(&s.payment_code, &s.confirmation_number)),
                ministop: d.stores.ministop.as_ref().map(|s| store(&s.payment_code, &s.confirmation_number)),
                seicomart: d.stores.seicomart.as_ref().map(|s| store(&s.payment_code, &s.confirmation_number)),
            },
        }
    });
    KonbiniStatus {
        payment_intent_id: intent.id.to_string(),
        status: from_wire(intent.status.as_str()).unwrap_or(PaymentIntentStatus::Unknown),
        amount: intent.amount,
        currency: intent.currency.to_string(),
        instructions,
        failure_code: intent.last_payment_error.as_ref().and_then(|e| e.code.as_ref()).map(|c| c.as_str().to_owned()),
    }
}
