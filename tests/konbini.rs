//! The konbini instructions as the shopper sees them, rendered in Chromium.

use std::sync::Arc;

use checkout_api::stripe_common::konbini::{KonbiniDisplayDetails, KonbiniStore, KonbiniStores};
use checkout_api::stripe_common::{NextAction, PaymentIntent, PaymentIntentStatus};
use checkout_api::{CartItem, KonbiniPaymentRequest, KonbiniPaymentResponse};
use checkout_app::konbini::time::format_jst;
use checkout_app::konbini::{KonbiniInstructions, KonbiniStarted};
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::Stripe;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 2026-11-26 23:59:59 JST (Thursday).
const DEADLINE: i64 = 1_795_705_199;

/// The page in Japanese, as the configuration sets it for a Japanese shopper (once per page:
/// every test of this file asks for the same).
fn in_japanese() {
    checkout_app::i18n::set("ja".into(), checkout_api::texts::catalogue("ja").unwrap().clone());
}

#[wasm_bindgen_test]
fn deadlines_read_as_japanese_dates_in_jst() {
    in_japanese();
    assert_eq!(format_jst(DEADLINE), "2026年11月26日(木) 23:59");
    // 2026-11-23T15:30:00Z is already Tuesday in Japan.
    assert_eq!(format_jst(1_795_447_800), "2026年11月24日(火) 00:30");
}

#[wasm_bindgen_test]
async fn the_instructions_list_every_store_with_its_codes_and_the_deadline() {
    in_japanese();
    let stripe = Stripe::load(&browser_test_support::stripe_js_url(), "pk_test_app").await.unwrap();
    let store =
        |code: &str| Some(KonbiniStore { confirmation_number: Some("09012345678".into()), payment_code: code.into() });
    let details = KonbiniDisplayDetails {
        expires_at: DEADLINE,
        hosted_voucher_url: Some("https://example.test/voucher".into()),
        stores: KonbiniStores {
            familymart: store("111111"),
            lawson: store("222222"),
            ministop: store("222222"),
            seicomart: store("333333"),
        },
    };
    let payment = Arc::new(KonbiniStarted {
        created: KonbiniPaymentResponse {
            order_id: "ord_test".into(),
            client_secret: "pi_k_secret_x".into(),
            payment_intent_id: "pi_k".into(),
            amount: 6900,
            currency: "jpy".into(),
            confirmation_number: Some("09012345678".into()),
        },
        intent: PaymentIntent {
            id: "pi_k".into(),
            amount: 6900,
            currency: "jpy".into(),
            status: PaymentIntentStatus::RequiresAction,
            client_secret: None,
            next_action: Some(NextAction {
                type_: "konbini_display_details".into(),
                redirect_to_url: None,
                konbini_display_details: Some(details),
            }),
            payment_method: None,
        },
        request: KonbiniPaymentRequest {
            items: vec![CartItem { product_id: "lumen-tee".into(), quantity: 1 }],
            name: "山田 花子".into(),
            email: "hanako@example.jp".into(),
            phone: "09012345678".into(),
        },
    });
    let node = browser_test_support::container();
    let _view = leptos::mount::mount_to(
        node.clone(),
        move || view! { <KonbiniInstructions payment stripe poll_seconds=60 on_again=|()| () /> },
    );
    leptos::task::tick().await;
    let text = node.text_content().unwrap();
    assert!(text.contains("お支払いをお待ちしています"), "{text}");
    // Intl's Japanese yen sign is the full-width one.
    assert!(text.contains("お支払い金額: ￥6,900"), "{text}");
    assert!(text.contains("2026年11月26日(木) 23:59 (日本時間 JST)"), "{text}");
    for (store, code) in
        [("FamilyMart", "111111"), ("Lawson", "222222"), ("Ministop", "222222"), ("Seicomart", "333333")]
    {
        let row = node.query_selector(&format!("tr[data-store={store}]")).unwrap().expect(store);
        assert!(row.text_content().unwrap().contains(code), "{store}");
        assert!(!row.text_content().unwrap().contains(store), "the store named in Japanese");
    }
    let link = node.query_selector("a[target=_blank]").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://example.test/voucher"));
}
