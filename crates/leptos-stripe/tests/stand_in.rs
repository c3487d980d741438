//! The components against the Stripe.js stand-in: mounting, events as callbacks, context
//! hooks, and destroy on cleanup.

use std::sync::{Arc, Mutex};

use browser_test_support::{container, stripe_js_url, until};
use leptos::prelude::*;
use leptos_stripe::{
    AddressElement, Elements, ElementsHandle, PaymentElement, use_elements, use_elements_handle, use_stripe,
};
use stripe_wasm::{AddressChangeEvent, AddressElementOptions, AddressMode, ElementEvent, ElementsOptions, Stripe};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn stripe() -> Stripe {
    Stripe::load(&stripe_js_url(), "pk_test_components").await.unwrap()
}

fn iframe_count(node: &web_sys::HtmlElement) -> u32 {
    node.query_selector_all("iframe").unwrap().length()
}

#[wasm_bindgen_test]
async fn payment_element_mounts_reports_ready_and_is_destroyed_on_unmount() {
    let stripe = stripe().await;
    let node = container();
    let ready: Arc<Mutex<Vec<ElementEvent>>> = Arc::default();
    let sink = ready.clone();
    let handle = leptos::mount::mount_to(node.clone(), move || {
        view! {
            <Elements stripe=stripe options=Signal::stored(ElementsOptions::payment(5098, "usd"))>
                <PaymentElement id="payment-element" on_ready=move |e: ElementEvent| sink.lock().unwrap().push(e) />
            </Elements>
        }
    });
    assert!(until(10_000, || !ready.lock().unwrap().is_empty()).await, "on_ready called");
    assert_eq!(ready.lock().unwrap()[0].element_type, "payment");
    let host = node.query_selector("#payment-element").unwrap().expect("container rendered");
    assert_eq!(host.query_selector_all("iframe").unwrap().length(), 1);

    drop(handle);
    leptos::task::tick().await;
    assert_eq!(iframe_count(&node), 0, "the Element is destroyed with its component");
}

#[wasm_bindgen_test]
async fn children_reach_stripe_and_elements_through_the_context() {
    let stripe = stripe().await;
    let found: Arc<Mutex<(bool, bool)>> = Arc::default();
    let sink = found.clone();
    #[component]
    fn Probe(sink: Arc<Mutex<(bool, bool)>>) -> impl IntoView {
        *sink.lock().unwrap() = (use_stripe().is_some(), use_elements().is_some());
    }
    let _handle = leptos::mount::mount_to(container(), move || {
        view! {
            <Elements stripe=stripe options=Signal::stored(ElementsOptions::payment(1099, "usd"))>
                <Probe sink=sink />
            </Elements>
        }
    });
    assert_eq!(*found.lock().unwrap(), (true, true));
    assert!(use_stripe().is_none() && use_elements().is_none(), "nothing outside <Elements>");
}

#[wasm_bindgen_test]
async fn a_payment_element_outside_elements_says_so_instead_of_panicking() {
    let node = container();
    let _handle = leptos::mount::mount_to(node.clone(), || view! { <PaymentElement /> });
    leptos::task::tick().await;
    assert!(node.text_content().unwrap().contains("Payment form unavailable"));
    assert_eq!(iframe_count(&node), 0);
}

#[wasm_bindgen_test]
async fn invalid_elements_options_show_an_error_instead_of_a_form() {
    let stripe = stripe().await;
    let node = container();
    let _handle = leptos::mount::mount_to(node.clone(), move || {
        view! {
            <Elements stripe=stripe options=Signal::stored(ElementsOptions::payment(1099, "USD"))>
                <PaymentElement />
            </Elements>
        }
    });
    leptos::task::tick().await;
    assert!(node.text_content().unwrap().contains("currency"), "{:?}", node.text_content());
    assert_eq!(iframe_count(&node), 0);
}

#[wasm_bindgen_test]
async fn the_address_element_mounts_beside_the_payment_element() {
    let stripe = stripe().await;
    let node = container();
    let ready: Arc<Mutex<Vec<String>>> = Arc::default();
    let (on_payment, on_address) = (ready.clone(), ready.clone());
    let changes: Arc<Mutex<Vec<AddressChangeEvent>>> = Arc::default();
    let _handle = leptos::mount::mount_to(node.clone(), move || {
        view! {
            <Elements stripe options=Signal::stored(ElementsOptions::payment(5098, "usd"))>
                <AddressElement
                    options=Signal::stored(AddressElementOptions::new(AddressMode::Billing))
                    on_ready=move |e: ElementEvent| on_address.lock().unwrap().push(e.element_type)
                    on_change=move |e: AddressChangeEvent| changes.lock().unwrap().push(e)
                />
                <PaymentElement on_ready=move |e: ElementEvent| on_payment.lock().unwrap().push(e.element_type) />
            </Elements>
        }
    });
    assert!(until(10_000, || ready.lock().unwrap().len() == 2).await, "{:?}", ready.lock().unwrap());
    let mut kinds = ready.lock().unwrap().clone();
    kinds.sort();
    assert_eq!(kinds, ["address", "payment"]);
    assert_eq!(iframe_count(&node), 2);
}

#[wasm_bindgen_test]
async fn elements_render_before_stripe_js_arrives_and_mount_when_it_does() {
    // As react-stripe-js's `<Elements stripe={promise}>`: the page does not wait for Stripe.js.
    let (loaded, set_loaded) = signal_local(None::<Stripe>);
    let node = container();
    let ready: Arc<Mutex<Vec<ElementEvent>>> = Arc::default();
    let sink = ready.clone();
    let handles: Arc<Mutex<Vec<ElementsHandle>>> = Arc::default();
    let kept = handles.clone();
    #[component]
    fn Keep(kept: Arc<Mutex<Vec<ElementsHandle>>>) -> impl IntoView {
        kept.lock().unwrap().push(use_elements_handle().expect("inside <Elements>"));
    }
    let _handle = leptos::mount::mount_to(node.clone(), move || {
        view! {
            <Elements stripe=loaded options=Signal::stored(ElementsOptions::payment(5098, "usd"))>
                <p id="summary">"Order summary"</p>
                <PaymentElement on_ready=move |e: ElementEvent| sink.lock().unwrap().push(e) />
                <Keep kept=kept />
            </Elements>
        }
    });
    leptos::task::tick().await;
    assert!(node.query_selector("#summary").unwrap().is_some(), "the children render without Stripe");
    assert_eq!(iframe_count(&node), 0);
    assert!(use_elements().is_none());

    let handle = handles.lock().unwrap()[0];
    assert!(handle.stripe().is_none() && handle.elements().is_none(), "nothing before Stripe.js");

    set_loaded.set(Some(stripe().await));
    assert!(until(10_000, || !ready.lock().unwrap().is_empty()).await, "the Payment Element mounted and is ready");
    assert_eq!(iframe_count(&node), 1);
    // A handle taken before Stripe.js arrived reads both once they are there (a Pay button's).
    assert!(handle.stripe().is_some() && handle.elements().is_some());
}
