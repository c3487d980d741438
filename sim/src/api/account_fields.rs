//! What `POST /v1/accounts` and `POST /v1/accounts/{id}` take, checked as Stripe checks it:
//! `type` or `controller` (not both; docs.stripe.com/connect/migrate-to-controller-properties),
//! the holder (`email`, `business_type`, `business_profile[...]`, `individual[...]`,
//! `company[name]`), `capabilities[...][requested]`, `metadata`, and on creation `country` and
//! `default_currency`.

use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::objects::{Account, BUSINESS_PROFILE_FIELDS, Controller, Person};
use crate::params::Params;

pub const CREATE_PARAMS: &[&str] = &[
    "type",
    "controller",
    "country",
    "default_currency",
    "email",
    "business_type",
    "business_profile",
    "individual",
    "company",
    "capabilities",
    "metadata",
    "expand",
];

pub const UPDATE_PARAMS: &[&str] = &[
    "default_currency",
    "email",
    "business_type",
    "business_profile",
    "individual",
    "company",
    "capabilities",
    "metadata",
    "expand",
];

/// The capabilities the stand-in knows (those its payments use).
const CAPABILITIES: [&str; 5] = ["card_payments", "transfers", "konbini_payments", "link_payments", "jcb_payments"];

/// The controller of a new account: from `type`, from `controller` (Stripe's documented
/// defaults for what it leaves out: fees paid by the account, losses the application's,
/// requirements collected by Stripe, the full Dashboard), or those defaults for neither.
pub fn controller(p: &Params) -> Result<Controller, ApiError> {
    let type_ = p.one_of("type", "type", &["custom", "express", "standard"])?;
    let given = p.hash("controller")?;
    let controller = match (type_, given) {
        (Some(_), Some(_)) => {
            return Err(ApiError::invalid_request("You may only specify one of these parameters: controller, type."));
        }
        (Some(type_), None) => Controller::of_type(type_).expect("checked above"),
        (None, given) => from_controller(given.unwrap_or_default())?,
    };
    if controller.dashboard == "none"
        && controller.requirement_collection == "stripe"
        && controller.losses_payments != "stripe"
    {
        // Stripe's refusal, as reported in antiwork/gumroad#4294.
        return Err(ApiError::invalid_request(
            "When stripe_dashboard[type]=none and requirement_collection=stripe, Stripe must be liable for negative \
             balances or refunds and chargebacks.",
        ));
    }
    if controller.requirement_collection == "application"
        && (controller.dashboard != "none"
            || controller.losses_payments != "application"
            || controller.fees_payer == "account")
    {
        return Err(ApiError::invalid_request(
            "When requirement_collection=application, the application must also be liable for negative balances \
             (losses[payments]=application), pay Stripe's fees (fees[payer]=application), and the account cannot have \
             a Stripe-hosted Dashboard (stripe_dashboard[type]=none).",
        ));
    }
    Ok(controller)
}

fn from_controller(c: Params) -> Result<Controller, ApiError> {
    c.allow_only(&["fees", "losses", "requirement_collection", "stripe_dashboard"])?;
    let fees = c.hash("fees")?.unwrap_or_default();
    fees.allow_only(&["payer"])?;
    let losses = c.hash("losses")?.unwrap_or_default();
    losses.allow_only(&["payments"])?;
    let dashboard = c.hash("stripe_dashboard")?.unwrap_or_default();
    dashboard.allow_only(&["type"])?;
    let requirements =
        c.one_of("requirement_collection", "controller[requirement_collection]", &["application", "stripe"])?;
    Ok(Controller {
        fees_payer: fees
            .one_of("payer", "controller[fees][payer]", &["account", "application"])?
            .unwrap_or("account")
            .into(),
        losses_payments: losses
            .one_of("payments", "controller[losses][payments]", &["application", "stripe"])?
            .unwrap_or("application")
            .into(),
        requirement_collection: requirements.unwrap_or("stripe").into(),
        dashboard: dashboard
            .one_of("type", "controller[stripe_dashboard][type]", &["express", "full", "none"])?
            .unwrap_or("full")
            .into(),
    })
}

/// `country` (two letters, `US` by default) as Stripe refuses others.
pub fn country(p: &Params) -> Result<String, ApiError> {
    let country = p.str("country")?.unwrap_or("US");
    if country.len() != 2 || !country.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(ApiError::param_invalid(
            "country",
            format!(
                "Country '{country}' is unknown. Try using a 2-character alphanumeric country code instead, such as \
                 'US', 'EG', or 'GB'. A full list of country codes is available at https://stripe.com/global"
            ),
        ));
    }
    Ok(country.to_ascii_uppercase())
}

/// `default_currency`, else the country's own.
pub fn default_currency(p: &Params, country: &str) -> Result<String, ApiError> {
    if let Some(currency) = p.str("default_currency")? {
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(ApiError::param_invalid("default_currency", format!("Invalid currency: {currency}")));
        }
        return Ok(currency.to_ascii_lowercase());
    }
    Ok(match country {
        "JP" => "jpy",
        "GB" => "gbp",
        "CA" => "cad",
        "AU" => "aud",
        "CH" => "chf",
        "AT" | "BE" | "DE" | "ES" | "FI" | "FR" | "IE" | "IT" | "NL" | "PT" => "eur",
        _ => "usd",
    }
    .into())
}

/// The capabilities of a new account: those requested, else what Stripe requests itself for an
/// account with the full Dashboard (cards and transfers). An account without a Stripe-hosted
/// Dashboard must request them ("Required when account.controller.stripe_dashboard.type is
/// none", docs.stripe.com/api/accounts/create).
pub fn initial_capabilities(p: &Params, controller: &Controller) -> Result<Vec<String>, ApiError> {
    let mut capabilities = Vec::new();
    apply_capabilities(p, &mut capabilities)?;
    match (capabilities.is_empty(), controller.dashboard.as_str()) {
        (true, "none") => Err(ApiError::param_missing("capabilities")),
        (true, "full") => Ok(vec!["card_payments".into(), "transfers".into()]),
        _ => Ok(capabilities),
    }
}

/// `capabilities[name][requested]=true|false` applied to `capabilities`.
fn apply_capabilities(p: &Params, capabilities: &mut Vec<String>) -> Result<(), ApiError> {
    let Some(requested) = p.hash("capabilities")? else { return Ok(()) };
    requested.allow_only(&CAPABILITIES).map_err(|err| match err.error.param.clone() {
        Some(name) => ApiError::param_unknown(&format!("capabilities[{name}]")),
        None => err,
    })?;
    for name in CAPABILITIES {
        let Some(settings) = requested.hash(name)? else { continue };
        settings.allow_only(&["requested"])?;
        let wanted = settings
            .bool("requested")?
            .ok_or_else(|| ApiError::param_missing(&format!("capabilities[{name}][requested]")))?;
        capabilities.retain(|c| c != name);
        if wanted {
            capabilities.push(name.to_owned());
        }
    }
    Ok(())
}

/// The holder's details given in `p`, set on `account` (an empty string unsets, as everywhere
/// in Stripe's API); `updating` an account Stripe has onboarded refuses what Stripe collected.
pub fn apply_holder(p: &Params, account: &mut Account, updating: bool) -> Result<(), ApiError> {
    if updating
        && account.collected_by_stripe()
        && let Some(field) = ["business_type", "company", "individual"].into_iter().find(|f| p.get(f).is_some())
    {
        return Err(ApiError::param_invalid(
            field,
            format!(
                "You cannot update `{field}` on account {}: once its onboarding has started it can only be updated \
                 for accounts where controller.requirement_collection is application (docs.stripe.com/api/accounts/update).",
                account.id
            ),
        ));
    }
    if let Some(email) = p.str("email")? {
        if !email.is_empty() && !super::payment_pages::plausible_email(email) {
            return Err(ApiError::param_invalid("email", format!("Invalid email address: {email}")));
        }
        account.email = (!email.is_empty()).then(|| email.to_owned());
    }
    if let Some(kind) =
        p.one_of("business_type", "business_type", &["company", "government_entity", "individual", "non_profit"])?
    {
        account.business_type = Some(kind.to_owned());
    }
    if let Some(profile) = p.hash("business_profile")? {
        profile.allow_only(&BUSINESS_PROFILE_FIELDS)?;
        for field in BUSINESS_PROFILE_FIELDS {
            match profile.str(field)? {
                Some("") => account.business_profile.remove(field),
                Some(value) => account.business_profile.insert(field.into(), json!(value)),
                None => None,
            };
        }
    }
    if let Some(individual) = p.hash("individual")? {
        individual.allow_only(&["first_name", "last_name"])?;
        let person =
            account.individual.get_or_insert_with(|| Person { id: crate::ids::new_id("person"), ..Person::default() });
        for (field, value) in [("first_name", &mut person.first_name), ("last_name", &mut person.last_name)] {
            if let Some(given) = individual.str(field)? {
                *value = (!given.is_empty()).then(|| given.to_owned());
            }
        }
    }
    if let Some(company) = p.hash("company")? {
        company.allow_only(&["name"])?;
        if let Some(name) = company.str("name")? {
            account.company_name = (!name.is_empty()).then(|| name.to_owned());
        }
    }
    apply_capabilities(p, &mut account.capabilities)?;
    p.merge_metadata(&mut account.metadata)?;
    if updating && p.get("default_currency").is_some() {
        account.default_currency = default_currency(p, &account.country)?;
    }
    Ok(())
}

/// What an update changed, as `account.updated` tells it: each top-level field that differs,
/// with its value before.
pub fn previous_attributes(before: &Value, after: &Value) -> Value {
    let (Value::Object(before), Value::Object(after)) = (before, after) else { return json!({}) };
    let changed: Map<String, Value> =
        before.iter().filter(|(k, v)| after.get(*k) != Some(v)).map(|(k, v)| (k.clone(), v.clone())).collect();
    Value::Object(changed)
}
