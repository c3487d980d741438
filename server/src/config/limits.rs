//! Abuse limits from the environment: `N/period` (`30/m`, `5/15m`, `100/s`, `2/1h`) or `off`.

use std::time::Duration;

/// At most `count` requests per `period` from one client, in a burst or spread out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub count: u32,
    pub period: Duration,
}

impl Rate {
    pub const fn per_minute(count: u32, minutes: u64) -> Self {
        Self { count, period: Duration::from_secs(minutes * 60) }
    }

    /// `None` for `off`.
    pub fn parse(text: &str) -> Result<Option<Self>, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let bad = || format!("{text:?} is not a rate such as 30/m, 5/15m, 100/s, 2/1h or off");
        let (count, period) = text.split_once('/').ok_or_else(bad)?;
        let count: u32 = count.trim().parse().ok().filter(|n| *n > 0).ok_or_else(bad)?;
        let period = period.trim();
        let unit = period.chars().last().ok_or_else(bad)?;
        let number = &period[..period.len() - unit.len_utf8()];
        let number: u64 = if number.is_empty() { 1 } else { number.parse().ok().filter(|n| *n > 0).ok_or_else(bad)? };
        let seconds = match unit {
            's' => number,
            'm' => number * 60,
            'h' => number * 3600,
            _ => return Err(bad()),
        };
        Ok(Some(Self { count, period: Duration::from_secs(seconds) }))
    }
}

/// Per-client limits of each kind of request; `None` is no limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimits {
    /// `POST /api/checkout/confirm` (`CHECKOUT_RATE_LIMIT_CONFIRM`, 20/m).
    pub confirm: Option<Rate>,
    /// `POST /api/cart` (`CHECKOUT_RATE_LIMIT_CART`, 60/m).
    pub cart: Option<Rate>,
    /// `POST /api/konbini/payments` (`CHECKOUT_RATE_LIMIT_KONBINI`, 10/m).
    pub konbini: Option<Rate>,
    /// Order and konbini status lookups, which pages poll (`CHECKOUT_RATE_LIMIT_LOOKUP`, 300/m).
    pub lookup: Option<Rate>,
    /// Requests carrying a discount code, valid or not, so codes cannot be guessed
    /// (`CHECKOUT_RATE_LIMIT_DISCOUNT`, 20/10m).
    pub discount: Option<Rate>,
    /// Card declines before a client's confirms are refused, and the window they are counted
    /// in (`CHECKOUT_DECLINE_LIMIT`, 5/15m): card testing.
    pub declines: Option<Rate>,
}

impl RateLimits {
    pub fn from_lookup(var: &impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let rate = |name: &str, default: Rate| -> Result<Option<Rate>, String> {
            match var(name) {
                None => Ok(Some(default)),
                Some(text) => Rate::parse(&text).map_err(|e| format!("{name}: {e}")),
            }
        };
        Ok(Self {
            confirm: rate("CHECKOUT_RATE_LIMIT_CONFIRM", Rate::per_minute(20, 1))?,
            cart: rate("CHECKOUT_RATE_LIMIT_CART", Rate::per_minute(60, 1))?,
            konbini: rate("CHECKOUT_RATE_LIMIT_KONBINI", Rate::per_minute(10, 1))?,
            lookup: rate("CHECKOUT_RATE_LIMIT_LOOKUP", Rate::per_minute(300, 1))?,
            discount: rate("CHECKOUT_RATE_LIMIT_DISCOUNT", Rate::per_minute(20, 10))?,
            declines: rate("CHECKOUT_DECLINE_LIMIT", Rate::per_minute(5, 15))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_count_per_period() {
        assert_eq!(Rate::parse("30/m").unwrap(), Some(Rate::per_minute(30, 1)));
        assert_eq!(Rate::parse(" 5/15m ").unwrap(), Some(Rate::per_minute(5, 15)));
        assert_eq!(Rate::parse("100/s").unwrap(), Some(Rate { count: 100, period: Duration::from_secs(1) }));
        assert_eq!(Rate::parse("2/1h").unwrap(), Some(Rate { count: 2, period: Duration::from_secs(3600) }));
        assert_eq!(Rate::parse("OFF").unwrap(), None);
        for bad in ["", "30", "0/m", "30/", "30/x", "30/0m", "-1/m", "a/m", "30/m/s"] {
            assert!(Rate::parse(bad).is_err(), "{bad:?}");
        }
    }
}
