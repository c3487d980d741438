//! Each seller's connected account: the one configured (`CHECKOUT_SELLER_ACCOUNTS`, how a
//! platform on Stripe names its sellers' accounts), else the one kept in the database, else,
//! on the stand-in only, one made at first use and kept (a restart charges the same account).
//! Against Stripe an unconfigured seller is refused, never created: making a real connected
//! account is the seller's onboarding, not a side effect of a purchase.

use axum::http::StatusCode;
use checkout_api::stripe_common::{ErrorType, StripeError};

use super::Seller;
use crate::AppState;
use crate::error::AppError;

pub async fn of(state: &AppState, seller: &Seller) -> Result<String, AppError> {
    if let Some(account) = state.sellers.configured.get(seller.id) {
        return Ok(account.clone());
    }
    if let Some(account) = state.marketplace.seller_account(seller.id).await? {
        return Ok(account);
    }
    if !state.config.stripe.offline() {
        tracing::error!(seller = seller.id, "no connected account for this seller: set CHECKOUT_SELLER_ACCOUNTS");
        return Err(AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            StripeError::new(ErrorType::ApiError, "This seller cannot take payments yet.").with_code("account_invalid"),
        ));
    }
    let made = state.payments.create_seller_account(seller.id, seller.name).await?;
    tracing::info!(seller = seller.id, account = %made, "made the seller's connected account on the stand-in");
    Ok(state.marketplace.keep_seller_account(seller.id, &made).await?)
}
