//! Property tests of everything this crate reads from a browser or writes for one: `/api`
//! bodies parse or are refused (never a panic), validation answers every
//! value with a typed error naming the field, wire forms round trip, and money formatting
//! reads back as the amount it formats.

use checkout_api::{
    CartItem, CheckoutSessionRequest, ConfirmRequest, KonbiniCancelRequest, KonbiniPaymentRequest, MAX_LINES,
    MAX_QUANTITY, OrderForPaymentQuery, PriceRequest, format_amount, is_attempt_id, validate_items,
};
use proptest::prelude::*;
use stripe_common::minor_unit_exponent;

fn item() -> impl Strategy<Value = CartItem> {
    ("[a-z-]{0,70}", 0..=MAX_QUANTITY + 3).prop_map(|(product_id, quantity)| CartItem { product_id, quantity })
}

fn items() -> impl Strategy<Value = Vec<CartItem>> {
    prop::collection::vec(item(), 0..MAX_LINES + 3)
}

fn confirm() -> impl Strategy<Value = ConfirmRequest> {
    (
        "[A-Za-z0-9_<> -]{0,70}",
        "(ctoken_)?[A-Za-z0-9_]{0,30}",
        items(),
        prop::option::of(".{0,20}"),
        prop::option::of("[a-z0-9 -]{0,45}"),
    )
        .prop_map(|(attempt_id, confirmation_token_id, items, discount_code, seller_id)| ConfirmRequest {
            attempt_id,
            confirmation_token_id,
            items,
            discount_code,
            seller_id,
            offer_shown: false,
        })
}

fn konbini() -> impl Strategy<Value = KonbiniPaymentRequest> {
    (items(), ".{0,30}", ".{0,40}", "[0-9 ()+-]{0,16}|.{0,16}")
        .prop_map(|(items, name, email, phone)| KonbiniPaymentRequest { items, name, email, phone })
}

/// JSON values a client could send in place of a body, fields of the real ones among them.
fn json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                "(attemptId|confirmationTokenId|items|productId|quantity|discountCode|name|email|phone|clientSecret|paymentIntent|amount|[a-z]{1,5})",
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Reads a formatted amount back: sign, symbol or code, grouped whole units, minor units.
fn parse_formatted(text: &str, currency: &str) -> i64 {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let number = rest.trim_start_matches(|c: char| !c.is_ascii_digit());
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let exponent = minor_unit_exponent(currency) as usize;
    if exponent > 0 {
        let (_, minor) = number.rsplit_once('.').expect("a decimal point");
        assert_eq!(minor.len(), exponent, "{text}");
    }
    let magnitude: i128 = digits.parse().unwrap();
    i64::try_from(if negative { -magnitude } else { magnitude }).unwrap()
}

proptest! {
    #[test]
    fn any_bytes_as_a_body_parse_or_are_refused(body in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = serde_json::from_slice::<ConfirmRequest>(&body);
        let _ = serde_json::from_slice::<PriceRequest>(&body);
        let _ = serde_json::from_slice::<KonbiniPaymentRequest>(&body);
        let _ = serde_json::from_slice::<KonbiniCancelRequest>(&body);
        let _ = serde_json::from_slice::<CheckoutSessionRequest>(&body);
        let _ = serde_json::from_slice::<OrderForPaymentQuery>(&body);
    }

    #[test]
    fn any_json_as_a_body_parses_and_validates_or_is_refused(value in json()) {
        if let Ok(request) = serde_json::from_value::<ConfirmRequest>(value.clone()) {
            let _ = request.validate();
        }
        if let Ok(request) = serde_json::from_value::<KonbiniPaymentRequest>(value.clone()) {
            let _ = request.validate();
        }
        if let Ok(request) = serde_json::from_value::<CheckoutSessionRequest>(value.clone()) {
            let _ = request.validate();
        }
        let _ = serde_json::from_value::<PriceRequest>(value);
    }

    #[test]
    fn confirm_requests_round_trip_and_validate_with_a_named_field(request in confirm()) {
        let wire = serde_json::to_string(&request).unwrap();
        prop_assert_eq!(serde_json::from_str::<ConfirmRequest>(&wire).unwrap(), request.clone());
        match request.validate() {
            Ok(()) => {
                prop_assert!(is_attempt_id(&request.attempt_id));
                prop_assert!(request.confirmation_token_id.starts_with("ctoken_"));
                prop_assert!(validate_items(&request.items).is_ok());
            }
            Err(e) => prop_assert!(["attemptId", "confirmationTokenId", "items"].iter().any(|p| e.param.starts_with(p)), "{}", e.param),
        }
    }

    /// The cart's shape rules, exactly: 1..=20 lines, quantities 1..=10, product ids 1..=64.
    #[test]
    fn cart_shape_is_exactly_the_rule(items in items()) {
        let shaped = !items.is_empty()
            && items.len() <= MAX_LINES
            && items.iter().all(|i| (1..=MAX_QUANTITY).contains(&i.quantity) && (1..=64).contains(&i.product_id.len()));
        prop_assert_eq!(validate_items(&items).is_ok(), shaped);
        let request = PriceRequest { items, discount_code: None };
        let wire = serde_json::to_string(&request).unwrap();
        prop_assert_eq!(serde_json::from_str::<PriceRequest>(&wire).unwrap(), request);
    }

    #[test]
    fn a_client_sent_price_is_refused_wherever_it_is_put(amount in any::<i64>(), field in "(amount|unitAmount|total|price)") {
        let body = serde_json::json!({"attemptId": "a".repeat(20), "confirmationTokenId": "ctoken_1",
            "items": [{"productId": "tee", "quantity": 1}], field.clone(): amount});
        prop_assert!(serde_json::from_value::<ConfirmRequest>(body).is_err());
        let item = serde_json::json!({"productId": "tee", "quantity": 1, field: amount});
        prop_assert!(serde_json::from_value::<CartItem>(item).is_err());
    }

    /// The konbini form: any text in any field gets notes (never a panic); the server refuses
    /// exactly the forms with a blocking problem, naming its field; the confirmation number is
    /// the phone's digits.
    #[test]
    fn konbini_forms_are_judged_field_by_field(form in konbini()) {
        let notes = form.notes();
        let blocking = notes.iter().find(|n| n.blocking());
        match (form.validate(), blocking) {
            (Ok(()), None) => {}
            (Err(e), Some(problem)) if validate_items(&form.items).is_ok() => prop_assert_eq!(e.param, problem.field()),
            (Err(e), _) if validate_items(&form.items).is_err() => prop_assert!(e.param.starts_with("items")),
            (answer, blocking) => prop_assert!(false, "{:?} with {:?}", answer, blocking),
        }
        if let Some(number) = form.confirmation_number() {
            prop_assert!(!number.is_empty() && number.chars().all(|c| c.is_ascii_digit()));
        }
        let wire = serde_json::to_string(&form).unwrap();
        prop_assert_eq!(serde_json::from_str::<KonbiniPaymentRequest>(&wire).unwrap(), form);
    }

    #[test]
    fn attempt_ids_are_16_to_64_plain_characters(id in ".{0,80}") {
        let plain = (16..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        prop_assert_eq!(is_attempt_id(&id), plain);
    }

    /// Any amount in any currency (even one nobody uses) formats, and reads back as itself.
    #[test]
    fn money_formats_and_reads_back(amount in any::<i64>(), currency in "(usd|jpy|eur|gbp|kwd|chf|USD|JPY|[a-z]{3})") {
        let text = format_amount(amount, &currency);
        prop_assert_eq!(parse_formatted(&text, &currency), amount, "{}", text);
        prop_assert_eq!(text.starts_with('-'), amount < 0);
        let whole = text.trim_start_matches('-').trim_start_matches(|c: char| !c.is_ascii_digit()).split('.').next().unwrap().to_owned();
        for (i, group) in whole.split(',').enumerate() {
            prop_assert!(if i == 0 { (1..=3).contains(&group.len()) } else { group.len() == 3 }, "{}", text);
        }
    }

    #[test]
    fn money_formatting_takes_any_currency_text(amount in any::<i64>(), currency in ".{0,8}") {
        let _ = format_amount(amount, &currency);
    }
}
