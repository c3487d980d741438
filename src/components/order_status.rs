use std::time::Duration;

use checkout_api::{OrderStatus, OrderView};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The order as Stripe's webhooks left it, asked from the server every `poll_seconds` until it
/// settles. What the page itself saw is not proof of payment; this is.
#[component]
pub fn OrderStatusLine(order_id: String, poll_seconds: u32) -> impl IntoView {
    let order = RwSignal::new(None::<OrderView>);
    let refresh = {
        let order_id = order_id.clone();
        move || {
            if order.get_untracked().is_some_and(|o| o.status.is_settled()) {
                return;
            }
            let order_id = order_id.clone();
            spawn_local(async move {
                if let Ok(latest) = crate::api::order(&order_id).await {
                    order.set(Some(latest));
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

    let status = move || order.get().map(|o| o.status);
    view! {
        <p class="order-status" role="status" aria-live="polite" data-testid="order-status"
            data-status=move || status().map(OrderStatus::as_str).unwrap_or("unknown")>
            {move || describe(status())}
            " " <span class="reference">{format!("({order_id})")}</span>
        </p>
    }
}

/// The order line for a payment known only by its PaymentIntent (the return page after a
/// redirect); nothing when the payment is not an order of this shop.
#[component]
pub fn OrderStatusForPayment(payment_intent: String, client_secret: String, poll_seconds: u32) -> impl IntoView {
    let order = LocalResource::new(move || {
        let (payment_intent, client_secret) = (payment_intent.clone(), client_secret.clone());
        async move { crate::api::order_for_payment(&payment_intent, &client_secret).await.ok() }
    });
    move || order.get().flatten().map(|order| view! { <OrderStatusLine order_id=order.id poll_seconds /> })
}

fn describe(status: Option<OrderStatus>) -> &'static str {
    match status {
        None | Some(OrderStatus::Pending) => "注文を確認しています… Order: waiting for Stripe's confirmation…",
        Some(OrderStatus::RequiresAction) => "ご注文: お支払い待ち Order: awaiting payment",
        Some(OrderStatus::Processing) => "ご注文: 処理中 Order: payment processing",
        Some(OrderStatus::Paid) => "ご注文: 確定しました Order confirmed: paid",
        Some(OrderStatus::Failed) => "ご注文: お支払いが完了していません Order: payment not completed",
        Some(OrderStatus::Canceled) => "ご注文: キャンセル Order: cancelled",
        Some(OrderStatus::Refunded) => "ご注文: 返金済み Order: refunded",
        Some(OrderStatus::NeedsReview) => "ご注文: 確認中 Order: being checked by the shop; we will contact you",
        Some(OrderStatus::Abandoned) => "ご注文: お支払いがありません Order: no payment received",
    }
}
