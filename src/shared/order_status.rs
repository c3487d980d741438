use checkout_api::{OrderStatus, OrderView};
use leptos::prelude::*;

use super::poll;

/// The order as Stripe's webhooks left it, asked from the server every `poll_seconds` until it
/// settles. What the page itself saw is not proof of payment; this is.
#[component]
pub fn OrderStatusLine(order_id: String, poll_seconds: u32) -> impl IntoView {
    let asked = order_id.clone();
    let order = poll(
        poll_seconds,
        None,
        move || {
            let id = asked.clone();
            async move { crate::api::order(&id).await.ok() }
        },
        |order: &OrderView| order.status.is_settled(),
    );
    let status = move || order.with(|o| o.as_ref().map(|o| o.status));
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
pub fn OrderStatusForPayment(
    payment_intent: String,
    client_secret: String,
    poll_seconds: u32,
    /// The order, once found.
    #[prop(optional, into)]
    on_order: Option<Callback<OrderView>>,
) -> impl IntoView {
    let order = LocalResource::new(move || {
        let (payment_intent, client_secret) = (payment_intent.clone(), client_secret.clone());
        async move {
            let order = crate::api::order_for_payment(&payment_intent, &client_secret).await.ok();
            if let (Some(order), Some(on_order)) = (&order, on_order) {
                on_order.run(order.clone());
            }
            order
        }
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
