//! Configuration from the environment. Keys are never logged.

mod limits;
mod secret;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use checkout_api::stripe_common::konbini::check_product_description;
use checkout_api::{AddressCollection, LayoutName, Look, ThemeName};

pub use limits::{Rate, RateLimits};
pub use secret::Secret;

/// Stripe.js for the release train async-stripe's pinned API version belongs to
/// (2026-09-30.endive), as @stripe/stripe-js loads it.
pub const DEFAULT_STRIPE_JS_URL: &str = "https://js.stripe.com/endive/stripe.js";

#[derive(Clone)]
pub struct StripeConfig {
    pub secret_key: String,
    pub publishable_key: String,
    /// The webhook endpoint's signing secret (`whsec_...`).
    pub webhook_secret: String,
    /// The Connect webhook endpoint's (connected accounts' events), `STRIPE_CONNECT_WEBHOOK_SECRET`.
    pub connect_webhook_secret: Option<String>,
    /// `None`: api.stripe.com.
    pub api_base: Option<String>,
    pub js_url: String,
    /// Per attempt of one Stripe call (`STRIPE_TIMEOUT_SECONDS`, 20).
    pub timeout_seconds: u64,
}

impl StripeConfig {
    /// `test` or `live`, as the secret key says (the publishable key was checked to agree).
    pub fn mode(&self) -> &'static str {
        mode(&self.secret_key, &["sk_", "rk_"]).unwrap_or("unknown")
    }

    /// Not Stripe but a stand-in (`STRIPE_API_BASE` elsewhere than api.stripe.com): test keys
    /// only, and the demo sign-in is offered.
    pub fn offline(&self) -> bool {
        self.api_base.as_deref().is_some_and(|base| !base.starts_with(STRIPE_API))
    }

    /// Origins other than Stripe's the page must reach: the stand-in's, when offline.
    pub fn stand_in_origins(&self) -> Vec<String> {
        let mut origins: Vec<String> = [self.api_base.as_deref(), Some(self.js_url.as_str())]
            .into_iter()
            .flatten()
            .filter(|url| !url.starts_with(STRIPE_API) && !url.starts_with(STRIPE_JS))
            .filter_map(origin_of)
            .collect();
        origins.dedup();
        origins
    }
}

/// A token a person types or a scraper sends (`name`): at least 16 characters, no blanks.
fn access_token(var: &impl Fn(&str) -> Option<String>, name: &str) -> Result<Option<Secret>, String> {
    match var(name) {
        Some(token) if token.len() < 16 || token.chars().any(char::is_whitespace) => {
            Err(format!("{name} must be at least 16 characters, without blanks"))
        }
        token => Ok(token.map(Secret::new)),
    }
}

const STRIPE_API: &str = "https://api.stripe.com";
const STRIPE_JS: &str = "https://js.stripe.com/";

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

impl std::fmt::Debug for StripeConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeConfig")
            .field("secret_key", &"<redacted>")
            .field("webhook_secret", &"<redacted>")
            .field("connect_webhook_secret", &self.connect_webhook_secret.as_ref().map(|_| "<redacted>"))
            .field("publishable_key", &self.publishable_key)
            .field("api_base", &self.api_base)
            .field("js_url", &self.js_url)
            .field("timeout_seconds", &self.timeout_seconds)
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
    /// Offline only: the customer the page's demo sign-in signs in as (`CHECKOUT_DEMO_CUSTOMER`).
    pub demo_customer: Option<String>,
    /// Signs the session cookie (`CHECKOUT_SESSION_SECRET`, at least 32 bytes); `None`: a random
    /// one per process (sessions end with it).
    pub session_secret: Option<Secret>,
    /// Let the Payment Element remove saved cards (`CHECKOUT_SAVED_CARDS_REMOVE=1`).
    pub saved_cards_remove: bool,
    /// Origins allowed to frame the checkout (`CHECKOUT_EMBED_ORIGINS`, comma-separated); none
    /// by default, so it cannot be clickjacked.
    pub embed_origins: Vec<String>,
    /// The header a trusted proxy puts the client's address in (`CHECKOUT_CLIENT_IP_HEADER`,
    /// e.g. `X-Forwarded-For`: its last address); `None`: the peer address.
    pub client_ip_header: Option<String>,
    pub limits: RateLimits,
    /// Longest time one `/api` request may take (`CHECKOUT_REQUEST_TIMEOUT_SECONDS`, 45).
    pub request_timeout: Duration,
    /// How long a SIGTERM waits for requests in flight (`CHECKOUT_SHUTDOWN_GRACE_SECONDS`, 25).
    pub shutdown_grace: Duration,
    /// Pending orders older than this are marked abandoned (`CHECKOUT_ABANDON_AFTER_SECONDS`,
    /// a day).
    pub abandon_after: Duration,
    pub konbini: KonbiniSettings,
    /// How often pages poll an order's or konbini payment's status (`CHECKOUT_STATUS_POLL_SECONDS`).
    pub status_poll_seconds: u32,
    /// `sqlite://...` or `postgres://...`.
    pub database_url: String,
    /// `GET /metrics` answers only `Authorization: Bearer <this>` (`CHECKOUT_METRICS_TOKEN`, at
    /// least 16 characters); `None`: anyone who reaches it (keep it off the public proxy).
    pub metrics_token: Option<Secret>,
    /// The platform operator signs in to the operator pages with this (`CHECKOUT_OPERATOR_TOKEN`,
    /// at least 16 characters); `None`: the operator pages are off.
    pub operator_token: Option<Secret>,
    /// The scheduled data export (`CHECKOUT_EXPORT_DIR`), off when `None`.
    pub export: Option<crate::export::Schedule>,
    /// Where the email jobs' completion event is sent, signed as Stripe signs its events
    /// (`CHECKOUT_OPERATOR_WEBHOOK_URLS`, `CHECKOUT_OPERATOR_WEBHOOK_SECRET`); `None`: nowhere.
    pub operator_webhooks: Option<OperatorWebhooks>,
    /// Each marketplace seller's connected account (`CHECKOUT_SELLER_ACCOUNTS`,
    /// `seller=acct_...` pairs); a seller not named gets one made on the stand-in, offline only.
    pub seller_accounts: std::collections::HashMap<String, String>,
    /// Test hook, only in builds with the `test-hooks` feature
    /// (`CHECKOUT_CRASH_BEFORE_COMMIT=<event type>`): abort the process after receiving such an
    /// event and before committing it, to test recovery.
    pub crash_before_commit: Option<String>,
}

/// The platform's own endpoints for the operator's events, and the secret that signs them.
#[derive(Debug, Clone)]
pub struct OperatorWebhooks {
    pub urls: Vec<String>,
    pub secret: Secret,
}

/// `CHECKOUT_OPERATOR_WEBHOOK_URLS` (comma-separated http(s) URLs) with
/// `CHECKOUT_OPERATOR_WEBHOOK_SECRET` (`whsec_...`, at least 16 characters after it).
fn operator_webhooks(var: &impl Fn(&str) -> Option<String>) -> Result<Option<OperatorWebhooks>, String> {
    let Some(urls) = var("CHECKOUT_OPERATOR_WEBHOOK_URLS") else {
        return Ok(None);
    };
    let urls: Vec<String> = urls.split(',').map(str::trim).filter(|u| !u.is_empty()).map(str::to_owned).collect();
    if let Some(bad) = urls.iter().find(|u| !(u.starts_with("https://") || u.starts_with("http://"))) {
        return Err(format!("CHECKOUT_OPERATOR_WEBHOOK_URLS: {bad:?} is not an http(s) URL"));
    }
    let secret = var("CHECKOUT_OPERATOR_WEBHOOK_SECRET")
        .filter(|s| s.strip_prefix("whsec_").is_some_and(|rest| rest.len() >= 16))
        .ok_or(
            "CHECKOUT_OPERATOR_WEBHOOK_URLS needs CHECKOUT_OPERATOR_WEBHOOK_SECRET: whsec_ and at least 16 characters",
        )?;
    Ok(Some(OperatorWebhooks { urls, secret: Secret::new(secret) }))
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
    /// (tabs|accordion), `CHECKOUT_ADDRESS` (none|billing|shipping), the safety settings of
    /// README's table, `CHECKOUT_KONBINI_DESCRIPTION`, `CHECKOUT_KONBINI_EXPIRES_AFTER_DAYS` (1-60) or
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
        let js_url = var("STRIPE_JS_URL").unwrap_or_else(|| DEFAULT_STRIPE_JS_URL.into());
        if secret_mode == "live" {
            // Live card data and keys go to Stripe only, and only over TLS.
            if api_base.as_ref().is_some_and(|b| !b.starts_with("https://")) {
                return Err("a live key must not be sent over http: STRIPE_API_BASE must be https://".into());
            }
            if !js_url.starts_with(STRIPE_JS) {
                return Err(format!("with a live key Stripe.js must come from {STRIPE_JS}, not {js_url:?}"));
            }
        }
        let currency = var("CHECKOUT_CURRENCY").unwrap_or_else(|| "usd".into()).to_ascii_lowercase();
        let parsed = |name: &str, default: &str| var(name).unwrap_or_else(|| default.to_owned());
        let theme: ThemeName =
            parsed("CHECKOUT_THEME", "stripe").parse().map_err(|e| format!("CHECKOUT_THEME: {e}"))?;
        let layout: LayoutName =
            parsed("CHECKOUT_LAYOUT", "tabs").parse().map_err(|e| format!("CHECKOUT_LAYOUT: {e}"))?;
        let address = parsed("CHECKOUT_ADDRESS", "none").parse().map_err(|e| format!("CHECKOUT_ADDRESS: {e}"))?;
        if var("CHECKOUT_CUSTOMER").is_some() {
            return Err("CHECKOUT_CUSTOMER is gone: it showed one customer's saved cards to every visitor. \
                        Customers sign in (offline: the page's demo sign-in, CHECKOUT_DEMO_CUSTOMER)."
                .into());
        }
        let demo_customer = var("CHECKOUT_DEMO_CUSTOMER");
        if demo_customer.as_ref().is_some_and(|c| !c.starts_with("cus_")) {
            return Err("CHECKOUT_DEMO_CUSTOMER must be a customer id (cus_...)".into());
        }
        let session_secret = var("CHECKOUT_SESSION_SECRET").map(Secret::new);
        if session_secret.as_ref().is_some_and(|s| s.len() < 32) {
            return Err("CHECKOUT_SESSION_SECRET must be at least 32 characters".into());
        }
        let operator_token = access_token(&var, "CHECKOUT_OPERATOR_TOKEN")?;
        let operator_webhooks = operator_webhooks(&var)?;
        let metrics_token = access_token(&var, "CHECKOUT_METRICS_TOKEN")?;
        let embed_origins = match var("CHECKOUT_EMBED_ORIGINS") {
            None => Vec::new(),
            Some(list) => {
                list.split(',').map(str::trim).filter(|o| !o.is_empty()).map(embed_origin).collect::<Result<_, _>>()?
            }
        };
        let seconds = |name: &str, default: u64, range: std::ops::RangeInclusive<u64>| -> Result<u64, String> {
            match var(name) {
                None => Ok(default),
                Some(v) => v
                    .parse()
                    .ok()
                    .filter(|n| range.contains(n))
                    .ok_or(format!("{name}={v:?} must be {range:?} seconds")),
            }
        };
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
                connect_webhook_secret: var("STRIPE_CONNECT_WEBHOOK_SECRET").filter(|s| !s.is_empty()),
                api_base,
                js_url,
                timeout_seconds: seconds("STRIPE_TIMEOUT_SECONDS", 20, 1..=120)?,
            },
            dist_dir: var("CHECKOUT_DIST").unwrap_or_else(|| "dist".into()).into(),
            currency,
            look: Look::preset(theme, layout),
            address,
            demo_customer,
            session_secret,
            saved_cards_remove: var("CHECKOUT_SAVED_CARDS_REMOVE").is_some_and(|v| v == "1" || v == "true"),
            embed_origins,
            client_ip_header: var("CHECKOUT_CLIENT_IP_HEADER"),
            limits: RateLimits::from_lookup(&var)?,
            request_timeout: Duration::from_secs(seconds("CHECKOUT_REQUEST_TIMEOUT_SECONDS", 45, 1..=600)?),
            shutdown_grace: Duration::from_secs(seconds("CHECKOUT_SHUTDOWN_GRACE_SECONDS", 25, 0..=600)?),
            abandon_after: Duration::from_secs(seconds("CHECKOUT_ABANDON_AFTER_SECONDS", 86_400, 1..=90 * 86_400)?),
            konbini,
            status_poll_seconds,
            database_url,
            metrics_token,
            operator_token,
            export: crate::export::Schedule::from_lookup(&var)?,
            operator_webhooks,
            seller_accounts: crate::marketplace::parse_accounts(var("CHECKOUT_SELLER_ACCOUNTS").as_deref())?,
            crash_before_commit: crash_before_commit(var("CHECKOUT_CRASH_BEFORE_COMMIT"))?,
        })
        .and_then(Self::checked)
    }

    /// Settings that are wrong together.
    fn checked(self) -> Result<Self, String> {
        if self.demo_customer.is_some() && !self.stripe.offline() {
            return Err("CHECKOUT_DEMO_CUSTOMER works offline only (on the stand-in): a demo sign-in must never reach a real customer".into());
        }
        Ok(self)
    }
}

/// The crash hook exists in test builds only: a release binary refuses the variable rather than
/// ignore a setting someone thought was in force.
fn crash_before_commit(value: Option<String>) -> Result<Option<String>, String> {
    crash_hook_in(value, cfg!(feature = "test-hooks"))
}

fn crash_hook_in(value: Option<String>, test_build: bool) -> Result<Option<String>, String> {
    match value {
        Some(_) if !test_build => {
            Err("CHECKOUT_CRASH_BEFORE_COMMIT exists only in test builds (cargo feature test-hooks)".into())
        }
        value => Ok(value),
    }
}

/// An origin allowed to embed the checkout: `https://host[:port]`, or http for loopback only
/// (a plaintext origin's pages can be rewritten on the way, and the origin gets the shopper's
/// session with its calls). Lowercased, as browsers send `Origin`.
fn embed_origin(origin: &str) -> Result<String, String> {
    let origin = origin.trim_end_matches('/').to_ascii_lowercase();
    let loopback = ["http://localhost", "http://127.0.0.1", "http://[::1]"]
        .iter()
        .any(|host| origin == *host || origin.strip_prefix(host).is_some_and(|port| port.starts_with(':')));
    let valid = origin_of(&origin).is_some_and(|o| o == origin)
        && (origin.starts_with("https://") || loopback)
        && !origin.contains(['*', ' ', ';', '\'', '"']);
    if valid {
        Ok(origin)
    } else {
        Err(format!(
            "CHECKOUT_EMBED_ORIGINS: {origin:?} is not an origin like https://shop.example (http only for localhost, 127.0.0.1, [::1])"
        ))
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
        assert_eq!(c.metrics_token, None, "/metrics is open unless a token is set");
        let secrets = [("CHECKOUT_SESSION_SECRET", "s".repeat(40)), ("CHECKOUT_METRICS_TOKEN", "m".repeat(20))];
        let vars = [
            ("STRIPE_SECRET_KEY", "sk_test_x"),
            ("STRIPE_PUBLISHABLE_KEY", "pk_test_x"),
            ("STRIPE_WEBHOOK_SECRET", "whsec_x"),
        ];
        let set = Config::from_lookup(|name| {
            secrets
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
                .or_else(|| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned()))
        })
        .unwrap();
        assert!(set.metrics_token.as_ref().unwrap().matches(&"m".repeat(20)));
        assert!(
            !format!("{set:?}").contains("sssss") && !format!("{set:?}").contains("mmmmm"),
            "secrets never printed"
        );
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

    const TEST_KEYS: [(&str, &str); 3] = [
        ("STRIPE_SECRET_KEY", "sk_test_x"),
        ("STRIPE_PUBLISHABLE_KEY", "pk_test_x"),
        ("STRIPE_WEBHOOK_SECRET", "whsec_x"),
    ];
    const LIVE_KEYS: [(&str, &str); 3] = [
        ("STRIPE_SECRET_KEY", "sk_live_x"),
        ("STRIPE_PUBLISHABLE_KEY", "pk_live_x"),
        ("STRIPE_WEBHOOK_SECRET", "whsec_x"),
    ];

    fn with(keys: &[(&'static str, &'static str)], extra: &[(&'static str, &'static str)]) -> Result<Config, String> {
        let mut vars = keys.to_vec();
        vars.extend_from_slice(extra);
        config(&vars)
    }

    #[test]
    fn a_live_key_goes_to_stripe_over_tls_only() {
        assert!(with(&LIVE_KEYS, &[]).is_ok());
        let http = with(&LIVE_KEYS, &[("STRIPE_API_BASE", "http://127.0.0.1:12111")]).unwrap_err();
        assert!(http.contains("https"), "{http}");
        let script = with(&LIVE_KEYS, &[("STRIPE_JS_URL", "https://cdn.example/stripe.js")]).unwrap_err();
        assert!(script.contains("js.stripe.com"), "{script}");
        assert!(with(&LIVE_KEYS, &[("STRIPE_JS_URL", "https://js.stripe.com/endive/stripe.js")]).is_ok());
        assert!(
            with(&TEST_KEYS, &[("STRIPE_API_BASE", "http://127.0.0.1:12111")]).is_ok(),
            "test keys may use the stand-in"
        );
    }

    #[test]
    fn the_demo_customer_is_for_the_stand_in_only_and_the_shared_customer_is_gone() {
        let offline = [("STRIPE_API_BASE", "http://127.0.0.1:12111"), ("CHECKOUT_DEMO_CUSTOMER", "cus_1")];
        assert_eq!(with(&TEST_KEYS, &offline).unwrap().demo_customer.as_deref(), Some("cus_1"));
        assert!(with(&TEST_KEYS, &[("CHECKOUT_DEMO_CUSTOMER", "cus_1")]).unwrap_err().contains("offline"));
        assert!(with(&TEST_KEYS, &[("CHECKOUT_CUSTOMER", "cus_1")]).unwrap_err().contains("CHECKOUT_CUSTOMER is gone"));
        assert!(with(&TEST_KEYS, &[("CHECKOUT_SESSION_SECRET", "short")]).is_err());
        assert!(
            with(&TEST_KEYS, &[("CHECKOUT_METRICS_TOKEN", "short")]).unwrap_err().contains("CHECKOUT_METRICS_TOKEN")
        );
    }

    #[test]
    fn operator_settings_are_checked() {
        let error = |extra: &[(&'static str, &'static str)]| with(&TEST_KEYS, extra).unwrap_err();
        assert!(error(&[("CHECKOUT_OPERATOR_TOKEN", "short")]).contains("CHECKOUT_OPERATOR_TOKEN"));
        let url = ("CHECKOUT_OPERATOR_WEBHOOK_URLS", "https://platform.example/hooks");
        assert!(error(&[url]).contains("CHECKOUT_OPERATOR_WEBHOOK_SECRET"), "the URLs need their secret");
        assert!(error(&[url, ("CHECKOUT_OPERATOR_WEBHOOK_SECRET", "whsec_short")]).contains("16"));
        let not_http = ("CHECKOUT_OPERATOR_WEBHOOK_URLS", "platform.example/hooks");
        assert!(error(&[not_http, ("CHECKOUT_OPERATOR_WEBHOOK_SECRET", "whsec_0123456789abcdef")]).contains("http"));
        let two = ("CHECKOUT_OPERATOR_WEBHOOK_URLS", " https://a.example/h , http://127.0.0.1:9/h ,");
        let set = with(&TEST_KEYS, &[two, ("CHECKOUT_OPERATOR_WEBHOOK_SECRET", "whsec_0123456789abcdef")]).unwrap();
        assert_eq!(set.operator_webhooks.unwrap().urls, ["https://a.example/h", "http://127.0.0.1:9/h"]);
        assert!(with(&TEST_KEYS, &[]).unwrap().operator_webhooks.is_none());
    }

    #[test]
    fn safety_settings_have_sane_defaults_and_are_checked() {
        let c = with(&TEST_KEYS, &[]).unwrap();
        assert_eq!(
            (c.shutdown_grace.as_secs(), c.request_timeout.as_secs(), c.abandon_after.as_secs()),
            (25, 45, 86_400)
        );
        assert_eq!(c.limits.declines, Some(Rate::per_minute(5, 15)));
        assert!(c.embed_origins.is_empty() && !c.saved_cards_remove && !c.stripe.offline());
        let set = with(
            &TEST_KEYS,
            &[("CHECKOUT_EMBED_ORIGINS", "https://Shop.example/, http://127.0.0.1:8000, http://localhost:3000")],
        )
        .unwrap();
        assert_eq!(set.embed_origins, ["https://shop.example", "http://127.0.0.1:8000", "http://localhost:3000"]);
        for bad in [
            "shop.example",
            "https://*.example",
            "https://shop.example/path",
            "javascript:alert(1)",
            // Plaintext beyond loopback: its pages could be rewritten on the way.
            "http://shop.example",
            "http://localhost.evil.example",
            "http://127.0.0.1.evil.example",
        ] {
            assert!(with(&TEST_KEYS, &[("CHECKOUT_EMBED_ORIGINS", bad)]).is_err(), "{bad}");
        }
        assert!(
            with(&TEST_KEYS, &[("CHECKOUT_RATE_LIMIT_CONFIRM", "lots")])
                .unwrap_err()
                .contains("CHECKOUT_RATE_LIMIT_CONFIRM")
        );
        assert_eq!(with(&TEST_KEYS, &[("CHECKOUT_RATE_LIMIT_LOOKUP", "off")]).unwrap().limits.lookup, None);
        assert!(with(&TEST_KEYS, &[("CHECKOUT_SHUTDOWN_GRACE_SECONDS", "-1")]).is_err());
    }

    #[test]
    fn the_crash_hook_exists_in_test_builds_only() {
        let refused = crash_hook_in(Some("payment_intent.succeeded".into()), false).unwrap_err();
        assert!(refused.contains("test builds"), "{refused}");
        assert_eq!(crash_hook_in(Some("x".into()), true).unwrap().as_deref(), Some("x"));
        assert_eq!(crash_hook_in(None, false).unwrap(), None);
    }
}
