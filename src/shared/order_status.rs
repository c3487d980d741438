use checkout_api::{OrderStatus, OrderView};

use crate::i18n::n_;
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
    crate::i18n::tr(match status {
        None | Some(OrderStatus::Pending) => n_("Order: waiting for Stripe's confirmation…"),
        Some(OrderStatus::RequiresAction) => n_("Order: awaiting payment"),
        Some(OrderStatus::Processing) => n_("Order: payment processing"),
        Some(OrderStatus::Paid) => n_("Order confirmed: paid"),
        Some(OrderStatus::Failed) => n_("Order: payment not completed"),
        Some(OrderStatus::Canceled) => n_("Order: cancelled"),
        Some(OrderStatus::Refunded) => n_("Order: refunded"),
        Some(OrderStatus::NeedsReview) => n_("Order: being checked by the shop; we will contact you"),
        Some(OrderStatus::Abandoned) => n_("Order: no payment received"),
    })
}
