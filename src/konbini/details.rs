use checkout_api::stripe_common::konbini::KonbiniDisplayDetails;
use leptos::prelude::*;

use super::time::{format_jst, format_local};

/// How to pay at the store: the amount, the deadline in JST and in the shopper's own time,
/// each store's codes, and Stripe's hosted voucher.
#[component]
pub fn KonbiniDetails(details: KonbiniDisplayDetails, amount: String) -> impl IntoView {
    let stores = details.stores.named().into_iter().map(|(ja, en, store)| {
        view! {
            <tr data-store=en>
                <th>{ja} " " <span lang="en">{en}</span></th>
                <td class="code">{store.payment_code.clone()}</td>
                <td class="code">{store.confirmation_number.clone().unwrap_or_else(|| "—".into())}</td>
            </tr>
        }
    });
    view! {
        <p class="amount">"お支払い金額 Amount: " <strong>{amount}</strong></p>
        <dl class="deadline">
            <dt>"お支払い期限 Pay by"</dt>
            <dd data-testid="expires-jst">{format!("{} (日本時間 JST)", format_jst(details.expires_at))}</dd>
            <dt lang="en">"Your time"</dt>
            <dd data-testid="expires-local">{format_local(details.expires_at)}</dd>
        </dl>
        <table class="stores">
            <thead><tr><th>"店舗 Store"</th><th>"お支払い番号 Payment code"</th><th>"確認番号 Confirmation number"</th></tr></thead>
            <tbody>{stores.collect_view()}</tbody>
        </table>
        {details.hosted_voucher_url.map(|url| view! {
            <p><a href=url target="_blank" rel="noopener">"払込票を表示・印刷 View or print the voucher"</a></p>
        })}
    }
}
