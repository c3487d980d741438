//! Stripe's public test cards and what confirming a payment with each one does.

use stripe_common::{ErrorType, StripeError};

/// What happens when a PaymentIntent is confirmed with a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Succeed,
    /// 3-D Secure authentication is required (`requires_action`), in Stripe.js's modal.
    Authenticate,
    /// 3-D Secure on a page the shopper is redirected to (`next_action.redirect_to_url`), and
    /// back to the `return_url`. Which card does this is the stand-in's choice.
    AuthenticateByRedirect,
    Decline(Box<StripeError>),
}

/// The outcome for a card number (digits only).
pub fn outcome(number: &str) -> Outcome {
    match number {
        "4000002500003155" | "4000000000003220" => Outcome::Authenticate,
        "4000002760003184" => Outcome::AuthenticateByRedirect,
        "4000000000000002" => Outcome::Decline(decline("card_declined", "generic_decline", "Your card was declined.")),
        "4000000000009995" => {
            Outcome::Decline(decline("card_declined", "insufficient_funds", "Your card has insufficient funds."))
        }
        "4000000000009987" => Outcome::Decline(decline("card_declined", "lost_card", "Your card was declined.")),
        "4000000000009979" => Outcome::Decline(decline("card_declined", "stolen_card", "Your card was declined.")),
        // Stripe's "always blocked" card: Radar refuses it as fraudulent.
        "4100000000000019" => Outcome::Decline(decline("card_declined", "fraudulent", "Your card was declined.")),
        "4000000000000069" => Outcome::Decline(decline("expired_card", "expired_card", "Your card has expired.")),
        "4000000000000127" => {
            Outcome::Decline(decline("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."))
        }
        "4000000000000119" => Outcome::Decline(decline(
            "processing_error",
            "processing_error",
            "An error occurred while processing your card. Try again in a little bit.",
        )),
        n if is_test_number(n) => Outcome::Succeed,
        // A real card number in test mode is declined, as Stripe does.
        _ => Outcome::Decline(decline(
            "card_declined",
            "live_mode_test_card",
            "Your card was declined. Your request was in test mode, but used a non test (live) card. \
             For a list of valid test cards, visit: https://stripe.com/docs/testing.",
        )),
    }
}

/// Stripe's documented test numbers that simply succeed, per brand.
fn is_test_number(number: &str) -> bool {
    matches!(
        number,
        "4242424242424242"
            | "4000056655665556"
            | "5555555555554444"
            | "2223003122003222"
            | "5200828282828210"
            | "5105105105105100"
            | "378282246310005"
            | "371449635398431"
            | "6011111111111117"
            | "6011000990139424"
            | "3056930009020004"
            | "36227206271667"
            | "3566002020360505"
            | "6200000000000005"
    )
}

/// Stripe's test PaymentMethod ids (usable with a secret key) and the card behind each.
pub fn test_payment_method_number(id: &str) -> Option<&'static str> {
    Some(match id {
        "pm_card_visa" => "4242424242424242",
        "pm_card_mastercard" => "5555555555554444",
        "pm_card_amex" => "378282246310005",
        "pm_card_authenticationRequiredOnSetup" => "4000002500003155",
        "pm_card_chargeDeclined" => "4000000000000002",
        "pm_card_chargeDeclinedInsufficientFunds" => "4000000000009995",
        "pm_card_chargeDeclinedExpiredCard" => "4000000000000069",
        "pm_card_chargeDeclinedIncorrectCvc" => "4000000000000127",
        _ => return None,
    })
}

fn decline(code: &str, decline_code: &str, message: &str) -> Box<StripeError> {
    let mut err = StripeError::new(ErrorType::CardError, message).with_code(code).with_decline_code(decline_code);
    err.doc_url = Some(format!("https://stripe.com/docs/error-codes/{}", code.replace('_', "-")));
    Box::new(err)
}

/// A card brand as both the API and the Payment Element's card form know it: one table, served
/// to the iframe (`/elements/payment`), so the form and the API accept the same numbers.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Brand {
    /// Stripe's `card.brand`.
    pub id: &'static str,
    pub name: &'static str,
    /// Ranges of leading digits, inclusive, each end with as many digits as it checks.
    pub prefixes: &'static [(&'static str, &'static str)],
    /// Allowed numbers of digits.
    pub lengths: &'static [usize],
    pub cvc: usize,
    /// How the form groups the digits as they are typed.
    pub groups: &'static [usize],
}

pub const BRANDS: &[Brand] = &[
    Brand {
        id: "amex",
        name: "American Express",
        prefixes: &[("34", "34"), ("37", "37")],
        lengths: &[15],
        cvc: 4,
        groups: &[4, 6, 5],
    },
    Brand {
        id: "visa",
        name: "Visa",
        prefixes: &[("4", "4")],
        lengths: &[13, 16, 19],
        cvc: 3,
        groups: &[4, 4, 4, 4, 3],
    },
    Brand {
        id: "mastercard",
        name: "Mastercard",
        prefixes: &[("51", "55"), ("2221", "2720")],
        lengths: &[16],
        cvc: 3,
        groups: &[4, 4, 4, 4],
    },
    Brand {
        id: "discover",
        name: "Discover",
        prefixes: &[("6011", "6011"), ("644", "649"), ("65", "65")],
        lengths: &[16, 19],
        cvc: 3,
        groups: &[4, 4, 4, 4, 3],
    },
    Brand {
        id: "diners",
        name: "Diners Club",
        prefixes: &[("300", "305"), ("36", "36"), ("38", "39")],
        lengths: &[14, 16],
        cvc: 3,
        groups: &[4, 6, 4, 2],
    },
    Brand {
        id: "jcb",
        name: "JCB",
        prefixes: &[("3528", "3589")],
        lengths: &[16, 17, 18, 19],
        cvc: 3,
        groups: &[4, 4, 4, 4, 3],
    },
    Brand {
        id: "unionpay",
        name: "UnionPay",
        prefixes: &[("62", "62")],
        lengths: &[16, 17, 18, 19],
        cvc: 3,
        groups: &[4, 4, 4, 4, 3],
    },
];

/// What applies to numbers of no known brand.
pub const UNKNOWN_BRAND: Brand =
    Brand { id: "unknown", name: "Card", prefixes: &[], lengths: &[16], cvc: 3, groups: &[4, 4, 4, 4] };

/// The brand whose prefixes `number` (digits) starts with.
pub fn brand_of(number: &str) -> &'static Brand {
    BRANDS
        .iter()
        .find(|b| {
            b.prefixes.iter().any(|(low, high)| {
                number.get(..low.len()).is_some_and(|lead| (*low..=*high).contains(&lead) && lead.len() == high.len())
            })
        })
        .unwrap_or(&UNKNOWN_BRAND)
}

pub fn brand(number: &str) -> &'static str {
    brand_of(number).id
}

pub fn luhn_valid(number: &str) -> bool {
    let digits: Option<Vec<u32>> = number.chars().map(|c| c.to_digit(10)).collect();
    let Some(digits) = digits else { return false };
    if !(12..=19).contains(&digits.len()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d })
        .sum();
    sum.is_multiple_of(10)
}

/// Card data as Stripe.js sends it when tokenizing, checked as Stripe checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardInput {
    pub number: String,
    pub exp_month: u32,
    pub exp_year: i32,
    pub cvc: String,
}

impl CardInput {
    /// `(year, month)` is today's date, passed in so the stand-in's clock decides.
    pub fn validate(&self, (year, month): (i32, u32)) -> Result<(), StripeError> {
        let card_error = |code: &str, param: &str, message: &str| {
            StripeError::new(ErrorType::CardError, message).with_code(code).with_param(param)
        };
        let brand = brand_of(&self.number);
        if !luhn_valid(&self.number) || !brand.lengths.contains(&self.number.len()) {
            return Err(card_error("incorrect_number", "number", "Your card number is incorrect."));
        }
        if !(1..=12).contains(&self.exp_month) {
            return Err(card_error("invalid_expiry_month", "exp_month", "Your card's expiration month is invalid."));
        }
        if self.exp_year < year || (self.exp_year == year && self.exp_month < month) || self.exp_year > year + 50 {
            return Err(card_error("invalid_expiry_year", "exp_year", "Your card's expiration year is invalid."));
        }
        if self.cvc.len() != brand.cvc || !self.cvc.chars().all(|c| c.is_ascii_digit()) {
            return Err(card_error("invalid_cvc", "cvc", "Your card's security code is invalid."));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_test_cards() {
        assert_eq!(outcome("4242424242424242"), Outcome::Succeed);
        assert_eq!(outcome("4000002500003155"), Outcome::Authenticate);
        let declined = |n| match outcome(n) {
            Outcome::Decline(e) => (e.code.unwrap(), e.decline_code.unwrap()),
            other => panic!("{n}: {other:?}"),
        };
        assert_eq!(declined("4000000000000002"), ("card_declined".into(), "generic_decline".into()));
        assert_eq!(declined("4000000000009995"), ("card_declined".into(), "insufficient_funds".into()));
        assert_eq!(declined("4000000000000069"), ("expired_card".into(), "expired_card".into()));
        assert_eq!(declined("4000000000000127"), ("incorrect_cvc".into(), "incorrect_cvc".into()));
        assert_eq!(declined("4111111111111111").1, "live_mode_test_card");
    }

    #[test]
    fn every_test_number_passes_luhn() {
        for n in ["4242424242424242", "4000002500003155", "4000000000000002", "4000000000009995", "378282246310005"] {
            assert!(luhn_valid(n), "{n}");
        }
        assert!(!luhn_valid("4242424242424241"));
        assert!(!luhn_valid("4242"));
    }

    #[test]
    fn brands() {
        assert_eq!(brand("4242424242424242"), "visa");
        assert_eq!(brand("5555555555554444"), "mastercard");
        assert_eq!(brand("2223003122003222"), "mastercard");
        assert_eq!(brand("378282246310005"), "amex");
        assert_eq!(brand("36227206271667"), "diners");
        assert_eq!(brand("3056930009020004"), "diners");
        assert_eq!(brand("3566002020360505"), "jcb");
        assert_eq!(brand("6200000000000005"), "unionpay");
        assert_eq!(brand("6011111111111117"), "discover");
        assert_eq!(brand("9999"), "unknown");
    }

    #[test]
    fn every_succeeding_test_number_fits_its_brand() {
        for number in [
            "4242424242424242",
            "4000056655665556",
            "5555555555554444",
            "2223003122003222",
            "5200828282828210",
            "5105105105105100",
            "378282246310005",
            "371449635398431",
            "6011111111111117",
            "6011000990139424",
            "3056930009020004",
            "36227206271667",
            "3566002020360505",
            "6200000000000005",
        ] {
            assert!(is_test_number(number), "{number}");
            let brand = brand_of(number);
            assert!(brand.lengths.contains(&number.len()) && luhn_valid(number), "{number} as {}", brand.id);
            assert!(brand.groups.iter().sum::<usize>() >= *brand.lengths.iter().max().unwrap(), "{}", brand.id);
        }
    }

    #[test]
    fn card_input_rules() {
        let today = (2026, 11);
        let card = |number: &str, m, y, cvc: &str| CardInput {
            number: number.into(),
            exp_month: m,
            exp_year: y,
            cvc: cvc.into(),
        };
        assert!(card("4242424242424242", 11, 2026, "123").validate(today).is_ok());
        let code = |c: CardInput| c.validate(today).unwrap_err().code.unwrap();
        assert_eq!(code(card("4242424242424241", 12, 2030, "123")), "incorrect_number");
        assert_eq!(code(card("4242424242424242", 10, 2026, "123")), "invalid_expiry_year");
        assert_eq!(code(card("4242424242424242", 13, 2030, "123")), "invalid_expiry_month");
        assert_eq!(code(card("4242424242424242", 12, 2030, "12")), "invalid_cvc");
        assert!(card("378282246310005", 12, 2030, "1234").validate(today).is_ok());
    }
}
