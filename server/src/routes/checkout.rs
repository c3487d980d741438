use axum::extract::State;
use checkout_api::{ConfirmRequest, ConfirmResponse};

use crate::AppState;
use crate::checkout::{Payee, Payment, Shopper, Way};
use crate::client::ClientIp;
use crate::error::{AppError, AppJson};
use crate::session::SignedIn;

/// `POST /api/checkout/confirm`: price the cart here, then create and confirm the
/// PaymentIntent with the page's ConfirmationToken (see `crate::checkout`). With a `sellerId`,
/// the cart is that marketplace seller's, paid by a destination charge (`crate::marketplace`).
pub async fn confirm(
    State(state): State<AppState>,
    client: ClientIp,
    SignedIn(customer): SignedIn,
    jar: axum_extra::extract::SignedCookieJar,
    AppJson(request): AppJson<ConfirmRequest>,
) -> Result<AppJson<ConfirmResponse>, AppError> {
    // The variant is the server's assignment of this visitor, never the page's word.
    let offer = request.offer_shown.then(|| crate::offers::visitor_variant(&jar)).flatten();
    let answer = priced_and_confirmed(&state, client, customer.as_deref(), &request, offer).await;
    state.metrics.confirmed(&answer);
    answer.map(AppJson)
}

async fn priced_and_confirmed(
    state: &AppState,
    client: ClientIp,
    customer: Option<&str>,
    request: &ConfirmRequest,
    offer_variant: Option<&str>,
) -> Result<ConfirmResponse, AppError> {
    request.validate()?;
    let code = request.discount_code.as_deref();
    let shopper = Shopper { customer, client };
    let way = Way::Token(&request.confirmation_token_id);
    let Some(seller) = request.seller_id.as_deref() else {
        let cart = crate::pricing::price(state, &request.items, code, customer, client).await?;
        let payment = Payment { attempt_id: &request.attempt_id, way, payee: None, offer_variant };
        return crate::checkout::confirm(state, payment, &cart, shopper).await;
    };
    let seller = state.sellers.get(seller)?;
    let cart = seller.price(&request.items, code)?;
    let account = crate::marketplace::accounts::of(state, seller).await?;
    let payee = Some(Payee { seller, account: &account });
    let payment = Payment { attempt_id: &request.attempt_id, way, payee, offer_variant };
    crate::checkout::confirm(state, payment, &cart, shopper).await
}
