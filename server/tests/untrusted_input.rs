//! Property tests through real HTTP on loopback: whatever a client sends to `/api` (bodies,
//! query strings, path segments, the client-secret and signature headers), the server answers
//! it (a panic would drop the connection), never with a 5xx, and every refusal is Stripe's
//! error shape with a known type. One server and stand-in serve every case.

mod common;

use std::sync::OnceLock;

use common::Stack;
use proptest::prelude::*;
use serde_json::{Value, json};

/// The server (limits off: every case comes from one client) and its runtime, for all tests.
fn server() -> &'static (tokio::runtime::Runtime, String, reqwest::Client) {
    static SERVER: OnceLock<(tokio::runtime::Runtime, String, reqwest::Client)> = OnceLock::new();
    SERVER.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let url = runtime.block_on(async {
            let sim = stripe_sim::spawn_on_loopback().await.unwrap();
            let off = || "off".to_owned();
            let limits = [
                ("CHECKOUT_RATE_LIMIT_CONFIRM", off()),
                ("CHECKOUT_RATE_LIMIT_CART", off()),
                ("CHECKOUT_RATE_LIMIT_KONBINI", off()),
                ("CHECKOUT_RATE_LIMIT_LOOKUP", off()),
                ("CHECKOUT_RATE_LIMIT_DISCOUNT", off()),
                ("CHECKOUT_DECLINE_LIMIT", off()),
            ];
            common::start_server_with(&sim, &limits).await
        });
        (runtime, url, reqwest::Client::new())
    })
}

/// Sends `request` and checks the answer: not a 5xx, and a refusal in Stripe's error shape.
fn answered(request: reqwest::RequestBuilder) -> Result<(u16, Value), TestCaseError> {
    let (runtime, _, _) = server();
    let (status, body) = runtime.block_on(async {
        let response = request.send().await.expect("the server answers (no panic dropped the connection)");
        let status = response.status().as_u16();
        (status, response.bytes().await.unwrap())
    });
    prop_assert!(status < 500, "{}: {}", status, String::from_utf8_lossy(&body));
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    if status >= 400 {
        let kind = body["error"]["type"].as_str().unwrap_or_default();
        prop_assert!(
            ["invalid_request_error", "card_error", "api_error", "idempotency_error", "rate_limit_error"]
                .contains(&kind),
            "{} without Stripe's error shape: {}",
            status,
            body
        );
        prop_assert!(body["error"]["message"].is_string(), "{}", body);
    }
    Ok((status, body))
}

fn post(path: &str) -> reqwest::RequestBuilder {
    let (_, url, http) = server();
    http.post(format!("{url}{path}")).header("Content-Type", "application/json")
}

/// A URL of the server with `segment` as one path segment (percent-encoded) after `prefix`,
/// and `query` as the query string.
fn url(prefix: &str, segment: Option<&str>, query: &str) -> reqwest::Url {
    let (_, base, _) = server();
    let mut url = reqwest::Url::parse(&format!("{base}{prefix}")).unwrap();
    if let Some(segment) = segment {
        url.path_segments_mut().unwrap().push(segment);
    }
    url.set_query(Some(query).filter(|q| !q.is_empty()));
    url
}

const POST_ROUTES: [&str; 6] = [
    "/api/cart",
    "/api/checkout/confirm",
    "/api/checkout/sessions",
    "/api/konbini/payments",
    "/api/konbini/payments/pi_123/cancel",
    "/api/webhooks/stripe",
];

/// JSON a client could send, with the real requests' field names among the keys.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,16}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                "(attemptId|confirmationTokenId|items|productId|quantity|discountCode|name|email|phone|clientSecret|amount|[a-z]{1,5})",
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid request of each kind, one of its fields replaced by `value`.
fn mutated(field: usize, value: Value) -> [Value; 4] {
    let mut requests = [
        json!({"items": Stack::default_items(), "discountCode": "WELCOME10"}),
        json!({"attemptId": common::attempt_id(), "confirmationTokenId": "ctoken_unknown", "items": Stack::default_items()}),
        json!({"items": Stack::default_items(), "name": "山田 花子", "email": "hanako@example.jp", "phone": "090-1234-5678"}),
        json!({"attemptId": common::attempt_id(), "items": Stack::default_items()}),
    ];
    for request in &mut requests {
        let object = request.as_object_mut().unwrap();
        let key = object.keys().nth(field % object.len()).unwrap().clone();
        object.insert(key, value.clone());
    }
    requests
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_to_any_post_route_get_a_typed_answer(body in prop::collection::vec(any::<u8>(), 0..400), route in 0..POST_ROUTES.len()) {
        let (status, _) = answered(post(POST_ROUTES[route]).body(body))?;
        prop_assert!(status >= 400);
    }

    #[test]
    fn any_json_to_any_post_route_gets_a_typed_answer(value in json_value(), route in 0..POST_ROUTES.len()) {
        answered(post(POST_ROUTES[route]).body(value.to_string()))?;
    }

    #[test]
    fn valid_requests_with_one_field_changed_get_a_typed_answer(field in 0..5_usize, value in json_value()) {
        let [cart, confirm, konbini, session] = mutated(field, value);
        answered(post("/api/cart").json(&cart))?;
        answered(post("/api/checkout/confirm").json(&confirm))?;
        answered(post("/api/konbini/payments").json(&konbini))?;
        // From the shop's own origin, so that a valid one reaches the stand-in.
        answered(post("/api/checkout/sessions").header("Origin", &server().1).json(&session))?;
    }

    /// Query strings, path segments and the client-secret header of every lookup.
    #[test]
    fn any_query_string_path_segment_and_secret_get_a_typed_answer(
        query in "[ -~]{0,80}",
        segment in prop_oneof![Just("cart".to_owned()), Just("session".to_owned()), Just("webhooks".to_owned()), ".{1,40}"],
        secret in "[!-~]{0,60}",
    ) {
        let (_, _, http) = server();
        let with_secret = |request: reqwest::RequestBuilder| if secret.is_empty() { request } else { request.header("X-Client-Secret", &secret) };
        answered(with_secret(http.get(url("/api/orders", None, &query))))?;
        answered(with_secret(http.get(url("/api/orders", None, &format!("paymentIntent={segment}&{query}")))))?;
        answered(http.get(url("/api/orders", Some(&segment), &query)))?;
        answered(with_secret(http.get(url("/api/konbini/payments", Some(&segment), &query))))?;
        answered(http.get(url("/api/checkout/sessions", Some(&segment), &query)))?;
        answered(http.get(url("/api/config", None, &query)))?;
        let (status, _) = answered(with_secret(http.get(url("/api", Some(&segment), &query))))?;
        prop_assert!([200, 404, 405].contains(&status), "{}", status);
    }

    /// Every route with a method it does not take: a typed 405, not an empty one.
    #[test]
    fn any_method_on_any_route_gets_a_typed_answer(route in 0..POST_ROUTES.len(), method in prop_oneof![Just("GET".to_owned()), Just("PUT".to_owned()), Just("DELETE".to_owned()), "[A-Z]{3,8}"]) {
        let (_, base, http) = server();
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        answered(http.request(method, format!("{base}{}", POST_ROUTES[route])))?;
        answered(http.delete(format!("{base}/api/orders/ord_1")))?;
    }

    /// The webhook endpoint with any Stripe-Signature header: 400, nothing applied.
    #[test]
    fn any_signature_header_is_refused_with_a_typed_answer(signature in "[ -~]{0,120}", body in ".{0,200}") {
        let (status, refused) = answered(post("/api/webhooks/stripe").header("Stripe-Signature", signature).body(body))?;
        prop_assert_eq!(status, 400);
        prop_assert_eq!(&refused["error"]["code"], "webhook_signature_invalid");
    }
}

/// What the property above found: a known `/api` path asked with another method was an empty
/// 405. Now it is Stripe's error shape, and still says which methods the path takes.
#[test]
fn a_wrong_method_is_a_typed_405_with_allow() {
    let (runtime, base, http) = server();
    runtime.block_on(async {
        let response = http.get(format!("{base}/api/checkout/confirm")).send().await.unwrap();
        assert_eq!(response.status(), 405);
        assert_eq!(response.headers()["allow"], "POST");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["type"], "invalid_request_error", "{body}");
        assert_eq!(body["error"]["code"], "method_not_allowed");
    });
}
