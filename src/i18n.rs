//! The page's words in the shopper's language. English is written in the code; another language
//! comes with the configuration (`ConfigResponse::texts`, from the server's catalogue in
//! checkout-api's `texts`), keyed by the English text as gettext does. So the card checkout's
//! first load carries no catalogue at all (README, Performance), an English shopper downloads
//! nothing more, and a Japanese one gets the catalogue inside the configuration they fetch
//! anyway. An English text missing from a catalogue stays English (checkout-api's
//! `tests/texts.rs` finds every text given to `tr`, `tr_with` and `n_` in each catalogue).
//!
//! The catalogue is kept for the page's life (leaked once: the page never drops it), so `tr`
//! answers `&'static str` and the views keep their static-text form.

use std::cell::Cell;
use std::collections::BTreeMap;

thread_local! {
    static LOCALE: Cell<&'static str> = const { Cell::new("en") };
    static TEXTS: Cell<Option<&'static BTreeMap<String, String>>> = const { Cell::new(None) };
}

#[cfg(feature = "embed")]
thread_local! {
    /// An embedded checkout's words until the configuration brings its catalogue: the
    /// language of its `data-locale` (or the browser's), from the table built into the embed,
    /// so its skeleton and a failure to load are in the shopper's language too.
    static EARLY: Cell<&'static [(&'static str, &'static str)]> = const { Cell::new(&[]) };
}

/// The embed's words before its configuration (see `EARLY`).
#[cfg(feature = "embed")]
pub fn set_early(locale: &str) {
    if let Some(table) = checkout_api::texts::table(locale) {
        EARLY.set(table);
    }
}

/// The page's language and its words (from the configuration, once): what `tr` answers in,
/// what Stripe.js is told, and an embedded checkout's element's `lang`.
pub fn set(locale: String, texts: BTreeMap<String, String>) {
    // Kept once: a page that loads again after a failure keeps the first catalogue rather than
    // leaking another.
    if TEXTS.get().is_some() {
        return;
    }
    let locale: &'static str = if locale.is_empty() { "en" } else { locale.leak() };
    LOCALE.set(locale);
    TEXTS.set(Some(Box::leak(Box::new(texts))));
    // The shop's own pages come with their `lang` from the server; an embedded checkout says
    // its language on its element, which may differ from the host page's.
    #[cfg(feature = "embed")]
    if let Some(root) = crate::embed::root() {
        let _ = root.set_attribute("lang", locale);
    }
}

/// `en`, `ja`, ...
pub fn locale() -> &'static str {
    LOCALE.get()
}

/// The page's language once the configuration chose it: what the page's requests to `/api`
/// ask to be answered in (`Accept-Language`), so a refusal reads in the page's language even
/// when it is not the browser's (an embed's `data-locale`, a `?lang=`).
pub fn chosen() -> Option<&'static str> {
    TEXTS.get().map(|_| LOCALE.get())
}

/// `english` in the page's language.
pub fn tr(english: &str) -> &str {
    let Some(texts) = TEXTS.get() else {
        #[cfg(feature = "embed")]
        if let Some((_, text)) = EARLY.get().iter().find(|(en, _)| *en == english) {
            return text;
        }
        return english;
    };
    match texts.get(english) {
        Some(text) => text,
        None => english,
    }
}

/// Marks an English text that reaches `tr` through a variable, for the catalogues' check
/// (gettext's `N_`); the text itself.
pub const fn n_(english: &'static str) -> &'static str {
    english
}

/// `english` with its one `{}` filled in, in the page's language (`Pay {}` and `$5`: `Pay $5`).
pub fn tr_with(english: &str, value: &str) -> String {
    let text = tr(english);
    // The placeholder is the text's only brace (a byte search: no pattern machinery).
    let at = text.bytes().position(|b| b == b'{').unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + value.len());
    out.push_str(&text[..at]);
    out.push_str(value);
    out.push_str(text.get(at + 2..).unwrap_or_default());
    out
}

/// `amount` (Stripe's smallest unit of `currency`) as money in the page's language:
/// `$50.98`, `€12.50`, `¥6,900` in English, `￥6,900` in Japanese. The browser's
/// `Intl.NumberFormat` writes it, from the locale data every browser carries, so the wasm holds
/// no symbols or grouping rules; the digits after the point are Stripe's for the currency
/// (`stripe_common::minor_unit_exponent`), which is what the amount counts in.
pub fn money(amount: i64, currency: &str) -> String {
    let exponent = checkout_api::stripe_common::minor_unit_exponent(currency);
    let value = amount as f64 / 10f64.powi(exponent as i32);
    let options = format!(
        r#"{{"style":"currency","currency":"{currency}","minimumFractionDigits":{exponent},"maximumFractionDigits":{exponent}}}"#
    );
    // (Not `{value}`: formatting a float would cost the page kilobytes of wasm.)
    intl::number(locale(), &options, value).unwrap_or_else(|| format!("{amount} {currency}"))
}

/// The browser's `Intl` formatters, given their options as JSON.
pub mod intl {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl)]
        type NumberFormat;
        #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
        fn new(locale: &str, options: &JsValue) -> Result<NumberFormat, JsValue>;
        #[wasm_bindgen(method)]
        fn format(this: &NumberFormat, value: f64) -> String;

        #[wasm_bindgen(js_namespace = Intl)]
        type DateTimeFormat;
        #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
        fn new(locale: &str, options: &JsValue) -> Result<DateTimeFormat, JsValue>;
        #[wasm_bindgen(method, js_name = format)]
        fn format_time(this: &DateTimeFormat, milliseconds: f64) -> String;
    }

    fn options(json: &str) -> Option<JsValue> {
        js_sys::JSON::parse(json).ok()
    }

    /// `Intl.NumberFormat(locale, options).format(value)`; `None` for options it refuses.
    pub fn number(locale: &str, options_json: &str, value: f64) -> Option<String> {
        Some(NumberFormat::new(locale, &options(options_json)?).ok()?.format(value))
    }

    /// `Intl.DateTimeFormat(locale, options).format(unix seconds)`.
    pub fn date_time(locale: &str, options_json: &str, unix: i64) -> Option<String> {
        Some(DateTimeFormat::new(locale, &options(options_json)?).ok()?.format_time(unix as f64 * 1000.0))
    }
}
