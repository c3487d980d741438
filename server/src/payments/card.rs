//! Card payments: the PaymentIntent created and confirmed in one request with the page's
//! ConfirmationToken, read back, or confirmed again with a new token after a decline.

use checkout_api::Cart;
use checkout_api::stripe_common::PaymentIntentStatus;
use stripe::StripeRequest;
use stripe_core::payment_intent::{
    ConfirmPaymentIntent, CreatePaymentIntent, CreatePaymentIntentAutomaticPaymentMethods,
    CreatePaymentIntentTransferData, RetrievePaymentIntent,
};
use stripe_shared::PaymentIntent;

use super::connect::DestinationCharge;
use super::{Payments, StripeFailure, from_wire, idempotent, no_client_secret, order_metadata};

/// The PaymentIntent endpoints, as the metrics name them.
pub(super) const CREATE: &str = "POST /v1/payment_intents";
pub(super) const RETRIEVE: &str = "GET /v1/payment_intents/{id}";
const CONFIRM: &str = "POST /v1/payment_intents/{id}/confirm";

/// What Stripe holds for an order's PaymentIntent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmed {
    pub payment_intent_id: String,
    pub client_secret: String,
    pub status: PaymentIntentStatus,
    pub amount: i64,
    pub currency: String,
    /// The connected account it lives on (a seller's direct charge); `None`: the platform.
    pub account: Option<String>,
}

impl Payments {
    /// Creates and confirms the PaymentIntent of order `order_id` for `cart` with `token`, in
    /// one request. The Idempotency-Key names the order and the token, so a retry of this very
    /// request replays Stripe's first answer instead of charging again, and no other request can
    /// be taken for it (its parameters come from the order alone: the add-on offer's variant is
    /// the order's). A marketplace seller's cart is a destination charge for the seller.
    pub async fn create_and_confirm(
        &self,
        cart: &Cart,
        token: &str,
        customer: Option<&str>,
        (order_id, offer_variant): (&str, Option<&str>),
        destination: Option<DestinationCharge<'_>>,
    ) -> Result<Confirmed, StripeFailure> {
        let mut metadata = order_metadata(order_id);
        if let Some(variant) = offer_variant {
            metadata.insert("offer_variant".into(), variant.into());
        }
        let currency = cart.currency.parse::<stripe_types::Currency>().unwrap_or_else(|never| match never {});
        let mut create = CreatePaymentIntent::new(cart.total, currency)
            .metadata(metadata)
            .confirm(true)
            .confirmation_token(token)
            .automatic_payment_methods(CreatePaymentIntentAutomaticPaymentMethods::new(true));
        if let Some(customer) = customer {
            // Saved payment methods belong to the customer; a newly saved one is attached to it.
            create = create.customer(customer);
        }
        if let Some(seller) = destination {
            create = create
                .on_behalf_of(seller.account)
                .transfer_data(CreatePaymentIntentTransferData::new(seller.account))
                .application_fee_amount(seller.application_fee_amount);
        }
        let strategy = idempotent(&format!("checkout-{order_id}-{token}"))?;
        let intent = create.customize().request_strategy(strategy).send(&self.client.at(CREATE)).await;
        confirmed(intent.map_err(StripeFailure::from_stripe)?)
    }

    /// The PaymentIntent as Stripe holds it now.
    pub async fn retrieve(&self, payment_intent: &str) -> Result<Confirmed, StripeFailure> {
        let intent = RetrievePaymentIntent::new(payment_intent).send(&self.client.at(RETRIEVE)).await;
        confirmed(intent.map_err(StripeFailure::from_stripe)?)
    }

    /// Confirms an order's existing PaymentIntent again with a new `token` (the card was
    /// declined and the shopper tries another): the order keeps one PaymentIntent.
    pub async fn confirm_again(&self, payment_intent: &str, token: &str) -> Result<Confirmed, StripeFailure> {
        let strategy = idempotent(&format!("checkout-{payment_intent}-{token}"))?;
        let intent = ConfirmPaymentIntent::new(payment_intent)
            .confirmation_token(token)
            .customize()
            .request_strategy(strategy)
            .send(&self.client.at(CONFIRM))
            .await;
        confirmed(intent.map_err(StripeFailure::from_stripe)?)
    }
}

pub(super) fn confirmed(intent: PaymentIntent) -> Result<Confirmed, StripeFailure> {
    let client_secret = intent.client_secret.ok_or_else(|| StripeFailure {
        payment_intent: Some(intent.id.to_string()),
        ..StripeFailure::from_error(no_client_secret())
    })?;
    Ok(Confirmed {
        payment_intent_id: intent.id.to_string(),
        client_secret,
        status: from_wire(intent.status.as_str()).unwrap_or(PaymentIntentStatus::Unknown),
        amount: intent.amount,
        currency: intent.currency.to_string(),
        account: None,
    })
}
