use checkout_api::stripe_common::ErrorType;
use checkout_api::{AddressCollection, Cart, format_amount};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_stripe::stripe_wasm::{
    AddressElementOptions, AddressMode, ChangeEvent, ElementEvent, Layout, LoadErrorEvent, PaymentElementOptions,
};
use leptos_stripe::{AddressElement, PaymentElement, use_elements, use_stripe};

use crate::pay::{Order, Paid, pay};

/// The Address Element (if configured), the Payment Element and the Pay button. Must be inside
/// `<Elements>`.
#[component]
pub fn CheckoutForm(
    #[prop(into)] cart: Signal<Cart>,
    address: AddressCollection,
    layout: Layout,
    /// True while a payment is in flight (shared with the page, which locks the cart meanwhile).
    paying: RwSignal<bool>,
    #[prop(into)] on_paid: Callback<Paid>,
) -> impl IntoView {
    let handles = StoredValue::new_local(use_stripe().zip(use_elements()));
    // One attempt per cart, taken when the cart is shown (so another tab showing this cart
    // shares it) and the same for every press.
    let attempt = RwSignal::new(String::new());
    Effect::new(move |_| attempt.set(crate::attempt::for_cart(&cart.read())));
    let ready = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        // A second press (or Enter) while paying is ignored: one payment per attempt.
        if paying.get_untracked() || !ready.get_untracked() {
            return;
        }
        let Some((stripe, elements)) = handles.get_value() else { return };
        paying.set(true);
        error.set(None);
        let order = cart.with_untracked(|c| Order {
            attempt_id: attempt.get_untracked(),
            items: c.items(),
            discount_code: c.discount_code(),
            ship: address == AddressCollection::Shipping,
        });
        let return_url = format!("{}/complete", window().location().origin().unwrap_or_default());
        spawn_local(async move {
            match pay(&stripe, &elements, order, return_url).await {
                Ok(paid) => {
                    crate::attempt::finish();
                    on_paid.run(paid)
                }
                Err(err) => {
                    leptos::logging::warn!("payment failed: {err}");
                    // Stripe shows validation errors at the field itself.
                    if err.type_ != ErrorType::ValidationError {
                        error.set(Some(err.shopper_message().to_owned()));
                    }
                    paying.set(false);
                }
            }
        });
    };

    let address_element = match address {
        AddressCollection::None => None,
        AddressCollection::Billing => Some((AddressMode::Billing, "Billing address")),
        AddressCollection::Shipping => Some((AddressMode::Shipping, "Shipping address")),
    }
    .map(|(mode, heading)| {
        view! {
            <fieldset class="address">
                <legend>{heading}</legend>
                <AddressElement options=Signal::stored(AddressElementOptions::new(mode)) id="address-element" />
            </fieldset>
        }
    });
    let payment_options = Signal::stored(PaymentElementOptions { layout: Some(layout) });
    let label = move || {
        if paying.get() {
            "Processing…".to_owned()
        } else {
            cart.with(|c| format!("Pay {}", format_amount(c.total, &c.currency)))
        }
    };
    view! {
        <form class="payment-form" on:submit=on_submit aria-busy=move || paying.get().to_string()>
            {address_element}
            <PaymentElement
                id="payment-element"
                options=payment_options
                on_ready=move |_: ElementEvent| ready.set(true)
                on_change=move |_: ChangeEvent| error.set(None)
                on_load_error=move |e: LoadErrorEvent| error.set(Some(e.error.shopper_message().to_owned()))
            />
            <button type="submit" class="pay" disabled=move || paying.get() || !ready.get()>
                <span class="spinner" hidden=move || !paying.get() aria-hidden="true"></span>
                {label}
            </button>
            <div class="payment-error" role="alert">{move || error.get()}</div>
        </form>
    }
}
