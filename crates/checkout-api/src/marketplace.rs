//! The marketplace: sellers (Stripe connected accounts) with their own products, a signed-in
//! shopper's saved cards, and paying a seller with one of them without typing it again.

use serde::{Deserialize, Serialize};

use crate::checkout::check_attempt_id;
use crate::{Cart, CartItem, ValidationError, cart::validate_items};

/// `GET /api/marketplace`: the sellers and what each sells (one of each product in its cart,
/// priced by the server). A shopper never sees the platform's fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MarketplaceView {
    pub sellers: Vec<SellerView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SellerView {
    /// The seller's id in the shop (`northwind`), as carts and orders name it.
    pub id: String,
    pub name: String,
    pub cart: Cart,
}

/// `GET /api/saved-cards`: the signed-in customer's cards saved on the platform, newest first;
/// none for a guest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedCards {
    pub cards: Vec<SavedCard>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedCard {
    /// The platform's PaymentMethod (`pm_...`).
    pub id: String,
    /// Stripe's brand (`visa`, `mastercard`, ...).
    pub brand: String,
    pub last4: String,
    pub exp_month: u32,
    pub exp_year: u32,
}

impl SavedCard {
    /// "Visa •••• 4242", as the pay button names it.
    pub fn label(&self) -> String {
        let brand = match self.brand.as_str() {
            "amex" => "American Express",
            "diners" => "Diners Club",
            "discover" => "Discover",
            "jcb" => "JCB",
            "mastercard" => "Mastercard",
            "unionpay" => "UnionPay",
            "visa" => "Visa",
            "cartes_bancaires" => "Cartes Bancaires",
            _ => "Card",
        };
        format!("{brand} •••• {}", self.last4)
    }
}

/// `POST /api/marketplace/saved-card-payments`: pay `seller_id` for `items` with a saved card
/// of the signed-in customer. As for a card checkout, the attempt with the cart names the order
/// (pressing again finds the first payment) and the server prices the items itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SavedCardPaymentRequest {
    pub attempt_id: String,
    pub seller_id: String,
    pub items: Vec<CartItem>,
    pub payment_method_id: String,
}

impl SavedCardPaymentRequest {
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_attempt_id(&self.attempt_id)?;
        check_seller_id(&self.seller_id)?;
        let id = &self.payment_method_id;
        let well_formed = id.strip_prefix("pm_").is_some_and(|rest| {
            !rest.is_empty() && rest.len() <= 100 && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        if !well_formed {
            return Err(ValidationError::new("paymentMethodId", "A saved card's id (pm_...) is required."));
        }
        validate_items(&self.items)
    }
}

/// The request's `sellerId`, refused unless it is one (see [`is_seller_id`]).
pub fn check_seller_id(id: &str) -> Result<(), ValidationError> {
    if is_seller_id(id) {
        return Ok(());
    }
    Err(ValidationError::new("sellerId", "A seller id (1-40 letters, digits or '-') is required."))
}

/// A seller id as the shop names sellers.
pub fn is_seller_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// An order's seller, in `GET /api/orders/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderSeller {
    pub id: String,
    pub name: String,
    /// The seller's connected account (`acct_...`).
    pub account: String,
    /// What the platform takes of the payment, in the order's currency's smallest unit.
    pub application_fee_amount: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> SavedCardPaymentRequest {
        SavedCardPaymentRequest {
            attempt_id: "5f0c1c8e-7c1e-4b8e-9a55-1f2d3c4b5a69".into(),
            seller_id: "northwind".into(),
            items: vec![CartItem { product_id: "bowl".into(), quantity: 1 }],
            payment_method_id: "pm_1Abc".into(),
        }
    }

    #[test]
    fn a_saved_card_payment_names_its_attempt_seller_and_card() {
        assert_eq!(request().validate(), Ok(()));
        let bad = |edit: fn(&mut SavedCardPaymentRequest)| {
            let mut r = request();
            edit(&mut r);
            r.validate().unwrap_err().param
        };
        assert_eq!(bad(|r| r.seller_id = "North Wind".into()), "sellerId");
        assert_eq!(bad(|r| r.payment_method_id = "card_123".into()), "paymentMethodId");
        assert_eq!(bad(|r| r.payment_method_id = "pm_".into()), "paymentMethodId");
        assert_eq!(bad(|r| r.attempt_id = "short".into()), "attemptId");
        assert_eq!(bad(|r| r.items.clear()), "items");
    }

    #[test]
    fn an_amount_cannot_be_smuggled_in() {
        let body = r#"{"attemptId":"5f0c1c8e-7c1e-4b8e-9a55-1f2d3c4b5a69","sellerId":"x","items":[],"paymentMethodId":"pm_1","amount":1}"#;
        assert!(serde_json::from_str::<SavedCardPaymentRequest>(body).is_err());
    }

    #[test]
    fn the_pay_button_names_the_brand_and_last_four() {
        let card =
            SavedCard { id: "pm_1".into(), brand: "visa".into(), last4: "4242".into(), exp_month: 12, exp_year: 2034 };
        assert_eq!(card.label(), "Visa •••• 4242");
    }
}
