use checkout_api::{Cart, FormProblem, KonbiniPaymentRequest};
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::Stripe;

use super::failure::FailureNotice;
use super::field::KonbiniField;
use super::pay::{KonbiniFailure, KonbiniStarted, pay_at_konbini};
use super::text::describe;
use crate::i18n::{tr, tr_with};

/// Name, email and phone for a konbini payment, checked as the shopper types (the server checks
/// again). Paying creates the payment and shows Stripe's instructions.
#[component]
pub fn KonbiniForm(
    cart: Cart,
    stripe: Stripe,
    #[prop(into)] on_started: Callback<KonbiniStarted>,
    /// The shopper's email when the shop knows it (an embedding page's `data-email`).
    #[prop(optional)]
    email: String,
) -> impl IntoView {
    let (name, email, phone) = (RwSignal::new(String::new()), RwSignal::new(email), RwSignal::new(String::new()));
    let submitted = RwSignal::new(false);
    let items = cart.items();
    let request = Memo::new(move |_| KonbiniPaymentRequest {
        items: items.clone(),
        name: name.get(),
        email: email.get(),
        phone: phone.get(),
    });
    let notes = Memo::new(move |_| request.read().notes());
    let stripe = StoredValue::new_local(stripe);
    let pay = Action::new_local(move |request: &KonbiniPaymentRequest| {
        let (stripe, request) = (stripe.get_value(), request.clone());
        async move {
            let paid = pay_at_konbini(&stripe, request).await;
            if let Err(failure) = &paid {
                failure.tell_host();
            }
            paid
        }
    });
    let paying = pay.pending();
    leptos_stripe::effect(move || {
        if let Some(Ok(started)) = pay.value().get() {
            on_started.run(started);
        }
    });

    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        submitted.set(true);
        if !paying.get_untracked() && !notes.with_untracked(|n| n.iter().any(FormProblem::blocking)) {
            pay.dispatch(request.get_untracked());
        }
    };
    let refused = Signal::derive(move || match pay.value().get() {
        Some(Err(KonbiniFailure::Field { field, message })) => Some((field, message)),
        _ => None,
    });
    let messages = move |field| field_messages(field, notes, submitted, refused);
    let edited = move |field: &'static str| {
        move |()| {
            if matches!(pay.value().get_untracked(), Some(Err(KonbiniFailure::Field { field: ref f, .. })) if f == field)
            {
                pay.value().set(None);
            }
        }
    };
    let failure = move || match pay.value().get() {
        Some(Err(KonbiniFailure::Field { .. })) | Some(Ok(_)) | None => None,
        Some(Err(failure)) => Some(view! { <FailureNotice failure /> }),
    };
    let total = crate::i18n::money(cart.total, &cart.currency);
    view! {
        <form class="konbini-form" on:submit=on_submit novalidate aria-busy=move || paying.get().to_string()>
            <h2>{tr("Pay at a convenience store")}</h2>
            <p class="stores">{tr("Pay at FamilyMart, Lawson, Ministop or Seicomart.")}</p>
            <KonbiniField id="name" label=tr("Name") kind="text" autocomplete="name" value=name
                messages=messages("name") disabled=paying on_edit=edited("name") />
            <KonbiniField id="email" label=tr("Email") kind="email" autocomplete="email" value=email
                hint=tr("We send the payment instructions here.")
                messages=messages("email") disabled=paying on_edit=edited("email") />
            <KonbiniField id="phone" label=tr("Phone (optional)") kind="tel" autocomplete="tel" value=phone
                hint=tr("Used as your confirmation number at the store.")
                messages=messages("phone") disabled=paying on_edit=edited("phone") />
            <button type="submit" class="pay" disabled=paying>
                <span class="spinner" hidden=move || !paying.get() aria-hidden="true"></span>
                {move || if paying.get() { tr("Processing…").to_owned() } else { tr_with("Pay {} at a konbini", &total) }}
            </button>
            {failure}
        </form>
    }
}

/// A field's messages: our rules once the shopper tried to pay (notes that are not blocking
/// show at once), then what the server or Stripe `refused` about it, until it changes.
fn field_messages(
    field: &'static str,
    notes: Memo<Vec<FormProblem>>,
    submitted: RwSignal<bool>,
    refused: Signal<Option<(String, String)>>,
) -> Signal<Vec<(String, bool)>> {
    Signal::derive(move || {
        let mut out: Vec<(String, bool)> = notes.with(|n| {
            n.iter()
                .filter(|p| p.field() == field && (submitted.get() || !p.blocking()))
                .map(|p| (describe(p), p.blocking()))
                .collect()
        });
        out.extend(refused.get().filter(|(f, _)| f == field).map(|(_, message)| (message, true)));
        out
    })
}
