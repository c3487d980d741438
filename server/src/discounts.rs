//! Discount codes the shop accepts. The server alone decides what a code is worth; the page
//! only sends the code. An unknown and an expired code get the same answer, so the answers do
//! not tell a guesser which codes exist; the reason is in the log.

use checkout_api::{Discount, ValidationError};

/// A code and its rule. `expires` is the last day it is valid (UTC), as `YYYY-MM-DD`.
struct Code {
    code: &'static str,
    percent_off: i64,
    expires: &'static str,
    label: &'static str,
    /// Once per customer (see `orders::discounts`).
    single_use: bool,
}

const CODES: &[Code] = &[
    Code { code: "WELCOME10", percent_off: 10, expires: "2099-12-31", label: "10% off", single_use: false },
    Code {
        code: "FIRST15",
        percent_off: 15,
        expires: "2099-12-31",
        label: "15% off your first order",
        single_use: true,
    },
    Code { code: "SPRING2020", percent_off: 20, expires: "2020-05-31", label: "Spring sale 2020", single_use: false },
];

/// The code as the shop spells it: not case sensitive, blanks around it ignored.
fn normalise(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// The discount `code` gives on `subtotal`, on `today` (`YYYY-MM-DD`, UTC).
pub fn apply(code: &str, subtotal: i64, today: &str) -> Result<Discount, ValidationError> {
    let wanted = normalise(code);
    if wanted.is_empty() {
        return Err(ValidationError::new("discountCode", "Enter a discount code."));
    }
    let invalid = |reason: &str| {
        tracing::info!(code = %wanted, reason, "discount code refused");
        ValidationError::new("discountCode", format!("The code {wanted} isn't valid."))
    };
    let rule = CODES.iter().find(|c| c.code == wanted).ok_or_else(|| invalid("unknown"))?;
    if today > rule.expires {
        return Err(invalid(&format!("expired on {}", rule.expires)));
    }
    Ok(Discount { code: rule.code.to_owned(), label: rule.label.to_owned(), amount: subtotal * rule.percent_off / 100 })
}

/// Whether a customer may use `code` once only.
pub fn is_single_use(code: &str) -> bool {
    let code = normalise(code);
    CODES.iter().any(|c| c.code == code && c.single_use)
}

#[cfg(test)]
mod tests {
    use super::{apply, is_single_use};

    #[test]
    fn a_valid_code_takes_its_percentage_rounded_down() {
        let discount = apply(" welcome10 ", 5098, "2026-11-23").unwrap();
        assert_eq!((discount.code.as_str(), discount.amount), ("WELCOME10", 509));
    }

    #[test]
    fn expired_and_unknown_codes_get_the_same_answer() {
        let expired = apply("SPRING2020", 5098, "2026-11-23").unwrap_err();
        let unknown = apply("SPRING2021", 5098, "2026-11-23").unwrap_err();
        assert_eq!(expired.message, "The code SPRING2020 isn't valid.");
        assert_eq!(unknown.message, "The code SPRING2021 isn't valid.");
        assert_eq!((expired.param.as_str(), unknown.param.as_str()), ("discountCode", "discountCode"));
        assert!(apply("SPRING2020", 5098, "2020-05-31").is_ok(), "valid through its last day");
        assert_eq!(apply("  ", 5098, "2026-11-23").unwrap_err().param, "discountCode");
    }

    #[test]
    fn first_order_codes_are_single_use() {
        assert!(is_single_use("first15") && !is_single_use("WELCOME10") && !is_single_use("BOGUS"));
    }
}
