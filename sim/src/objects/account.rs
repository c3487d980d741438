use serde_json::{Map, Value, json};

/// Who is responsible for what on a connected account: Stripe's `controller` properties, which
/// today replace account types (a `type` maps to a set of them; docs.stripe.com/connect/
/// migrate-to-controller-properties).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Controller {
    /// `account`, `application` (`application_express` and `application_custom` for Express
    /// and Custom accounts, as Stripe renders theirs).
    pub fees_payer: String,
    /// `application` or `stripe`: who is liable for negative balances.
    pub losses_payments: String,
    /// `application` or `stripe`: who collects updated requirements.
    pub requirement_collection: String,
    /// `full`, `express` or `none`: the Stripe-hosted Dashboard the account has.
    pub dashboard: String,
}

impl Controller {
    /// The properties a legacy account type stands for.
    pub fn of_type(type_: &str) -> Option<Self> {
        let (fees, losses, requirements, dashboard) = match type_ {
            "standard" => ("account", "stripe", "stripe", "full"),
            "express" => ("application_express", "application", "stripe", "express"),
            "custom" => ("application_custom", "application", "application", "none"),
            _ => return None,
        };
        Some(Self {
            fees_payer: fees.into(),
            losses_payments: losses.into(),
            requirement_collection: requirements.into(),
            dashboard: dashboard.into(),
        })
    }

    /// `type`: the legacy type these properties amount to, `none` when they match none.
    pub fn account_type(&self) -> &'static str {
        ["standard", "express", "custom"]
            .into_iter()
            .find(|t| Self::of_type(t).as_ref() == Some(self))
            .unwrap_or("none")
    }

    fn to_json(&self) -> Value {
        json!({
            "fees": {"payer": self.fees_payer},
            // The platform made it, so it controls it.
            "is_controller": true,
            "losses": {"payments": self.losses_payments},
            "requirement_collection": self.requirement_collection,
            "stripe_dashboard": {"type": self.dashboard},
            "type": "application",
        })
    }
}

/// `individual[...]`: the person an individual's account is for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

/// The information Stripe still wants before the account may take charges; the same names as
/// Stripe's fixture lists for a new account, less what was given.
const ONBOARDING_REQUIREMENTS: [&str; 6] = [
    "business_profile.product_description",
    "business_profile.support_phone",
    "business_profile.url",
    "external_account",
    "tos_acceptance.date",
    "tos_acceptance.ip",
];

/// The `business_profile[...]` strings the stand-in keeps.
pub const BUSINESS_PROFILE_FIELDS: [&str; 7] =
    ["mcc", "name", "product_description", "support_email", "support_phone", "support_url", "url"];

/// A connected account of the platform.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: String,
    pub created: i64,
    pub controller: Controller,
    /// `standard`, `express`, `custom` or `none`, fixed at creation.
    pub type_: String,
    pub country: String,
    pub default_currency: String,
    pub email: Option<String>,
    pub business_type: Option<String>,
    /// Of [`BUSINESS_PROFILE_FIELDS`], those given.
    pub business_profile: Map<String, Value>,
    pub individual: Option<Person>,
    /// `company[name]`.
    pub company_name: Option<String>,
    pub metadata: Map<String, Value>,
    /// The capabilities requested, by name (`card_payments`, `transfers`), in order.
    pub capabilities: Vec<String>,
    /// Onboarding is done (`POST /_sim/accounts/{id}/onboard`): its requirements are met, it
    /// can take charges and be paid out, and what Stripe collected it keeps.
    pub details_submitted: bool,
    /// Deleted: no longer the platform's (its place in the list is kept, for positions).
    pub deleted: bool,
}

impl Account {
    /// Onboarding has started, so what Stripe collects (`business_type`, `company`,
    /// `individual`) is no longer the platform's to change, unless the platform collects the
    /// requirements itself (docs.stripe.com/api/accounts/update).
    pub fn collected_by_stripe(&self) -> bool {
        self.details_submitted && self.controller.requirement_collection == "stripe"
    }

    fn requirements(&self) -> Value {
        let due: Vec<&str> = match self.details_submitted {
            true => Vec::new(),
            false => ONBOARDING_REQUIREMENTS
                .into_iter()
                .filter(|r| r.strip_prefix("business_profile.").is_none_or(|f| !self.business_profile.contains_key(f)))
                .collect(),
        };
        json!({
            "alternatives": [],
            "current_deadline": null,
            "currently_due": due,
            "disabled_reason": if due.is_empty() { Value::Null } else { json!("requirements.past_due") },
            "errors": [],
            "eventually_due": due,
            "past_due": [],
            "pending_verification": [],
        })
    }

    fn business_profile_json(&self) -> Value {
        let mut profile = json!({
            "annual_revenue": {"amount": null, "currency": null, "fiscal_year_end": null},
            "estimated_worker_count": null,
            "minority_owned_business_designation": null,
            "support_address": {"city": null, "country": null, "line1": null, "line2": null, "postal_code": null, "state": null},
        });
        for field in BUSINESS_PROFILE_FIELDS {
            profile[field] = self.business_profile.get(field).cloned().unwrap_or(Value::Null);
        }
        profile
    }

    fn person_json(&self, person: &Person) -> Value {
        let none_due = json!({"alternatives": [], "currently_due": [], "errors": [], "eventually_due": [], "past_due": [], "pending_verification": []});
        let document = json!({"back": null, "details": null, "details_code": null, "front": null});
        json!({
            "id": person.id,
            "object": "person",
            "account": self.id,
            "additional_tos_acceptances": {"account": {"date": null, "ip": null, "user_agent": null}},
            "created": self.created,
            "dob": {"day": null, "month": null, "year": null},
            "first_name": person.first_name,
            "future_requirements": none_due,
            "id_number_provided": false,
            "last_name": person.last_name,
            "metadata": {},
            "relationship": {"authorizer": null, "director": false, "executive": false, "legal_guardian": false, "owner": true, "percent_ownership": null, "representative": true, "title": null},
            "requirements": none_due,
            "ssn_last_4_provided": false,
            "verification": {"additional_document": document, "details": null, "details_code": null, "document": document, "status": if self.details_submitted { "verified" } else { "unverified" }},
        })
    }

    /// Stripe's Account; `individual` and `company` only when the account has them, as Stripe
    /// renders them.
    pub fn to_json(&self) -> Value {
        let enabled = self.details_submitted;
        let status = if enabled { "active" } else { "inactive" };
        let capabilities: Map<String, Value> = self.capabilities.iter().map(|c| (c.clone(), json!(status))).collect();
        let name = self.business_profile.get("name").cloned().unwrap_or(Value::Null);
        let mut json = json!({
            "id": self.id,
            "object": "account",
            "business_profile": self.business_profile_json(),
            "business_type": self.business_type,
            "capabilities": capabilities,
            "charges_enabled": enabled && self.capabilities.iter().any(|c| c == "card_payments"),
            "controller": self.controller.to_json(),
            "country": self.country,
            "created": self.created,
            "default_currency": self.default_currency,
            "details_submitted": enabled,
            "email": self.email,
            "external_accounts": {"data": [], "has_more": false, "object": "list", "url": format!("/v1/accounts/{}/external_accounts", self.id)},
            "future_requirements": {"alternatives": [], "current_deadline": null, "currently_due": [], "disabled_reason": null, "errors": [], "eventually_due": [], "past_due": [], "pending_verification": []},
            "metadata": self.metadata,
            "payouts_enabled": enabled,
            "requirements": self.requirements(),
            "settings": {
                "bacs_debit_payments": {"display_name": null, "service_user_number": null},
                "branding": {"icon": null, "logo": null, "primary_color": null, "secondary_color": null},
                "card_issuing": {"tos_acceptance": {"date": null, "ip": null}},
                "card_payments": {"decline_on": {"avs_failure": true, "cvc_failure": true}, "statement_descriptor_prefix": null, "statement_descriptor_prefix_kana": null, "statement_descriptor_prefix_kanji": null},
                "dashboard": {"display_name": name, "timezone": "Etc/UTC"},
                "invoices": {"default_account_tax_ids": null, "hosted_payment_method_save": null},
                "payments": {"statement_descriptor": null, "statement_descriptor_kana": null, "statement_descriptor_kanji": null, "statement_descriptor_prefix_kana": null, "statement_descriptor_prefix_kanji": null},
                "payouts": {"debit_negative_balances": true, "schedule": {"delay_days": 2, "interval": "daily"}, "statement_descriptor": null},
                "sepa_debit_payments": {},
            },
            "tos_acceptance": {"date": null, "ip": null, "user_agent": null},
            "type": self.type_,
        });
        if let Some(person) = &self.individual {
            json["individual"] = self.person_json(person);
        }
        if let Some(name) = &self.company_name {
            json["company"] = json!({
                "address": {"city": null, "country": null, "line1": null, "line2": null, "postal_code": null, "state": null},
                "directors_provided": false,
                "executives_provided": false,
                "name": name,
                "owners_provided": false,
                "phone": null,
                "tax_id_provided": false,
                "verification": {"document": {"back": null, "details": null, "details_code": null, "front": null}},
            });
        }
        json
    }
}
