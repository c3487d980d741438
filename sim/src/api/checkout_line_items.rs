//! A Checkout Session's `line_items[]` as Stripe checks them: each a `quantity` of an inline
//! `price_data` (currency, unit amount, product name). The stand-in has no Prices or Products
//! of its own, so `price` and `price_data[product]` ids are unknown to it, as they would be to
//! a Stripe account that never created them.

use crate::error::ApiError;
use crate::ids;
use crate::objects::LineItem;
use crate::params::Params;

/// Stripe's limit on line items of a payment-mode session.
const MAX_LINE_ITEMS: usize = 100;

/// The line items and their one currency.
pub fn from_params(p: &Params, now: i64) -> Result<(Vec<LineItem>, String), ApiError> {
    let Some(serde_json::Value::Array(items)) = p.get("line_items") else {
        return match p.get("line_items") {
            None => Err(ApiError::param_missing("line_items")),
            Some(_) => Err(ApiError::param_invalid("line_items", "Invalid array")),
        };
    };
    if items.is_empty() {
        return Err(ApiError::param_missing("line_items"));
    }
    if items.len() > MAX_LINE_ITEMS {
        return Err(ApiError::param_invalid(
            "line_items",
            format!("A Checkout Session in payment mode can have at most {MAX_LINE_ITEMS} line items."),
        ));
    }
    let lines = items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            serde_json::Value::Object(map) => line(&Params(map.clone()), &format!("line_items[{i}]"), now),
            _ => Err(ApiError::param_invalid(&format!("line_items[{i}]"), "Invalid hash")),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let currency = lines[0].currency.clone();
    if let Some((i, other)) = lines.iter().enumerate().find(|(_, line)| line.currency != currency) {
        return Err(ApiError::param_invalid(
            &format!("line_items[{i}][price_data][currency]"),
            format!("All line items must have the same currency: {currency} and {} differ.", other.currency),
        ));
    }
    check_total(lines.iter().map(LineItem::amount).sum(), &currency)?;
    Ok((lines, currency))
}

fn line(item: &Params, at: &str, now: i64) -> Result<LineItem, ApiError> {
    let param = |name: &str| format!("{at}[{name}]");
    item.allow_only(&["price", "price_data", "quantity"])
        .map_err(|_| ApiError::param_unknown(&param(unknown_key(item, &["price", "price_data", "quantity"]))))?;
    if let Some(price) = item.str("price")? {
        return Err(ApiError::no_such("price", price, &param("price")));
    }
    let data = item.hash("price_data")?.ok_or_else(|| ApiError::param_missing(&param("price_data")))?;
    let data_param = |name: &str| format!("{at}[price_data][{name}]");
    let allowed = ["currency", "unit_amount", "unit_amount_decimal", "product", "product_data", "tax_behavior"];
    data.allow_only(&allowed).map_err(|_| ApiError::param_unknown(&data_param(unknown_key(&data, &allowed))))?;
    let currency = currency(data.str("currency")?, &data_param("currency"))?;
    let unit_amount = unit_amount(&data, &data_param)?;
    if let Some(product) = data.str("product")? {
        return Err(ApiError::no_such("product", product, &data_param("product")));
    }
    let product = data.hash("product_data")?.ok_or_else(|| ApiError::param_missing(&data_param("product_data")))?;
    let product_param = |name: &str| format!("{at}[price_data][product_data][{name}]");
    let product_allowed = ["name", "description", "images", "metadata", "tax_code", "unit_label"];
    product
        .allow_only(&product_allowed)
        .map_err(|_| ApiError::param_unknown(&product_param(unknown_key(&product, &product_allowed))))?;
    let name = product
        .str("name")?
        .filter(|name| !name.trim().is_empty())
        .ok_or_else(|| ApiError::param_missing(&product_param("name")))?;
    let quantity = item.int("quantity")?.ok_or_else(|| ApiError::param_missing(&param("quantity")))?;
    if !(1..=999_999).contains(&quantity) {
        return Err(ApiError::param_invalid(&param("quantity"), "Quantity must be between 1 and 999,999."));
    }
    Ok(LineItem {
        id: ids::new_id("li"),
        price: ids::new_id("price"),
        product: ids::new_id("prod"),
        created: now,
        name: name.to_owned(),
        unit_amount,
        currency,
        quantity,
    })
}

/// The first key of `params` outside `allowed` (there is one: `allow_only` refused them).
fn unknown_key<'a>(params: &'a Params, allowed: &[&str]) -> &'a str {
    params.0.keys().find(|k| !allowed.contains(&k.as_str())).map(String::as_str).unwrap_or_default()
}

fn currency(value: Option<&str>, param: &str) -> Result<String, ApiError> {
    let currency = value.filter(|c| !c.is_empty()).ok_or_else(|| ApiError::param_missing(param))?.to_ascii_lowercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_lowercase()) {
        return Err(ApiError::param_invalid(
            param,
            format!(
                "Invalid currency: {currency}. Stripe currently supports these currencies: usd, eur, gbp, jpy, ..."
            ),
        ));
    }
    Ok(currency)
}

/// `unit_amount`, or a whole `unit_amount_decimal`: a non-negative integer in minor units.
fn unit_amount(data: &Params, param: &dyn Fn(&str) -> String) -> Result<i64, ApiError> {
    let amount = match (data.int("unit_amount")?, data.str("unit_amount_decimal")?) {
        (Some(_), Some(_)) => {
            return Err(ApiError::invalid_request(
                "You may only specify one of these parameters: unit_amount, unit_amount_decimal.",
            ));
        }
        (Some(amount), None) => amount,
        (None, Some(decimal)) => decimal.parse().map_err(|_| {
            ApiError::param_invalid(
                &param("unit_amount_decimal"),
                "The stand-in takes whole amounts in the currency's smallest unit only.",
            )
        })?,
        (None, None) => return Err(ApiError::param_missing(&param("unit_amount"))),
    };
    if !(0..=99_999_999).contains(&amount) {
        return Err(ApiError::param_invalid(
            &param("unit_amount"),
            "This value must be greater than or equal to 0 and less than or equal to 99999999.",
        ));
    }
    Ok(amount)
}

/// A payment must reach Stripe's minimum charge for the currency, as a PaymentIntent must.
fn check_total(total: i64, currency: &str) -> Result<(), ApiError> {
    let minimum = super::payment_intents::minimum_amount(currency);
    if total < minimum {
        return Err(ApiError::invalid_request(format!(
            "The Checkout Session's total amount due must add up to at least {} {currency}.",
            super::payment_intents::checkout_minimum_text(minimum, currency)
        ))
        .with_code("amount_too_small"));
    }
    if total > 99_999_999 {
        return Err(ApiError::invalid_request(
            "The Checkout Session's total amount due must be no more than 99,999,999.",
        )
        .with_code("amount_too_large"));
    }
    Ok(())
}
