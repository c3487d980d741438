use serde_json::{Map, Value, json};

/// A Checkout Session lives 24 hours unless `expires_at` says otherwise.
pub const DEFAULT_LIFETIME_SECONDS: i64 = 24 * 60 * 60;

/// `status`: open until paid (complete) or expired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Open,
    Complete,
    Expired,
}

/// One line of the order, from `line_items[][price_data]`: Stripe makes an inline Price and
/// Product for it, and so does the stand-in (ids only; they are not objects of their own).
#[derive(Debug, Clone)]
pub struct LineItem {
    pub id: String,
    pub price: String,
    pub product: String,
    pub created: i64,
    /// The product's name, which Stripe shows as the line's description.
    pub name: String,
    pub unit_amount: i64,
    pub currency: String,
    pub quantity: i64,
}

impl LineItem {
    pub fn amount(&self) -> i64 {
        self.unit_amount * self.quantity
    }

    /// Stripe's `item` (the line items list's entries), with its inline Price.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "item",
            "adjustable_quantity": null,
            "amount_discount": 0,
            "amount_subtotal": self.amount(),
            "amount_tax": 0,
            "amount_total": self.amount(),
            "currency": self.currency,
            "description": self.name,
            "metadata": {},
            "price": {
                "id": self.price,
                "object": "price",
                // Prices made from price_data exist for this session only.
                "active": false,
                "billing_scheme": "per_unit",
                "created": self.created,
                "currency": self.currency,
                "custom_unit_amount": null,
                "livemode": false,
                "lookup_key": null,
                "metadata": {},
                "nickname": null,
                "product": self.product,
                "recurring": null,
                "tax_behavior": "unspecified",
                "tiers_mode": null,
                "transform_quantity": null,
                "type": "one_time",
                "unit_amount": self.unit_amount,
                "unit_amount_decimal": self.unit_amount.to_string(),
            },
            "quantity": self.quantity,
        })
    }
}

/// How the shopper sees the session: a page of Stripe's they are sent to, or one the
/// merchant's page embeds with Stripe.js.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiMode {
    /// As the request named it: `embedded_page` / `hosted_page` (API versions since
    /// 2026-03-25.dahlia) or `embedded` / `hosted` (older ones); the session answers with the
    /// caller's name.
    pub name: String,
    pub embedded: bool,
}

/// A Checkout Session in `payment` mode, as the stand-in keeps it.
#[derive(Debug, Clone)]
pub struct CheckoutSession {
    pub id: String,
    /// The connected account it was made on, or `None`: the platform's.
    pub account: Option<String>,
    /// What the page is loaded with: by Stripe.js for an embedded session (the session's
    /// `client_secret`), in the `url` of a hosted one (not rendered).
    pub client_secret: String,
    pub created: i64,
    pub expires_at: i64,
    pub ui_mode: UiMode,
    pub currency: String,
    pub line_items: Vec<LineItem>,
    pub customer: Option<String>,
    pub customer_email: Option<String>,
    pub client_reference_id: Option<String>,
    pub metadata: Map<String, Value>,
    /// `payment_intent_data[metadata]` and `[description]`, for the PaymentIntent paying it.
    pub payment_intent_metadata: Map<String, Value>,
    pub payment_intent_description: Option<String>,
    /// `None`: the payment methods of the Dashboard (cards, for the stand-in).
    pub payment_method_types: Option<Vec<String>>,
    pub return_url: Option<String>,
    pub redirect_on_completion: Option<String>,
    pub success_url: Option<String>,
    pub cancel_url: Option<String>,
    /// Where a hosted session is paid.
    pub url: Option<String>,
    pub status: SessionStatus,
    /// The PaymentIntent of the shopper's attempts (made at the first one, kept for retries
    /// after a decline); shown as `payment_intent` once it paid the session.
    pub attempt: Option<String>,
    /// The email the shopper paid with.
    pub paid_email: Option<String>,
}

impl CheckoutSession {
    pub fn amount_total(&self) -> i64 {
        self.line_items.iter().map(LineItem::amount).sum()
    }

    pub fn payment_method_types(&self) -> Vec<String> {
        self.payment_method_types.clone().unwrap_or_else(|| vec!["card".into()])
    }

    /// Where the shopper goes once paid, with the session's id in place of
    /// `{CHECKOUT_SESSION_ID}`: an embedded session's `return_url` (`None` when it says not to
    /// redirect; cards never need a redirect, so `if_required` does not either), a hosted
    /// one's `success_url`.
    pub fn redirect_url(&self) -> Option<String> {
        let url = match (self.ui_mode.embedded, self.redirect_on_completion.as_deref()) {
            (true, Some("never" | "if_required")) => None,
            (true, _) => self.return_url.as_ref(),
            (false, _) => self.success_url.as_ref(),
        };
        url.map(|url| url.replace("{CHECKOUT_SESSION_ID}", &self.id))
    }

    pub fn to_json(&self) -> Value {
        let complete = self.status == SessionStatus::Complete;
        let amount = self.amount_total();
        let mut json = json!({
            "id": self.id,
            "object": "checkout.session",
            "adaptive_pricing": {"enabled": false},
            "after_expiration": null,
            "allow_promotion_codes": null,
            "amount_subtotal": amount,
            "amount_total": amount,
            "automatic_tax": {"enabled": false, "liability": null, "provider": null, "status": null},
            "billing_address_collection": null,
            "cancel_url": self.cancel_url,
            "client_reference_id": self.client_reference_id,
            "client_secret": self.ui_mode.embedded.then_some(&self.client_secret),
            "collected_information": null,
            "consent": null,
            "consent_collection": null,
            "created": self.created,
            "currency": self.currency,
            "currency_conversion": null,
            "custom_fields": [],
            "custom_text": {"after_submit": null, "shipping_address": null, "submit": null, "terms_of_service_acceptance": null},
            "customer": self.customer,
            "customer_account": null,
            "customer_creation": if self.customer.is_some() { Value::Null } else { json!("if_required") },
            "customer_details": if complete { self.customer_details() } else { Value::Null },
            "customer_email": self.customer_email,
            "discounts": [],
            "expires_at": self.expires_at,
            "integration_identifier": null,
            "invoice": null,
            "invoice_creation": {
                "enabled": false,
                "invoice_data": {
                    "account_tax_ids": null,
                    "custom_fields": null,
                    "description": null,
                    "footer": null,
                    "issuer": null,
                    "metadata": {},
                    "rendering_options": null,
                },
            },
            "livemode": false,
            "locale": null,
            "managed_payments": {"enabled": false},
            "metadata": self.metadata,
            "mode": "payment",
            "origin_context": null,
            "payment_intent": if complete { json!(self.attempt) } else { Value::Null },
            "payment_link": null,
            "payment_method_collection": "if_required",
            "payment_method_configuration_details": match self.payment_method_types {
                None => json!({"id": "pmc_standin_default", "parent": null}),
                Some(_) => Value::Null,
            },
            "payment_method_options": {"card": {"request_three_d_secure": "automatic"}},
            "payment_method_types": self.payment_method_types(),
            "payment_status": if complete { "paid" } else { "unpaid" },
            "permissions": null,
            "phone_number_collection": {"enabled": false},
            "recovered_from": null,
            "saved_payment_method_options": match self.customer {
                Some(_) => json!({"allow_redisplay_filters": ["always"], "payment_method_remove": null, "payment_method_save": null}),
                None => Value::Null,
            },
            "setup_intent": null,
            "shipping_address_collection": null,
            "shipping_cost": null,
            "shipping_options": [],
            "status": self.status,
            "submit_type": null,
            "subscription": null,
            "success_url": self.success_url,
            "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
            "ui_mode": self.ui_mode.name,
            "url": self.url,
            "wallet_options": null,
        });
        // Fields Stripe renders for the sessions that use them (not in its fixture).
        if self.ui_mode.embedded {
            json["return_url"] = json!(self.return_url);
            json["redirect_on_completion"] = json!(self.redirect_on_completion.as_deref().unwrap_or("always"));
        }
        json
    }

    /// What the embedded page may see with the client secret and a publishable key: what the
    /// shopper is shown, never the merchant's own fields (metadata, customer, references).
    pub fn to_page_json(&self, prefilled_email: Option<&str>) -> Value {
        let lines: Vec<Value> = self
            .line_items
            .iter()
            .map(|line| {
                json!({
                    "id": line.id,
                    "description": line.name,
                    "quantity": line.quantity,
                    "unit_amount": line.unit_amount,
                    "amount_total": line.amount(),
                    "currency": line.currency,
                })
            })
            .collect();
        let complete = self.status == SessionStatus::Complete;
        json!({
            "id": self.id,
            "object": "checkout.session",
            "amount_subtotal": self.amount_total(),
            "amount_total": self.amount_total(),
            "currency": self.currency,
            "customer_email": prefilled_email,
            "expires_at": self.expires_at,
            "line_items": lines,
            "livemode": false,
            "payment_method_types": self.payment_method_types(),
            "payment_status": if complete { "paid" } else { "unpaid" },
            "status": self.status,
            "ui_mode": self.ui_mode.name,
            "redirect_url": if complete { json!(self.redirect_url()) } else { Value::Null },
        })
    }

    fn customer_details(&self) -> Value {
        json!({
            "address": {"city": null, "country": null, "line1": null, "line2": null, "postal_code": null, "state": null},
            "business_name": null,
            "email": self.paid_email,
            "individual_name": null,
            "name": null,
            "phone": null,
            "tax_exempt": "none",
            "tax_ids": [],
        })
    }
}
