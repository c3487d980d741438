//! Property tests of the konbini rules applied to what a shopper types (and to the shop's
//! configured description): any text is judged without panicking, each rule is exactly what it
//! says, and Shift JIS judgements agree with an independent encoder (encoding_rs). Also the
//! konbini deadlines' date arithmetic, and the error shapes' JSON round trip.

use proptest::prelude::*;
use stripe_common::konbini::{
    KonbiniRuleError, PRODUCT_DESCRIPTION_MAX_CHARS, check_confirmation_number, check_product_description,
    confirmation_number_from_phone, expires_after_days_at, is_shift_jis, jst_civil, not_shift_jis,
};
use stripe_common::{ErrorType, StripeError};

/// The JIS X 0208 cells whose JIS mapping (accepted) is not the code point Windows and
/// encoding_rs encode (also accepted): ¢ £ ¬ ‖ 〜 and ￠ ￡ ￢ ∥ ～.
const JIS_MAPPING_OF_WINDOWS_CELLS: [(char, char); 5] = [
    ('\u{A2}', '\u{FFE0}'),
    ('\u{A3}', '\u{FFE1}'),
    ('\u{AC}', '\u{FFE2}'),
    ('\u{2016}', '\u{2225}'),
    ('\u{301C}', '\u{FF5E}'),
];

#[test]
fn both_mappings_of_the_five_differing_cells_are_accepted() {
    for (jis, windows) in JIS_MAPPING_OF_WINDOWS_CELLS {
        assert!(is_shift_jis(jis) && is_shift_jis(windows), "{jis} / {windows}");
        assert!(!encoding_rs::SHIFT_JIS.encode(&windows.to_string()).2, "encoding_rs encodes {windows}");
    }
}

/// Text as shoppers type it: ASCII, kana and kanji, full-width forms, emoji, anything.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof!["[ -~]{0,30}", "[ぁ-んァ-ン一-龥ａ-ｚ０-９ー 　]{0,30}", ".{0,30}"]
}

proptest! {
    #[test]
    fn confirmation_numbers_are_exactly_10_or_11_digits_not_all_zeros(number in "[0-9]{0,13}|.{0,13}") {
        let digits = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
        let expected = match () {
            _ if number.is_empty() => Err(KonbiniRuleError::Empty),
            _ if !digits => Err(KonbiniRuleError::NotDigits),
            _ if !(10..=11).contains(&number.len()) => Err(KonbiniRuleError::WrongLength),
            _ if number.chars().all(|c| c == '0') => Err(KonbiniRuleError::AllZeros),
            _ => Ok(()),
        };
        prop_assert_eq!(check_confirmation_number(&number), expected);
    }

    /// A phone number's digits, whatever else it holds; taking them twice changes nothing.
    #[test]
    fn a_phone_number_gives_its_ascii_digits(phone in typed()) {
        let digits = confirmation_number_from_phone(&phone);
        prop_assert!(digits.chars().all(|c| c.is_ascii_digit()));
        prop_assert_eq!(digits.len(), phone.chars().filter(char::is_ascii_digit).count());
        prop_assert_eq!(confirmation_number_from_phone(&digits), digits.clone());
    }

    /// What is not Shift JIS is listed once each, in order, and the rest is.
    #[test]
    fn not_shift_jis_lists_each_unprintable_character_once(text in typed()) {
        let listed = not_shift_jis(&text);
        prop_assert!(listed.iter().all(|c| !is_shift_jis(*c) && text.contains(*c)));
        prop_assert!(text.chars().filter(|c| !listed.contains(c)).all(is_shift_jis));
        let mut seen = listed.clone();
        seen.dedup();
        prop_assert_eq!(seen.len(), listed.len());
    }

    /// Shift JIS here is what encoding_rs encodes without replacement (JIS X 0208 and ASCII),
    /// and the JIS mapping of the five cells where Windows maps another code point (the same
    /// printed character: a Mac types 〜 where Windows types ～).
    #[test]
    fn shift_jis_agrees_with_an_independent_encoder(c in any::<char>()) {
        let (_, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&c.to_string());
        // encoding_rs also maps a few Windows extensions (NEC, IBM) that JIS X 0208 lacks.
        if is_shift_jis(c) && !JIS_MAPPING_OF_WINDOWS_CELLS.iter().any(|(jis, _)| *jis == c) {
            prop_assert!(!unmappable, "{:?} (U+{:04X}) judged Shift JIS", c, u32::from(c));
        }
    }

    #[test]
    fn the_product_description_is_judged_as_its_rules_say(text in typed()) {
        let answer = check_product_description(&text);
        match &answer {
            Ok(()) => {
                prop_assert!(!text.trim().is_empty());
                prop_assert!(text.chars().count() <= PRODUCT_DESCRIPTION_MAX_CHARS);
                prop_assert!(not_shift_jis(&text).is_empty());
            }
            Err(KonbiniRuleError::Empty) => prop_assert!(text.trim().is_empty()),
            Err(KonbiniRuleError::TooLong { max }) => prop_assert!(text.chars().count() > *max),
            Err(KonbiniRuleError::NotShiftJis { characters }) => prop_assert!(characters.chars().all(|c| !is_shift_jis(c))),
            Err(other) => prop_assert!(false, "{:?}", other),
        }
        if let Err(problem) = answer {
            let wire = serde_json::to_value(&problem).unwrap();
            prop_assert_eq!(serde_json::from_value::<KonbiniRuleError>(wire).unwrap(), problem);
        }
    }

    /// "N days after confirmation" ends at 23:59:59 JST on the Nth day after the day (in JST)
    /// of confirmation.
    #[test]
    fn deadlines_end_at_23_59_59_jst_days_later(confirmed_at in 0..4_102_444_800_i64, days in 1..=60_u32) {
        let deadline = expires_after_days_at(confirmed_at, days);
        let (_, _, _, hour, minute, second) = jst_civil(deadline);
        prop_assert_eq!((hour, minute, second), (23, 59, 59));
        let day = |t: i64| (t + 9 * 3600).div_euclid(86_400);
        prop_assert_eq!(day(deadline) - day(confirmed_at), i64::from(days));
        let (year, month, date, ..) = jst_civil(confirmed_at);
        prop_assert!((1970..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&date));
    }

    /// Any body Stripe (or the stand-in) answers with either is Stripe's error shape or is
    /// refused; and the shape round trips.
    #[test]
    fn errors_parse_or_are_refused_and_round_trip(body in prop::collection::vec(any::<u8>(), 0..200), message in ".{0,40}", code in prop::option::of("[a-z_]{1,30}")) {
        let _ = serde_json::from_slice::<StripeError>(&body);
        let mut error = StripeError::new(ErrorType::CardError, message);
        if let Some(code) = code {
            error = error.with_code(code);
        }
        let wire = serde_json::to_string(&error).unwrap();
        prop_assert_eq!(serde_json::from_str::<StripeError>(&wire).unwrap(), error);
    }
}
