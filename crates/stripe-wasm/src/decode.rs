//! JavaScript values into Rust types with serde: the JSON-shaped values Stripe.js resolves and
//! emits, and what `JSON.parse` makes of a server's answer.
//!
//! Built from serde's own value deserializers rather than serde-wasm-bindgen's deserializer,
//! for the bytes: serde-wasm-bindgen formats serde's message into every error as it is made
//! ("invalid type: floating point `1.5`, expected a string"), which links float formatting and
//! every type's `expecting` text into a page that decodes anything: about 7 KB of brotli of the
//! card checkout's first load. Here the message is kept only in debug builds; a release build's
//! error says that the value did not have the expected shape, and nothing is formatted.
//!
//! Values are read as JSON would have them: `null` and `undefined` are unit and `None`, numbers
//! that are safe integers are integers (others floats), arrays are sequences, other objects
//! are maps of their own enumerable properties; functions, symbols and BigInts are refused.
//! Enums are strings (unit variants) or `{variant: value}`.

use std::fmt;

use js_sys::{Array, Number, Object};
use serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// A value that did not have the shape of the type it was decoded into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// serde's message (debug builds only: formatting it is what release builds save).
    #[cfg(debug_assertions)]
    message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(debug_assertions)]
        return f.write_str(&self.message);
        #[cfg(not(debug_assertions))]
        f.write_str("the value does not have the expected shape")
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        #[cfg(not(debug_assertions))]
        let _ = message;
        Self {
            #[cfg(debug_assertions)]
            message: message.to_string(),
        }
    }
}

/// `value` as a `T`.
///
/// ```no_run
/// use stripe_wasm::decode::from_value;
/// let value = js_sys::JSON::parse(r#"{"id": "pi_123", "amount": 5098}"#).unwrap();
/// #[derive(serde::Deserialize)]
/// struct Intent { id: String, amount: i64 }
/// let intent: Intent = from_value(value).unwrap();
/// assert_eq!((intent.id.as_str(), intent.amount), ("pi_123", 5098));
/// ```
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, DecodeError> {
    T::deserialize(Value(value))
}

/// One JavaScript value, as a serde deserializer.
struct Value(JsValue);

impl Value {
    fn is_nullish(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    /// An object's own enumerable properties, as a serde map.
    fn entries(&self) -> MapDeserializer<'static, impl Iterator<Item = (String, Value)>, DecodeError> {
        let entries = Object::entries(self.0.unchecked_ref());
        MapDeserializer::new(entries.into_iter().map(|entry| {
            let entry: Array = entry.unchecked_into();
            (entry.get(0).as_string().unwrap_or_default(), Value(entry.get(1)))
        }))
    }
}

impl<'de> IntoDeserializer<'de, DecodeError> for Value {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let value = &self.0;
        if self.is_nullish() {
            visitor.visit_unit()
        } else if let Some(flag) = value.as_bool() {
            visitor.visit_bool(flag)
        } else if let Some(number) = value.as_f64() {
            if Number::is_safe_integer(value) { visitor.visit_i64(number as i64) } else { visitor.visit_f64(number) }
        } else if let Some(text) = value.as_string() {
            visitor.visit_string(text)
        } else if Array::is_array(value) {
            visitor.visit_seq(SeqDeserializer::new(Array::from(value).into_iter().map(Value)))
        } else if value.is_object() && !value.is_function() {
            visitor.visit_map(self.entries())
        } else {
            Err(de::Error::custom("not a JSON value"))
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.is_nullish() { visitor.visit_none() } else { visitor.visit_some(self) }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match self.0.as_string() {
            Some(variant) => visitor.visit_enum(variant.into_deserializer()),
            None if self.0.is_object() => visitor.visit_enum(MapAccessDeserializer::new(self.entries())),
            None => Err(de::Error::custom("an enum is a string or an object")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    /// What the type does not read is not looked at (functions included).
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier
    }
}
