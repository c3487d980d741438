//! The konbini page's words for the form's problems (the API crate only names them).

use checkout_api::FormProblem;

use crate::i18n::{tr, tr_with};

pub fn describe(problem: &FormProblem) -> String {
    match problem {
        FormProblem::NameMissing => tr("Please enter your name.").into(),
        FormProblem::NameUnprintable(chars) => {
            tr_with("These characters can't be shown at the store and will be left out or replaced: {}", chars)
        }
        FormProblem::NameShortened(_) => tr_with(
            "Only the first {} characters appear at the store and on the receipt.",
            &checkout_api::stripe_common::konbini::NAME_DISPLAY_CHARS.to_string(),
        ),
        FormProblem::EmailMissing => tr("Please enter your email address.").into(),
        FormProblem::EmailInvalid => tr("Please enter a valid email address.").into(),
        FormProblem::PhoneNotDigits => tr("Please enter your phone number in digits.").into(),
        FormProblem::PhoneAllZeros => tr("This number can't be used as a confirmation number.").into(),
        FormProblem::PhoneLength => tr("Enter a 10 or 11 digit phone number.").into(),
    }
}
