//! The konbini form and its API: what the shopper enters (name, email, phone as the
//! confirmation number), the rules both the page and the server apply, in Japanese and
//! English, and the payment's status as the instructions page shows it.

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

/// A problem with one field of the form: `blocking` ones must be fixed, the others are notes
/// (what the store will show differently).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNote {
    pub field: &'static str,
    pub message: String,
    pub blocking: bool,
}

impl KonbiniPaymentRequest {
    /// Every note on the form, in field order.
    pub fn notes(&self) -> Vec<FieldNote> {
        let mut notes = Vec::new();
        let mut note = |field, blocking, message: String| notes.push(FieldNote { field, message, blocking });
        let name = self.name.trim();
        if name.is_empty() {
            note("name", true, "お名前を入力してください。 Please enter your name.".into());
        } else {
            let unprintable: String = not_shift_jis(name).into_iter().collect();
            if !unprintable.is_empty() {
                note(
                    "name",
                    false,
                    format!(
                        "「{unprintable}」は店頭で表示できないため、省略または置き換えられます。 \
                         These characters can't be shown at the store and will be left out or replaced: {unprintable}"
                    ),
                );
            }
            if name.chars().count() > NAME_DISPLAY_CHARS {
                let shown: String = name.chars().take(NAME_DISPLAY_CHARS).collect();
                note(
                    "name",
                    false,
                    format!(
                        "店頭やレシートには最初の{NAME_DISPLAY_CHARS}文字「{shown}」のみ表示されます。 \
                         Only the first {NAME_DISPLAY_CHARS} characters appear at the store and on the receipt."
                    ),
                );
            }
        }
        let email = self.email.trim();
        if email.is_empty() {
            note("email", true, "メールアドレスを入力してください。 Please enter your email address.".into());
        } else if !is_email(email) {
            note("email", true, "メールアドレスの形式が正しくありません。 Please enter a valid email address.".into());
        }
        if let Some(problem) = self.confirmation_number_problem() {
            note("phone", true, problem);
        }
        notes
    }

    /// The phone number's digits as the confirmation number, if one was given.
    pub fn confirmation_number(&self) -> Option<String> {
        Some(confirmation_number_from_phone(&self.phone)).filter(|n| !n.is_empty())
    }

    fn confirmation_number_problem(&self) -> Option<String> {
        if self.phone.trim().is_empty() {
            return None;
        }
        let Some(number) = self.confirmation_number() else {
            return Some("電話番号は数字で入力してください。 Please enter your phone number in digits.".into());
        };
        match check_confirmation_number(&number) {
            Ok(()) => None,
            Err(KonbiniRuleError::AllZeros) => {
                Some("この番号は確認番号として使えません。 This number can't be used as a confirmation number.".into())
            }
            Err(_) => Some(
                "電話番号は10桁または11桁で入力してください（ハイフンなし可）。 Enter a 10 or 11 digit phone number."
                    .into(),
            ),
        }
    }

    /// The server's check: the first blocking note, and the cart's shape.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_items(&self.items)?;
        match self.notes().into_iter().find(|n| n.blocking) {
            Some(note) => Err(ValidationError::new(note.field, note.message)),
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
        f.notes().into_iter().filter(|n| n.blocking).map(|n| n.field).collect()
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
        assert!(
            form("山田", "h@example.jp", "000-0000-0000").validate().unwrap_err().message.contains("can't be used")
        );
        assert_eq!(blocking(&form("山田", "h@example.jp", "03-1234-5678")), Vec::<&str>::new());
    }

    #[test]
    fn long_names_and_unprintable_characters_are_noted_not_refused() {
        let notes = form("髙橋 一二三四五六七八九十一二三四五六七八九", "h@example.jp", "").notes();
        assert!(notes.iter().all(|n| !n.blocking && n.field == "name"));
        assert!(notes[0].message.contains("髙"));
        assert!(notes[1].message.contains("20"));
    }
}
