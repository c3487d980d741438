//! The Stripe.js stand-in: `/{release}/stripe.js` (and `/v3`) plus the documents its Elements
//! load into cross-origin iframes, as js.stripe.com serves them.

use std::sync::{Arc, LazyLock};

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::{get, post};

use crate::api::{konbini, three_d_secure};
use crate::{Sim, cards};

/// Stripe.js, one script from fragments by concern (in this order, inside one function scope):
/// constants and errors, the shared form encoder and API calls, messaging with the Element
/// iframes, modals, `Stripe`, its PaymentIntent and SetupIntent calls, `Elements`, what pays for
/// a group, the Link Authentication, Express Checkout (with its wallet's sheet) and Payment
/// Method Messaging Elements, Embedded Checkout, `Element` (which closes the scope).
static STRIPE_JS: LazyLock<String> = LazyLock::new(|| {
    [
        include_str!("../assets/stripe-js/prelude.js"),
        SHARED_JS,
        include_str!("../assets/stripe-js/rpc.js"),
        include_str!("../assets/stripe-js/modal.js"),
        include_str!("../assets/stripe-js/stripe.js"),
        include_str!("../assets/stripe-js/intents.js"),
        include_str!("../assets/stripe-js/elements.js"),
        include_str!("../assets/stripe-js/payment-source.js"),
        include_str!("../assets/stripe-js/link-authentication.js"),
        include_str!("../assets/stripe-js/express-checkout.js"),
        include_str!("../assets/stripe-js/wallet-sheet.js"),
        include_str!("../assets/stripe-js/payment-method-messaging.js"),
        include_str!("../assets/stripe-js/embedded-checkout.js"),
        include_str!("../assets/stripe-js/element.js"),
    ]
    .join("\n")
});
/// What Stripe.js and the Element iframes both need: Stripe's form encoding and API calls.
const SHARED_JS: &str = include_str!("../assets/stripe-js/shared.js");
const PAYMENT_ELEMENT: &str = include_str!("../assets/payment-element.html");
const ADDRESS_ELEMENT: &str = include_str!("../assets/address-element.html");
const LINK_AUTHENTICATION_ELEMENT: &str = include_str!("../assets/link-authentication-element.html");
const EXPRESS_CHECKOUT_ELEMENT: &str = include_str!("../assets/express-checkout-element.html");
/// The Express Checkout Element's wallet sheet, in a modal over the merchant's page.
const WALLET_SHEET: &str = include_str!("../assets/wallet-sheet.html");
const PAYMENT_METHOD_MESSAGING_ELEMENT: &str = include_str!("../assets/payment-method-messaging.html");
/// The Element iframes' own script, with the shared part written in.
static ELEMENT_FRAME_JS: LazyLock<String> =
    LazyLock::new(|| include_str!("../assets/element-frame.js").replacen("/*SHARED_JS*/", SHARED_JS, 1));
const ELEMENTS_CSS: &str = include_str!("../assets/elements.css");
const THREE_D_SECURE: &str = include_str!("../assets/three-d-secure.html");
/// A buy-now-pay-later provider's test page, reached by redirect.
const BNPL_AUTHORIZE: &str = include_str!("../assets/bnpl-authorize.html");
const KONBINI_VOUCHER: &str = include_str!("../assets/konbini-voucher.html");
/// Stripe's Checkout page, embedded or hosted; built on Stripe.js and the Payment Element.
const EMBEDDED_CHECKOUT: &str = include_str!("../assets/embedded-checkout.html");

/// The Payment Element's document with the card brands of `cards::BRANDS` written in.
static PAYMENT_ELEMENT_WITH_BRANDS: LazyLock<String> = LazyLock::new(|| {
    let brands = serde_json::json!({"known": cards::BRANDS, "unknown": cards::UNKNOWN_BRAND});
    PAYMENT_ELEMENT.replacen("/*CARD_BRANDS*/ { known: [], unknown: { id: 'unknown', name: 'Card', lengths: [16], cvc: 3, groups: [4, 4, 4, 4] } }", &brands.to_string(), 1)
});

pub fn router() -> Router<Arc<Sim>> {
    Router::new()
        .route("/v3", get(stripe_js))
        .route("/v3/", get(stripe_js))
        .route("/{release}/stripe.js", get(stripe_js))
        .route("/elements/payment", get(|| html(&PAYMENT_ELEMENT_WITH_BRANDS)))
        .route("/elements/address", get(|| html(ADDRESS_ELEMENT)))
        .route("/elements/linkAuthentication", get(|| html(LINK_AUTHENTICATION_ELEMENT)))
        .route("/elements/expressCheckout", get(|| html(EXPRESS_CHECKOUT_ELEMENT)))
        .route("/elements/wallet-sheet", get(|| html(WALLET_SHEET)))
        .route("/elements/paymentMethodMessaging", get(|| html(PAYMENT_METHOD_MESSAGING_ELEMENT)))
        .route("/elements/element-frame.js", get(|| asset("application/javascript; charset=utf-8", &ELEMENT_FRAME_JS)))
        .route("/elements/elements.css", get(|| asset("text/css; charset=utf-8", ELEMENTS_CSS)))
        // Stripe's test 3-D Secure page: in Stripe.js's modal, or reached by redirect.
        .route("/three_d_secure/{id}", get(|| html(THREE_D_SECURE)))
        .route("/three_d_secure/{id}/complete", post(three_d_secure::complete))
        .route("/three_d_secure/{id}/fail", post(three_d_secure::fail))
        // Klarna's, Afterpay's, Affirm's or Zip's page in test mode: authorise or fail.
        .route("/bnpl/{id}", get(|| html(BNPL_AUTHORIZE)))
        .route("/bnpl/{id}/authorize", post(three_d_secure::authorize))
        .route("/bnpl/{id}/fail", post(three_d_secure::decline))
        // Stripe's hosted konbini voucher (hosted_voucher_url), also shown in Stripe.js's modal.
        .route("/konbini/vouchers/{id}", get(|| html(KONBINI_VOUCHER)))
        .route("/konbini/vouchers/{id}/details", get(konbini::voucher))
        // Checkout's page: embedded in the merchant's page (stripe.createEmbeddedCheckoutPage),
        // or on its own at a hosted session's url.
        .route("/checkout/embedded", get(|| html(EMBEDDED_CHECKOUT)))
        .route("/checkout/pay/{id}", get(|| html(EMBEDDED_CHECKOUT)))
}

async fn stripe_js() -> impl IntoResponse {
    asset("application/javascript; charset=utf-8", &STRIPE_JS).await
}

async fn html(page: &'static str) -> impl IntoResponse {
    asset("text/html; charset=utf-8", page).await
}

async fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(CONTENT_TYPE, content_type), (CACHE_CONTROL, "no-cache")], body)
}
