use checkout_api::{Cart, format_amount};
use leptos::prelude::*;

/// The cart as the server priced it.
#[component]
pub fn OrderSummary(cart: Cart) -> impl IntoView {
    let currency = cart.currency.clone();
    let lines = cart
        .lines
        .into_iter()
        .map(|line| {
            let each = format_amount(line.unit_amount, &currency);
            view! {
                <li class="line">
                    <span class="line-name">{line.name}</span>
                    <span class="line-quantity">{format!("{} × {each}", line.quantity)}</span>
                    <span class="line-amount">{format_amount(line.amount, &currency)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="order-summary" aria-labelledby="order-summary-title">
            <h2 id="order-summary-title">"Order summary"</h2>
            <ul class="lines">{lines}</ul>
            <p class="total">
                <span>"Total"</span>
                <strong data-testid="order-total">{format_amount(cart.total, &currency)}</strong>
            </p>
        </section>
    }
}
