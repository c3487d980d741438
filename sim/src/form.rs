//! Stripe's form encoding: `application/x-www-form-urlencoded` with bracketed keys, e.g.
//! `automatic_payment_methods[enabled]=true`, `payment_method_types[0]=card`,
//! `payment_method_types[]=card`, `metadata[order]=42`. Decoded into a JSON tree of strings,
//! because the stand-in must accept (and reject) arbitrary parameters the way Stripe does
//! before it reads typed values out of them.

use serde_json::{Map, Value};

/// Why a form cannot be read; its words are Stripe's `invalid_request_error` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// Not `name`, `name[key]...` or `name[]...` (or nested deeper than Stripe's parameters).
    InvalidName(String),
    /// Two values for one parameter, or a value and an object.
    Conflict(String),
}

impl std::fmt::Display for FormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::InvalidName(key) => write!(f, "Invalid parameter name: {key}"),
            Self::Conflict(key) => write!(f, "Conflicting values for parameter: {key}"),
        }
    }
}

/// The message of the 400 the request gets.
impl From<FormError> for String {
    fn from(error: FormError) -> Self {
        error.to_string()
    }
}

/// Decodes a form body (or query string) into a JSON object. Array-looking keys (`[]` or
/// `[0]`) become arrays; everything else nests as objects; leaves are strings.
pub fn decode(body: &[u8]) -> Result<Map<String, Value>, FormError> {
    let mut root = Value::Object(Map::new());
    for (key, value) in form_urlencoded::parse(body) {
        let path = split_key(&key).ok_or_else(|| FormError::InvalidName(key.to_string()))?;
        insert(&mut root, &path, value.into_owned()).map_err(|()| FormError::Conflict(key.to_string()))?;
    }
    let Value::Object(mut map) = root else { unreachable!("root is an object") };
    map.values_mut().for_each(index_maps_to_arrays);
    Ok(map)
}

/// Deepest nesting accepted: Stripe's parameters are a few levels deep; a limit keeps the
/// recursion below bounded whatever a request sends.
const MAX_DEPTH: usize = 10;

/// `a[b][0]` -> `["a", "b", "0"]`; `a[]` -> `["a", ""]`.
fn split_key(key: &str) -> Option<Vec<&str>> {
    let (head, mut rest) = match key.find('[') {
        Some(i) => (&key[..i], &key[i..]),
        None => (key, ""),
    };
    if head.is_empty() {
        return None;
    }
    let mut path = vec![head];
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[')?;
        let close = inner.find(']')?;
        path.push(&inner[..close]);
        rest = &inner[close + 1..];
        if path.len() > MAX_DEPTH {
            return None;
        }
    }
    Some(path)
}

fn insert(node: &mut Value, path: &[&str], value: String) -> Result<(), ()> {
    let Value::Object(map) = node else { return Err(()) };
    let (first, rest) = path.split_first().ok_or(())?;
    if rest.is_empty() {
        if map.contains_key(*first) {
            return Err(());
        }
        map.insert((*first).to_owned(), Value::String(value));
        return Ok(());
    }
    // `a[]=x` appends: give each one the next free index so arrays keep their order.
    let child = map.entry((*first).to_owned()).or_insert_with(|| Value::Object(Map::new()));
    if rest[0].is_empty() {
        let Value::Object(items) = child else { return Err(()) };
        let index = items.len().to_string();
        let mut path = vec![index.as_str()];
        path.extend_from_slice(&rest[1..]);
        return insert(child, &path, value);
    }
    insert(child, rest, value)
}

/// Objects whose keys are exactly 0..n become arrays, recursively.
fn index_maps_to_arrays(value: &mut Value) {
    if let Value::Object(map) = value {
        map.values_mut().for_each(index_maps_to_arrays);
        let is_array = !map.is_empty() && (0..map.len()).all(|i| map.contains_key(&i.to_string()));
        if is_array {
            let mut items: Vec<(usize, Value)> =
                std::mem::take(map).into_iter().map(|(k, v)| (k.parse().unwrap_or(0), v)).collect();
            items.sort_by_key(|(i, _)| *i);
            *value = Value::Array(items.into_iter().map(|(_, v)| v).collect());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::decode;
    use serde_json::json;

    #[test]
    fn nests_bracketed_keys() {
        let form = decode(b"amount=1099&automatic_payment_methods%5Benabled%5D=true&metadata[order]=42").unwrap();
        assert_eq!(
            serde_json::Value::Object(form),
            json!({"amount":"1099","automatic_payment_methods":{"enabled":"true"},"metadata":{"order":"42"}})
        );
    }

    #[test]
    fn both_array_spellings_keep_order() {
        let indexed = decode(b"payment_method_types[1]=konbini&payment_method_types[0]=card").unwrap();
        assert_eq!(indexed["payment_method_types"], json!(["card", "konbini"]));
        let appended = decode(b"expand[]=latest_charge&expand[]=payment_method").unwrap();
        assert_eq!(appended["expand"], json!(["latest_charge", "payment_method"]));
    }

    #[test]
    fn arrays_of_objects() {
        let form = decode(b"items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2").unwrap();
        assert_eq!(form["items"], json!([{"price":"p1","quantity":"2"},{"price":"p2"}]));
    }

    #[test]
    fn rejects_malformed_and_conflicting_keys() {
        assert!(decode(b"a[b=1").is_err());
        assert!(decode(b"[x]=1").is_err());
        assert!(decode(b"a=1&a[b]=2").is_err());
        assert!(decode(b"a=1&a=2").is_err());
        assert!(
            decode(format!("a{}=1", "[]".repeat(100_000)).as_bytes()).is_err(),
            "too deep, refused without recursing"
        );
        assert!(decode(format!("a{}=1", "[b]".repeat(9)).as_bytes()).is_ok());
    }

    /// Property tests: the decoder takes any bytes without panicking, answers a typed error or a
    /// tree of strings, and reads back what a Stripe client's encoder writes.
    mod properties {
        use super::super::{FormError, decode};
        use proptest::prelude::*;
        use serde_json::{Map, Value};

        /// Parameter names as Stripe's: lowercase words.
        fn name() -> impl Strategy<Value = String> {
            "[a-z][a-z_]{0,11}"
        }

        /// A parameter's value: a string, an object of named values, or a list (non-empty: an
        /// empty one has no pair to send).
        fn tree() -> impl Strategy<Value = Value> {
            let leaf = any::<String>().prop_map(Value::String);
            leaf.prop_recursive(4, 32, 4, |inner| {
                prop_oneof![
                    prop::collection::btree_map(name(), inner.clone(), 1..4)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                    prop::collection::vec(inner, 1..4).prop_map(Value::Array),
                ]
            })
        }

        fn params() -> impl Strategy<Value = Map<String, Value>> {
            prop::collection::btree_map(name(), tree(), 0..5).prop_map(|m| m.into_iter().collect())
        }

        /// As Stripe's libraries encode: `a[b][0]=x`, lists indexed (or, for a list of
        /// strings, `a[]=x` when `appended`), percent-encoded.
        fn encode(params: &Map<String, Value>, appended: bool) -> String {
            fn pairs(prefix: String, value: &Value, appended: bool, out: &mut Vec<(String, String)>) {
                match value {
                    Value::String(s) => out.push((prefix, s.clone())),
                    Value::Object(map) => {
                        map.iter().for_each(|(k, v)| pairs(format!("{prefix}[{k}]"), v, appended, out))
                    }
                    Value::Array(items) => {
                        let strings = items.iter().all(Value::is_string);
                        for (i, item) in items.iter().enumerate() {
                            let key =
                                if appended && strings { format!("{prefix}[]") } else { format!("{prefix}[{i}]") };
                            pairs(key, item, appended, out);
                        }
                    }
                    _ => unreachable!("only strings, objects and lists are made"),
                }
            }
            let mut out = Vec::new();
            params.iter().for_each(|(k, v)| pairs(k.clone(), v, appended, &mut out));
            form_urlencoded::Serializer::new(String::new()).extend_pairs(out).finish()
        }

        proptest! {
            #[test]
            fn any_bytes_decode_or_are_refused_with_a_typed_error(body in prop::collection::vec(any::<u8>(), 0..300)) {
                match decode(&body) {
                    Ok(map) => prop_assert!(map.values().all(only_strings_inside)),
                    Err(FormError::InvalidName(_) | FormError::Conflict(_)) => {}
                }
            }

            #[test]
            fn bracketed_keys_with_any_text_decode_or_are_refused(key in "[a-z\\[\\]0-9]{0,24}", value in ".{0,8}") {
                let body = form_urlencoded::Serializer::new(String::new()).append_pair(&key, &value).finish();
                let _ = decode(body.as_bytes());
            }

            #[test]
            fn what_a_stripe_client_encodes_decodes_back(params in params(), appended in any::<bool>()) {
                let body = encode(&params, appended);
                prop_assert_eq!(decode(body.as_bytes()), Ok(params), "{}", body);
            }
        }

        fn only_strings_inside(value: &Value) -> bool {
            match value {
                Value::String(_) => true,
                Value::Object(map) => map.values().all(only_strings_inside),
                Value::Array(items) => items.iter().all(only_strings_inside),
                _ => false,
            }
        }
    }
}
