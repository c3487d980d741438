//! Stripe's form encoding: `application/x-www-form-urlencoded` with bracketed keys, e.g.
//! `automatic_payment_methods[enabled]=true`, `payment_method_types[0]=card`,
//! `payment_method_types[]=card`, `metadata[order]=42`. Decoded into a JSON tree of strings,
//! because the stand-in must accept (and reject) arbitrary parameters the way Stripe does
//! before it reads typed values out of them.

use serde_json::{Map, Value};

/// Decodes a form body (or query string) into a JSON object. Array-looking keys (`[]` or
/// `[0]`) become arrays; everything else nests as objects; leaves are strings.
pub fn decode(body: &[u8]) -> Result<Map<String, Value>, String> {
    let mut root = Value::Object(Map::new());
    for (key, value) in form_urlencoded::parse(body) {
        let path = split_key(&key).ok_or_else(|| format!("Invalid parameter name: {key}"))?;
        insert(&mut root, &path, value.into_owned())
            .map_err(|()| format!("Conflicting values for parameter: {key}"))?;
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
}
