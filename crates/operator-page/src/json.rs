//! JSON in the browser with its own parser and serde-wasm-bindgen, as the shop's pages do
//! (`checkout_app`'s `json`, which is private to it): less wasm than serde_json.

use serde::Serialize;
use serde::de::DeserializeOwned;

pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_owned())?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

pub fn stringify<T: Serialize>(value: &T) -> Result<String, String> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&value).map(String::from).map_err(|_| "cannot write JSON".to_owned())
}
