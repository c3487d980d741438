//! Minor units per currency, from Stripe's "zero-decimal" and "three-decimal" currency lists.
//! Stripe amounts are integers in the smallest unit: 1099 is $10.99 but ¥1,099.

/// Currencies whose Stripe amounts are whole units (no minor unit).
const ZERO_DECIMAL: &[&str] =
    &["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

/// Currencies whose Stripe amounts are thousandths.
const THREE_DECIMAL: &[&str] = &["bhd", "jod", "kwd", "omr", "tnd"];

/// How many decimal places a Stripe amount in `currency` (any case) has: 0 for zero-decimal
/// currencies (`jpy`, `krw`, ...), 3 for three-decimal ones (`kwd`, ...), 2 for the rest.
///
/// ```
/// use stripe_common::minor_unit_exponent;
/// assert_eq!(minor_unit_exponent("usd"), 2); // 1099 is $10.99
/// assert_eq!(minor_unit_exponent("JPY"), 0); // 1099 is ¥1,099
/// assert_eq!(minor_unit_exponent("kwd"), 3); // 1099 is 1.099 KD
/// ```
pub fn minor_unit_exponent(currency: &str) -> u32 {
    let currency = currency.to_ascii_lowercase();
    if ZERO_DECIMAL.contains(&currency.as_str()) {
        0
    } else if THREE_DECIMAL.contains(&currency.as_str()) {
        3
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yen_is_zero_decimal_and_dollars_are_not() {
        assert_eq!(minor_unit_exponent("JPY"), 0);
        assert_eq!(minor_unit_exponent("jpy"), 0);
        assert_eq!(minor_unit_exponent("usd"), 2);
        assert_eq!(minor_unit_exponent("kwd"), 3);
    }
}
