//! The raw Stripe.js surface, as JavaScript sees it. Everything here is private to the crate;
//! the typed API wraps it. Each call that Stripe.js may throw from is `catch`.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A `Stripe` instance.
    #[derive(Clone)]
    pub type StripeJs;

    /// `Stripe(publishableKey, options)`: resolved when called, so Stripe.js may load later.
    #[wasm_bindgen(catch, js_name = Stripe)]
    pub fn stripe(key: &str, options: &JsValue) -> Result<StripeJs, JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn elements(this: &StripeJs, options: &JsValue) -> Result<ElementsJs, JsValue>;

    #[wasm_bindgen(method, catch, js_name = registerAppInfo)]
    pub fn register_app_info(this: &StripeJs, info: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = createConfirmationToken)]
    pub fn create_confirmation_token(this: &StripeJs, options: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = handleNextAction)]
    pub fn handle_next_action(this: &StripeJs, options: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = confirmKonbiniPayment)]
    pub fn confirm_konbini_payment(
        this: &StripeJs,
        client_secret: &str,
        data: &JsValue,
        options: &JsValue,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = confirmPayment)]
    pub fn confirm_payment(this: &StripeJs, options: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = confirmSetup)]
    pub fn confirm_setup(this: &StripeJs, options: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = retrieveSetupIntent)]
    pub fn retrieve_setup_intent(this: &StripeJs, client_secret: &str) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = createPaymentMethod)]
    pub fn create_payment_method(this: &StripeJs, options: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = retrievePaymentIntent)]
    pub fn retrieve_payment_intent(this: &StripeJs, client_secret: &str) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = createEmbeddedCheckoutPage)]
    pub fn create_embedded_checkout_page(this: &StripeJs, options: &JsValue) -> Result<Promise, JsValue>;

    /// An Embedded Checkout.
    pub type EmbeddedCheckoutJs;

    #[wasm_bindgen(method, catch, js_name = mount)]
    pub fn mount(this: &EmbeddedCheckoutJs, target: &web_sys::Element) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = unmount)]
    pub fn unmount(this: &EmbeddedCheckoutJs) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = destroy)]
    pub fn destroy(this: &EmbeddedCheckoutJs) -> Result<(), JsValue>;

    /// An Elements group.
    #[derive(Clone)]
    pub type ElementsJs;

    #[wasm_bindgen(method, catch)]
    pub fn create(this: &ElementsJs, kind: &str, options: &JsValue) -> Result<ElementJs, JsValue>;

    #[wasm_bindgen(method, catch, js_name = getElement)]
    pub fn get_element(this: &ElementsJs, kind: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = getElement)]
    pub fn get_element_with(this: &ElementsJs, kind: &str, options: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, catch, js_name = update)]
    pub fn update_group(this: &ElementsJs, options: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn submit(this: &ElementsJs) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = fetchUpdates)]
    pub fn fetch_updates(this: &ElementsJs) -> Result<Promise, JsValue>;

    /// One Element (Payment Element, Address Element, ...).
    #[derive(Clone)]
    pub type ElementJs;

    #[wasm_bindgen(method, catch)]
    pub fn mount(this: &ElementJs, target: &web_sys::Element) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn unmount(this: &ElementJs) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn destroy(this: &ElementJs) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn update(this: &ElementJs, options: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn focus(this: &ElementJs) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn blur(this: &ElementJs) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn clear(this: &ElementJs) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn collapse(this: &ElementJs) -> Result<(), JsValue>;

    /// Address Element only.
    #[wasm_bindgen(method, catch, js_name = getValue)]
    pub fn get_value(this: &ElementJs) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn on(this: &ElementJs, event: &str, handler: &Function) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch)]
    pub fn off(this: &ElementJs, event: &str, handler: &Function) -> Result<(), JsValue>;
}
