use checkout_api::{Cart, format_amount};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_stripe::stripe_wasm::{ChangeEvent, ElementEvent, LoadErrorEvent};
use leptos_stripe::{PaymentElement, use_elements, use_stripe};

use crate::pay::{Paid, pay};

/// The Payment Element and the Pay button. Must be inside `<Elements>`.
#[component]
pub fn CheckoutForm(cart: Cart, #[prop(into)] on_paid: Callback<Paid>) -> impl IntoView {
    let handles = StoredValue::new_local(use_stripe().zip(use_elements()));
    let items = StoredValue::new(cart.items());
    let total = format_amount(cart.total, &cart.currency);

    let ready = RwSignal::new(false);
    let paying = RwSignal::new(false);
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
        let return_url = format!("{}/complete", window().location().origin().unwrap_or_default());
        spawn_local(async move {
            match pay(&stripe, &elements, items.get_value(), return_url).await {
                Ok(paid) => on_paid.run(paid),
                Err(err) => {
                    leptos::logging::warn!("payment failed: {err}");
                    error.set(Some(err.shopper_message().to_owned()));
                    paying.set(false);
                }
            }
        });
    };

    let label = move || if paying.get() { "Processing…".to_owned() } else { format!("Pay {total}") };
    view! {
        <form class="payment-form" on:submit=on_submit aria-busy=move || paying.get().to_string()>
            <PaymentElement
                id="payment-element"
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
