//! The checkout's `/api` from a merchant's own site (`CHECKOUT_EMBED_ORIGINS`), as a browser
//! asks for it: a preflight from a listed origin is answered with that origin and credentials,
//! the calls themselves carry the same headers, and nothing is granted to another origin, to
//! the operators' routes or to Stripe's webhooks, nor to anyone when no origin is listed.

mod common;

use common::Stack;
use reqwest::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD, ORIGIN, VARY,
};
use reqwest::{Method, Response};

const SHOP: &str = "https://shop.example";

async fn stack(embed_origins: Option<&str>) -> Stack {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let env: Vec<(&'static str, String)> =
        embed_origins.map(|o| vec![("CHECKOUT_EMBED_ORIGINS", o.to_owned())]).unwrap_or_default();
    let server = common::start_server_with(&sim, &env).await;
    Stack::new(server, sim)
}

/// A browser's preflight from `origin` for a `method` request with `headers` (a POST with a JSON
/// body: `preflight(.., "POST", Some("content-type"))`).
async fn preflight_for(stack: &Stack, path: &str, origin: &str, method: &str, headers: Option<&str>) -> Response {
    let mut request = stack
        .http
        .request(Method::OPTIONS, format!("{}{path}", stack.server))
        .header(ORIGIN, origin)
        .header(ACCESS_CONTROL_REQUEST_METHOD, method);
    if let Some(headers) = headers {
        request = request.header(ACCESS_CONTROL_REQUEST_HEADERS, headers);
    }
    request.send().await.unwrap()
}

/// A browser's preflight for a POST with a JSON body from `origin`.
async fn preflight(stack: &Stack, path: &str, origin: &str) -> Response {
    preflight_for(stack, path, origin, "POST", Some("content-type")).await
}

fn header(response: &Response, name: reqwest::header::HeaderName) -> Option<String> {
    response.headers().get(name).map(|v| v.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn a_listed_origin_may_call_the_shoppers_api_with_credentials() {
    let stack = stack(Some("https://shop.example, http://127.0.0.1:8000")).await;
    let answer = preflight(&stack, "/api/cart", SHOP).await;
    assert!(answer.status().is_success(), "{}", answer.status());
    assert_eq!(header(&answer, ACCESS_CONTROL_ALLOW_ORIGIN).as_deref(), Some(SHOP));
    assert_eq!(header(&answer, ACCESS_CONTROL_ALLOW_CREDENTIALS).as_deref(), Some("true"));
    assert!(header(&answer, ACCESS_CONTROL_ALLOW_METHODS).unwrap().contains("POST"));
    assert!(header(&answer, ACCESS_CONTROL_ALLOW_HEADERS).unwrap().to_lowercase().contains("content-type"));

    // The call itself: the same origin echoed (never `*`), and caches told it depends on Origin.
    let config = stack.http.get(format!("{}/api/config", stack.server)).header(ORIGIN, SHOP).send().await.unwrap();
    assert_eq!(config.status(), 200);
    assert_eq!(header(&config, ACCESS_CONTROL_ALLOW_ORIGIN).as_deref(), Some(SHOP));
    assert_eq!(header(&config, ACCESS_CONTROL_ALLOW_CREDENTIALS).as_deref(), Some("true"));
    // (Vary may come as several headers: the languages' and CORS's.)
    let vary: Vec<String> = config.headers().get_all(VARY).iter().map(|v| v.to_str().unwrap().to_lowercase()).collect();
    assert!(vary.iter().any(|v| v.contains("origin")), "{vary:?}");
    assert!(header(&config, ACCESS_CONTROL_EXPOSE_HEADERS).unwrap().contains("x-request-id"));

    // The second listed origin too, and a POST that reaches its handler.
    let cart = stack
        .http
        .post(format!("{}/api/cart", stack.server))
        .header(ORIGIN, "http://127.0.0.1:8000")
        .json(&serde_json::json!({"items": [{"productId": "ferris-plush", "quantity": 1}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(header(&cart, ACCESS_CONTROL_ALLOW_ORIGIN).as_deref(), Some("http://127.0.0.1:8000"));
    assert!(cart.status().is_success() || cart.status().is_client_error(), "{}", cart.status());

    // Routes with a path parameter and their header, and signing out (DELETE).
    let order = preflight_for(&stack, "/api/konbini/payments/pi_123", SHOP, "GET", Some("x-client-secret")).await;
    assert_eq!(header(&order, ACCESS_CONTROL_ALLOW_ORIGIN).as_deref(), Some(SHOP));
    assert!(header(&order, ACCESS_CONTROL_ALLOW_HEADERS).unwrap().to_lowercase().contains("x-client-secret"));
    let sign_out = preflight_for(&stack, "/api/session", SHOP, "DELETE", None).await;
    assert_eq!(header(&sign_out, ACCESS_CONTROL_ALLOW_ORIGIN).as_deref(), Some(SHOP));
    assert!(header(&sign_out, ACCESS_CONTROL_ALLOW_METHODS).unwrap().contains("DELETE"));
}

#[tokio::test]
async fn another_origin_the_operators_routes_and_the_webhooks_get_nothing() {
    let stack = stack(Some(SHOP)).await;
    let other = preflight(&stack, "/api/cart", "https://evil.example").await;
    assert_eq!(header(&other, ACCESS_CONTROL_ALLOW_ORIGIN), None);
    assert_eq!(header(&other, ACCESS_CONTROL_ALLOW_CREDENTIALS), None, "credentials are for listed origins only");
    let other = stack
        .http
        .get(format!("{}/api/config", stack.server))
        .header(ORIGIN, "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&other, ACCESS_CONTROL_ALLOW_ORIGIN), None);

    // Even from the listed origin: the operator's cookie and Stripe's webhooks are not for shops.
    for path in ["/api/operator/session", "/api/operator/emails/jobs", "/api/webhooks/stripe"] {
        let answer = preflight(&stack, path, SHOP).await;
        assert_eq!(header(&answer, ACCESS_CONTROL_ALLOW_ORIGIN), None, "{path}");
        assert_eq!(header(&answer, ACCESS_CONTROL_ALLOW_CREDENTIALS), None, "{path}");
    }
}

#[tokio::test]
async fn without_embed_origins_no_origin_is_granted_anything() {
    let stack = stack(None).await;
    let answer = preflight(&stack, "/api/cart", SHOP).await;
    assert_eq!(header(&answer, ACCESS_CONTROL_ALLOW_ORIGIN), None);
    let config = stack.http.get(format!("{}/api/config", stack.server)).header(ORIGIN, SHOP).send().await.unwrap();
    assert_eq!(config.status(), 200);
    assert_eq!(header(&config, ACCESS_CONTROL_ALLOW_ORIGIN), None);
}

#[tokio::test]
async fn a_wrong_method_is_still_refused_in_stripes_error_shape() {
    // The CORS layer does not change how the shopper's routes refuse a method they do not take.
    let stack = stack(Some(SHOP)).await;
    let answer = stack.http.put(format!("{}/api/cart", stack.server)).header(ORIGIN, SHOP).send().await.unwrap();
    assert_eq!(answer.status(), 405);
    // Refused behind the layer (so the listed origin can read why), by the shopper routes' fallback.
    assert_eq!(header(&answer, ACCESS_CONTROL_ALLOW_ORIGIN).as_deref(), Some(SHOP));
    let body: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(body["error"]["type"], "invalid_request_error", "{body}");
}

/// The demo sign-in asked from `origin` (over https behind a proxy when `https`): its cookie.
async fn sign_in_cookie(origin: Option<&str>, https: bool) -> String {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let env = [("CHECKOUT_EMBED_ORIGINS", SHOP.to_owned()), ("CHECKOUT_DEMO_CUSTOMER", "cus_demo".to_owned())];
    let server = common::start_server_with(&sim, &env).await;
    let mut request = reqwest::Client::new().post(format!("{server}/api/session/demo"));
    if let Some(origin) = origin {
        request = request.header(ORIGIN, origin);
    }
    if https {
        request = request.header("x-forwarded-proto", "https");
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.headers()["set-cookie"].to_str().unwrap().to_owned()
}

/// A checkout embedded on the shop's own site signs the shopper in with a cookie the browser
/// sends back with the embed's cross-site requests (SameSite=None needs Secure; Partitioned keeps
/// it to that host site); the shop's own pages keep the stricter Lax one.
#[tokio::test]
async fn an_embedding_sites_sign_in_cookie_travels_cross_site_partitioned() {
    let embedded = sign_in_cookie(Some(SHOP), true).await;
    for attribute in ["SameSite=None", "Secure", "Partitioned", "HttpOnly"] {
        assert!(embedded.contains(attribute), "{attribute}: {embedded}");
    }
    let own = sign_in_cookie(None, true).await;
    assert!(own.contains("SameSite=Lax") && own.contains("Secure") && !own.contains("Partitioned"), "{own}");
    let unlisted = sign_in_cookie(Some("https://elsewhere.example"), true).await;
    assert!(unlisted.contains("SameSite=Lax"), "an origin not listed gets nothing more: {unlisted}");
    let plain_http = sign_in_cookie(Some(SHOP), false).await;
    assert!(plain_http.contains("SameSite=Lax") && !plain_http.contains("Secure"), "{plain_http}");
}
