//! The extractor every `/v1` handler takes: the caller's key and its parameters (query string
//! and form body merged, as Stripe accepts both), with typed accessors that fail the way
//! Stripe fails ("Invalid integer: abc", "Missing required param: amount.").

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde_json::{Map, Value};

use crate::api_keys::{Key, authenticate};
use crate::error::ApiError;

pub struct StripeRequest {
    pub key: Key,
    pub params: Params,
}

impl<S: Send + Sync> FromRequest<S> for StripeRequest {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let headers = req.headers().clone();
        let query = req.uri().query().unwrap_or_default().to_owned();
        let body = Bytes::from_request(req, state)
            .await
            .map_err(|_| ApiError::invalid_request("Could not read the request body."))?;
        let mut params = crate::form::decode(query.as_bytes()).map_err(ApiError::invalid_request)?;
        for (k, v) in crate::form::decode(&body).map_err(ApiError::invalid_request)? {
            params.insert(k, v);
        }
        let key = authenticate(&headers, &params)?;
        params.remove("key");
        Ok(Self { key, params: Params(params) })
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
