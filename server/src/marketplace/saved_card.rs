//! Paying a seller with a card saved on the platform: the card is shared with the seller's
//! account (a clone there) and charged there, a direct charge with the platform's fee.

use axum::http::StatusCode;
use checkout_api::Cart;
use checkout_api::stripe_common::{ErrorType, StripeError};

use super::store::PerAccount;
use crate::AppState;
use crate::checkout::Payee;
use crate::error::AppError;
use crate::payments::{Confirmed, DirectCharge, StripeFailure};

/// Refuses a card that is not the signed-in `customer`'s own on the platform: Stripe's "No such
/// PaymentMethod", whether it is another customer's or does not exist (nothing to learn).
pub async fn check_owner(state: &AppState, customer: &str, payment_method: &str) -> Result<(), AppError> {
    match state.payments.payment_method_owner(payment_method).await? {
        Some(owner) if owner == customer => Ok(()),
        _ => Err(AppError::new(
            StatusCode::BAD_REQUEST,
            StripeError::new(ErrorType::InvalidRequestError, format!("No such PaymentMethod: '{payment_method}'"))
                .with_code("resource_missing")
                .with_param("paymentMethodId"),
        )),
    }
}

/// The shopper's customer on the seller's account and the platform card's clone attached to
/// it: each made once, then found again (`super::store`).
pub async fn shared_card(
    state: &AppState,
    platform_customer: &str,
    payment_method: &str,
    account: &str,
) -> Result<(String, String), AppError> {
    let store = &state.marketplace;
    let customer = match store.on_account(PerAccount::Customer, platform_customer, account).await? {
        Some(customer) => customer,
        None => {
            let made = state.payments.create_connected_customer(account, platform_customer).await?;
            store.keep_on_account(PerAccount::Customer, platform_customer, account, &made).await?
        }
    };
    let clone = match store.on_account(PerAccount::PaymentMethod, payment_method, account).await? {
        Some(clone) => clone,
        None => {
            let made =
                state.payments.share_payment_method(account, platform_customer, payment_method, &customer).await?;
            store.keep_on_account(PerAccount::PaymentMethod, payment_method, account, &made).await?
        }
    };
    Ok((customer, clone))
}

/// Creates and confirms the order's direct charge on the seller's account with the shared card.
pub async fn charge(
    state: &AppState,
    order_id: &str,
    cart: &Cart,
    platform_customer: &str,
    payment_method: &str,
    payee: Payee<'_>,
) -> Result<Confirmed, StripeFailure> {
    let (customer, clone) = shared_card(state, platform_customer, payment_method, payee.account)
        .await
        .map_err(StripeFailure::from_error)?;
    let charge = DirectCharge {
        order_id,
        account: payee.account,
        customer: &customer,
        payment_method: &clone,
        platform_payment_method: payment_method,
        application_fee_amount: payee.seller.fee_on(cart.total),
    };
    state.payments.direct_charge(cart, charge).await
}
