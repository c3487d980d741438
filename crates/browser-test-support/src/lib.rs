//! What the browser tests of `stripe-wasm`, `leptos-stripe` and the app share.

use wasm_bindgen::JsCast;

/// Stripe.js of the stand-in `scripts/test.sh` starts (`STRIPE_SIM_URL`, `.cargo/config.toml`).
pub fn stripe_js_url() -> String {
    format!("{}/endive/stripe.js", env!("STRIPE_SIM_URL"))
}

/// A fresh `<div>` in the page to mount into.
pub fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Waits until `done()` holds, for at most `ms` milliseconds; whether it did.
pub async fn until(ms: u32, mut done: impl FnMut() -> bool) -> bool {
    let mut waited = 0;
    while !done() {
        if waited >= ms {
            return false;
        }
        gloo_timers::future::TimeoutFuture::new(20).await;
        waited += 20;
    }
    true
}

/// The iframes (Stripe's Elements) inside `node`.
pub fn iframes_in(node: &web_sys::HtmlElement) -> Vec<web_sys::HtmlIFrameElement> {
    let list = node.query_selector_all("iframe").unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

/// `POST {path}` on the stand-in with its secret key, as a merchant's server calls Stripe: the
/// object it answers.
pub async fn server_post(path: &str, body: &str) -> serde_json::Value {
    gloo_net::http::Request::post(&format!("{}{path}", env!("STRIPE_SIM_URL")))
        .header("Authorization", "Bearer sk_test_browser_tests")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .unwrap()
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}
