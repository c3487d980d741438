//! Pricing a cart for a request: the catalogue's prices, a discount code checked against the
//! guessing limit, and a single-use code only for a signed-in customer who has not used it.

use checkout_api::{Cart, CartItem};

use crate::AppState;
use crate::client::ClientIp;
use crate::discounts;
use crate::error::AppError;
use crate::limits::Kind;

pub async fn price(
    state: &AppState,
    items: &[CartItem],
    code: Option<&str>,
    customer: Option<&str>,
    client: ClientIp,
) -> Result<Cart, AppError> {
    if code.is_some() {
        // Every request with a code counts, valid or not: otherwise a guesser would still see
        // which codes work while the invalid ones are refused.
        state.limits.check(Kind::Discount, client)?;
    }
    let cart = state.catalog.price_with(items, code, &crate::today())?;
    if let Some(discount) = cart.discount.as_ref().filter(|d| discounts::is_single_use(&d.code)) {
        let Some(customer) = customer else {
            return Err(AppError::bad_request(
                "discountCode",
                format!("Sign in to use the code {}: it is for a customer's first order.", discount.code),
            ));
        };
        if !state.orders.code_available(&discount.code, customer).await? {
            return Err(already_used(&discount.code));
        }
    }
    Ok(cart)
}

pub fn already_used(code: &str) -> AppError {
    AppError::bad_request("discountCode", format!("The code {code} has already been used."))
}
