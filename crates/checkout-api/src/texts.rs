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
    ("A suggestion", "おすすめ"),
    ("Paying later? Add {} to your order.", "後払いをご利用ですか？ {} をご注文に追加できます。"),
    ("Add to order", "注文に追加"),
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
    // The order's state, as the webhooks left it.
    ("Order: waiting for Stripe's confirmation…", "ご注文: 確認を待っています…"),
    ("Order: awaiting payment", "ご注文: お支払い待ち"),
    ("Order: payment processing", "ご注文: 処理中"),
    ("Order confirmed: paid", "ご注文: 確定しました"),
    ("Order: payment not completed", "ご注文: お支払いが完了していません"),
    ("Order: cancelled", "ご注文: キャンセル"),
    ("Order: refunded", "ご注文: 返金済み"),
    ("Order: being checked by the shop; we will contact you", "ご注文: 確認中（ショップからご連絡します）"),
    ("Order: no payment received", "ご注文: お支払いがありません"),
    // Paying at a konbini.
    ("Pay at a Japanese convenience store (JPY)", "コンビニで支払う（日本円）"),
    ("Pay by card instead (USD)", "カードで支払う（米ドル）"),
    ("Pay by card", "カードで支払う"),
    ("Konbini (JPY)", "コンビニ（日本円）"),
    ("Konbini payment", "コンビニ決済"),
    ("Pay at a convenience store", "コンビニ決済"),
    (
        "Pay at FamilyMart, Lawson, Ministop or Seicomart.",
        "ファミリーマート・ローソン・ミニストップ・セイコーマートでお支払いいただけます。",
    ),
    ("Name", "お名前"),
    ("Email", "メールアドレス"),
    ("We send the payment instructions here.", "お支払い方法のご案内をお送りします。"),
    ("Phone (optional)", "電話番号（任意）"),
    ("Used as your confirmation number at the store.", "店頭での確認番号として使います。"),
    ("Pay {} at a konbini", "{} をコンビニで支払う"),
    ("Please enter your name.", "お名前を入力してください。"),
    ("Please enter your email address.", "メールアドレスを入力してください。"),
    ("Please enter a valid email address.", "メールアドレスの形式が正しくありません。"),
    ("Please enter your phone number in digits.", "電話番号は数字で入力してください。"),
    ("Enter a 10 or 11 digit phone number.", "電話番号は10桁または11桁で入力してください（ハイフンなし可）。"),
    (
        "These characters can't be shown at the store and will be left out or replaced: {}",
        "「{}」は店頭で表示できないため、省略または置き換えられます。",
    ),
    (
        "Only the first {} characters appear at the store and on the receipt.",
        "店頭やレシートには最初の{}文字のみ表示されます。",
    ),
    (
        "Konbini payments are busy right now. Try again in a little while, or pay by card.",
        "コンビニ決済が混み合っています。しばらくしてからもう一度お試しいただくか、カードでお支払いください。",
    ),
    (
        "Konbini payments are unavailable right now. Pay by card, or try again later.",
        "コンビニ決済は現在ご利用いただけません。カードでお支払いいただくか、時間をおいてお試しください。",
    ),
    (
        "This number can't be used as a confirmation number right now. Enter another number or leave it empty.",
        "この番号は現在、確認番号として使えません。別の番号を入力するか、空欄にしてください。",
    ),
    ("Something went wrong. Please try again.", "お支払いの手続きができませんでした。もう一度お試しください。"),
    ("How to pay at the store", "お支払い方法のご案内"),
    ("Amount to pay:", "お支払い金額:"),
    ("Pay by", "お支払い期限"),
    ("{} (Japan time, JST)", "{} (日本時間 JST)"),
    ("Your time", "お住まいの地域の時刻"),
    ("Store", "店舗"),
    ("Payment code", "お支払い番号"),
    ("Confirmation number", "確認番号"),
    ("View or print the voucher", "払込票を表示・印刷"),
    (
        "Waiting for your payment at the store. Please pay by the deadline.",
        "お支払いをお待ちしています。期限までに店頭でお支払いください。",
    ),
    ("Payment received. Thank you!", "お支払いが完了しました。ありがとうございました。"),
    ("Your payment is being confirmed.", "お支払いを確認しています。"),
    ("The payment was cancelled.", "お支払いはキャンセルされました。"),
    (
        "The payment deadline passed. Please pay another way.",
        "お支払い期限が過ぎたため、お支払いは完了していません。別の方法でお支払いください。",
    ),
    (
        "The payment was not completed. Please pay another way.",
        "お支払いは完了していません。別の方法でお支払いください。",
    ),
    ("Issue a new voucher", "払込票を再発行"),
    ("Cancel payment", "キャンセル"),
    (
        "A new voucher was issued. The previous voucher and payment codes are no longer valid.",
        "新しい払込票を発行しました。以前の払込票とお支払い番号は使えません。",
    ),
    (
        "This payment can no longer be cancelled (it was paid or is being paid at the store).",
        "このお支払いはキャンセルできません（お支払い済み、または店頭でお支払い中です）。",
    ),
    ("Could not cancel. Please try again.", "キャンセルできませんでした。もう一度お試しください。"),
    ("Please try again later.", "しばらくしてからお試しください。"),
    ("Pay at a konbini again", "もう一度コンビニで支払う"),
    // The server's refusals a shopper can meet (`/api` answers them in the request's
    // `Accept-Language`: `translate`). A `{}` stands for the part that varies.
    ("The cart is empty.", "カートが空です。"),
    ("A cart holds at most {} different products.", "カートに入れられる商品は{}種類までです。"),
    ("Quantity must be between 1 and {}.", "数量は1から{}の間で指定してください。"),
    ("Unknown product.", "この商品は取り扱っていません。"),
    ("Unknown product: {}", "この商品は取り扱っていません: {}"),
    ("Each product may appear once; change its quantity instead.", "同じ商品は1行にまとめ、数量を変更してください。"),
    ("Enter a discount code.", "割引コードを入力してください。"),
    ("The code {} isn't valid.", "コード {} は無効です。"),
    ("The code {} has already been used.", "コード {} はすでに使用されています。"),
    (
        "A seller id (1-40 letters, digits or '-') is required.",
        "出品者ID(英小文字・数字・「-」で1〜40文字)が必要です。",
    ),
    ("A saved card's id (pm_...) is required.", "保存済みカードのID(pm_...)が必要です。"),
    (
        "Discount codes are for the shop's own products, not for a marketplace seller's.",
        "割引コードはショップ自身の商品専用で、マーケットプレイスの出品者の商品には使えません。",
    ),
    ("No such seller: {}", "出品者が見つかりません: {}"),
    ("Sellers", "出品者"),
    ("Sold by", "販売:"),
    ("Your saved cards", "保存済みのカード"),
    ("Pay with {}", "{} で支払う"),
    ("Or pay with a new card", "または新しいカードで支払う"),
    ("No such PaymentMethod: '{}'", "お支払い方法が見つかりません: '{}'"),
    ("Sign in to pay with a saved card.", "保存済みのカードで支払うにはサインインしてください。"),
    ("This seller cannot take payments yet.", "この出品者はまだ支払いを受け付けられません。"),
    (
        "This payment was started with another card. Pay with that card again, or reload the page to start a new checkout.",
        "このお支払いは別のカードで開始されています。同じカードでもう一度お支払いいただくか、ページを再読み込みして新しいお支払いを始めてください。",
    ),
    (
        "This seller's Stripe account is not connected to the shop: the seller cannot be paid right now.",
        "この出品者のStripeアカウントはショップに接続されていないため、現在お支払いいただけません。",
    ),
    (
        "Sign in to use the code {}: it is for a customer's first order.",
        "コード {} は初回のご注文専用です。ログインしてご利用ください。",
    ),
    ("Discount codes are for card payments.", "割引コードはカード払いでのみご利用いただけます。"),
    (
        "A checkout attempt id (16-64 letters, digits, '-' or '_') is required.",
        "お支払いの識別子がありません。ページを再読み込みしてください。",
    ),
    ("A ConfirmationToken id (ctoken_...) is required.", "お支払い情報がありません。もう一度お試しください。"),
    ("A Checkout Session id (cs_...) is required.", "お支払い画面の識別子がありません。"),
    ("Open the checkout page of this shop to pay.", "このショップのお支払い画面からお支払いください。"),
    (
        "The payment's client secret is required (X-Client-Secret header).",
        "お支払いを確認できませんでした。ページを再読み込みしてください。",
    ),
    // The konbini form's problems as the server names them (`FormProblem::english`).
    ("Enter the name to pay under.", "お名前を入力してください。"),
    ("These characters can't be shown at the store: {}", "「{}」は店頭で表示できません。"),
    ("Only the first {} characters of the name appear at the store.", "店頭には名前の最初の{}文字のみ表示されます。"),
    ("Enter an email address.", "メールアドレスを入力してください。"),
    ("Enter a valid email address.", "メールアドレスの形式が正しくありません。"),
    ("The phone number must be digits.", "電話番号は数字で入力してください。"),
    ("This number can't be used as a confirmation number.", "この番号は確認番号として使えません。"),
    ("The phone number must have 10 or 11 digits.", "電話番号は10桁または11桁で入力してください。"),
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

/// The table of `locale` as written here (`None` for English and for a language the checkout
/// does not speak): what an embedded checkout says before its configuration arrives, or when
/// it cannot arrive.
pub fn table(locale: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match locale {
        "ja" => Some(JA),
        _ => None,
    }
}

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

/// `english` in `locale`: its catalogue's text, or for a message with a part that varies
/// (`The code SAVE10 isn't valid.`) the entry whose text around its `{}` matches, with that part
/// put back; English when the catalogue has neither.
pub fn translate<'a>(locale: &str, english: &'a str) -> std::borrow::Cow<'a, str> {
    let Some(texts) = catalogue(locale) else { return english.into() };
    if let Some(text) = texts.get(english) {
        return text.clone().into();
    }
    texts
        .iter()
        .find_map(|(key, text)| {
            let (before, after) = key.split_once("{}")?;
            let value = english.strip_prefix(before)?.strip_suffix(after)?;
            (!value.is_empty()).then(|| text.replacen("{}", value, 1).into())
        })
        .unwrap_or(english.into())
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
    fn translates_whole_texts_and_texts_with_a_part_that_varies() {
        assert_eq!(translate("ja", "The cart is empty."), "カートが空です。");
        assert_eq!(translate("ja", "The code SAVE10 isn't valid."), "コード SAVE10 は無効です。");
        assert_eq!(translate("ja", "Unknown product: tee-xl"), "この商品は取り扱っていません: tee-xl");
        assert_eq!(translate("en", "The code SAVE10 isn't valid."), "The code SAVE10 isn't valid.");
        assert_eq!(translate("ja", "Something nobody wrote."), "Something nobody wrote.");
        // The varying part is never empty: the pattern's own text is not a value.
        assert_eq!(translate("ja", "The code  isn't valid."), "The code  isn't valid.");
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
