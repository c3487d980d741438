//! Stripe calls, through async-stripe. Chosen because it is generated from Stripe's OpenAPI
//! spec (every parameter typed, confirmation_token and konbini options included), pins one API
//! version (2026-09-30.endive), supports idempotency keys and webhook verification, and can be
//! pointed at another base URL (the offline stand-in) over plain http.

use std::time::Duration;

use axum::http::StatusCode;
use checkout_api::stripe_common::konbini::{KonbiniDisplayDetails, KonbiniStore, KonbiniStores};
use checkout_api::stripe_common::{ErrorType, PaymentIntentStatus, StripeError};
use checkout_api::{Cart, ConfirmResponse, KonbiniPaymentResponse, KonbiniStatus};
use stripe::{Client, ClientBuilder, IdempotencyKey, RequestStrategy, StripeRequest};
use stripe_core::customer_session::{
    CreateCustomerSession, CreateCustomerSessionComponents, CreateCustomerSessionComponentsPaymentElement,
    CreateCustomerSessionComponentsPaymentElementFeatures,
    CreateCustomerSessionComponentsPaymentElementFeaturesPaymentMethodRedisplay as Redisplay,
    CreateCustomerSessionComponentsPaymentElementFeaturesPaymentMethodRemove as Remove,
    CreateCustomerSessionComponentsPaymentElementFeaturesPaymentMethodSave as Save,
    CreateCustomerSessionComponentsPaymentElementFeaturesPaymentMethodSaveUsage as SaveUsage,
};
use stripe_core::payment_intent::{
    CancelPaymentIntent, CreatePaymentIntent, CreatePaymentIntentAutomaticPaymentMethods,
    CreatePaymentIntentPaymentMethodOptions, CreatePaymentIntentPaymentMethodOptionsKonbini, RetrievePaymentIntent,
};
use stripe_shared::{PaymentIntent, PaymentIntentAllowedPaymentMethodTypes};

use crate::config::{KonbiniExpiry, KonbiniSettings, StripeConfig};
use crate::error::AppError;

/// Per-attempt budget for one Stripe call (async-stripe has none by default).
const STRIPE_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Clone)]
pub struct Payments {
    client: Client,
}

impl Payments {
    pub fn new(config: &StripeConfig) -> Result<Self, String> {
        let mut builder = ClientBuilder::new(&config.secret_key)
            .app_info("stripe-checkout-leptos", Some(env!("CARGO_PKG_VERSION").into()), None)
            .timeout(STRIPE_TIMEOUT);
        if let Some(base) = &config.api_base {
            builder = builder.url(base);
        }
        let client = builder.build().map_err(|e| format!("cannot build the Stripe client: {e}"))?;
        Ok(Self { client })
    }

    /// Creates and confirms a PaymentIntent for `cart` with the page's ConfirmationToken, in
    /// one request. The idempotency key is derived from the token, which Stripe accepts once:
    /// a retried request replays Stripe's first answer instead of charging again.
    /// On failure, also the PaymentIntent's id if Stripe created one (a card decline does).
    pub async fn create_and_confirm(
        &self,
        cart: &Cart,
        confirmation_token: &str,
        customer: Option<&str>,
        order_id: &str,
    ) -> Result<ConfirmResponse, (AppError, Option<String>)> {
        let currency = cart.currency.parse::<stripe_types::Currency>().unwrap_or_else(|never| match never {});
        // The same key as the order's checkout_key: a retry finds the same order and replays.
        let key = IdempotencyKey::new(format!("checkout-confirm-{confirmation_token}")).map_err(|e| {
            (
                AppError::new(StatusCode::BAD_REQUEST, StripeError::new(ErrorType::InvalidRequestError, e.to_string())),
                None,
            )
        })?;
        let mut create = CreatePaymentIntent::new(cart.total, currency)
            .metadata(order_metadata(order_id))
            .confirm(true)
            .confirmation_token(confirmation_token)
            .automatic_payment_methods(CreatePaymentIntentAutomaticPaymentMethods::new(true));
        if let Some(customer) = customer {
            // Saved payment methods belong to the customer; a newly saved one is attached to it.
            create = create.customer(customer);
        }
        let intent =
            create.customize().request_strategy(RequestStrategy::Idempotent(key)).send(&self.client).await.map_err(
                |err| {
                    let created = match &err {
                        stripe::StripeError::Stripe(api, _) => api.payment_intent.as_ref().map(|pi| pi.id.to_string()),
                        _ => None,
                    };
                    (upstream_error(err), created)
                },
            )?;
        let status = from_wire(intent.status.as_str()).unwrap_or(PaymentIntentStatus::Unknown);
        let client_secret = intent.client_secret.ok_or_else(|| (no_client_secret(), Some(intent.id.to_string())))?;
        Ok(ConfirmResponse {
            order_id: order_id.to_owned(),
            client_secret,
            status,
            payment_intent_id: intent.id.to_string(),
            amount: intent.amount,
            currency: intent.currency.to_string(),
        })
    }
}

impl Payments {
    /// A CustomerSession that lets the Payment Element list the customer's saved payment
    /// methods, offer to save a new one (for later off-session use) and remove them.
    pub async fn create_customer_session(&self, customer: &str) -> Result<String, AppError> {
        let mut features = CreateCustomerSessionComponentsPaymentElementFeatures::new();
        features.payment_method_redisplay = Some(Redisplay::Enabled);
        features.payment_method_save = Some(Save::Enabled);
        features.payment_method_remove = Some(Remove::Enabled);
        features.payment_method_save_usage = Some(SaveUsage::OffSession);
        let mut payment_element = CreateCustomerSessionComponentsPaymentElement::new(true);
        payment_element.features = Some(features);
        let mut components = CreateCustomerSessionComponents::new();
        components.payment_element = Some(payment_element);
        let session = CreateCustomerSession::new(components)
            .customer(customer)
            .send(&self.client)
            .await
            .map_err(upstream_error)?;
        Ok(session.client_secret)
    }
}

/// Konbini: yen only, so it has its own PaymentIntents, confirmed by the page with Stripe.js.
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
            .send(&self.client)
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

    /// The PaymentIntent's client secret: the credential of whoever asks about it.
    pub async fn client_secret(&self, id: &str) -> Result<String, AppError> {
        let intent = RetrievePaymentIntent::new(id).send(&self.client).await.map_err(upstream_error)?;
        intent.client_secret.ok_or_else(no_client_secret)
    }

    /// The payment's status and current instructions, and its client secret (the caller's
    /// credential).
    pub async fn konbini_status(&self, id: &str) -> Result<(KonbiniStatus, String), AppError> {
        let intent = RetrievePaymentIntent::new(id).send(&self.client).await.map_err(upstream_error)?;
        let secret = intent.client_secret.clone().ok_or_else(no_client_secret)?;
        Ok((konbini_status(&intent), secret))
    }

    pub async fn cancel_konbini(&self, id: &str) -> Result<KonbiniStatus, AppError> {
        let intent = CancelPaymentIntent::new(id).send(&self.client).await.map_err(|err| match &err {
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

/// Our order's id on the PaymentIntent: events carry it back to the order.
fn order_metadata(order_id: &str) -> std::collections::HashMap<String, String> {
    std::collections::HashMap::from([("order_id".to_owned(), order_id.to_owned())])
}

fn no_client_secret() -> AppError {
    AppError::new(
        StatusCode::BAD_GATEWAY,
        StripeError::new(ErrorType::ApiError, "Stripe returned a PaymentIntent without a client secret."),
    )
}

/// One of Stripe's enum values (as async-stripe spells it on the wire) as our own enum.
fn from_wire<T: serde::de::DeserializeOwned>(value: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).ok()
}

/// Stripe's answer, as the page should see it: card errors pass through (402) with Stripe's
/// customer-facing message; problems with the page's ConfirmationToken are the page's (400);
/// everything else is this server's or Stripe's problem (5xx) and its details stay in the log.
fn upstream_error(err: stripe::StripeError) -> AppError {
    match err {
        stripe::StripeError::Stripe(api, status) => {
            let error = StripeError {
                type_: from_wire(api.type_.as_str()).unwrap_or(ErrorType::Unknown),
                code: api.code.as_ref().map(|c| c.as_str().to_owned()),
                decline_code: api.decline_code.clone(),
                message: api.message.clone(),
                param: api.param.clone(),
                doc_url: api.doc_url.clone(),
            };
            match error.type_ {
                ErrorType::CardError => AppError::new(StatusCode::PAYMENT_REQUIRED, error),
                ErrorType::IdempotencyError => AppError::new(StatusCode::CONFLICT, error),
                ErrorType::InvalidRequestError if error.param.as_deref() == Some("confirmation_token") => {
                    AppError::new(StatusCode::BAD_REQUEST, error)
                }
                ErrorType::RateLimitError => AppError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    StripeError::new(
                        ErrorType::RateLimitError,
                        "Too many payment attempts right now. Please try again in a moment.",
                    ),
                ),
                _ => {
                    tracing::error!(stripe_status = status, error = %error, "Stripe refused a request");
                    AppError::new(
                        StatusCode::BAD_GATEWAY,
                        StripeError::new(ErrorType::ApiError, "The payment provider could not process this request."),
                    )
                }
            }
        }
        stripe::StripeError::ClientError(detail) => {
            tracing::error!(%detail, "cannot reach Stripe");
            AppError::new(
                StatusCode::BAD_GATEWAY,
                StripeError::new(
                    ErrorType::ApiConnectionError,
                    "Could not reach the payment provider. Please try again.",
                ),
            )
        }
        stripe::StripeError::Timeout => AppError::new(
            StatusCode::GATEWAY_TIMEOUT,
            StripeError::new(
                ErrorType::ApiConnectionError,
                "The payment provider did not answer in time. Please try again.",
            ),
        ),
        other => {
            tracing::error!(error = %other, "unexpected answer from Stripe");
            AppError::new(
                StatusCode::BAD_GATEWAY,
                StripeError::new(ErrorType::ApiError, "The payment provider sent an unexpected answer."),
            )
        }
    }
}
