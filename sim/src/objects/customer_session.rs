use serde_json::{Value, json};

/// A CustomerSession lives 30 minutes.
pub const LIFETIME_SECONDS: i64 = 30 * 60;

/// The Payment Element part of a CustomerSession; the other components are recorded as
/// disabled.
#[derive(Debug, Clone, Default)]
pub struct PaymentElementFeatures {
    pub enabled: bool,
    pub redisplay: bool,
    pub save: bool,
    pub remove: bool,
    /// `off_session` or `on_session`, when saving is enabled.
    pub save_usage: Option<String>,
    /// Which saved payment methods may be shown, by their `allow_redisplay`.
    pub allow_redisplay_filters: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CustomerSession {
    pub client_secret: String,
    /// The account of its customer.
    pub account: Option<String>,
    pub customer: String,
    pub created: i64,
    pub payment_element: PaymentElementFeatures,
}

impl CustomerSession {
    pub fn expires_at(&self) -> i64 {
        self.created + LIFETIME_SECONDS
    }

    pub fn to_json(&self) -> Value {
        let f = &self.payment_element;
        let flag = |on: bool| if on { "enabled" } else { "disabled" };
        json!({
            "object": "customer_session",
            "client_secret": self.client_secret,
            "components": {
                // Newer than the fixtures (2026-07-29); required at API version 2026-09-30.
                "active_entitlements": {"enabled": false},
                "customer_portal": {"enabled": false},
                "buy_button": {"enabled": false},
                "payment_element": {
                    "enabled": f.enabled,
                    "features": {
                        "payment_method_allow_redisplay_filters": f.allow_redisplay_filters,
                        "payment_method_redisplay": flag(f.redisplay),
                        "payment_method_redisplay_limit": if f.redisplay { json!(3) } else { Value::Null },
                        "payment_method_remove": flag(f.remove),
                        "payment_method_save": flag(f.save),
                        "payment_method_save_usage": f.save_usage,
                    },
                },
                "pricing_table": {"enabled": false},
                "customer_sheet": {"enabled": false, "features": null},
                "mobile_payment_element": {"enabled": false, "features": null},
            },
            "created": self.created,
            "customer": self.customer,
            "customer_account": null,
            "expires_at": self.expires_at(),
            "livemode": false,
        })
    }
}
