//! The bindings' decoder (`stripe_wasm::decode`) in the browser: every conformance sample
//! (`tests/conformance/results.json`, the shapes Stripe.js's declarations allow) decodes from a
//! JavaScript value exactly as serde_json decodes it from the JSON text, and the JavaScript
//! particulars (integers and floats, `null` and `undefined`, functions, enums) read as they should.

use serde::Deserialize;
use serde_json::Value;
use stripe_wasm::decode::from_value;
use stripe_wasm::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

/// The sample decoded both ways, compared (every decoded type has Debug; not all have PartialEq).
fn same_both_ways<T: serde::de::DeserializeOwned + std::fmt::Debug>(sample: &Value) -> Result<(), String> {
    let expected = serde_json::from_value::<T>(sample.clone()).map_err(|e| format!("serde_json: {e}"))?;
    let decoded = from_value::<T>(js(&sample.to_string())).map_err(|e| format!("decode: {e}"))?;
    let (expected, decoded) = (format!("{expected:?}"), format!("{decoded:?}"));
    if expected == decoded { Ok(()) } else { Err(format!("serde_json {expected}\n decode {decoded}")) }
}

#[wasm_bindgen_test]
fn every_conformance_sample_decodes_as_serde_json_decodes_it() {
    let file: serde_json::Map<String, Value> =
        serde_json::from_str(include_str!("conformance/results.json")).expect("results.json");
    let mut checked = 0;
    for (group, entry) in &file {
        let rust = entry["rust"].as_str().unwrap();
        for sample in entry["samples"].as_array().unwrap() {
            let result = match rust {
                "ConfirmationToken" => same_both_ways::<ConfirmationToken>(sample),
                "PaymentIntent" => same_both_ways::<PaymentIntent>(sample),
                "StripeError" => same_both_ways::<StripeError>(sample),
                "ChangeEvent" => same_both_ways::<ChangeEvent>(sample),
                "AddressChangeEvent" => same_both_ways::<AddressChangeEvent>(sample),
                "ElementEvent" => same_both_ways::<ElementEvent>(sample),
                "LoadErrorEvent" => same_both_ways::<LoadErrorEvent>(sample),
                "SubmitResult" => same_both_ways::<SubmitResult>(sample),
                "CardDetailsChangeEvent" => same_both_ways::<CardDetailsChangeEvent>(sample),
                "SavedPaymentMethodEvent" => same_both_ways::<SavedPaymentMethodEvent>(sample),
                "AvailablePaymentMethodsChangeEvent" => same_both_ways::<AvailablePaymentMethodsChangeEvent>(sample),
                "FetchUpdatesError" => same_both_ways::<FetchUpdatesError>(sample),
                "PaymentMethod" => same_both_ways::<PaymentMethod>(sample),
                "LinkAuthenticationChangeEvent" => same_both_ways::<LinkAuthenticationChangeEvent>(sample),
                "ExpressCheckoutReadyEvent" => same_both_ways::<ExpressCheckoutReadyEvent>(sample),
                "SetupIntent" => same_both_ways::<SetupIntent>(sample),
                // Composite answers (functions beside data, or one of two intents): their parts
                // are the types above.
                _ => continue,
            };
            result.unwrap_or_else(|e| panic!("{group} ({rust}): {e}\n{sample}"));
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} samples checked");
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Shapes {
    whole: i64,
    fraction: f64,
    small: u16,
    #[serde(default)]
    missing: Option<String>,
    null: Option<String>,
    list: Vec<u32>,
    status: PaymentIntentStatus,
    nested: Nested,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Nested {
    name: String,
}

#[wasm_bindgen_test]
fn numbers_nulls_lists_enums_and_nested_objects_read_as_json() {
    let value = js(r#"{"whole": 5098, "fraction": 1.5, "small": 7, "null": null, "list": [1, 2, 3],
        "status": "requires_action", "nested": {"name": "Ferris"}, "unknown": {"deep": [true]}}"#);
    // A function and `undefined` beside the data (Stripe.js's events carry both).
    js_sys::Reflect::set(&value, &"resolve".into(), &js_sys::Function::new_no_args("")).unwrap();
    js_sys::Reflect::set(&value, &"later".into(), &JsValue::UNDEFINED).unwrap();
    let decoded: Shapes = from_value(value).expect("decodes");
    assert_eq!(
        decoded,
        Shapes {
            whole: 5098,
            fraction: 1.5,
            small: 7,
            missing: None,
            null: None,
            list: vec![1, 2, 3],
            status: PaymentIntentStatus::RequiresAction,
            nested: Nested { name: "Ferris".into() },
        }
    );
    // `undefined` is `None`, as `null` is.
    assert_eq!(from_value::<Option<String>>(JsValue::UNDEFINED), Ok(None));
}

#[wasm_bindgen_test]
fn a_value_of_the_wrong_shape_is_an_error_not_a_panic() {
    assert!(from_value::<Shapes>(js(r#"{"whole": "5098"}"#)).is_err(), "a string for a number");
    assert!(from_value::<u16>(js("70000")).is_err(), "out of range");
    assert!(from_value::<i64>(js("1.5")).is_err(), "a fraction for an integer");
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Shape {
        Round,
    }
    assert!(from_value::<Shape>(js(r#""round""#)).is_ok());
    assert!(from_value::<Shape>(js(r#""square""#)).is_err(), "an unknown variant");
    assert!(from_value::<String>(js_sys::Function::new_no_args("").into()).is_err(), "a function for a string");
    assert!(from_value::<Vec<u32>>(js("{}")).is_err(), "an object for a list");
}
