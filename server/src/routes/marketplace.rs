//! The marketplace's routes (`crate::marketplace`): its sellers, the signed-in shopper's saved
//! cards, and paying a seller with one of them.

use axum::extract::State;
use axum::http::StatusCode;
use checkout_api::stripe_common::{ErrorType, StripeError};
use checkout_api::{ConfirmResponse, MarketplaceView, SavedCardPaymentRequest, SavedCards};

use crate::AppState;
use crate::checkout::{Payee, Payment, Shopper, Way};
use crate::client::ClientIp;
use crate::error::{AppError, AppJson};
use crate::marketplace::saved_card;
use crate::session::SignedIn;

/// `GET /api/marketplace`: the sellers and their shelves.
pub async fn sellers(State(state): State<AppState>) -> AppJson<MarketplaceView> {
    AppJson(MarketplaceView { sellers: state.sellers.all().iter().map(|s| s.view()).collect() })
}

/// `GET /api/saved-cards`: the signed-in customer's cards saved on the platform; a guest has
/// none.
pub async fn saved_cards(
    State(state): State<AppState>,
    SignedIn(customer): SignedIn,
) -> Result<AppJson<SavedCards>, AppError> {
    let cards = match customer {
        Some(customer) => state.payments.saved_cards(&customer).await?,
        None => Vec::new(),
    };
    Ok(AppJson(SavedCards { cards }))
}

/// `POST /api/marketplace/saved-card-payments`: pays a seller with the signed-in customer's
/// saved card, without any card entry: shared with the seller's account and charged there
/// (`crate::marketplace::saved_card`). Nothing is made for a card that is not the customer's.
pub async fn pay_with_saved_card(
    State(state): State<AppState>,
    client: ClientIp,
    SignedIn(customer): SignedIn,
    AppJson(request): AppJson<SavedCardPaymentRequest>,
) -> Result<AppJson<ConfirmResponse>, AppError> {
    let answer = pay(&state, client, customer.as_deref(), &request).await;
    state.metrics.confirmed(&answer);
    answer.map(AppJson)
}

async fn pay(
    state: &AppState,
    client: ClientIp,
    customer: Option<&str>,
    request: &SavedCardPaymentRequest,
) -> Result<ConfirmResponse, AppError> {
    request.validate()?;
    let Some(customer) = customer else {
        return Err(AppError::new(
            StatusCode::UNAUTHORIZED,
            StripeError::new(ErrorType::InvalidRequestError, "Sign in to pay with a saved card.")
                .with_code("authentication_required"),
        ));
    };
    let seller = state.sellers.get(&request.seller_id)?;
    let cart = seller.price(&request.items, None)?;
    saved_card::check_owner(state, customer, &request.payment_method_id).await?;
    let account = crate::marketplace::accounts::of(state, seller).await?;
    let payment = Payment {
        attempt_id: &request.attempt_id,
        way: Way::SavedCard(&request.payment_method_id),
        payee: Some(Payee { seller, account: &account }),
        offer_variant: None,
    };
    crate::checkout::confirm(state, payment, &cart, Shopper { customer: Some(customer), client }).await
}
