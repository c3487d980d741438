//! Crossing the JS boundary: options to plain JS objects, results back to Rust, and Stripe.js's
//! two failure styles (a resolved `{error}` and a thrown IntegrationError) to one StripeError.

use js_sys::{Promise, Reflect};
use serde::Serialize;
use serde::de::DeserializeOwned;
use stripe_common::{ErrorType, StripeError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Options as a plain JS object (maps as objects, not `Map`s; `None` fields skipped by serde).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, StripeError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| StripeError::new(ErrorType::IntegrationError, format!("cannot pass options to Stripe.js: {e}")))
}

pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, StripeError> {
    crate::decode::from_value(value)
        .map_err(|e| StripeError::new(ErrorType::ApiError, format!("unexpected {what} from Stripe.js: {e}")))
}

/// What Stripe.js threw (an `IntegrationError`, usually) as a StripeError.
pub fn thrown(value: JsValue) -> StripeError {
    let message = match value.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => value.as_string().unwrap_or_else(|| "Stripe.js threw a non-Error value".into()),
    };
    StripeError::new(ErrorType::IntegrationError, message)
}

/// Awaits a Stripe.js promise that resolves to `{error}` or `{<field>: T}`.
pub async fn resolve<T: DeserializeOwned>(promise: Promise, field: &str) -> Result<T, StripeError> {
    let value = JsFuture::from(promise).await.map_err(thrown)?;
    if let Some(error) = property(&value, "error") {
        return Err(from_js(error, "error")?);
    }
    let data = property(&value, field).ok_or_else(|| {
        StripeError::new(ErrorType::ApiError, format!("Stripe.js resolved without `{field}` or `error`"))
    })?;
    from_js(data, field)
}

/// `value[name]` unless missing, `undefined` or `null`.
pub fn property(value: &JsValue, name: &str) -> Option<JsValue> {
    if !value.is_object() {
        return None;
    }
    Reflect::get(value, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// The top-level options of `new` whose value differs from `old`, ready for an `update()`
/// call; `None` when nothing changed. Options removed in `new` are not reported: Stripe.js
/// has no way to unset them.
pub fn changed_options<T: Serialize>(old: &T, new: &T) -> Result<Option<(js_sys::Object, Vec<String>)>, StripeError> {
    let (old, new) = (to_js(old)?, to_js(new)?);
    let patch = js_sys::Object::new();
    let mut keys = Vec::new();
    for key in js_sys::Object::keys(new.unchecked_ref::<js_sys::Object>()).iter() {
        let value = Reflect::get(&new, &key).map_err(thrown)?;
        let before = Reflect::get(&old, &key).map_err(thrown)?;
        if js_sys::JSON::stringify(&value).ok() != js_sys::JSON::stringify(&before).ok() {
            Reflect::set(&patch, &key, &value).map_err(thrown)?;
            keys.push(key.as_string().unwrap_or_default());
        }
    }
    Ok((!keys.is_empty()).then_some((patch, keys)))
}
