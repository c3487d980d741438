//! The merchant's catalogue: the only source of prices. Carts from the browser name products
//! and quantities; every amount is computed here.

use checkout_api::{Cart, CartItem, CartLine, ValidationError};

#[derive(Debug, Clone)]
pub struct Product {
    pub id: &'static str,
    pub name: &'static str,
    pub unit_amount: i64,
}

#[derive(Debug)]
pub struct Catalog {
    currency: String,
    products: Vec<Product>,
    default_cart: Vec<CartItem>,
}

impl Catalog {
    /// The demo shop, priced in `currency` (usd or jpy).
    pub fn demo(currency: &str) -> Result<Self, String> {
        let products = match currency {
            "usd" => vec![
                Product { id: "lumen-tee", name: "Lumen organic T-shirt", unit_amount: 2500 },
                Product { id: "ferris-mug", name: "Ferris enamel mug", unit_amount: 1299 },
                Product { id: "sticker-pack", name: "Rust sticker pack", unit_amount: 499 },
            ],
            "jpy" => vec![
                Product { id: "lumen-tee", name: "Lumen organic T-shirt", unit_amount: 3300 },
                Product { id: "ferris-mug", name: "Ferris enamel mug", unit_amount: 1800 },
                Product { id: "sticker-pack", name: "Rust sticker pack", unit_amount: 600 },
            ],
            other => return Err(format!("CHECKOUT_CURRENCY={other:?}: the demo catalogue is priced in usd or jpy")),
        };
        let default_cart = vec![
            CartItem { product_id: "lumen-tee".into(), quantity: 1 },
            CartItem { product_id: "ferris-mug".into(), quantity: 2 },
        ];
        Ok(Self { currency: currency.to_owned(), products, default_cart })
    }

    /// A seller's shelf in the marketplace (`crate::marketplace`): `products` in `currency`, its
    /// default cart one of each.
    pub fn of(currency: &str, products: Vec<Product>) -> Self {
        let default_cart = products.iter().map(|p| CartItem { product_id: p.id.into(), quantity: 1 }).collect();
        Self { currency: currency.to_owned(), products, default_cart }
    }

    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The add-on the offer experiment suggests for `items`: the cheapest product not in them.
    pub fn add_on(&self, items: &[CartItem]) -> Option<&Product> {
        self.products.iter().filter(|p| !items.iter().any(|item| item.product_id == p.id)).min_by_key(|p| p.unit_amount)
    }

    pub fn default_cart(&self) -> Cart {
        self.price(&self.default_cart).expect("the default cart names catalogue products")
    }

    /// Prices `items` with an optional discount code, on `today` (`YYYY-MM-DD`).
    pub fn price_with(
        &self,
        items: &[CartItem],
        discount_code: Option<&str>,
        today: &str,
    ) -> Result<Cart, ValidationError> {
        let mut cart = self.price(items)?;
        if let Some(code) = discount_code {
            let discount = crate::discounts::apply(code, cart.subtotal, today)?;
            cart.total = cart.subtotal - discount.amount;
            cart.discount = Some(discount);
        }
        Ok(cart)
    }

    /// Prices `items`; unknown products and bad quantities are refused with the field to fix.
    pub fn price(&self, items: &[CartItem]) -> Result<Cart, ValidationError> {
        checkout_api::validate_items(items)?;
        let mut lines: Vec<CartLine> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let product = self.products.iter().find(|p| p.id == item.product_id).ok_or_else(|| {
                ValidationError::new(format!("items[{i}][productId]"), format!("Unknown product: {}", item.product_id))
            })?;
            if lines.iter().any(|l| l.product_id == product.id) {
                return Err(ValidationError::new(
                    format!("items[{i}][productId]"),
                    "Each product may appear once; change its quantity instead.",
                ));
            }
            lines.push(CartLine {
                product_id: product.id.to_owned(),
                name: product.name.to_owned(),
                quantity: item.quantity,
                unit_amount: product.unit_amount,
                amount: product.unit_amount * i64::from(item.quantity),
            });
        }
        let subtotal = lines.iter().map(|l| l.amount).sum();
        Ok(Cart { currency: self.currency.clone(), lines, subtotal, discount: None, total: subtotal })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, quantity: u32) -> CartItem {
        CartItem { product_id: id.into(), quantity }
    }

    #[test]
    fn prices_from_the_catalogue() {
        let cart = Catalog::demo("usd").unwrap().price(&[item("lumen-tee", 1), item("ferris-mug", 2)]).unwrap();
        assert_eq!(cart.lines[1].amount, 2598);
        assert_eq!(cart.total, 5098);
        assert_eq!(cart.currency, "usd");
    }

    #[test]
    fn yen_prices_are_whole_yen() {
        let cart = Catalog::demo("jpy").unwrap().default_cart();
        assert_eq!(cart.total, 3300 + 2 * 1800);
    }

    #[test]
    fn a_discount_lowers_the_total_not_the_subtotal() {
        let catalog = Catalog::demo("usd").unwrap();
        let cart = catalog
            .price_with(&[item("lumen-tee", 1), item("ferris-mug", 2)], Some("WELCOME10"), "2026-11-23")
            .unwrap();
        assert_eq!((cart.subtotal, cart.total), (5098, 5098 - 509));
        assert_eq!(cart.discount.unwrap().amount, 509);
        assert!(catalog.price_with(&[item("lumen-tee", 1)], Some("SPRING2020"), "2026-11-23").is_err());
    }

    #[test]
    fn refuses_unknown_and_repeated_products() {
        let catalog = Catalog::demo("usd").unwrap();
        assert_eq!(catalog.price(&[item("lumen-tee", 1), item("nope", 1)]).unwrap_err().param, "items[1][productId]");
        assert_eq!(
            catalog.price(&[item("lumen-tee", 1), item("lumen-tee", 1)]).unwrap_err().param,
            "items[1][productId]"
        );
        assert!(Catalog::demo("eur").is_err());
    }
}
