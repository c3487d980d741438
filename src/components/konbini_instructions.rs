use std::sync::Arc;
use std::time::Duration;

use checkout_api::stripe_common::{PaymentIntentStatus, StripeError};
use checkout_api::{KonbiniStatus, format_amount};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_stripe::stripe_wasm::Stripe;

use crate::components::OrderStatusLine;
use crate::konbini_pay::{KonbiniFailure, confirm};
use crate::pages::KonbiniStarted;
use crate::time::{format_jst, format_local};

/// How to pay at the store (from `next_action.konbini_display_details`), and the payment's
/// status, asked from the server every `poll_seconds` until it is settled.
#[component]
pub fn KonbiniInstructions(payment: Arc<KonbiniStarted>, stripe: Stripe, poll_seconds: u32) -> impl IntoView {
    let status = RwSignal::new(initial_status(&payment));
    let notice = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let stripe = StoredValue::new_local(stripe);
    let (id, secret) = (payment.created.payment_intent_id.clone(), payment.created.client_secret.clone());

    let refresh = {
        let (id, secret) = (id.clone(), secret.clone());
        move || {
            if is_settled(&status.get_untracked()) {
                return;
            }
            let (id, secret) = (id.clone(), secret.clone());
            spawn_local(async move {
                if let Ok(latest) = crate::api::konbini_status(&id, &secret).await {
                    status.set(latest);
                }
            });
        }
    };
    refresh();
    let interval = StoredValue::new_local(Some(Interval::new(
        Duration::from_secs(u64::from(poll_seconds)).as_millis() as u32,
        refresh,
    )));
    on_cleanup(move || drop(interval.try_update_value(Option::take)));

    let cancel = {
        let (id, secret) = (id.clone(), secret.clone());
        move |_| {
            let (id, secret) = (id.clone(), secret.clone());
            busy.set(true);
            spawn_local(async move {
                match crate::api::konbini_cancel(&id, &secret).await {
                    Ok(latest) => status.set(latest),
                    Err(err) => error.set(Some(cancel_error(&err))),
                }
                busy.set(false);
            });
        }
    };
    let reissue = {
        let payment = payment.clone();
        move |_| {
            let payment = payment.clone();
            busy.set(true);
            error.set(None);
            let stripe = stripe.get_value();
            spawn_local(async move {
                let confirmed = confirm(
                    &stripe,
                    &payment.created.client_secret,
                    &payment.request,
                    payment.created.confirmation_number.clone(),
                )
                .await;
                match confirmed {
                    Ok(intent) => {
                        status.update(|s| {
                            s.status = intent.status;
                            s.instructions = intent.next_action.and_then(|a| a.konbini_display_details);
                        });
                        notice.set(Some(
                            "新しい払込票を発行しました。以前の払込票とお支払い番号は使えません。 \
                             A new voucher was issued. The previous voucher and payment codes are no longer valid."
                                .into(),
                        ));
                    }
                    Err(KonbiniFailure::Field { message, .. } | KonbiniFailure::Other(message)) => {
                        error.set(Some(message))
                    }
                    Err(_) => error.set(Some("しばらくしてからお試しください。 Please try again later.".into())),
                }
                busy.set(false);
            });
        }
    };

    let amount = format_amount(payment.created.amount, &payment.created.currency);
    view! {
        <section class="konbini-instructions" aria-labelledby="konbini-heading">
            <h2 id="konbini-heading">"お支払い方法のご案内 " <span lang="en">"How to pay at the store"</span></h2>
            <p class="konbini-status" role="status" aria-live="polite" data-status=move || format!("{:?}", status.get().status)>
                {move || status_text(&status.get())}
            </p>
            <OrderStatusLine order_id=payment.created.order_id.clone() poll_seconds />
            <p class="notice" role="status">{move || notice.get()}</p>
            <div class="payment-error" role="alert">{move || error.get()}</div>
            {move || {
                let current = status.get();
                (current.status == PaymentIntentStatus::RequiresAction)
                    .then(|| current.instructions.map(|details| view! {
                        <p class="amount">"お支払い金額 Amount: " <strong>{amount.clone()}</strong></p>
                        <dl class="deadline">
                            <dt>"お支払い期限 Pay by"</dt>
                            <dd data-testid="expires-jst">{format!("{} (日本時間 JST)", format_jst(details.expires_at))}</dd>
                            <dt lang="en">"Your time"</dt>
                            <dd data-testid="expires-local">{format_local(details.expires_at)}</dd>
                        </dl>
                        <table class="stores">
                            <thead><tr><th>"店舗 Store"</th><th>"お支払い番号 Payment code"</th><th>"確認番号 Confirmation number"</th></tr></thead>
                            <tbody>
                                {details.stores.named().into_iter().map(|(ja, en, store)| view! {
                                    <tr data-store=en>
                                        <th>{ja} " " <span lang="en">{en}</span></th>
                                        <td class="code">{store.payment_code.clone()}</td>
                                        <td class="code">{store.confirmation_number.clone().unwrap_or_else(|| "—".into())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {details.hosted_voucher_url.map(|url| view! {
                            <p><a href=url target="_blank" rel="noopener">"払込票を表示・印刷 View or print the voucher"</a></p>
                        })}
                    }))
            }}
            <Show when=move || status.get().status == PaymentIntentStatus::RequiresAction>
                <div class="konbini-actions">
                    <button type="button" disabled=move || busy.get() on:click=reissue.clone()>"払込票を再発行 Issue a new voucher"</button>
                    <button type="button" class="secondary" disabled=move || busy.get() on:click=cancel.clone()>"キャンセル Cancel payment"</button>
                </div>
            </Show>
            <Show when=move || matches!(status.get().status, PaymentIntentStatus::RequiresPaymentMethod | PaymentIntentStatus::Canceled)>
                <p class="konbini-actions"><a href="/konbini" rel="external">"もう一度コンビニで支払う Pay at a konbini again"</a> " · " <a href="/" rel="external">"カードで支払う Pay by card"</a></p>
            </Show>
        </section>
    }
}

fn initial_status(payment: &KonbiniStarted) -> KonbiniStatus {
    KonbiniStatus {
        payment_intent_id: payment.intent.id.clone(),
        status: payment.intent.status,
        amount: payment.intent.amount,
        currency: payment.intent.currency.clone(),
        instructions: payment.intent.next_action.as_ref().and_then(|a| a.konbini_display_details.clone()),
        failure_code: None,
    }
}

fn is_settled(status: &KonbiniStatus) -> bool {
    matches!(status.status, PaymentIntentStatus::Succeeded | PaymentIntentStatus::Canceled)
        || (status.status == PaymentIntentStatus::RequiresPaymentMethod && status.failure_code.is_some())
}

fn status_text(status: &KonbiniStatus) -> &'static str {
    match (status.status, status.failure_code.as_deref()) {
        (PaymentIntentStatus::RequiresAction, _) => {
            "お支払いをお待ちしています。期限までに店頭でお支払いください。 Waiting for your payment at the store."
        }
        (PaymentIntentStatus::Succeeded, _) => {
            "お支払いが完了しました。ありがとうございました。 Payment received. Thank you!"
        }
        (PaymentIntentStatus::Processing, _) => "お支払いを確認しています。 Your payment is being confirmed.",
        (PaymentIntentStatus::Canceled, _) => "お支払いはキャンセルされました。 The payment was cancelled.",
        (PaymentIntentStatus::RequiresPaymentMethod, Some("payment_intent_payment_attempt_expired")) => {
            "お支払い期限が過ぎたため、お支払いは完了していません。別の方法でお支払いください。 \
             The payment deadline passed. Please pay another way."
        }
        (PaymentIntentStatus::RequiresPaymentMethod, _) => {
            "お支払いは完了していません。別の方法でお支払いください。 The payment was not completed. Please pay another way."
        }
        _ => "お支払いの状況を確認しています。 Checking your payment…",
    }
}

fn cancel_error(err: &StripeError) -> String {
    match err.code.as_deref() {
        Some("payment_intent_unexpected_state") => {
            "このお支払いはキャンセルできません（お支払い済み、または店頭でお支払い中です）。 \
             This payment can no longer be cancelled (it was paid or is being paid at the store)."
                .into()
        }
        _ => "キャンセルできませんでした。もう一度お試しください。 Could not cancel. Please try again.".into(),
    }
}
