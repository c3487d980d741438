//! Stripe's rules for konbini (Japanese convenience store) payments, shared by the page, the
//! server and the stand-in: the amounts and texts Stripe accepts, when instructions expire (in
//! JST), and the `next_action.konbini_display_details` a confirmed konbini PaymentIntent
//! carries.
//!
//! ```
//! use stripe_common::konbini::{KonbiniRuleError, check_confirmation_number, check_product_description};
//! assert_eq!(check_product_description("フェリス商店 ご注文"), Ok(()));
//! assert_eq!(check_confirmation_number("090-1234-5678"), Err(KonbiniRuleError::NotDigits));
//! ```

use serde::{Deserialize, Serialize};

/// Japan Standard Time is UTC+9 all year (no daylight saving time).
const JST_OFFSET_SECONDS: i64 = 9 * 60 * 60;
const DAY_SECONDS: i64 = 24 * 60 * 60;

/// `expires_after_days` when neither it nor `expires_at` is given.
pub const DEFAULT_EXPIRES_AFTER_DAYS: u32 = 3;
/// Most characters of `product_description`.
pub const PRODUCT_DESCRIPTION_MAX_CHARS: usize = 22;
/// Store UIs and receipts show at most this many characters of the customer's name.
pub const NAME_DISPLAY_CHARS: usize = 20;
/// Konbini payments are between ¥120 and ¥300,000: the smallest amount, in yen.
pub const MIN_AMOUNT: i64 = 120;
/// The largest konbini payment, in yen.
pub const MAX_AMOUNT: i64 = 300_000;

/// When instructions confirmed at `confirmed_at` (unix seconds) expire with
/// `expires_after_days`: 23:59:59 JST of the JST calendar day `days` after the day of
/// confirmation. Confirmed Monday with 2 days: Wednesday 23:59:59 JST.
///
/// ```
/// use stripe_common::konbini::{expires_after_days_at, jst_civil};
/// // Monday 2026-11-23 10:00 JST.
/// let confirmed = 1_795_395_600;
/// assert_eq!(jst_civil(expires_after_days_at(confirmed, 2)), (2026, 11, 25, 23, 59, 59));
/// ```
pub fn expires_after_days_at(confirmed_at: i64, days: u32) -> i64 {
    let jst_day = (confirmed_at + JST_OFFSET_SECONDS).div_euclid(DAY_SECONDS);
    (jst_day + i64::from(days) + 1) * DAY_SECONDS - JST_OFFSET_SECONDS - 1
}

/// `(year, month, day, hour, minute, second)` in JST of a unix time.
///
/// ```
/// // 2026-11-23T15:30:00Z is already Tuesday in Japan.
/// assert_eq!(stripe_common::konbini::jst_civil(1_795_447_800), (2026, 11, 24, 0, 30, 0));
/// ```
pub fn jst_civil(unix: i64) -> (i64, u32, u32, u32, u32, u32) {
    civil(unix + JST_OFFSET_SECONDS)
}

/// `(year, month, day, hour, minute, second)` of a unix time shifted by an offset already
/// applied (days-from-civil, after Howard Hinnant's public-domain algorithm).
///
/// ```
/// assert_eq!(stripe_common::konbini::civil(0), (1970, 1, 1, 0, 0, 0));
/// ```
pub fn civil(shifted: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = shifted.div_euclid(DAY_SECONDS);
    let secs = shifted.rem_euclid(DAY_SECONDS);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, (secs / 3600) as u32, (secs % 3600 / 60) as u32, (secs % 60) as u32)
}

/// Day of the week of a unix time shifted by an offset already applied (as for [`civil`]),
/// 0 = Sunday.
///
/// ```
/// // 1970-01-01 was a Thursday.
/// assert_eq!(stripe_common::konbini::weekday(0), 4);
/// ```
pub fn weekday(unix_shifted: i64) -> u32 {
    (unix_shifted.div_euclid(DAY_SECONDS) + 4).rem_euclid(7) as u32
}

mod jis0208;

/// Whether `c` can be printed at a konbini: Shift JIS as JIS X 0208:1997 defines it, i.e. the
/// JIS X 0201 single bytes (ASCII and its ¥ and ‾, half-width katakana) and the characters of
/// JIS X 0208 (rows 1-8 and 16-84). The NEC and IBM extensions that Windows' Shift JIS adds
/// (①, Ⅰ, 髙, ...) are not in it. A table rather than an encoder keeps the wasm small.
///
/// ```
/// use stripe_common::konbini::is_shift_jis;
/// assert!(is_shift_jis('東') && is_shift_jis('ｱ') && is_shift_jis('¥'));
/// assert!(!is_shift_jis('①') && !is_shift_jis('髙') && !is_shift_jis('é'));
/// ```
pub fn is_shift_jis(c: char) -> bool {
    match c {
        ' '..='~' | '¥' | '‾' | '\u{FF61}'..='\u{FF9F}' => true,
        _ => u16::try_from(u32::from(c)).is_ok_and(|u| jis0208::JIS_X_0208.binary_search(&u).is_ok()),
    }
}

/// The characters of `s` a konbini cannot print, each once, in order.
///
/// ```
/// assert_eq!(stripe_common::konbini::not_shift_jis("髙橋①髙"), vec!['髙', '①']);
/// ```
pub fn not_shift_jis(s: &str) -> Vec<char> {
    let mut found: Vec<char> = Vec::new();
    for c in s.chars().filter(|c| !is_shift_jis(*c)) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// Why a konbini value is refused. Serialised with its kind under `problem`
/// (`{"problem": "too_long", "max": 22}`), for an API to return.
///
/// ```
/// use stripe_common::konbini::KonbiniRuleError;
/// assert_eq!(
///     serde_json::to_value(KonbiniRuleError::TooLong { max: 22 }).unwrap(),
///     serde_json::json!({"problem": "too_long", "max": 22})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum KonbiniRuleError {
    /// Longer than Stripe allows.
    TooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// Has characters a konbini cannot print (see [`is_shift_jis`]).
    NotShiftJis {
        /// Those characters, each once, in order.
        characters: String,
    },
    /// Empty (or only spaces).
    Empty,
    /// A confirmation number with something other than ASCII digits.
    NotDigits,
    /// A confirmation number of other than 10 or 11 digits.
    WrongLength,
    /// A confirmation number of zeros only.
    AllZeros,
}

/// `product_description` of `payment_method_options.konbini`: at most 22 characters, all
/// printable at the store.
///
/// ```
/// use stripe_common::konbini::{KonbiniRuleError, check_product_description};
/// assert_eq!(check_product_description("フェリス商店 ご注文"), Ok(()));
/// assert_eq!(
///     check_product_description("Tシャツ①"),
///     Err(KonbiniRuleError::NotShiftJis { characters: "①".into() })
/// );
/// ```
pub fn check_product_description(s: &str) -> Result<(), KonbiniRuleError> {
    if s.trim().is_empty() {
        return Err(KonbiniRuleError::Empty);
    }
    if s.chars().count() > PRODUCT_DESCRIPTION_MAX_CHARS {
        return Err(KonbiniRuleError::TooLong { max: PRODUCT_DESCRIPTION_MAX_CHARS });
    }
    match not_shift_jis(s) {
        bad if bad.is_empty() => Ok(()),
        bad => Err(KonbiniRuleError::NotShiftJis { characters: bad.into_iter().collect() }),
    }
}

/// `confirmation_number` of `payment_method_options.konbini` (Stripe.js's
/// `confirmKonbiniPayment` takes it too): 10 or 11 digits, not all zeros. Stripe recommends the
/// shopper's phone number ([`confirmation_number_from_phone`]).
///
/// ```
/// use stripe_common::konbini::{KonbiniRuleError, check_confirmation_number};
/// assert_eq!(check_confirmation_number("09012345678"), Ok(()));
/// assert_eq!(check_confirmation_number("123456789"), Err(KonbiniRuleError::WrongLength));
/// assert_eq!(check_confirmation_number("00000000000"), Err(KonbiniRuleError::AllZeros));
/// ```
pub fn check_confirmation_number(s: &str) -> Result<(), KonbiniRuleError> {
    if s.is_empty() {
        return Err(KonbiniRuleError::Empty);
    }
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(KonbiniRuleError::NotDigits);
    }
    if !(10..=11).contains(&s.len()) {
        return Err(KonbiniRuleError::WrongLength);
    }
    if s.chars().all(|c| c == '0') {
        return Err(KonbiniRuleError::AllZeros);
    }
    Ok(())
}

/// A phone number as a confirmation number: its digits only, as Stripe's guide does it.
///
/// ```
/// use stripe_common::konbini::confirmation_number_from_phone;
/// assert_eq!(confirmation_number_from_phone("090-1234-5678"), "09012345678");
/// ```
pub fn confirmation_number_from_phone(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// `konbini_display_details.stores`: the payment instructions per store chain; a chain is
/// `None` (`null`) when it is not offered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KonbiniStores {
    /// FamilyMart (ファミリーマート).
    #[serde(default)]
    pub familymart: Option<KonbiniStore>,
    /// Lawson (ローソン).
    #[serde(default)]
    pub lawson: Option<KonbiniStore>,
    /// Ministop (ミニストップ).
    #[serde(default)]
    pub ministop: Option<KonbiniStore>,
    /// Seicomart (セイコーマート).
    #[serde(default)]
    pub seicomart: Option<KonbiniStore>,
}

/// What the shopper gives the store's terminal or clerk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KonbiniStore {
    /// The confirmation number (the one given at confirmation, or Stripe's); `None` at a store
    /// that needs only the payment code.
    #[serde(default)]
    pub confirmation_number: Option<String>,
    /// The payment code entered at the store.
    pub payment_code: String,
}

/// `next_action.konbini_display_details` of a konbini PaymentIntent in `requires_action`: how
/// and until when the shopper can pay at a store.
///
/// ```
/// use stripe_common::konbini::KonbiniDisplayDetails;
/// let details: KonbiniDisplayDetails = serde_json::from_str(
///     r#"{"expires_at": 1795675199, "hosted_voucher_url": "https://payments.stripe.com/konbini/voucher/x",
///         "stores": {"familymart": {"confirmation_number": "12345678901", "payment_code": "123456"},
///                    "lawson": null, "ministop": null, "seicomart": null}}"#,
/// )
/// .unwrap();
/// assert_eq!(details.stores.familymart.unwrap().payment_code, "123456");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KonbiniDisplayDetails {
    /// When the instructions expire (unix seconds); unpaid by then, the payment fails.
    pub expires_at: i64,
    /// Stripe's page with the voucher the shopper can view and print; `None` where Stripe
    /// leaves it out.
    #[serde(default)]
    pub hosted_voucher_url: Option<String>,
    /// The instructions per store chain.
    #[serde(default)]
    pub stores: KonbiniStores,
}

impl KonbiniStores {
    /// `(store name in Japanese, in English, details)` for each store present.
    ///
    /// ```
    /// use stripe_common::konbini::{KonbiniStore, KonbiniStores};
    /// let code = KonbiniStore { confirmation_number: None, payment_code: "654321".into() };
    /// let stores = KonbiniStores { lawson: Some(code), ..KonbiniStores::default() };
    /// let named: Vec<_> = stores.named().into_iter().map(|(ja, en, _)| (ja, en)).collect();
    /// assert_eq!(named, [("ローソン", "Lawson")]);
    /// ```
    pub fn named(&self) -> Vec<(&'static str, &'static str, &KonbiniStore)> {
        [
            ("ファミリーマート", "FamilyMart", &self.familymart),
            ("ローソン", "Lawson", &self.lawson),
            ("ミニストップ", "Ministop", &self.ministop),
            ("セイコーマート", "Seicomart", &self.seicomart),
        ]
        .into_iter()
        .filter_map(|(ja, en, store)| store.as_ref().map(|s| (ja, en, s)))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unix time of a JST wall-clock time, computed independently of the code under test.
    fn jst(year: i64, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> i64 {
        // 2026-11-23 (Monday) 00:00:00 JST = 2026-11-22T15:00:00Z = 1795359600.
        let base = 1_795_359_600;
        assert_eq!((year, month), (2026, 11), "the fixed base only covers November 2026");
        base + i64::from(day - 23) * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second)
    }

    #[test]
    fn confirmed_monday_with_two_days_expires_wednesday_235959_jst() {
        let monday_morning = jst(2026, 11, 23, 10, 0, 0);
        assert_eq!(weekday(monday_morning + 9 * 3600), 1, "2026-11-23 is a Monday");
        assert_eq!(expires_after_days_at(monday_morning, 2), jst(2026, 11, 25, 23, 59, 59));
        assert_eq!(jst_civil(expires_after_days_at(monday_morning, 2)), (2026, 11, 25, 23, 59, 59));
    }

    #[test]
    fn the_jst_day_counts_not_the_utc_day() {
        // 2026-11-23T15:30:00Z is already Tuesday 2026-11-24 00:30 JST.
        let tuesday_after_midnight_jst = 1_795_447_800;
        assert_eq!(tuesday_after_midnight_jst, jst(2026, 11, 24, 0, 30, 0));
        assert_eq!(expires_after_days_at(tuesday_after_midnight_jst, 2), jst(2026, 11, 26, 23, 59, 59));
        // One second before JST midnight is still Monday.
        assert_eq!(expires_after_days_at(jst(2026, 11, 23, 23, 59, 59), 2), jst(2026, 11, 25, 23, 59, 59));
        // Exactly JST midnight is Tuesday.
        assert_eq!(expires_after_days_at(jst(2026, 11, 24, 0, 0, 0), 2), jst(2026, 11, 26, 23, 59, 59));
    }

    #[test]
    fn the_default_is_three_days_and_sixty_is_the_longest() {
        let monday = jst(2026, 11, 23, 12, 0, 0);
        assert_eq!(expires_after_days_at(monday, DEFAULT_EXPIRES_AFTER_DAYS), jst(2026, 11, 26, 23, 59, 59));
        assert_eq!(jst_civil(expires_after_days_at(monday, 60)), (2027, 1, 22, 23, 59, 59));
    }

    #[test]
    fn shift_jis_means_jis_x_0208_not_windows_extensions() {
        for ok in ['a', '7', '¥', 'ｱ', 'あ', 'ア', '漢', '東', '京', '〒', '─'] {
            assert!(is_shift_jis(ok), "{ok}");
        }
        // NEC row 13 (①, Ⅰ), IBM extensions (髙, 﨑), outside Shift JIS (😀, 𠮷, é), controls.
        for bad in ['①', 'Ⅰ', '髙', '﨑', '😀', '𠮷', 'é', '\n'] {
            assert!(!is_shift_jis(bad), "{bad}");
        }
        assert_eq!(not_shift_jis("髙橋①髙"), vec!['髙', '①']);
    }

    /// The table agrees with an independent Shift JIS encoder (encoding_rs, WHATWG mapping) on
    /// every BMP character, except where the JIS mapping spells a cell differently.
    #[test]
    fn the_table_agrees_with_encoding_rs_on_the_whole_bmp() {
        fn by_encoder(c: char) -> bool {
            let mut buffer = [0u8; 4];
            let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut buffer));
            if unmappable || c.is_control() {
                return false;
            }
            match *bytes {
                [b] => b < 0x80 || (0xA1..=0xDF).contains(&b),
                [lead, trail] => {
                    let row = match lead {
                        0x81..=0x9F => (i32::from(lead) - 0x81) * 2 + 1,
                        0xE0..=0xEF => (i32::from(lead) - 0xC1) * 2 + 1,
                        _ => return false,
                    } + i32::from(trail >= 0x9F);
                    (1..=8).contains(&row) || (16..=84).contains(&row)
                }
                _ => false,
            }
        }
        let differing: Vec<char> =
            (0u32..=0xFFFF).filter_map(char::from_u32).filter(|&c| is_shift_jis(c) != by_encoder(c)).collect();
        // The JIS mapping's spellings of five cells that the WHATWG mapping gives as ￠ ￡ ￢ ∥ ～
        // (which the table also holds): the same JIS X 0208 characters.
        assert_eq!(differing, ['¢', '£', '¬', '‖', '〜']);
    }

    #[test]
    fn product_descriptions() {
        assert_eq!(check_product_description("フェリス商店 ご注文"), Ok(()));
        assert_eq!(check_product_description(&"あ".repeat(22)), Ok(()));
        assert_eq!(check_product_description(&"あ".repeat(23)), Err(KonbiniRuleError::TooLong { max: 22 }));
        assert_eq!(
            check_product_description("Tシャツ①"),
            Err(KonbiniRuleError::NotShiftJis { characters: "①".into() })
        );
        assert_eq!(check_product_description("  "), Err(KonbiniRuleError::Empty));
    }

    #[test]
    fn confirmation_numbers() {
        assert_eq!(check_confirmation_number("09012345678"), Ok(()));
        assert_eq!(check_confirmation_number("0312345678"), Ok(()));
        assert_eq!(check_confirmation_number("00000000000"), Err(KonbiniRuleError::AllZeros));
        assert_eq!(check_confirmation_number("123456789"), Err(KonbiniRuleError::WrongLength));
        assert_eq!(check_confirmation_number("123456789012"), Err(KonbiniRuleError::WrongLength));
        assert_eq!(check_confirmation_number("090-1234-5678"), Err(KonbiniRuleError::NotDigits));
        assert_eq!(confirmation_number_from_phone("090-1234-5678"), "09012345678");
        assert_eq!(confirmation_number_from_phone("+81 (90) 1234 5678"), "819012345678");
    }

    #[test]
    fn display_details_parse_as_stripe_sends_them() {
        let details: KonbiniDisplayDetails = serde_json::from_str(
            r#"{"expires_at":1795675199,"hosted_voucher_url":"https://payments.stripe.com/konbini/voucher/x",
                "stores":{"familymart":{"confirmation_number":"12345678901","payment_code":"123456"},
                          "lawson":{"confirmation_number":null,"payment_code":"654321"},"ministop":null,"seicomart":null}}"#,
        )
        .unwrap();
        let named: Vec<&str> = details.stores.named().into_iter().map(|(_, en, _)| en).collect();
        assert_eq!(named, ["FamilyMart", "Lawson"]);
    }
}
