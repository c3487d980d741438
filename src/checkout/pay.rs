//! Paying, in the order Stripe requires for confirming on the server: validate the form
//! (`elements.submit()`, first, before any other async work), create a ConfirmationToken, let
//! the server create and confirm the PaymentIntent, then handle a next action (3-D Secure) if
//! the server reports one.

use checkout_api::stripe_common::{ErrorType, PaymentIntentStatus, StripeError};
use checkout_api::{CartItem, ConfirmRequest, ConfirmResponse};
use leptos_stripe::stripe_wasm::{ConfirmationTokenParams, Elements, Stripe};

use crate::split::split;

/// What is being paid for: the server prices it again from these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// The checkout attempt (`crate::shared::attempt`): the same for every press of Pay for this cart.
    pub attempt_id: String,
    pub items: Vec<CartItem>,
    pub discount_code: Option<String>,
    /// Send the Address Element's address as the shipping address.
    pub ship: bool,
    /// The marketplace seller the cart is bought from (`crate::marketplace`); none: the shop.
    pub seller_id: Option<String>,
    /// The shopper was in the add-on offer experiment (`super::offer`).
    pub offer_shown: bool,
}

/// A payment that went through: Stripe says succeeded, or processing (it will settle later).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paid {
    pub order_id: String,
    pub payment_intent_id: String,
    pub amount: i64,
    pub currency: String,
    pub status: PaymentIntentStatus,
    /// Found already paid (another tab, or an earlier press whose answer was lost): nothing
    /// was charged again.
    pub already_confirmed: bool,
}

/// Validates the form, then the rest of the payment, which the release build loads only when
/// the shopper pays (the `pay` split point: not part of the checkout's first load; the form
/// preloads it once the Payment Element is ready). `elements.submit()` comes first, before any
/// other async work (a chunk's download included), as Stripe requires.
pub async fn pay(stripe: &Stripe, elements: &Elements, order: Order, return_url: String) -> Result<Paid, StripeError> {
    elements.submit().await?;
    after_submit(stripe.clone(), elements.clone(), order, return_url)
        .await
        .unwrap_or_else(|not_loaded| Err(not_loaded.into_error(&crate::i18n::tr("The payment"))))
}

split! {
    /// The payment after `elements.submit()` said the form is complete.
    module pay, preload preload_pay;
    pub(super) async fn after_submit(stripe: Stripe, elements: Elements, order: Order, return_url: String) -> Result<Paid, StripeError> {
        let (stripe, elements) = (&stripe, &elements);
        // The shipping address goes with the token explicitly, as Stripe's guide shows.
        let shipping = match (order.ship, elements.get_element("address")) {
            (true, Some(address)) => Some(address.get_address_value().await?.value.to_shipping()),
            _ => None,
        };
        let params = ConfirmationTokenParams { return_url: Some(return_url), shipping };
        let token = stripe.create_confirmation_token(elements, &params).await?;
        let request = ConfirmRequest {
            attempt_id: order.attempt_id,
            confirmation_token_id: token.id,
            items: order.items,
            discount_code: order.discount_code,
            seller_id: order.seller_id,
            offer_shown: order.offer_shown,
        };
        let confirmed = crate::api::confirm(&request).await?;
        let status = match confirmed.status {
            PaymentIntentStatus::RequiresAction => stripe.handle_next_action(&confirmed.client_secret).await?.status(),
            status => status,
        };
        outcome(confirmed, status)
    }
}

pub(crate) fn outcome(confirmed: ConfirmResponse, status: PaymentIntentStatus) -> Result<Paid, StripeError> {
    match status {
        PaymentIntentStatus::Succeeded | PaymentIntentStatus::Processing => Ok(Paid {
            order_id: confirmed.order_id,
            payment_intent_id: confirmed.payment_intent_id,
            amount: confirmed.amount,
            currency: confirmed.currency,
            status,
            already_confirmed: confirmed.already_confirmed,
        }),
        PaymentIntentStatus::RequiresPaymentMethod => Err(StripeError::new(
            ErrorType::CardError,
            crate::i18n::n_("Your payment could not be completed. Please try again or use another payment method."),
        )),
        other => Err(StripeError::new(ErrorType::ApiError, format!("unexpected payment status {}", other.as_str()))),
    }
}
