//! What the checkout tells its host page: DOM `CustomEvent`s on the host element (they bubble,
//! so a listener on `document` hears them too), and, when the page is inside an iframe and
//! `data-parent-origin` names the parent, the same as `postMessage({type, detail})` to that
//! origin only (never `*`: the order id is the shopper's).

use checkout_api::stripe_common::StripeError;
use wasm_bindgen::JsValue;

/// `checkout:ready`: the payment form can be filled in. Once per checkout: switching between
/// card and konbini does not say it again.
pub fn ready() {
    thread_local!(static SAID: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !SAID.replace(true) {
        emit("checkout:ready", &[]);
    }
}

/// `checkout:paid` `{orderId, amount, currency}` (amount in the currency's smallest unit).
pub fn paid(order_id: &str, amount: i64, currency: &str) {
    emit(
        "checkout:paid",
        &[("orderId", order_id.into()), ("amount", JsValue::from_f64(amount as f64)), ("currency", currency.into())],
    );
}

/// `checkout:failed` `{code, message}`: Stripe's error code (e.g. `card_declined`) and the
/// message the shopper was shown.
pub fn failed(code: &str, message: &str) {
    emit("checkout:failed", &[("code", code.into()), ("message", message.into())]);
}

/// [`failed`] for a Stripe error, with the message the form shows for it.
pub fn failed_with(error: &StripeError) {
    let shown = crate::i18n::tr(crate::split::shopper_message(error));
    failed(error.code.as_deref().unwrap_or(error.type_.as_str()), shown);
}

/// `checkout:konbini-pending` `{orderId, expiresAt}`: instructions issued; `expiresAt` is an ISO
/// 8601 time (null if Stripe did not say).
pub fn konbini_pending(order_id: &str, expires_at: Option<i64>) {
    let expires_at = match expires_at {
        Some(seconds) => js_sys::Date::new(&JsValue::from_f64(seconds as f64 * 1000.0)).to_iso_string().into(),
        None => JsValue::NULL,
    };
    emit("checkout:konbini-pending", &[("orderId", order_id.into()), ("expiresAt", expires_at)]);
}

fn emit(name: &str, fields: &[(&str, JsValue)]) {
    let Some(root) = super::root() else { return };
    let detail = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = root.dispatch_event(&event);
    }
    post_to_parent(name, &detail);
}

fn post_to_parent(name: &str, detail: &js_sys::Object) {
    let Some(origin) = super::parent_origin() else { return };
    let window = leptos::prelude::window();
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &name.into());
    let _ = js_sys::Reflect::set(&message, &"detail".into(), detail);
    let _ = parent.post_message(&message, &origin);
}
