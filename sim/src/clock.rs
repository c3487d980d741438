//! The stand-in's notion of "now": the system clock plus an offset tests can advance, so that
//! expiries (ConfirmationTokens after 12 hours, konbini vouchers after days) are testable
//! without waiting.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Default)]
pub struct Clock {
    offset_seconds: AtomicI64,
}

impl Clock {
    /// Unix seconds.
    pub fn now(&self) -> i64 {
        let system = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
        system + self.offset_seconds.load(Ordering::Relaxed)
    }

    /// Moves the clock `seconds` forward. The result must stay a date Stripe could answer
    /// with (before year 10000), so later arithmetic on it cannot overflow.
    pub fn advance(&self, seconds: i64) -> Result<(), String> {
        const LAST: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z
        if seconds < 0 {
            return Err("the clock only moves forward".into());
        }
        self.offset_seconds
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |offset| {
                let moved = offset.checked_add(seconds)?;
                (self.now().checked_add(seconds)? <= LAST).then_some(moved)
            })
            .map(drop)
            .map_err(|_| format!("advancing {seconds} s would take the clock past 9999-12-31"))
    }
}
