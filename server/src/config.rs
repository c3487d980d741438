//! Configuration from the environment. Keys are never logged.

use std::net::SocketAddr;
use std::path::PathBuf;

use checkout_api::stripe_common::konbini::check_product_description;
use checkout_api::{AddressCollection, LayoutName, Look, ThemeName};

/// Stripe.js for the release train async-stripe's pinned API version belongs to
/// (2026-09-30.endive), as @stripe/stripe-js loads it.
pub const DEFAULT_STRIPE_JS_URL: &str = "https://js.stripe.com/endive/stripe.js";

#[derive(Clone)]
pub struct StripeConfig {
    pub secret_key: String,
    pub publishable_key: String,
    /// The webhook endpoint's signing secret (`whsec_...`).
    pub webhook_secret: String,
    /// `None`: api.stripe.com.
    pub api_base: Option<String>,
    pub js_url: String,
}

impl std::fmt::Debug for StripeConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeConfig")
            .field("secret_key", &"<redacted>")
            .field("webhook_secret", &"<redacted>")
            .field("publishable_key", &self.publishable_key)
            .field("api_base", &self.api_base)
            .field("js_url", &self.js_url)
            .finish()
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub stripe: StripeConfig,
    /// The Trunk-built app.
    pub dist_dir: PathBuf,
    /// The currency the catalogue is priced in.
    pub currency: String,
    /// Theme and layout of the page and the Payment Element.
    pub look: Look,
    /// Which address the Address Element collects, if any.
    pub address: AddressCollection,
    /// The signed-in customer (`cus_...`), for saved payment methods; `None`: a guest checkout.
    pub customer: Option<String>,
    pub konbini: KonbiniSettings,
    /// How often pages poll an order's or konbini payment's status (`CHECKOUT_STATUS_POLL_SECONDS`).
    pub status_poll_seconds: u32,
    /// `sqlite://...` or `postgres://...`.
    pub database_url: String,
    /// Test hook (`CHECKOUT_CRASH_BEFORE_COMMIT=<event type>`): abort the process after
    /// receiving such an event and before committing it, to test recovery.
    pub crash_before_commit: Option<String>,
}

/// Konbini payments: what the store shows, and when the instructions expire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KonbiniSettings {
    /// `product_description` (at most 22 Shift JIS characters).
    pub product_description: String,
    pub expiry: KonbiniExpiry,
}

/// `expires_after_days` or `expires_at` (never both); `StripeDefault`: neither (3 days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KonbiniExpiry {
    StripeDefault,
    AfterDays(u32),
    /// `expires_at` this many hours after the PaymentIntent is created.
    InHours(u32),
}

impl Config {
    /// `CHECKOUT_ADDR` (127.0.0.1:4242), `STRIPE_SECRET_KEY`, `STRIPE_PUBLISHABLE_KEY`,
    /// `STRIPE_API_BASE` (api.stripe.com), `STRIPE_JS_URL`, `CHECKOUT_DIST` (dist),
    /// `CHECKOUT_CURRENCY` (usd), `CHECKOUT_THEME` (stripe|night|flat), `CHECKOUT_LAYOUT`
    /// (tabs|accordion), `CHECKOUT_ADDRESS` (none|billing|shipping), `CHECKOUT_CUSTOMER` (cus_...),
    /// `CHECKOUT_KONBINI_DESCRIPTION`, `CHECKOUT_KONBINI_EXPIRES_AFTER_DAYS` (1-60) or
    /// `CHECKOUT_KONBINI_EXPIRES_IN_HOURS` (1-1439), `CHECKOUT_STATUS_POLL_SECONDS` (5),
    /// `STRIPE_WEBHOOK_SECRET`, `DATABASE_URL` (`postgres://...`) or `CHECKOUT_DB_PATH` (an
    /// SQLite file, `checkout.sqlite3`).
    pub fn from_env() -> Result<Self, String> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let addr = var("CHECKOUT_ADDR").unwrap_or_else(|| "127.0.0.1:4242".into());
        let addr = addr.parse().map_err(|e| format!("CHECKOUT_ADDR={addr:?} is not a socket address: {e}"))?;
        let secret_key = var("STRIPE_SECRET_KEY").ok_or("STRIPE_SECRET_KEY is not set")?;
        let publishable_key = var("STRIPE_PUBLISHABLE_KEY").ok_or("STRIPE_PUBLISHABLE_KEY is not set")?;
        let secret_mode =
            mode(&secret_key, &["sk_", "rk_"]).ok_or("STRIPE_SECRET_KEY must be a secret key (sk_... or rk_...)")?;
        let publishable_mode =
            mode(&publishable_key, &["pk_"]).ok_or("STRIPE_PUBLISHABLE_KEY must be a publishable key (pk_...)")?;
        if secret_mode != publishable_mode {
            return Err(format!(
                "STRIPE_SECRET_KEY is a {secret_mode} key but STRIPE_PUBLISHABLE_KEY is a {publishable_mode} key"
            ));
        }
        let api_base = var("STRIPE_API_BASE");
        if let Some(base) = &api_base
            && !(base.starts_with("http://") || base.starts_with("https://"))
        {
            return Err(format!("STRIPE_API_BASE={base:?} must be an http(s) URL"));
        }
        let currency = var("CHECKOUT_CURRENCY").unwrap_or_else(|| "usd".into()).to_ascii_lowercase();
        let parsed = |name: &str, default: &str| var(name).unwrap_or_else(|| default.to_owned());
        let theme: ThemeName =
            parsed("CHECKOUT_THEME", "stripe").parse().map_err(|e| format!("CHECKOUT_THEME: {e}"))?;
        let layout: LayoutName =
            parsed("CHECKOUT_LAYOUT", "tabs").parse().map_err(|e| format!("CHECKOUT_LAYOUT: {e}"))?;
        let address = parsed("CHECKOUT_ADDRESS", "none").parse().map_err(|e| format!("CHECKOUT_ADDRESS: {e}"))?;
        let customer = var("CHECKOUT_CUSTOMER");
        if customer.as_ref().is_some_and(|c| !c.starts_with("cus_")) {
            return Err("CHECKOUT_CUSTOMER must be a customer id (cus_...)".into());
        }
        let konbini = konbini_settings(&var)?;
        let status_poll_seconds = match var("CHECKOUT_STATUS_POLL_SECONDS") {
            None => 5,
            Some(v) => v
                .parse()
                .ok()
                .filter(|n| (1..=300).contains(n))
                .ok_or(format!("CHECKOUT_STATUS_POLL_SECONDS={v:?} must be 1-300"))?,
        };
        let webhook_secret = var("STRIPE_WEBHOOK_SECRET")
            .ok_or("STRIPE_WEBHOOK_SECRET is not set (the webhook endpoint's signing secret, whsec_...)")?;
        let database_url = match var("DATABASE_URL") {
            Some(url) => url,
            None => {
                format!("sqlite://{}?mode=rwc", var("CHECKOUT_DB_PATH").unwrap_or_else(|| "checkout.sqlite3".into()))
            }
        };
        Ok(Self {
            addr,
            stripe: StripeConfig {
                secret_key,
                publishable_key,
                webhook_secret,
                api_base,
                js_url: var("STRIPE_JS_URL").unwrap_or_else(|| DEFAULT_STRIPE_JS_URL.into()),
            },
            dist_dir: var("CHECKOUT_DIST").unwrap_or_else(|| "dist".into()).into(),
            currency,
            look: Look::preset(theme, layout),
            address,
            customer,
            konbini,
            status_poll_seconds,
            database_url,
            crash_before_commit: var("CHECKOUT_CRASH_BEFORE_COMMIT"),
        })
    }
}

fn konbini_settings(var: &impl Fn(&str) -> Option<String>) -> Result<KonbiniSettings, String> {
    let product_description = var("CHECKOUT_KONBINI_DESCRIPTION").unwrap_or_else(|| "フェリス商店 ご注文".into());
    check_product_description(&product_description).map_err(|e| {
        format!("CHECKOUT_KONBINI_DESCRIPTION {product_description:?}: {e:?} (at most 22 Shift JIS characters)")
    })?;
    let number = |name: &str, range: std::ops::RangeInclusive<u32>| -> Result<Option<u32>, String> {
        var(name)
            .map(|v| {
                v.parse::<u32>()
                    .ok()
                    .filter(|n| range.contains(n))
                    .ok_or(format!("{name}={v:?} must be a number in {range:?}"))
            })
            .transpose()
    };
    let expiry = match (
        number("CHECKOUT_KONBINI_EXPIRES_AFTER_DAYS", 1..=60)?,
        number("CHECKOUT_KONBINI_EXPIRES_IN_HOURS", 1..=1439)?,
    ) {
        (Some(_), Some(_)) => {
            return Err("set CHECKOUT_KONBINI_EXPIRES_AFTER_DAYS or CHECKOUT_KONBINI_EXPIRES_IN_HOURS, not both".into());
        }
        (Some(days), None) => KonbiniExpiry::AfterDays(days),
        (None, Some(hours)) => KonbiniExpiry::InHours(hours),
        (None, None) => KonbiniExpiry::StripeDefault,
    };
    Ok(KonbiniSettings { product_description, expiry })
}

/// "test" or "live" for a key with one of `prefixes`.
fn mode(key: &str, prefixes: &[&str]) -> Option<&'static str> {
    let rest = prefixes.iter().find_map(|p| key.strip_prefix(p))?;
    if rest.starts_with("test_") {
        Some("test")
    } else if rest.starts_with("live_") {
        Some("live")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, String> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn defaults_to_stripe_with_endive_stripe_js() {
        let c = config(&[
            ("STRIPE_SECRET_KEY", "sk_test_x"),
            ("STRIPE_PUBLISHABLE_KEY", "pk_test_x"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_x"),
        ])
        .unwrap();
        assert_eq!(c.database_url, "sqlite://checkout.sqlite3?mode=rwc");
        assert_eq!(c.stripe.api_base, None);
        assert_eq!(c.stripe.js_url, DEFAULT_STRIPE_JS_URL);
        assert_eq!(c.addr.to_string(), "127.0.0.1:4242");
        assert!(!format!("{c:?}").contains("sk_test_x"), "the secret key is never printed");
        assert!(!format!("{c:?}").contains("whsec_x"), "nor the webhook secret");
    }

    #[test]
    fn look_address_and_customer_are_checked() {
        let keys = [
            ("STRIPE_SECRET_KEY", "sk_test_x"),
            ("STRIPE_PUBLISHABLE_KEY", "pk_test_x"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_x"),
        ];
        let with = |extra: (&str, &str)| {
            let mut vars = keys.to_vec();
            vars.push(extra);
            config(&vars)
        };
        assert_eq!(with(("CHECKOUT_THEME", "night")).unwrap().look.theme, ThemeName::Night);
        assert_eq!(with(("CHECKOUT_ADDRESS", "shipping")).unwrap().address, AddressCollection::Shipping);
        assert!(with(("CHECKOUT_THEME", "dark")).unwrap_err().contains("CHECKOUT_THEME"));
        assert!(with(("CHECKOUT_LAYOUT", "grid")).is_err());
        assert!(with(("CHECKOUT_CUSTOMER", "pm_123")).is_err());
    }

    #[test]
    fn konbini_expiry_is_days_or_hours_never_both_and_the_description_is_checked() {
        let keys = [
            ("STRIPE_SECRET_KEY", "sk_test_x"),
            ("STRIPE_PUBLISHABLE_KEY", "pk_test_x"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_x"),
        ];
        let with = |extra: &[(&'static str, &'static str)]| {
            let mut vars = keys.to_vec();
            vars.extend_from_slice(extra);
            config(&vars)
        };
        assert_eq!(with(&[]).unwrap().konbini.expiry, KonbiniExpiry::StripeDefault);
        assert_eq!(
            with(&[("CHECKOUT_KONBINI_EXPIRES_AFTER_DAYS", "2")]).unwrap().konbini.expiry,
            KonbiniExpiry::AfterDays(2)
        );
        assert_eq!(
            with(&[("CHECKOUT_KONBINI_EXPIRES_IN_HOURS", "6")]).unwrap().konbini.expiry,
            KonbiniExpiry::InHours(6)
        );
        let both = with(&[("CHECKOUT_KONBINI_EXPIRES_AFTER_DAYS", "2"), ("CHECKOUT_KONBINI_EXPIRES_IN_HOURS", "6")]);
        assert!(both.unwrap_err().contains("not both"));
        assert!(with(&[("CHECKOUT_KONBINI_EXPIRES_AFTER_DAYS", "61")]).is_err());
        assert!(with(&[("CHECKOUT_KONBINI_DESCRIPTION", "Tシャツ①")]).is_err());
        assert!(with(&[("CHECKOUT_KONBINI_DESCRIPTION", "あいうえおかきくけこさしすせそたちつてとなにぬ")]).is_err());
    }

    #[test]
    fn refuses_missing_swapped_and_mixed_mode_keys() {
        assert!(config(&[("STRIPE_PUBLISHABLE_KEY", "pk_test_x")]).unwrap_err().contains("STRIPE_SECRET_KEY"));
        let no_webhook_secret = config(&[("STRIPE_SECRET_KEY", "sk_test_x"), ("STRIPE_PUBLISHABLE_KEY", "pk_test_x")]);
        assert!(no_webhook_secret.unwrap_err().contains("STRIPE_WEBHOOK_SECRET"));
        assert!(config(&[("STRIPE_SECRET_KEY", "pk_test_x"), ("STRIPE_PUBLISHABLE_KEY", "sk_test_x")]).is_err());
        let mixed = config(&[("STRIPE_SECRET_KEY", "sk_live_x"), ("STRIPE_PUBLISHABLE_KEY", "pk_test_x")]).unwrap_err();
        assert!(mixed.contains("live") && mixed.contains("test"), "{mixed}");
    }
}
