use checkout_api::stripe_common::ErrorType;
use checkout_api::{AddressCollection, Cart, format_amount};
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::{
    AddressElementOptions, AddressMode, ChangeEvent, ElementEvent, Layout, LoadErrorEvent, PaymentElementOptions,
};
use leptos_stripe::{AddressElement, PaymentElement, use_elements, use_stripe};

use super::pay::{Order, Paid, pay, preload_pay};
use crate::shared::attempt;

/// The Address Element (if configured), the Payment Element and the Pay button. Must be inside
/// `<Elements>`.
#[component]
pub fn CheckoutForm(
    #[prop(into)] cart: Signal<Cart>,
    address: AddressCollection,
    layout: Layout,
    /// True while a payment is in flight (the page locks the cart meanwhile).
    paying: RwSignal<bool>,
    #[prop(into)] on_paid: Callback<Paid>,
) -> impl IntoView {
    let handles = StoredValue::new_local(use_stripe().zip(use_elements()));
    // One attempt per cart, taken when the cart is shown (so another tab showing this cart
    // shares it) and the same for every press.
    let attempt = RwSignal::new(String::new());
    Effect::new(move |_| attempt.set(attempt::for_cart(&cart.read())));
    let ready = RwSignal::new(false);
    let load_error = RwSignal::new(None::<String>);
    // The payment in flight: `paying` for the page (which locks the cart meanwhile), and on
    // success the attempt ends and the page shows the result.
    let payment = Action::new_local(move |order: &Order| {
        let order = order.clone();
        let handles = handles.get_value();
        let return_url = format!("{}/complete", window().location().origin().unwrap_or_default());
        paying.set(true);
        async move {
            let (stripe, elements) = handles.expect("the form is inside <Elements>");
            let paid = pay(&stripe, &elements, order, return_url).await;
            paying.set(false);
            if let Ok(paid) = &paid {
                attempt::finish();
                on_paid.run(paid.clone());
            }
            paid
        }
    });
    // Stripe shows validation errors at the field itself.
    let error = move || match payment.value().get() {
        Some(Err(err)) if err.type_ != ErrorType::ValidationError => {
            Some(crate::split::shopper_message(&err).to_owned())
        }
        _ => load_error.get(),
    };

    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        // A second press (or Enter) while paying is ignored: one payment per attempt.
        if payment.pending().get_untracked() || !ready.get_untracked() || handles.with_value(Option::is_none) {
            return;
        }
        let ship = address == AddressCollection::Shipping;
        let order = cart.with_untracked(|c| Order {
            attempt_id: attempt.get_untracked(),
            items: c.items(),
            discount_code: c.discount_code(),
            ship,
        });
        payment.dispatch(order);
    };
    let label = move || match paying.get() {
        true => "Processing…".to_owned(),
        false => cart.with(|c| format!("Pay {}", format_amount(c.total, &c.currency))),
    };
    view! {
        <form class="payment-form" on:submit=on_submit aria-busy=move || paying.get().to_string()>
            <AddressFieldset address />
            <PaymentElement
                id="payment-element"
                options=Signal::stored(PaymentElementOptions { layout: Some(layout) })
                on_ready=move |_: ElementEvent| {
                    ready.set(true);
                    // The payment's code (a chunk of the release build) downloads now, while the
                    // shopper types, so that Pay does not wait for it. A failed download is
                    // tried again when the shopper pays.
                    leptos::task::spawn_local(async {
                        let _ = preload_pay().await;
                    });
                }
                on_change=move |_: ChangeEvent| {
                    payment.value().set(None);
                    load_error.set(None);
                }
                on_load_error=move |e: LoadErrorEvent| load_error.set(Some(e.error.shopper_message().to_owned()))
            />
            <button type="submit" class="pay" disabled=move || paying.get() || !ready.get()>
                <span class="spinner" hidden=move || !paying.get() aria-hidden="true"></span>
                {label}
            </button>
            <div class="payment-error" role="alert">{error}</div>
        </form>
    }
}

/// The Address Element in its fieldset, when the shop collects an address.
#[component]
fn AddressFieldset(address: AddressCollection) -> impl IntoView {
    let (mode, heading) = match address {
        AddressCollection::None => return None,
        AddressCollection::Billing => (AddressMode::Billing, "Billing address"),
        AddressCollection::Shipping => (AddressMode::Shipping, "Shipping address"),
    };
    Some(view! {
        <fieldset class="address">
            <legend>{heading}</legend>
            <AddressElement options=Signal::stored(AddressElementOptions::new(mode)) id="address-element" />
        </fieldset>
    })
}
