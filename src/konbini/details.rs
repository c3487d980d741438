use checkout_api::stripe_common::konbini::KonbiniDisplayDetails;
use leptos::prelude::*;

use super::time::{format_jst, format_local};
use crate::i18n::{tr, tr_with};

/// How to pay at the store: the amount, the deadline in JST and in the shopper's own time,
/// each store's codes, and Stripe's hosted voucher.
#[component]
pub fn KonbiniDetails(details: KonbiniDisplayDetails, amount: String) -> impl IntoView {
    let japanese = crate::i18n::locale() == "ja";
    let stores = details.stores.named().into_iter().map(|(ja, en, store)| {
        view! {
            <tr data-store=en>
                <th>{if japanese { ja } else { en }}</th>
                <td class="code">{store.payment_code.clone()}</td>
                <td class="code">{store.confirmation_number.clone().unwrap_or_else(|| "—".into())}</td>
            </tr>
        }
    });
    view! {
        <p class="amount">{tr("Amount to pay:")} " " <strong>{amount}</strong></p>
        <dl class="deadline">
            <dt>{tr("Pay by")}</dt>
            <dd data-testid="expires-jst">{tr_with("{} (Japan time, JST)", &format_jst(details.expires_at))}</dd>
            <dt>{tr("Your time")}</dt>
            <dd data-testid="expires-local">{format_local(details.expires_at)}</dd>
        </dl>
        <table class="stores">
            <thead><tr><th>{tr("Store")}</th><th>{tr("Payment code")}</th><th>{tr("Confirmation number")}</th></tr></thead>
            <tbody>{stores.collect_view()}</tbody>
        </table>
        {details.hosted_voucher_url.map(|url| view! {
            <p><a href=url target="_blank" rel="noopener">{tr("View or print the voucher")}</a></p>
        })}
    }
}
