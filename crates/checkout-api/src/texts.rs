//! The checkout's words in other languages than English, served to the page with its
//! configuration (`ConfigResponse::texts`). Each catalogue is keyed by the English text the
//! app writes (gettext's way: the app's `tr("...")`, `tr_with("...")` and `n_("...")`), so the
//! app carries no catalogue in its download. Stripe's own English messages that reach the
//! shopper (declines) are here too. `tests/texts.rs` checks that every text of the app is in
//! each catalogue.

use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The languages the checkout speaks; the first is the app's own.
pub const LOCALES: [&str; 2] = ["en", "ja"];

/// Japanese, keyed by the English text.
pub const JA: &[(&str, &str)] = &[
    ("Secure checkout", "安全なお支払い"),
    ("Loading checkout", "お支払い画面を読み込んでいます"),
    ("The checkout could not be loaded", "お支払い画面を読み込めませんでした"),
    ("Try again", "もう一度試す"),
    (
        "We could not reach the shop. Check your connection and try again.",
        "ショップに接続できませんでした。接続を確認して、もう一度お試しください。",
    ),
    (
        "The secure payment form (Stripe.js) could not be loaded. If an ad or script blocker is active, allow js.stripe.com and try again.",
        "安全な決済フォーム（Stripe.js）を読み込めませんでした。広告やスクリプトのブロッカーをお使いの場合は、js.stripe.com を許可してもう一度お試しください。",
    ),
    ("Order summary", "ご注文内容"),
    ("Total", "合計"),
    ("Discount", "割引"),
    ("Payment", "お支払い"),
    ("Payment method", "お支払い方法"),
    ("Card (USD)", "カード（米ドル）"),
    ("Processing…", "処理中…"),
    ("Pay {}", "{} を支払う"),
    ("Billing address", "請求先住所"),
    ("Shipping address", "配送先住所"),
    ("The payment", "お支払い"),
    (
        "{} could not start: part of the page did not download. Check your connection and try again.",
        "{}を開始できませんでした。ページの一部をダウンロードできませんでした。接続を確認して、もう一度お試しください。",
    ),
    ("Payment received", "お支払いを受け付けました"),
    ("Reference:", "参照番号:"),
    ("Amount:", "金額:"),
    ("Payment processing", "お支払いを処理しています"),
    ("Payment succeeded", "お支払いが完了しました"),
    ("Payment failed", "お支払いに失敗しました"),
    ("Payment not completed", "お支払いが完了していません"),
    (
        "This order was already paid. You have not been charged again.",
        "このご注文はお支払い済みです。再度請求されることはありません。",
    ),
    ("Signed in: your saved cards are offered.", "ログイン中: 保存済みのカードをお使いいただけます。"),
    ("Sign out", "ログアウト"),
    ("Returning customer?", "以前にご利用のお客様ですか？"),
    ("Sign in as the demo customer", "デモのお客様としてログイン"),
    ("Discount code", "割引コード"),
    ("Apply", "適用"),
    ("{} applied.", "{} を適用しました。"),
    ("Remove", "取り消す"),
    (
        "Discount codes and signing in could not load: part of the page did not download. ",
        "割引コードとログインを読み込めませんでした。ページの一部をダウンロードできませんでした。",
    ),
    (
        "Discount codes and signing in could not load ({} tries): part of the page did not download. ",
        "割引コードとログインを読み込めませんでした（{} 回）。ページの一部をダウンロードできませんでした。",
    ),
    (
        "The address form could not load: part of the page did not download. Reload the page to try again.",
        "住所の入力欄を読み込めませんでした。ページの一部をダウンロードできませんでした。ページを再読み込みしてください。",
    ),
    ("Checking your payment…", "お支払いを確認しています…"),
    ("We could not find that payment", "お支払いが見つかりませんでした"),
    ("Back to checkout", "お支払い画面に戻る"),
    ("This page needs a payment to show.", "このページで表示するお支払いがありません。"),
    ("We received your payment of {}.", "{} のお支払いを受け付けました。"),
    (
        "Your payment of {} is processing. We'll let you know when it is received.",
        "{} のお支払いを処理しています。完了しましたらお知らせします。",
    ),
    ("Your payment was not successful, please try again.", "お支払いが完了しませんでした。もう一度お試しください。"),
    (
        "Something went wrong with your payment, please try again.",
        "お支払いで問題が発生しました。もう一度お試しください。",
    ),
    ("This checkout has expired", "このお支払い画面は有効期限が切れました"),
    ("Your payment was not completed", "お支払いが完了しませんでした"),
    ("Nothing was charged. You can start again.", "請求は発生していません。最初からやり直せます。"),
    ("Pay with the card form instead", "カードフォームで支払う"),
    ("This cart cannot be paid for: {}", "このカートはお支払いできません: {}"),
    (
        "Your payment could not be completed. Please try again or use another payment method.",
        "お支払いを完了できませんでした。もう一度お試しいただくか、別のお支払い方法をご利用ください。",
    ),
    // stripe_common::GENERIC_MESSAGE: what the shopper reads for an error not meant for them.
    (
        "Something went wrong while processing your payment. Please try again.",
        "お支払いの処理中に問題が発生しました。もう一度お試しください。",
    ),
    // Stripe's messages for card errors, which the API sends in English.
    ("Your card was declined.", "カードが拒否されました。"),
    ("Your card has insufficient funds.", "カードの残高が不足しています。"),
    ("Your card has expired.", "カードの有効期限が切れています。"),
    ("Your card's security code is incorrect.", "カードのセキュリティコードが正しくありません。"),
    ("Your card number is incorrect.", "カード番号が正しくありません。"),
    (
        "An error occurred while processing your card. Try again in a little bit.",
        "カードの処理中にエラーが発生しました。しばらくしてからもう一度お試しください。",
    ),
];

/// The catalogue of `locale` (`None` for English, the app's own, and for a language the
/// checkout does not speak), built once.
pub fn catalogue(locale: &str) -> Option<&'static BTreeMap<String, String>> {
    static JAPANESE: LazyLock<BTreeMap<String, String>> =
        LazyLock::new(|| JA.iter().map(|(en, text)| ((*en).to_owned(), (*text).to_owned())).collect());
    match locale {
        "ja" => Some(&JAPANESE),
        _ => None,
    }
}

/// The checkout's language for a browser's `Accept-Language` (or a page's `lang`, `ja-JP`, `en`):
/// the first of its languages, by weight, that the checkout speaks; English otherwise.
pub fn negotiate(accept_language: &str) -> &'static str {
    let mut ranges: Vec<(f32, usize, &str)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let weight = pieces
                .find_map(|p| p.trim().strip_prefix("q=").map(|q| q.trim().parse::<f32>().unwrap_or(0.0)))
                .unwrap_or(1.0);
            (weight > 0.0 && !tag.is_empty()).then_some((weight, i, tag))
        })
        .collect();
    // Heaviest first; equal weights keep the browser's order.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges
        .iter()
        .find_map(|(_, _, tag)| {
            let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
            LOCALES.iter().copied().find(|locale| *locale == primary)
        })
        .unwrap_or(LOCALES[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_the_browsers_first_language_the_checkout_speaks() {
        assert_eq!(negotiate("ja-JP,ja;q=0.9,en-US;q=0.8"), "ja");
        assert_eq!(negotiate("en-US,en;q=0.9,ja;q=0.8"), "en");
        assert_eq!(negotiate("fr-FR,fr;q=0.9,ja;q=0.5"), "ja");
        assert_eq!(negotiate("fr-FR"), "en");
        assert_eq!(negotiate("en;q=0.2, ja;q=0.7"), "ja");
        assert_eq!(negotiate("ja;q=0, en"), "en");
        assert_eq!(negotiate(""), "en");
        assert_eq!(negotiate("JA"), "ja");
    }

    #[test]
    fn english_has_no_catalogue_and_japanese_translates_every_entry() {
        assert_eq!(catalogue("en"), None);
        let ja = catalogue("ja").unwrap();
        assert_eq!(ja.len(), JA.len(), "each English text once");
        for (en, text) in JA {
            assert_ne!(en, text);
            assert_eq!(en.matches("{}").count(), text.matches("{}").count(), "{en}: the same placeholders");
        }
    }
}
