//! The extractor every `/v1` handler takes: the caller's key, the connected account it acts on
//! (`Stripe-Account`), and its parameters (query string and form body merged, as Stripe accepts
//! both), with typed accessors that fail the way Stripe fails ("Invalid integer: abc", "Missing
//! required param: amount.").

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde_json::{Map, Value};

use crate::Sim;
use crate::api_keys::{Key, authenticate};
use crate::error::ApiError;

pub struct StripeRequest {
    pub key: Key,
    /// The connected account the request is made on (`Stripe-Account`, or Stripe.js's
    /// `_stripe_account`), checked to be one of the platform's; `None`: the platform itself.
    pub account: Option<String>,
    pub params: Params,
}

impl StripeRequest {
    /// Where the request's objects live: `None` the platform, else the connected account.
    pub fn scope(&self) -> Option<&str> {
        self.account.as_deref()
    }
}

impl FromRequest<Arc<Sim>> for StripeRequest {
    type Rejection = ApiError;

    async fn from_request(req: Request, sim: &Arc<Sim>) -> Result<Self, Self::Rejection> {
        let headers = req.headers().clone();
        let query = req.uri().query().unwrap_or_default().to_owned();
        let body = Bytes::from_request(req, sim)
            .await
            .map_err(|_| ApiError::invalid_request("Could not read the request body."))?;
        let mut params = crate::form::decode(query.as_bytes()).map_err(ApiError::invalid_request)?;
        for (k, v) in crate::form::decode(&body).map_err(ApiError::invalid_request)? {
            params.insert(k, v);
        }
        let key = authenticate(&headers, &params)?;
        params.remove("key");
        // The account named is checked here, once for every endpoint, as Stripe refuses a request
        // on an account that is not the platform's before anything else.
        let account = crate::api::connect::requested_account(&headers, &mut params, &key)?;
        if let Some(account) = &account {
            sim.apply(|store| crate::api::connect::check_connected(store, &key, account))?;
        }
        Ok(Self { key, account, params: Params(params) })
    }
}

#[derive(Debug, Clone, Default)]
pub struct Params(pub Map<String, Value>);

impl Params {
    /// Refuses any parameter outside `allowed`, as Stripe does.
    pub fn allow_only(&self, allowed: &[&str]) -> Result<(), ApiError> {
        match self.0.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(unknown) => Err(ApiError::param_unknown(unknown)),
            None => Ok(()),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }

    pub fn str(&self, name: &str) -> Result<Option<&str>, ApiError> {
        match self.0.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(ApiError::param_invalid(name, format!("Invalid string: {name} must be a string"))),
        }
    }

    pub fn required_str(&self, name: &str) -> Result<&str, ApiError> {
        self.str(name)?.filter(|s| !s.is_empty()).ok_or_else(|| ApiError::param_missing(name))
    }

    /// One of Stripe's enum values `allowed`, refused in Stripe's words as `param` (the full
    /// name, e.g. `controller[fees][payer]`) otherwise.
    pub fn one_of(&self, name: &str, param: &str, allowed: &[&str]) -> Result<Option<&str>, ApiError> {
        match self.str(name)? {
            Some(value) if !allowed.contains(&value) => {
                let (last, rest) = allowed.split_last().expect("an enum has values");
                Err(ApiError::param_invalid(
                    param,
                    format!("Invalid {param}: must be one of {} or {last} (got {value}).", rest.join(", ")),
                ))
            }
            value => Ok(value),
        }
    }

    pub fn int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        match self.str(name)? {
            None => Ok(None),
            Some(s) => s.parse().map(Some).map_err(|_| ApiError::param_invalid(name, format!("Invalid integer: {s}"))),
        }
    }

    /// A list's page size: `limit`, 1..=100, 10 when absent, as Stripe's list endpoints take it.
    pub fn list_limit(&self) -> Result<usize, ApiError> {
        match self.int("limit")?.unwrap_or(10) {
            limit @ 1..=100 => Ok(limit as usize),
            _ => Err(ApiError::param_invalid(
                "limit",
                "This value must be greater than or equal to 1 and less than or equal to 100.",
            )),
        }
    }

    pub fn bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.str(name)? {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(s) => Err(ApiError::param_invalid(name, format!("Invalid boolean: {s}"))),
        }
    }

    /// A nested hash such as `automatic_payment_methods[...]`.
    pub fn hash(&self, name: &str) -> Result<Option<Params>, ApiError> {
        match self.0.get(name) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Params(map.clone()))),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(_) => Err(ApiError::param_invalid(name, format!("Invalid hash: {name} must be a hash"))),
        }
    }

    /// `[]` / `[0]` lists of strings, e.g. `payment_method_types[]`.
    pub fn str_list(&self, name: &str) -> Result<Option<Vec<String>>, ApiError> {
        match self.0.get(name) {
            None => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().map(str::to_owned).ok_or_else(|| ApiError::param_invalid(name, "Invalid array")))
                .collect::<Result<_, _>>()
                .map(Some),
            Some(_) => Err(ApiError::param_invalid(name, "Invalid array")),
        }
    }

    /// `metadata[k]=v` merged into `metadata`, as updates take it: an empty value unsets its key.
    /// `metadata=` (empty) unsets them all.
    pub fn merge_metadata(&self, metadata: &mut Map<String, Value>) -> Result<(), ApiError> {
        if matches!(self.get("metadata"), Some(Value::String(all)) if all.is_empty()) {
            metadata.clear();
        }
        for (key, value) in self.metadata()? {
            match value.as_str() {
                Some("") => metadata.remove(&key),
                _ => metadata.insert(key, value),
            };
        }
        Ok(())
    }

    /// `metadata[k]=v`: string values only.
    pub fn metadata(&self) -> Result<Map<String, Value>, ApiError> {
        let Some(meta) = self.hash("metadata")? else { return Ok(Map::new()) };
        for (k, v) in &meta.0 {
            if !v.is_string() {
                return Err(ApiError::param_invalid(&format!("metadata[{k}]"), "Metadata values must be strings."));
            }
        }
        Ok(meta.0)
    }
}
