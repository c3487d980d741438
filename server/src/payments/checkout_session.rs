//! Checkout Sessions for Stripe's Embedded Checkout (`ui_mode=embedded_page`): one per order,
//! created with an Idempotency-Key naming the order, so asking again (a reload, a lost answer)
//! gives the same session instead of a second way to pay the same order. The order's id goes
//! on the session and on the PaymentIntent Stripe makes for it, so the PaymentIntent's events
//! settle the order as they do for the card checkout.

use checkout_api::{Cart, CheckoutSessionView};
use stripe::StripeRequest;
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionLineItemsPriceData,
    CreateCheckoutSessionPaymentIntentData, ProductData, RetrieveCheckoutSession,
};
use stripe_shared::{CheckoutSessionMode, CheckoutSessionUiMode};

use super::{Payments, StripeFailure, idempotent, order_metadata};

impl Payments {
    /// The Checkout Session of order `order_id` for `cart`: its client secret. Stripe sends the
    /// shopper to `return_url` (with `{CHECKOUT_SESSION_ID}` filled in) once paid.
    pub async fn checkout_session(
        &self,
        cart: &Cart,
        order_id: &str,
        customer: Option<&str>,
        return_url: &str,
    ) -> Result<String, StripeFailure> {
        let currency = cart.currency.parse::<stripe_types::Currency>().unwrap_or_else(|never| match never {});
        let lines: Vec<CreateCheckoutSessionLineItems> = cart
            .lines
            .iter()
            .map(|line| {
                let mut price = CreateCheckoutSessionLineItemsPriceData::new(currency.clone());
                price.product_data = Some(ProductData::new(&line.name));
                price.unit_amount = Some(line.unit_amount);
                let mut item = CreateCheckoutSessionLineItems::new();
                item.price_data = Some(price);
                item.quantity = Some(u64::from(line.quantity));
                item
            })
            .collect();
        let mut payment_intent = CreateCheckoutSessionPaymentIntentData::new();
        payment_intent.metadata = Some(order_metadata(order_id));
        let mut create = CreateCheckoutSession::new()
            .ui_mode(CheckoutSessionUiMode::EmbeddedPage)
            .mode(CheckoutSessionMode::Payment)
            .line_items(lines)
            .return_url(return_url)
            .client_reference_id(order_id)
            .metadata(order_metadata(order_id))
            .payment_intent_data(payment_intent);
        if let Some(customer) = customer {
            create = create.customer(customer);
        }
        let strategy = idempotent(&format!("checkout-session-{order_id}"))?;
        let session = create
            .customize()
            .request_strategy(strategy)
            .send(&self.client.at("POST /v1/checkout/sessions"))
            .await
            .map_err(StripeFailure::from_stripe)?;
        session.client_secret.ok_or_else(|| StripeFailure::from_error(super::no_client_secret_for("Checkout Session")))
    }

    /// How the session `id` stands, as the return page shows it.
    pub async fn checkout_session_view(&self, id: &str) -> Result<CheckoutSessionView, StripeFailure> {
        let session = RetrieveCheckoutSession::new(id)
            .send(&self.client.at("GET /v1/checkout/sessions/{id}"))
            .await
            .map_err(StripeFailure::from_stripe)?;
        Ok(CheckoutSessionView {
            status: session.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            payment_status: session.payment_status.as_str().to_owned(),
            order_id: session.metadata.and_then(|m| m.get("order_id").cloned()),
            amount_total: session.amount_total,
            currency: session.currency.map(|c| c.to_string()),
        })
    }
}
