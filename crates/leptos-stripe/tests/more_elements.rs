//! The components beyond the Payment and Address Elements, against the Stripe.js stand-in: the
//! `<StripeElement>` factory with raw events, the Link Authentication, Express Checkout and
//! Payment Method Messaging Elements, and `<EmbeddedCheckout>`.

use std::sync::{Arc, Mutex};

use browser_test_support::{container, server_post, stripe_js_url, until};
use leptos::prelude::*;
use leptos_stripe::{
    Elements, EmbeddedCheckout, ExpressCheckoutElement, LinkAuthenticationElement, On, PaymentMethodMessagingElement,
    StripeElement,
};
use stripe_wasm::{
    ClientSecretSource, ElementEvent, ElementsOptions, ExpressCheckoutReadyEvent, LinkAuthenticationElementOptions,
    PaymentElementOptions, PaymentMethodMessagingElementOptions, RawEvent, Stripe, StripeError,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn stripe() -> Stripe {
    Stripe::load(&stripe_js_url(), "pk_test_components").await.unwrap()
}

fn iframe_titles(node: &web_sys::HtmlElement) -> Vec<String> {
    let list = node.query_selector_all("iframe").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlIFrameElement>().title())
        .collect()
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
async fn the_factory_mounts_any_element_and_gives_its_events_raw() {
    let stripe = stripe().await;
    let node = container();
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = seen.clone();
    let handle = leptos::mount::mount_to(node.clone(), move || {
        let on = vec![On::new("ready", move |e: RawEvent| {
            let kind = js_sys::Reflect::get(e.as_js(), &"elementType".into()).unwrap().as_string().unwrap();
            sink.lock().unwrap().push(kind);
        })];
        view! {
            <Elements stripe=stripe options=Signal::stored(ElementsOptions::payment(1099, "usd"))>
                <StripeElement kind="payment" options=Signal::stored(PaymentElementOptions::default()) on />
            </Elements>
        }
    });
    assert!(until(10_000, || !seen.lock().unwrap().is_empty()).await, "the raw ready event");
    assert_eq!(seen.lock().unwrap()[0], "payment");
    assert_eq!(iframe_titles(&node), ["Secure payment input frame"]);
    drop(handle);
    leptos::task::tick().await;
    assert!(iframe_titles(&node).is_empty(), "destroyed with the component");
}

#[wasm_bindgen_test]
async fn link_authentication_express_checkout_and_messaging_elements_mount_and_are_ready() {
    let stripe = stripe().await;
    let node = container();
    let ready: Arc<Mutex<Vec<String>>> = Arc::default();
    let wallets: Arc<Mutex<Option<ExpressCheckoutReadyEvent>>> = Arc::default();
    let (a, b, c) = (ready.clone(), wallets.clone(), ready.clone());
    let _handle = leptos::mount::mount_to(node.clone(), move || {
        view! {
            <Elements stripe=stripe options=Signal::stored(ElementsOptions::payment(5098, "usd"))>
                <LinkAuthenticationElement
                    options=Signal::stored(LinkAuthenticationElementOptions::with_email("jenny@example.com"))
                    on_ready=move |e: ElementEvent| a.lock().unwrap().push(e.element_type)
                />
                <ExpressCheckoutElement on_ready=move |e: ExpressCheckoutReadyEvent| *b.lock().unwrap() = Some(e) />
                <PaymentMethodMessagingElement
                    options=Signal::stored(PaymentMethodMessagingElementOptions::new(5098, "usd"))
                    on_ready=move |e: ElementEvent| c.lock().unwrap().push(e.element_type)
                />
            </Elements>
        }
    });
    assert!(until(10_000, || ready.lock().unwrap().len() == 2 && wallets.lock().unwrap().is_some()).await, "all ready");
    let mut kinds = ready.lock().unwrap().clone();
    kinds.sort();
    assert_eq!(kinds, ["linkAuthentication", "paymentMethodMessaging"]);
    let event = wallets.lock().unwrap().clone().unwrap();
    assert_eq!(event.element_type, "expressCheckout");
    assert!(event.available_payment_methods.is_some(), "the stand-in's wallet is available");
    assert_eq!(iframe_titles(&node).len(), 3);
}

/// An embedded Checkout Session on the stand-in, as the server creates it.
async fn embedded_session() -> serde_json::Value {
    let body = "ui_mode=embedded&mode=payment&line_items[0][price_data][currency]=usd\
        &line_items[0][price_data][product_data][name]=Ferris%20plush&line_items[0][price_data][unit_amount]=2499\
        &line_items[0][quantity]=1&return_url=http%3A%2F%2F127.0.0.1%2Fcomplete%3Fsession_id%3D%7BCHECKOUT_SESSION_ID%7D";
    server_post("/v1/checkout/sessions", body).await
}

#[wasm_bindgen_test]
async fn embedded_checkout_fetches_its_secret_mounts_and_is_destroyed_with_the_component() {
    let stripe = stripe().await;
    let session = embedded_session().await;
    let secret = session["client_secret"].as_str().expect("an embedded session has a client secret").to_owned();
    let asked = Arc::new(Mutex::new(0));
    let count = asked.clone();
    let source = ClientSecretSource::fetch(move || {
        *count.lock().unwrap() += 1;
        let secret = secret.clone();
        async move { Ok(secret) }
    });
    let node = container();
    let handle = leptos::mount::mount_to(node.clone(), move || {
        view! { <EmbeddedCheckout stripe client_secret=source id="checkout" /> }
    });
    assert!(until(10_000, || iframe_titles(&node) == ["Embedded Checkout"]).await, "Stripe's page mounted");
    assert_eq!(*asked.lock().unwrap(), 1, "the secret is asked for once");
    drop(handle);
    leptos::task::tick().await;
    assert!(iframe_titles(&node).is_empty(), "destroyed with the component");

    // Destroyed, a new one may be created (Stripe.js allows one at a time).
    let stripe = self::stripe().await;
    let again = embedded_session().await["client_secret"].as_str().unwrap().to_owned();
    let node = container();
    let _handle = leptos::mount::mount_to(node.clone(), move || {
        view! { <EmbeddedCheckout stripe client_secret=ClientSecretSource::Known(again) /> }
    });
    assert!(until(10_000, || iframe_titles(&node) == ["Embedded Checkout"]).await, "a second one mounts");
}

#[wasm_bindgen_test]
async fn embedded_checkout_whose_secret_cannot_be_fetched_reports_the_error() {
    let stripe = stripe().await;
    let errors: Arc<Mutex<Vec<StripeError>>> = Arc::default();
    let sink = errors.clone();
    let node = container();
    let _handle = leptos::mount::mount_to(node.clone(), move || {
        let source = ClientSecretSource::fetch(|| async { Err("the shop is closed".to_owned()) });
        view! { <EmbeddedCheckout stripe client_secret=source on_error=move |e: StripeError| sink.lock().unwrap().push(e) /> }
    });
    assert!(until(10_000, || !errors.lock().unwrap().is_empty()).await, "on_error called");
    assert!(iframe_titles(&node).is_empty());
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function record_console_errors() {
  window.__errors = [];
  const original = console.error;
  console.error = (...args) => { window.__errors.push(args.map(String).join(' ')); original.apply(console, args); };
}
export function console_errors() { return window.__errors.join('\n'); }
"#)]
extern "C" {
    fn record_console_errors();
    fn console_errors() -> String;
}

#[wasm_bindgen_test]
async fn an_element_stripe_could_not_load_reports_it_and_its_cleanup_is_quiet() {
    let stripe = stripe().await;
    let node = container();
    let failed: Arc<Mutex<Vec<StripeError>>> = Arc::default();
    let sink = failed.clone();
    // An intent that does not exist: Stripe.js cannot load the Element, says so, destroys it.
    let options = ElementsOptions::for_intent("pi_doesnotexist_secret_wrong");
    let handle = leptos::mount::mount_to(node.clone(), move || {
        view! {
            <Elements stripe=stripe options=Signal::stored(options)>
                <leptos_stripe::PaymentElement on_load_error=move |e: stripe_wasm::LoadErrorEvent| sink.lock().unwrap().push(e.error) />
            </Elements>
        }
    });
    assert!(until(15_000, || !failed.lock().unwrap().is_empty()).await, "on_load_error called");
    assert_eq!(failed.lock().unwrap()[0].param.as_deref(), Some("client_secret"));
    assert!(iframe_titles(&node).is_empty(), "Stripe.js removed the Element");
    record_console_errors();
    drop(handle);
    leptos::task::tick().await;
    assert_eq!(console_errors(), "", "cleanup did not try to destroy it again");
}
