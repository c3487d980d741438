//! The checkout's components rendered in Chromium.

use std::sync::{Arc, Mutex};

use browser_test_support::container;
use checkout_api::stripe_common::PaymentIntentStatus;
use checkout_api::{AddressCollection, Cart, CartLine, Discount};
use checkout_app::checkout::{CheckoutForm, Paid, PaymentSucceeded};
use checkout_app::complete::PaymentStatus;
use checkout_app::shared::{LoadFailure, OrderSummary};
use leptos::prelude::*;
use leptos_stripe::Elements;
use leptos_stripe::stripe_wasm::{ElementsOptions, LayoutType, PaymentIntent, Stripe};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn cart(currency: &str, unit: i64, quantity: u32) -> Cart {
    let line = CartLine {
        product_id: "mug".into(),
        name: "Ferris enamel mug".into(),
        quantity,
        unit_amount: unit,
        amount: unit * i64::from(quantity),
    };
    Cart { currency: currency.into(), total: line.amount, subtotal: line.amount, discount: None, lines: vec![line] }
}

#[wasm_bindgen_test]
async fn the_order_summary_formats_amounts_in_the_carts_currency() {
    let node = container();
    let _view = leptos::mount::mount_to(node.clone(), || view! { <OrderSummary cart=cart("usd", 1299, 2) /> });
    let text = node.text_content().unwrap();
    assert!(text.contains("Ferris enamel mug"), "{text}");
    assert!(text.contains("2 × $12.99"), "{text}");
    assert!(text.contains("Total$25.98"), "{text}");

    let discounted = container();
    let _view = leptos::mount::mount_to(discounted.clone(), || {
        let mut cart = cart("usd", 5098, 1);
        cart.discount = Some(Discount { code: "WELCOME10".into(), label: "10% off".into(), amount: 509 });
        cart.total = 4589;
        view! { <OrderSummary cart /> }
    });
    let text = discounted.text_content().unwrap();
    assert!(text.contains("Discount WELCOME10 · 10% off-$5.09") && text.contains("Total$45.89"), "{text}");

    let yen = container();
    let _view = leptos::mount::mount_to(yen.clone(), || view! { <OrderSummary cart=cart("jpy", 1099, 1) /> });
    assert!(yen.text_content().unwrap().contains("Total¥1,099"), "zero-decimal: {:?}", yen.text_content());
}

#[wasm_bindgen_test]
async fn a_successful_payment_shows_amount_and_reference() {
    let node = container();
    let paid = Paid {
        order_id: "ord_test".into(),
        payment_intent_id: "pi_123".into(),
        amount: 5098,
        currency: "usd".into(),
        status: PaymentIntentStatus::Succeeded,
        already_confirmed: false,
    };
    let _view = leptos::mount::mount_to(node.clone(), move || view! { <PaymentSucceeded paid poll_seconds=60 /> });
    let text = node.text_content().unwrap();
    assert!(text.contains("Payment succeeded") && text.contains("$50.98") && text.contains("pi_123"), "{text}");
    assert!(!text.contains("already paid"), "{text}");
    // Until the server has the webhook's word (there is no server here), the order waits.
    assert!(text.contains("waiting for Stripe's confirmation") && text.contains("ord_test"), "{text}");
}

#[wasm_bindgen_test]
async fn a_load_failure_explains_and_offers_a_retry() {
    let node = container();
    let retried = Arc::new(Mutex::new(0));
    let count = retried.clone();
    let _view = leptos::mount::mount_to(node.clone(), move || {
        view! { <LoadFailure message="Stripe.js could not be loaded.".to_owned() on_retry=move |_| *count.lock().unwrap() += 1 /> }
    });
    assert!(node.text_content().unwrap().contains("Stripe.js could not be loaded."));
    let button: web_sys::HtmlElement = node.query_selector("button").unwrap().unwrap().unchecked_into();
    button.click();
    assert_eq!(*retried.lock().unwrap(), 1);
}

#[wasm_bindgen_test]
async fn pay_waits_for_the_payment_element_then_names_the_total() {
    let stripe = Stripe::load(&browser_test_support::stripe_js_url(), "pk_test_app").await.unwrap();
    let node = container();
    let _view = leptos::mount::mount_to(node.clone(), move || {
        let cart = cart("usd", 2549, 2);
        let options = Signal::stored(ElementsOptions::payment(cart.total, "usd"));
        view! {
            <Elements stripe options>
                <CheckoutForm
                    cart
                    address=AddressCollection::None
                    layout=LayoutType::Tabs.into()
                    paying=RwSignal::new(false)
                    on_paid=|_| ()
                />
            </Elements>
        }
    });
    let button =
        || -> web_sys::HtmlButtonElement { node.query_selector("button.pay").unwrap().unwrap().unchecked_into() };
    leptos::task::tick().await;
    assert_eq!(button().text_content().unwrap(), "Pay $50.98");
    assert!(button().disabled(), "disabled until the Payment Element is ready");
    let mut waited = 0;
    while button().disabled() && waited < 10_000 {
        gloo_timers::future::TimeoutFuture::new(20).await;
        waited += 20;
    }
    assert!(!button().disabled(), "enabled once ready");
}

fn intent(status: PaymentIntentStatus) -> PaymentIntent {
    PaymentIntent {
        id: "pi_1".into(),
        amount: 1099,
        currency: "jpy".into(),
        status,
        client_secret: None,
        next_action: None,
        payment_method: None,
    }
}

#[wasm_bindgen_test]
async fn the_return_page_words_each_status_as_stripe_suggests() {
    for (status, heading, text, retry) in [
        (PaymentIntentStatus::Succeeded, "Payment succeeded", "We received your payment of ¥1,099.", false),
        (PaymentIntentStatus::Processing, "Payment processing", "Your payment of ¥1,099 is processing.", false),
        (
            PaymentIntentStatus::RequiresPaymentMethod,
            "Payment failed",
            "Your payment was not successful, please try again.",
            true,
        ),
    ] {
        let node = container();
        let _view = leptos::mount::mount_to(node.clone(), move || view! { <PaymentStatus intent=intent(status) /> });
        let text_content = node.text_content().unwrap();
        assert!(text_content.contains(heading) && text_content.contains(text), "{status:?}: {text_content}");
        assert_eq!(node.query_selector("a.retry").unwrap().is_some(), retry, "{status:?}");
    }
}

#[wasm_bindgen_test]
fn an_attempt_is_kept_per_cart_across_changes_until_the_payment_is_done() {
    use checkout_app::shared::attempt;
    attempt::finish();
    let (plain, discounted) = (cart("usd", 1299, 2), {
        let mut c = cart("usd", 1299, 2);
        c.discount = Some(Discount { code: "WELCOME10".into(), label: "10% off".into(), amount: 259 });
        c
    });
    let first = attempt::for_cart(&plain);
    assert!(checkout_api::is_attempt_id(&first), "{first}");
    assert_eq!(attempt::for_cart(&plain), first, "the same cart, the same attempt (presses, reloads, tabs)");
    let other = attempt::for_cart(&discounted);
    assert_ne!(other, first, "another cart is another attempt");
    assert_eq!(attempt::for_cart(&plain), first, "the code removed again: back on the first cart's attempt");
    attempt::finish();
    assert_ne!(attempt::for_cart(&plain), first, "once paid, the same cart is a new purchase");
}
