//! Times for Japanese shoppers: deadlines in Japan Standard Time, and the same instant in the
//! shopper's own time zone (which the browser knows).

use checkout_api::stripe_common::konbini::{civil, jst_civil};

const WEEKDAYS_JA: [&str; 7] = ["日", "月", "火", "水", "木", "金", "土"];

/// `2026年11月26日(木) 23:59`, in JST.
pub fn format_jst(unix: i64) -> String {
    let (y, m, d, h, min, _) = jst_civil(unix);
    let weekday = WEEKDAYS_JA[checkout_api::stripe_common::konbini::weekday(unix + 9 * 3600) as usize];
    format!("{y}年{m}月{d}日({weekday}) {h:02}:{min:02}")
}

/// `2026-11-26 09:59 (UTC−05:00)`, in the browser's time zone at that instant.
pub fn format_local(unix: i64) -> String {
    let offset_minutes = local_offset_minutes(unix);
    let (y, m, d, h, min, _) = civil(unix + i64::from(offset_minutes) * 60);
    let sign = if offset_minutes < 0 { '−' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!("{y}-{m:02}-{d:02} {h:02}:{min:02} (UTC{sign}{:02}:{:02})", abs / 60, abs % 60)
}

/// Minutes east of UTC in the browser's time zone at `unix` (daylight saving included).
fn local_offset_minutes(unix: i64) -> i32 {
    let date = js_sys::Date::new_0();
    date.set_time(unix as f64 * 1000.0);
    // getTimezoneOffset counts minutes *west* of UTC.
    -(date.get_timezone_offset() as i32)
}
