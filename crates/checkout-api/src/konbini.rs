//! The konbini form and its API: what the shopper enters (name, email, phone as the
//! confirmation number), the rules both the page and the server apply (the page words them for
//! the shopper), and the payment's status as the instructions page shows it.

use serde::{Deserialize, Serialize};
use stripe_common::PaymentIntentStatus;
use stripe_common::konbini::{
    KonbiniDisplayDetails, KonbiniRuleError, NAME_DISPLAY_CHARS, check_confirmation_number,
    confirmation_number_from_phone, not_shift_jis,
};

use crate::{Cart, CartItem, ValidationError, validate_items};

/// `POST /api/konbini/payments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KonbiniPaymentRequest {
    pub items: Vec<CartItem>,
    pub name: String,
    pub email: String,
    /// Optional; its digits become the confirmation number.
    #[serde(default)]
    pub phone: String,
}

/// The PaymentIntent to confirm with `stripe.confirmKonbiniPayment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KonbiniPaymentResponse {
    pub order_id: String,
    pub client_secret: String,
    pub payment_intent_id: String,
    pub amount: i64,
    pub currency: String,
    /// The phone number's digits, to pass as `confirmation_number`; `None`: Stripe makes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation_number: Option<String>,
}

/// `GET /api/konbini/payments/{id}?clientSecret=...` and the answer to a cancel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KonbiniStatus {
    pub payment_intent_id: String,
    pub status: PaymentIntentStatus,
    pub amount: i64,
    pub currency: String,
    /// The current instructions while the payment is pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<KonbiniDisplayDetails>,
    /// Why the last attempt failed, e.g. `payment_intent_payment_attempt_expired`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_code: Option<String>,
}

/// `POST /api/konbini/payments/{id}/cancel`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KonbiniCancelRequest {
    pub client_secret: String,
}

/// What `/api/config` tells the konbini page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KonbiniConfig {
    /// The cart priced in yen.
    pub cart: Cart,
}

/// What the rules found in one field of the form: `blocking` ones must be fixed, the others
/// are notes (what the store will show differently). The page words them for the shopper; the
/// server answers with [`FormProblem::english`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormProblem {
    NameMissing,
    /// These characters are outside Shift JIS: left out or replaced at the store.
    NameUnprintable(String),
    /// Only this much of the name (the first `NAME_DISPLAY_CHARS` characters) is shown.
    NameShortened(String),
    EmailMissing,
    EmailInvalid,
    PhoneNotDigits,
    /// All zeros: Stripe refuses it as a confirmation number.
    PhoneAllZeros,
    PhoneLength,
}

impl FormProblem {
    pub fn field(&self) -> &'static str {
        match self {
            Self::NameMissing | Self::NameUnprintable(_) | Self::NameShortened(_) => "name",
            Self::EmailMissing | Self::EmailInvalid => "email",
            Self::PhoneNotDigits | Self::PhoneAllZeros | Self::PhoneLength => "phone",
        }
    }

    pub fn blocking(&self) -> bool {
        !matches!(self, Self::NameUnprintable(_) | Self::NameShortened(_))
    }

    /// The API's own words, for clients other than the page.
    pub fn english(&self) -> String {
        match self {
            Self::NameMissing => "Enter the name to pay under.".into(),
            Self::NameUnprintable(chars) => format!("These characters can't be shown at the store: {chars}"),
            Self::NameShortened(_) => {
                format!("Only the first {NAME_DISPLAY_CHARS} characters of the name appear at the store.")
            }
            Self::EmailMissing => "Enter an email address.".into(),
            Self::EmailInvalid => "Enter a valid email address.".into(),
            Self::PhoneNotDigits => "The phone number must be digits.".into(),
            Self::PhoneAllZeros => "This number can't be used as a confirmation number.".into(),
            Self::PhoneLength => "The phone number must have 10 or 11 digits.".into(),
        }
    }
}

impl KonbiniPaymentRequest {
    /// Every problem of the form, in field order.
    pub fn notes(&self) -> Vec<FormProblem> {
        let mut notes = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            notes.push(FormProblem::NameMissing);
        } else {
            let unprintable: String = not_shift_jis(name).into_iter().collect();
            if !unprintable.is_empty() {
                notes.push(FormProblem::NameUnprintable(unprintable));
            }
            if name.chars().count() > NAME_DISPLAY_CHARS {
                notes.push(FormProblem::NameShortened(name.chars().take(NAME_DISPLAY_CHARS).collect()));
            }
        }
        let email = self.email.trim();
        if email.is_empty() {
            notes.push(FormProblem::EmailMissing);
        } else if !is_email(email) {
            notes.push(FormProblem::EmailInvalid);
        }
        notes.extend(self.confirmation_number_problem());
        notes
    }

    /// The phone number's digits as the confirmation number, if one was given.
    pub fn confirmation_number(&self) -> Option<String> {
        Some(confirmation_number_from_phone(&self.phone)).filter(|n| !n.is_empty())
    }

    fn confirmation_number_problem(&self) -> Option<FormProblem> {
        if self.phone.trim().is_empty() {
            return None;
        }
        let Some(number) = self.confirmation_number() else { return Some(FormProblem::PhoneNotDigits) };
        match check_confirmation_number(&number) {
            Ok(()) => None,
            Err(KonbiniRuleError::AllZeros) => Some(FormProblem::PhoneAllZeros),
            Err(_) => Some(FormProblem::PhoneLength),
        }
    }

    /// The server's check: the first blocking problem, and the cart's shape.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_items(&self.items)?;
        match self.notes().into_iter().find(FormProblem::blocking) {
            Some(problem) => Err(ValidationError::new(problem.field(), problem.english())),
            None => Ok(()),
        }
    }
}

/// A plausible email address: one `@`, something before it, a dotted domain after it, no blanks.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
        && !s.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, email: &str, phone: &str) -> KonbiniPaymentRequest {
        KonbiniPaymentRequest {
            items: vec![CartItem { product_id: "tee".into(), quantity: 1 }],
            name: name.into(),
            email: email.into(),
            phone: phone.into(),
        }
    }

    fn blocking(f: &KonbiniPaymentRequest) -> Vec<&'static str> {
        f.notes().into_iter().filter(FormProblem::blocking).map(|n| n.field()).collect()
    }

    #[test]
    fn a_complete_form_passes_and_the_phone_becomes_the_confirmation_number() {
        let f = form("山田 花子", "hanako@example.jp", "090-1234-5678");
        assert!(f.notes().is_empty());
        assert_eq!(f.validate(), Ok(()));
        assert_eq!(f.confirmation_number().as_deref(), Some("09012345678"));
        assert_eq!(form("山田 花子", "hanako@example.jp", "").confirmation_number(), None, "optional");
    }

    #[test]
    fn name_and_email_are_required_and_the_email_well_formed() {
        assert_eq!(blocking(&form(" ", "", "")), ["name", "email"]);
        for bad in ["hanako", "hanako@", "@example.jp", "hanako@example", "ha nako@example.jp", "a@b@c.jp"] {
            assert_eq!(blocking(&form("山田", bad, "")), ["email"], "{bad}");
        }
    }

    #[test]
    fn confirmation_numbers_need_10_or_11_digits_and_not_all_zeros() {
        assert_eq!(blocking(&form("山田", "h@example.jp", "1234-5678")), ["phone"]);
        assert_eq!(blocking(&form("山田", "h@example.jp", "000-0000-0000")), ["phone"]);
        assert_eq!(blocking(&form("山田", "h@example.jp", "でんわ")), ["phone"]);
        assert_eq!(form("山田", "h@example.jp", "000-0000-0000").notes(), [FormProblem::PhoneAllZeros]);
        assert!(
            form("山田", "h@example.jp", "000-0000-0000").validate().unwrap_err().message.contains("can't be used")
        );
        assert_eq!(blocking(&form("山田", "h@example.jp", "03-1234-5678")), Vec::<&str>::new());
    }

    #[test]
    fn long_names_and_unprintable_characters_are_noted_not_refused() {
        let notes = form("髙橋 一二三四五六七八九十一二三四五六七八九", "h@example.jp", "").notes();
        assert_eq!(
            notes,
            [
                FormProblem::NameUnprintable("髙".into()),
                FormProblem::NameShortened("髙橋 一二三四五六七八九十一二三四五六七".into())
            ]
        );
        assert!(notes.iter().all(|n| !n.blocking() && n.field() == "name"));
    }
}
