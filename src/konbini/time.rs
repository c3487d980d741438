//! Times for konbini shoppers: the deadline in Japan Standard Time (the store's clock), and
//! the same instant in the shopper's own time zone, in the page's language. The browser's
//! `Intl.DateTimeFormat` writes both (its time-zone and calendar data: no tables in our
//! wasm): `2026年11月26日(木) 23:59` or `Thu, November 26, 2026 at 11:59 PM`.

use crate::i18n::{intl, locale};

const DATE_AND_TIME: &str =
    r#""year":"numeric","month":"long","day":"numeric","weekday":"short","hour":"2-digit","minute":"2-digit""#;

/// The deadline as the store counts it, in JST.
pub fn format_jst(unix: i64) -> String {
    format(unix, &format!(r#"{{{DATE_AND_TIME},"timeZone":"Asia/Tokyo"}}"#))
}

/// The same instant in the browser's time zone, named (`9:59 GMT-5`, `9:59 AM EST`).
pub fn format_local(unix: i64) -> String {
    format(unix, &format!(r#"{{{DATE_AND_TIME},"timeZoneName":"short"}}"#))
}

fn format(unix: i64, options: &str) -> String {
    intl::date_time(locale(), options, unix)
        .unwrap_or_else(|| js_sys::Date::new(&(unix as f64 * 1000.0).into()).to_iso_string().into())
}
