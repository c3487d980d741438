use serde_json::{Map, Value, json};

use crate::error::ApiError;
use crate::params::Params;

const ADDRESS_FIELDS: [&str; 6] = ["city", "country", "line1", "line2", "postal_code", "state"];

/// An address hash with every field present, `null` where not given.
fn address_from(params: Option<Params>, param: &str) -> Result<Value, ApiError> {
    let params = params.unwrap_or_default();
    params.allow_only(&ADDRESS_FIELDS).map_err(|_| ApiError::param_invalid(param, "Invalid address"))?;
    let mut out = Map::new();
    for field in ADDRESS_FIELDS {
        out.insert(field.into(), params.str(field)?.map_or(Value::Null, |s| json!(s)));
    }
    Ok(Value::Object(out))
}

/// `billing_details[...]` of a PaymentMethod, complete with nulls.
pub fn billing_details_from(params: Option<Params>) -> Result<Value, ApiError> {
    let params = params.unwrap_or_default();
    params.allow_only(&["address", "email", "name", "phone", "tax_id"])?;
    let text = |name: &str| -> Result<Value, ApiError> { Ok(params.str(name)?.map_or(Value::Null, |s| json!(s))) };
    Ok(json!({
        "address": address_from(params.hash("address")?, "billing_details[address]")?,
        "email": text("email")?,
        "name": text("name")?,
        "phone": text("phone")?,
        "tax_id": text("tax_id")?,
    }))
}

/// A PaymentIntent's (or ConfirmationToken's) `shipping`, as Stripe renders it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Shipping {
    /// Every address field, `null` where not given.
    pub address: Value,
    pub carrier: Option<String>,
    pub name: String,
    pub phone: Option<String>,
    pub tracking_number: Option<String>,
}

/// `shipping[...]`: name and address are required, as Stripe requires them.
pub fn shipping_from(params: Option<Params>) -> Result<Option<Shipping>, ApiError> {
    let Some(params) = params else { return Ok(None) };
    params.allow_only(&["address", "name", "phone", "carrier", "tracking_number"])?;
    let name = params.str("name")?.ok_or_else(|| ApiError::param_missing("shipping[name]"))?;
    let address = params.hash("address")?.ok_or_else(|| ApiError::param_missing("shipping[address]"))?;
    let text = |field: &str| -> Result<Option<String>, ApiError> { Ok(params.str(field)?.map(str::to_owned)) };
    Ok(Some(Shipping {
        address: address_from(Some(address), "shipping[address]")?,
        carrier: text("carrier")?,
        name: name.to_owned(),
        phone: text("phone")?,
        tracking_number: text("tracking_number")?,
    }))
}
