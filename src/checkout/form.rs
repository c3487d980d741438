use checkout_api::stripe_common::ErrorType;
use checkout_api::{AddressCollection, Cart};
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::{ElementEvent, Layout, LoadErrorEvent, PaymentElementOptions, RawEvent};
use leptos_stripe::{On, StripeElement, use_elements, use_stripe};

use super::address::AddressSlot;
use super::pay::{Order, Paid, pay, preload_pay};
use crate::i18n::{tr, tr_with};
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
    /// The Payment Element is ready, or could not load: the card form is all there is to wait
    /// for, and what else the page shows may come now.
    #[prop(optional, into)]
    on_ready: Option<Callback<()>>,
    /// The marketplace seller the cart is bought from (`crate::marketplace`).
    #[prop(optional)]
    seller: Option<String>,
    /// The add-on offer experiment: told the payment method type chosen (`super::offer`).
    #[prop(optional)]
    offer: Option<super::offer::OfferChoice>,
) -> impl IntoView {
    let handles = StoredValue::new_local(use_stripe().zip(use_elements()));
    // One attempt per cart, taken when the cart is shown (so another tab showing this cart
    // shares it) and the same for every press.
    let attempt = RwSignal::new(String::new());
    leptos_stripe::effect(move || attempt.set(attempt::for_cart(&cart.read())));
    let ready = RwSignal::new(false);
    // The Address Element's readiness (`AddressSlot`): true at once when none is collected.
    let address_ready = RwSignal::new(false);
    let load_error = RwSignal::new(None::<String>);
    // The Address Element's own: the Payment Element's events do not clear it.
    let address_error = RwSignal::new(None::<String>);
    // The payment in flight: `paying` for the page (which locks the cart meanwhile), and on
    // success the attempt ends and the page shows the result.
    let payment = Action::new_local(move |order: &Order| {
        let order = order.clone();
        let handles = handles.get_value();
        let return_url = crate::host::return_url();
        paying.set(true);
        async move {
            let (stripe, elements) = handles.expect("the form is inside <Elements>");
            let paid = pay(&stripe, &elements, order, return_url).await;
            paying.set(false);
            match &paid {
                Ok(paid) => {
                    attempt::finish();
                    crate::host::paid(&paid.order_id, paid.amount, &paid.currency);
                    on_paid.run(paid.clone());
                }
                // The shopper fixes these at the field: nothing failed yet.
                Err(err) if err.type_ == ErrorType::ValidationError => {}
                Err(err) => crate::host::failed_with(err),
            }
            paid
        }
    });
    // A payment that failed: the focus goes to what went wrong (Stripe shows validation errors,
    // and focuses, at the field itself).
    let error_node = NodeRef::<leptos::html::Div>::new();
    leptos_stripe::effect(move || {
        if payment.value().with(|v| matches!(v, Some(Err(e)) if e.type_ != ErrorType::ValidationError))
            && let Some(node) = error_node.get_untracked()
        {
            let _ = node.focus();
        }
    });
    // Stripe shows validation errors at the field itself.
    let error = move || match payment.value().get() {
        Some(Err(err)) if err.type_ != ErrorType::ValidationError => {
            Some(tr(crate::split::shopper_message(&err)).to_owned())
        }
        _ => load_error.get().or_else(|| address_error.get()),
    };

    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        // A second press (or Enter) while paying is ignored: one payment per attempt.
        if payment.pending().get_untracked()
            || !ready.get_untracked()
            || !address_ready.get_untracked()
            || handles.with_value(Option::is_none)
        {
            return;
        }
        let ship = address == AddressCollection::Shipping;
        let order = cart.with_untracked(|c| Order {
            attempt_id: attempt.get_untracked(),
            items: c.items(),
            discount_code: c.discount_code(),
            ship,
            seller_id: seller.clone(),
            offer_shown: offer.is_some_and(|o| o.shown.get_untracked()),
        });
        payment.dispatch(order);
    };
    let label = move || match paying.get() {
        true => tr("Processing…").to_owned(),
        false => cart.with(|c| tr_with("Pay {}", &crate::i18n::money(c.total, &c.currency))),
    };
    view! {
        <form class="payment-form" on:submit=on_submit aria-busy=move || paying.get().to_string()>
            <AddressSlot address ready=address_ready on_load_error=move |e: LoadErrorEvent| address_error.set(Some(tr(e.error.shopper_message()).to_owned())) />
            // The factory component with only the events the form listens to: `<PaymentElement>`
            // would also bring the decoders of every event it offers (its `change` event's
            // payment method details among them), which this form never reads.
            <StripeElement
                kind="payment"
                id="payment-element"
                options=Signal::stored(PaymentElementOptions { layout: Some(layout) })
                on=vec![On::new("change", move |event: RawEvent| {
                    payment.value().set(None);
                    load_error.set(None);
                    if let Some(offer) = offer {
                        offer.method.set(super::offer::chosen_type(&event));
                    }
                })]
                on_ready=move |_: ElementEvent| {
                    ready.set(true);
                    crate::host::ready();
                    if let Some(on_ready) = on_ready {
                        on_ready.run(());
                    }
                    // The payment's code (a chunk of the release build) downloads now, while the
                    // shopper types, so that Pay does not wait for it. A failed download is
                    // tried again when the shopper pays.
                    leptos::task::spawn_local(async {
                        let _ = preload_pay().await;
                    });
                }
                on_load_error=move |e: LoadErrorEvent| {
                    load_error.set(Some(tr(e.error.shopper_message()).to_owned()));
                    crate::host::failed_with(&e.error);
                    if let Some(on_ready) = on_ready {
                        on_ready.run(());
                    }
                }
            />
            <button type="submit" class="pay" disabled=move || paying.get() || !ready.get() || !address_ready.get()>
                <span class="spinner" hidden=move || !paying.get() aria-hidden="true"></span>
                {label}
            </button>
            <div class="payment-error" role="alert" tabindex="-1" node_ref=error_node>{error}</div>
        </form>
    }
}
