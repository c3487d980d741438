//! JSON in the browser with the browser's own parser (`JSON.parse` / `JSON.stringify`), and
//! serde between JavaScript values and Rust types (the bindings' decoder, `stripe_wasm::decode`,
//! which formats no error messages in release builds; serde-wasm-bindgen's serializer), rather
//! than serde_json: the same types, tens of kilobytes less wasm for the shopper to download.

use serde::Serialize;
use serde::de::DeserializeOwned;

pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_owned())?;
    leptos_stripe::stripe_wasm::decode::from_value(value).map_err(|e| e.to_string())
}

pub fn stringify<T: Serialize>(value: &T) -> Result<String, String> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&value).map(String::from).map_err(|_| "cannot write JSON".to_owned())
}
