//! Discount codes the shop accepts. The server alone decides what a code is worth; the page
//! only sends the code.

use checkout_api::{Discount, ValidationError};

/// A code and its rule. `expires` is the last day it is valid (UTC), as `YYYY-MM-DD`.
struct Code {
    code: &'static str,
    percent_off: i64,
    expires: &'static str,
    label: &'static str,
}

const CODES: &[Code] = &[
    Code { code: "WELCOME10", percent_off: 10, expires: "2099-12-31", label: "10% off your first order" },
    Code { code: "SPRING2020", percent_off: 20, expires: "2020-05-31", label: "Spring sale 2020" },
];

/// The discount `code` gives on `subtotal`, on `today` (`YYYY-MM-DD`, UTC). Codes are not case
/// sensitive; blanks around them are ignored.
pub fn apply(code: &str, subtotal: i64, today: &str) -> Result<Discount, ValidationError> {
    let wanted = code.trim().to_ascii_uppercase();
    if wanted.is_empty() {
        return Err(ValidationError::new("discountCode", "Enter a discount code."));
    }
    let rule = CODES
        .iter()
        .find(|c| c.code == wanted)
        .ok_or_else(|| ValidationError::new("discountCode", format!("We don't recognise the code {wanted}.")))?;
    if today > rule.expires {
        return Err(ValidationError::new("discountCode", format!("The code {wanted} expired on {}.", rule.expires)));
    }
    Ok(Discount { code: rule.code.to_owned(), label: rule.label.to_owned(), amount: subtotal * rule.percent_off / 100 })
}

#[cfg(test)]
mod tests {
    use super::apply;

    #[test]
    fn a_valid_code_takes_its_percentage_rounded_down() {
        let discount = apply(" welcome10 ", 5098, "2026-11-23").unwrap();
        assert_eq!((discount.code.as_str(), discount.amount), ("WELCOME10", 509));
    }

    #[test]
    fn expired_unknown_and_empty_codes_each_say_why() {
        let expired = apply("SPRING2020", 5098, "2026-11-23").unwrap_err();
        assert_eq!(expired.message, "The code SPRING2020 expired on 2020-05-31.");
        assert!(apply("SPRING2020", 5098, "2020-05-31").is_ok(), "valid through its last day");
        assert_eq!(
            apply("FREESTUFF", 5098, "2026-11-23").unwrap_err().message,
            "We don't recognise the code FREESTUFF."
        );
        assert_eq!(apply("  ", 5098, "2026-11-23").unwrap_err().param, "discountCode");
    }
}
