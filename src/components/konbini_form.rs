use checkout_api::{Cart, FieldNote, KonbiniPaymentRequest, format_amount};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_stripe::stripe_wasm::Stripe;

use crate::konbini_pay::{KonbiniFailure, pay_at_konbini};
use crate::pages::KonbiniStarted;

/// Name, email and phone for a konbini payment, checked as the shopper types (the server checks
/// again). Paying creates the payment and shows Stripe's instructions.
#[component]
pub fn KonbiniForm(cart: Cart, stripe: Stripe, #[prop(into)] on_started: Callback<KonbiniStarted>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let paying = RwSignal::new(false);
    // Errors from the server or Stripe, per field, until that field changes.
    let field_errors = RwSignal::new(Vec::<(String, String)>::new());
    let failure = RwSignal::new(None::<KonbiniFailure>);
    let stripe = StoredValue::new_local(stripe);
    let items = cart.items();
    let total = format_amount(cart.total, &cart.currency);

    let request = move || KonbiniPaymentRequest {
        items: items.clone(),
        name: name.get(),
        email: email.get(),
        phone: phone.get(),
    };
    let request = StoredValue::new(request);
    let notes = Memo::new(move |_| request.with_value(|r| r()).notes());

    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        if paying.get_untracked() {
            return;
        }
        submitted.set(true);
        if notes.get_untracked().iter().any(|n| n.blocking) {
            return;
        }
        let request = request.with_value(|r| r());
        paying.set(true);
        failure.set(None);
        field_errors.set(Vec::new());
        let stripe = stripe.get_value();
        spawn_local(async move {
            match pay_at_konbini(&stripe, &request).await {
                Ok((created, intent)) => on_started.run(KonbiniStarted { created, intent, request }),
                Err(KonbiniFailure::Field { field, message }) => field_errors.set(vec![(field, message)]),
                Err(other) => failure.set(Some(other)),
            }
            paying.set(false);
        });
    };

    // A field's message: our own rules once the shopper tried to pay (notes that are not
    // blocking show at once), then what the server or Stripe said about it.
    let messages = move |field: &'static str| {
        let mut out: Vec<FieldNote> =
            notes.get().into_iter().filter(|n| n.field == field && (submitted.get() || !n.blocking)).collect();
        out.extend(field_errors.get().into_iter().filter(|(f, _)| f == field).map(|(_, message)| FieldNote {
            field,
            message,
            blocking: true,
        }));
        out
    };
    let field = move |id: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      autocomplete: &'static str,
                      hint: Option<&'static str>,
                      value: RwSignal<String>| {
        let describedby = format!("{id}-notes");
        view! {
            <div class="konbini-field">
                <label for=id>{label}</label>
                {hint.map(|h| view! { <p class="hint">{h}</p> })}
                <input
                    id=id
                    type=kind
                    autocomplete=autocomplete
                    prop:value=move || value.get()
                    on:input=move |e| {
                        value.set(event_target_value(&e));
                        field_errors.update(|errors| errors.retain(|(f, _)| f != id));
                    }
                    aria-invalid=move || messages(id).iter().any(|n| n.blocking).to_string()
                    aria-describedby=describedby.clone()
                    disabled=move || paying.get()
                />
                <div id=describedby class="notes" role="alert">
                    {move || messages(id).into_iter().map(|n| view! {
                        <p class=if n.blocking { "field-error" } else { "field-warning" }>{n.message}</p>
                    }).collect_view()}
                </div>
            </div>
        }
    };

    view! {
        <form class="konbini-form" on:submit=on_submit novalidate aria-busy=move || paying.get().to_string()>
            <h2>"コンビニ決済 " <span lang="en">"Pay at a convenience store"</span></h2>
            <p class="stores">"ファミリーマート・ローソン・ミニストップ・セイコーマートでお支払いいただけます。"</p>
            {field("name", "お名前 Name", "text", "name", None, name)}
            {field("email", "メールアドレス Email", "email", "email", Some("お支払い方法のご案内をお送りします。 We send the payment instructions here."), email)}
            {field("phone", "電話番号（任意） Phone (optional)", "tel", "tel",
                Some("店頭での確認番号として使います。 Used as your confirmation number at the store."), phone)}
            <button type="submit" class="pay" disabled=move || paying.get()>
                <span class="spinner" hidden=move || !paying.get() aria-hidden="true"></span>
                {move || if paying.get() { "処理中… Processing…".to_owned() } else { format!("{total} をコンビニで支払う Pay at a konbini") }}
            </button>
            {move || failure.get().map(|f| view! { <FailureNotice failure=f /> })}
        </form>
    }
}

/// Why paying at a konbini did not work, and what to do instead.
#[component]
fn FailureNotice(failure: KonbiniFailure) -> impl IntoView {
    let (message, offer_card) = match failure {
        KonbiniFailure::Busy => (
            "コンビニ決済が混み合っています。しばらくしてからもう一度お試しいただくか、カードでお支払いください。 \
             Konbini payments are busy right now. Try again in a little while, or pay by card."
                .to_owned(),
            true,
        ),
        KonbiniFailure::Unavailable => (
            "コンビニ決済は現在ご利用いただけません。カードでお支払いいただくか、時間をおいてお試しください。 \
             Konbini payments are unavailable right now. Pay by card, or try again later."
                .to_owned(),
            true,
        ),
        KonbiniFailure::Other(message) | KonbiniFailure::Field { message, .. } => (message, false),
    };
    view! {
        <div class="payment-error konbini-failure" role="alert">
            <p>{message}</p>
            {offer_card.then(|| view! { <a href="/">"カードで支払う Pay by card"</a> })}
        </div>
    }
}
