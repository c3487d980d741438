//! The add-on offer experiment, `POST /api/offers`: a shopper who chooses buy now, pay later in
//! the Payment Element is in it; each visitor is assigned a variant once, by a hash of a visitor
//! id kept in a signed cookie (`checkout_visitor`, a year), so the same visitor sees the same
//! variant on every visit and nobody picks one: `addon` is suggested the catalogue's cheapest
//! product not in the cart, `control` nothing. The order records the variant before its
//! PaymentIntent is created (`orders.offer_variant`, and the PaymentIntent's metadata
//! `offer_variant`, which the data export carries to the dashboard).

use axum::extract::State;
use axum_extra::extract::SignedCookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use checkout_api::{OFFER_METHODS, OfferRequest, OfferResponse, OfferSuggestion, validate_items};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::{AppError, AppJson};

const COOKIE: &str = "checkout_visitor";
/// The experiment's name: another experiment hashes the same visitors into other groups.
const EXPERIMENT: &str = "bnpl-addon-2026-12";

pub async fn offer(
    State(state): State<AppState>,
    jar: SignedCookieJar,
    AppJson(request): AppJson<OfferRequest>,
) -> Result<(SignedCookieJar, AppJson<OfferResponse>), AppError> {
    validate_items(&request.items)?;
    state.catalog.price(&request.items)?;
    if !OFFER_METHODS.contains(&request.method.as_str()) {
        return Ok((jar, AppJson(OfferResponse { variant: None, suggestion: None })));
    }
    let (jar, visitor) = match jar.get(COOKIE) {
        Some(cookie) => (jar.clone(), cookie.value().to_owned()),
        None => {
            let visitor = hex::encode(rand::random::<[u8; 16]>());
            let cookie = Cookie::build((COOKIE, visitor.clone()))
                .path("/")
                .http_only(true)
                .same_site(SameSite::Lax)
                .max_age(time::Duration::days(365));
            (jar.add(cookie), visitor)
        }
    };
    let variant = variant_of(&visitor);
    let suggestion =
        (variant == "addon").then(|| state.catalog.add_on(&request.items)).flatten().map(|product| OfferSuggestion {
            product_id: product.id.into(),
            name: product.name.into(),
            unit_amount: product.unit_amount,
            currency: state.catalog.currency().into(),
        });
    Ok((jar, AppJson(OfferResponse { variant: Some(variant.into()), suggestion })))
}

/// The visitor's variant, or `None` without a visitor cookie (it never asked for an offer).
pub fn visitor_variant(jar: &SignedCookieJar) -> Option<&'static str> {
    jar.get(COOKIE).map(|cookie| variant_of(cookie.value()))
}

/// Half the visitors each, by the experiment's hash of the visitor id.
fn variant_of(visitor: &str) -> &'static str {
    let digest = Sha256::digest(format!("{EXPERIMENT}\n{visitor}").as_bytes());
    if digest[0] % 2 == 0 { "control" } else { "addon" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visitors_split_about_evenly_and_each_keeps_its_variant() {
        let addon = (0..1000).filter(|n| variant_of(&format!("visitor-{n}")) == "addon").count();
        assert!((450..=550).contains(&addon), "{addon}");
        assert_eq!(variant_of("visitor-7"), variant_of("visitor-7"));
    }
}
