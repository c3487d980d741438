//! The marketplace's sellers: who they are, what they sell and what the platform takes.

use std::collections::HashMap;

use axum::http::StatusCode;
use checkout_api::stripe_common::{ErrorType, StripeError};
use checkout_api::{Cart, CartItem, SellerView};

use crate::catalog::{Catalog, Product};
use crate::error::AppError;

/// A seller: a connected account of the platform with its own shelf.
#[derive(Debug)]
pub struct Seller {
    pub id: &'static str,
    pub name: &'static str,
    /// The platform's fee, in basis points of the amount paid (1000: 10 %).
    pub fee_bps: i64,
    catalog: Catalog,
}

impl Seller {
    /// The platform's fee on `amount`, rounded down to the currency's smallest unit: never
    /// more than the amount (Stripe refuses a fee larger than its payment).
    pub fn fee_on(&self, amount: i64) -> i64 {
        (amount.max(0) * self.fee_bps.clamp(0, 10_000)) / 10_000
    }

    /// The seller's own products, priced; a seller's cart takes no discount code (the codes are
    /// the shop's own).
    pub fn price(&self, items: &[CartItem], discount_code: Option<&str>) -> Result<Cart, AppError> {
        if discount_code.is_some() {
            return Err(AppError::bad_request(
                "discountCode",
                "Discount codes are for the shop's own products, not for a marketplace seller's.",
            ));
        }
        Ok(self.catalog.price(items)?)
    }

    pub fn view(&self) -> SellerView {
        SellerView { id: self.id.to_owned(), name: self.name.to_owned(), cart: self.catalog.default_cart() }
    }
}

/// The sellers, and the connected accounts configured for them (`CHECKOUT_SELLER_ACCOUNTS`).
#[derive(Debug)]
pub struct Sellers {
    sellers: Vec<Seller>,
    pub(super) configured: HashMap<String, String>,
}

impl Sellers {
    /// The demo marketplace's three sellers, priced in `currency` (usd or jpy).
    pub fn demo(currency: &str, configured: HashMap<String, String>) -> Result<Self, String> {
        let yen = currency == "jpy";
        let price = |usd: i64, jpy: i64| if yen { jpy } else { usd };
        let seller =
            |id, name, fee_bps, products| Seller { id, name, fee_bps, catalog: Catalog::of(currency, products) };
        let sellers = vec![
            seller(
                "northwind",
                "Northwind Ceramics",
                1000,
                vec![
                    Product { id: "stoneware-bowl", name: "Stoneware bowl", unit_amount: price(3200, 4800) },
                    Product { id: "espresso-cups", name: "Espresso cup pair", unit_amount: price(2400, 3600) },
                ],
            ),
            seller(
                "fjord",
                "Fjord Wool Co.",
                800,
                vec![Product { id: "merino-socks", name: "Merino wool socks", unit_amount: price(1800, 2700) }],
            ),
            seller(
                "sakura",
                "Sakura Stationery",
                1250,
                vec![
                    Product { id: "washi-tape", name: "Washi tape set", unit_amount: price(900, 1350) },
                    Product { id: "fountain-pen", name: "Fountain pen", unit_amount: price(4500, 6800) },
                ],
            ),
        ];
        if let Some(unknown) = configured.keys().find(|id| !sellers.iter().any(|s| s.id == id.as_str())) {
            return Err(format!("CHECKOUT_SELLER_ACCOUNTS names {unknown:?}, which is not one of the sellers"));
        }
        Ok(Self { sellers, configured })
    }

    pub fn all(&self) -> &[Seller] {
        &self.sellers
    }

    /// The seller `id`; an unknown one is the request's error, in Stripe's shape.
    pub fn get(&self, id: &str) -> Result<&Seller, AppError> {
        self.sellers.iter().find(|s| s.id == id).ok_or_else(|| {
            AppError::new(
                StatusCode::NOT_FOUND,
                StripeError::new(ErrorType::InvalidRequestError, format!("No such seller: {id}"))
                    .with_code("resource_missing")
                    .with_param("sellerId"),
            )
        })
    }

    pub fn name_of(&self, id: &str) -> Option<&'static str> {
        self.sellers.iter().find(|s| s.id == id).map(|s| s.name)
    }
}

/// `CHECKOUT_SELLER_ACCOUNTS`: `seller=acct_...` pairs, comma-separated.
pub fn parse_accounts(value: Option<&str>) -> Result<HashMap<String, String>, String> {
    let mut accounts = HashMap::new();
    for pair in value.unwrap_or_default().split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (seller, account) = pair
            .split_once('=')
            .map(|(s, a)| (s.trim(), a.trim()))
            .filter(|(s, a)| checkout_api::is_seller_id(s) && a.starts_with("acct_") && a.len() > 5)
            .ok_or_else(|| format!("CHECKOUT_SELLER_ACCOUNTS: {pair:?} is not seller=acct_..."))?;
        if accounts.insert(seller.to_owned(), account.to_owned()).is_some() {
            return Err(format!("CHECKOUT_SELLER_ACCOUNTS names {seller:?} twice"));
        }
    }
    Ok(accounts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fee_is_the_sellers_basis_points_rounded_down_and_never_more_than_the_amount() {
        let sellers = Sellers::demo("usd", HashMap::new()).unwrap();
        let northwind = sellers.get("northwind").unwrap();
        assert_eq!(northwind.fee_on(5600), 560);
        assert_eq!(northwind.fee_on(999), 99);
        let greedy = Seller { fee_bps: 25_000, ..Sellers::demo("usd", HashMap::new()).unwrap().sellers.remove(0) };
        assert_eq!(greedy.fee_on(1000), 1000, "clamped: a fee is never larger than its payment");
    }

    #[test]
    fn an_unknown_seller_is_a_404_naming_the_field() {
        let sellers = Sellers::demo("usd", HashMap::new()).unwrap();
        let err = sellers.get("nope").unwrap_err();
        assert_eq!(err.status, StatusCode::NOT_FOUND);
        assert_eq!(err.error.param.as_deref(), Some("sellerId"));
    }

    #[test]
    fn seller_accounts_are_configured_as_pairs() {
        let parsed = parse_accounts(Some("northwind=acct_1, fjord=acct_2")).unwrap();
        assert_eq!(parsed["fjord"], "acct_2");
        assert!(parse_accounts(Some("northwind")).is_err());
        assert!(parse_accounts(Some("northwind=cus_1")).is_err());
        assert!(parse_accounts(Some("northwind=acct_1,northwind=acct_2")).is_err());
        assert!(Sellers::demo("usd", parse_accounts(Some("nobody=acct_1")).unwrap()).is_err());
        assert!(parse_accounts(None).unwrap().is_empty());
    }
}
