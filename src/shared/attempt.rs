//! The page's checkout attempt: one id per cart, made when the cart is first shown and kept in
//! localStorage, so that pressing Pay again (after a lost answer, after a reload, or in another
//! tab showing the same cart) names the same order at the server, which then finds the first
//! payment instead of making a second. The attempts of the last few carts are kept (a shopper
//! who applies a code and removes it again is back on the first cart's attempt). A finished
//! payment ends them: the next visit is a new purchase.

use checkout_api::Cart;

const KEY: &str = "checkout.attempt";
/// How many carts' attempts are kept.
const KEPT: usize = 8;

/// The attempt for `cart`: the one kept for it, or a new one, kept.
pub fn for_cart(cart: &Cart) -> String {
    let cart = cart_key(cart);
    let storage = storage();
    // One line per cart, newest first: `cart \t attempt`.
    let kept = storage.as_ref().and_then(|s| s.get_item(KEY).ok().flatten()).unwrap_or_default();
    let mut lines: Vec<(&str, &str)> = kept.lines().filter_map(|line| line.split_once('\t')).collect();
    if let Some((_, id)) = lines.iter().find(|(kept_cart, _)| *kept_cart == cart) {
        return (*id).to_owned();
    }
    let id = new_id();
    lines.insert(0, (&cart, &id));
    lines.truncate(KEPT);
    if let Some(storage) = storage {
        let text: Vec<String> = lines.iter().map(|(c, a)| format!("{c}\t{a}")).collect();
        let _ = storage.set_item(KEY, &text.join("\n"));
    }
    id
}

/// The attempt's payment went through (or was found paid): the next cart is a new purchase.
pub fn finish() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}

/// What is bought: products, quantities and the discount code (the server prices them).
fn cart_key(cart: &Cart) -> String {
    let items: Vec<String> = cart.items().iter().map(|i| format!("{}x{}", i.product_id, i.quantity)).collect();
    format!("{}|{}", items.join(","), cart.discount_code().unwrap_or_default())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A random UUID (crypto.randomUUID): unguessable, as the server requires.
fn new_id() -> String {
    web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.random_uuid()).unwrap_or_else(|| {
        // No Web Crypto (very old browsers): still unique enough for one page.
        format!("{:016x}{:016x}", (js_sys::Math::random() * 1e16) as u64, js_sys::Date::now() as u64)
    })
}
