use serde::{Deserialize, Serialize};

use crate::ValidationError;

/// Most units of one product in a cart.
pub const MAX_QUANTITY: u32 = 10;
/// Most distinct lines in a cart.
pub const MAX_LINES: usize = 20;

/// What the shopper asks for: a product and how many. Prices never travel from the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CartItem {
    pub product_id: String,
    pub quantity: u32,
}

/// A cart priced by the server. `total` (subtotal less any discount) is what will be charged,
/// in the currency's smallest unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cart {
    pub currency: String,
    pub lines: Vec<CartLine>,
    pub subtotal: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<Discount>,
    pub total: i64,
}

/// A discount code the server accepted, and what it takes off the subtotal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Discount {
    pub code: String,
    /// For the order summary, e.g. "10% off".
    pub label: String,
    /// Positive: the amount taken off.
    pub amount: i64,
}

/// `POST /api/cart`: price these items, with this discount code if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriceRequest {
    pub items: Vec<CartItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CartLine {
    pub product_id: String,
    pub name: String,
    pub quantity: u32,
    pub unit_amount: i64,
    pub amount: i64,
}

impl Cart {
    /// The discount code this cart was priced with.
    pub fn discount_code(&self) -> Option<String> {
        self.discount.as_ref().map(|d| d.code.clone())
    }

    /// The items this cart was priced from, to send back when confirming.
    pub fn items(&self) -> Vec<CartItem> {
        self.lines
            .iter()
            .map(|line| CartItem { product_id: line.product_id.clone(), quantity: line.quantity })
            .collect()
    }
}

/// Shape rules for a list of cart items; whether the products exist is the server's call.
pub fn validate_items(items: &[CartItem]) -> Result<(), ValidationError> {
    if items.is_empty() {
        return Err(ValidationError::new("items", "The cart is empty."));
    }
    if items.len() > MAX_LINES {
        return Err(ValidationError::new("items", format!("A cart holds at most {MAX_LINES} different products.")));
    }
    for (i, item) in items.iter().enumerate() {
        if item.quantity == 0 || item.quantity > MAX_QUANTITY {
            return Err(ValidationError::new(
                format!("items[{i}][quantity]"),
                format!("Quantity must be between 1 and {MAX_QUANTITY}."),
            ));
        }
        if item.product_id.is_empty() || item.product_id.len() > 64 {
            return Err(ValidationError::new(format!("items[{i}][productId]"), "Unknown product."));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(quantity: u32) -> CartItem {
        CartItem { product_id: "tee".into(), quantity }
    }

    #[test]
    fn accepts_a_normal_cart() {
        assert_eq!(validate_items(&[item(1), item(MAX_QUANTITY)]), Ok(()));
    }

    #[test]
    fn rejects_empty_carts_and_bad_quantities_naming_the_field() {
        assert_eq!(validate_items(&[]).unwrap_err().param, "items");
        assert_eq!(validate_items(&[item(1), item(0)]).unwrap_err().param, "items[1][quantity]");
        assert_eq!(validate_items(&[item(MAX_QUANTITY + 1)]).unwrap_err().param, "items[0][quantity]");
    }

    #[test]
    fn a_client_cannot_smuggle_a_price_in() {
        let forged = r#"{"productId":"tee","quantity":1,"unitAmount":1}"#;
        assert!(serde_json::from_str::<CartItem>(forged).is_err());
    }
}
