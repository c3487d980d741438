use checkout_api::Cart;
use leptos::prelude::*;

use crate::i18n::tr;

/// The cart as the server priced it, updated whenever the server prices it again.
#[component]
pub fn OrderSummary(#[prop(into)] cart: Signal<Cart>) -> impl IntoView {
    let lines = move || {
        let cart = cart.get();
        cart.lines
            .into_iter()
            .map(|line| {
                let each = crate::i18n::money(line.unit_amount, &cart.currency);
                view! {
                    <li class="line">
                        <span class="line-name">{line.name}</span>
                        <span class="line-quantity">{format!("{} × {each}", line.quantity)}</span>
                        <span class="line-amount">{crate::i18n::money(line.amount, &cart.currency)}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let discount = move || {
        let cart = cart.get();
        cart.discount.map(|d| {
            view! {
                <p class="discount" data-testid="discount-line">
                    <span>{format!("{} {} · {}", tr("Discount"), d.code, d.label)}</span>
                    <span>{crate::i18n::money(-d.amount, &cart.currency)}</span>
                </p>
            }
        })
    };
    view! {
        <section class="order-summary" aria-labelledby="order-summary-title">
            <h2 id="order-summary-title">{tr("Order summary")}</h2>
            <ul class="lines">{lines}</ul>
            {discount}
            <p class="total">
                <span>{tr("Total")}</span>
                <strong data-testid="order-total">{move || cart.with(|c| crate::i18n::money(c.total, &c.currency))}</strong>
            </p>
        </section>
    }
}
