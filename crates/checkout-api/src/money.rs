use stripe_common::minor_unit_exponent;

/// Formats a Stripe amount (integer, smallest currency unit) for display, en-US style:
/// `format_amount(5098, "usd") == "$50.98"`, `format_amount(1099, "jpy") == "¥1,099"`.
/// Unknown currencies are shown with their ISO code: `"CHF 12.50"`.
pub fn format_amount(amount: i64, currency: &str) -> String {
    let exponent = minor_unit_exponent(currency);
    let divisor = 10_i64.pow(exponent);
    let sign = if amount < 0 { "-" } else { "" };
    let abs = amount.unsigned_abs();
    let whole = group_thousands(abs / divisor as u64);
    let number = if exponent == 0 {
        whole
    } else {
        format!("{whole}.{:0width$}", abs % divisor as u64, width = exponent as usize)
    };
    match symbol(currency) {
        Some(symbol) => format!("{sign}{symbol}{number}"),
        None => format!("{sign}{} {number}", currency.to_ascii_uppercase()),
    }
}

fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency.to_ascii_lowercase().as_str() {
        "usd" => "$",
        "eur" => "€",
        "gbp" => "£",
        "jpy" => "¥",
        _ => return None,
    })
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::format_amount;

    #[test]
    fn dollars_have_cents() {
        assert_eq!(format_amount(5098, "usd"), "$50.98");
        assert_eq!(format_amount(5, "usd"), "$0.05");
        assert_eq!(format_amount(123_456_789, "USD"), "$1,234,567.89");
    }

    #[test]
    fn yen_is_zero_decimal() {
        assert_eq!(format_amount(1099, "jpy"), "¥1,099");
        assert_eq!(format_amount(0, "jpy"), "¥0");
    }

    #[test]
    fn unknown_currencies_use_their_code_and_three_decimal_ones_keep_three_places() {
        assert_eq!(format_amount(1250, "chf"), "CHF 12.50");
        assert_eq!(format_amount(1500, "kwd"), "KWD 1.500");
    }

    #[test]
    fn negative_amounts_such_as_discounts() {
        assert_eq!(format_amount(-500, "eur"), "-€5.00");
    }
}
