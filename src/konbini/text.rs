//! The konbini page's words for the form's problems, in Japanese and English (the API crate
//! only names them).

use checkout_api::FormProblem;
use checkout_api::stripe_common::konbini::NAME_DISPLAY_CHARS;

pub fn describe(problem: &FormProblem) -> String {
    match problem {
        FormProblem::NameMissing => "お名前を入力してください。 Please enter your name.".into(),
        FormProblem::NameUnprintable(chars) => format!(
            "「{chars}」は店頭で表示できないため、省略または置き換えられます。 \
             These characters can't be shown at the store and will be left out or replaced: {chars}"
        ),
        FormProblem::NameShortened(shown) => format!(
            "店頭やレシートには最初の{NAME_DISPLAY_CHARS}文字「{shown}」のみ表示されます。 \
             Only the first {NAME_DISPLAY_CHARS} characters appear at the store and on the receipt."
        ),
        FormProblem::EmailMissing => "メールアドレスを入力してください。 Please enter your email address.".into(),
        FormProblem::EmailInvalid => {
            "メールアドレスの形式が正しくありません。 Please enter a valid email address.".into()
        }
        FormProblem::PhoneNotDigits => {
            "電話番号は数字で入力してください。 Please enter your phone number in digits.".into()
        }
        FormProblem::PhoneAllZeros => {
            "この番号は確認番号として使えません。 This number can't be used as a confirmation number.".into()
        }
        FormProblem::PhoneLength => {
            "電話番号は10桁または11桁で入力してください（ハイフンなし可）。 Enter a 10 or 11 digit phone number.".into()
        }
    }
}
