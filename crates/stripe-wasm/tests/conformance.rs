//! The bindings against Stripe's own declarations (@stripe/stripe-js, pinned in the root
//! package-lock.json), checked by `tsc`, so nobody here can tune the answer by hand:
//!
//! - what the bindings send: every options and params struct, serialised from Rust as the
//!   bindings serialise it (serde-wasm-bindgen's JSON-compatible serializer gives the same
//!   values as serde_json), written as `const x: <Stripe.js type> = <json>;` and type-checked in
//!   strict mode, where an unknown property is an error;
//! - what the bindings decode: the samples of `tests/conformance/results.json`, each typed in
//!   the same .ts file as the Stripe.js result type it claims to be (so each is something Stripe
//!   may really send, nullable fields included), and each decoded by the Rust type that reads
//!   it.
//!
//! Native (not wasm): `cargo test -p stripe-wasm --test conformance`. Needs `npm ci` at the root
//! (scripts/setup.sh) for typescript and @stripe/stripe-js.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use stripe_wasm::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// A sample the bindings send, and the Stripe.js call it is passed to (`%` stands for the
/// sample), so overloads resolve as they do for a caller and excess properties are errors.
struct Sent {
    name: &'static str,
    call: &'static str,
    json: Value,
}

fn sent(name: &'static str, call: &'static str, value: &impl Serialize) -> Sent {
    Sent { name, call, json: serde_json::to_value(value).unwrap() }
}

fn address() -> Address {
    Address {
        line1: Some("1 Harbour Way".into()),
        line2: Some("Unit 2".into()),
        city: Some("San Francisco".into()),
        state: Some("CA".into()),
        postal_code: Some("94107".into()),
        country: Some("US".into()),
    }
}

fn full_elements_options() -> ElementsOptions {
    ElementsOptions {
        payment_method_creation: Some(PaymentMethodCreation::Manual),
        appearance: Some(full_appearance()),
        locale: Some("ja".into()),
        setup_future_usage: Some("off_session".into()),
        capture_method: Some("manual".into()),
        allowed_payment_method_types: Some(vec!["card".into(), "konbini".into()]),
        excluded_payment_method_types: Some(vec!["paypal".into()]),
        on_behalf_of: Some("acct_123".into()),
        customer_session_client_secret: Some("cuss_secret_123".into()),
        loader: Some(Loader::Never),
        ..ElementsOptions::payment(5098, "usd")
    }
}

fn full_appearance() -> Appearance {
    Appearance {
        theme: Some(Theme::Night),
        variables: BTreeMap::from([
            ("colorPrimary".into(), "#5b3cc4".into()),
            ("fontFamily".into(), "system-ui".into()),
            ("borderRadius".into(), "8px".into()),
        ]),
        rules: BTreeMap::from([(".Input".into(), BTreeMap::from([("border".into(), "1px solid #ccc".into())]))]),
    }
}

fn full_layout() -> Layout {
    Layout {
        default_collapsed: Some(false),
        radios: Some(Radios::IfMultiple),
        spaced_accordion_items: Some(true),
        visible_accordion_items_count: Some(3),
        payment_method_logo_position: Some(LogoPosition::End),
        ..LayoutType::Accordion.into()
    }
}

fn full_address_element_options() -> AddressElementOptions {
    AddressElementOptions {
        allowed_countries: Some(vec!["US".into(), "JP".into()]),
        default_values: Some(AddressDefaults {
            name: Some("Jenny Rosen".into()),
            address: Some(DefaultAddress {
                line1: Some("1 Harbour Way".into()),
                line2: Some("Unit 2".into()),
                city: Some("San Francisco".into()),
                state: Some("CA".into()),
                postal_code: Some("94107".into()),
                ..DefaultAddress::country("US")
            }),
            phone: Some("+15555550100".into()),
        }),
        fields: Some(AddressFields { phone: "always".into() }),
        ..AddressElementOptions::new(AddressMode::Shipping)
    }
}

fn full_confirmation_token_params() -> ConfirmationTokenParams {
    ConfirmationTokenParams {
        return_url: Some("https://shop.example/complete".into()),
        shipping: Some(Shipping {
            name: Some("Jenny Rosen".into()),
            address: address(),
            phone: Some("+15555550100".into()),
        }),
    }
}

fn full_client_secret_elements_options() -> ElementsOptions {
    ElementsOptions {
        payment_method_creation: Some(PaymentMethodCreation::Manual),
        appearance: Some(full_appearance()),
        locale: Some("ja".into()),
        loader: Some(Loader::Always),
        customer_session_client_secret: Some("cuss_secret_123".into()),
        currency: Some("usd".into()),
        ..ElementsOptions::for_intent("pi_123_secret_456")
    }
}

fn full_payment_method_data() -> PaymentMethodData {
    PaymentMethodData {
        billing_details: Some(BillingDetails {
            name: Some("Jenny Rosen".into()),
            email: Some("jenny@example.com".into()),
            phone: Some("+15555550100".into()),
            address: Some(address()),
        }),
        allow_redisplay: Some(AllowRedisplay::Always),
        metadata: BTreeMap::from([("order".into(), "42".into())]),
    }
}

fn full_confirm_payment_params() -> ConfirmPaymentParams {
    ConfirmPaymentParams {
        return_url: Some("https://shop.example/complete".into()),
        shipping: full_confirmation_token_params().shipping.as_ref().and_then(ShippingParams::from_shipping),
        receipt_email: Some("jenny@example.com".into()),
        payment_method_data: Some(full_payment_method_data()),
        payment_method: Some("pm_123".into()),
    }
}

fn full_confirm_setup_params() -> ConfirmSetupParams {
    ConfirmSetupParams {
        return_url: Some("https://shop.example/saved".into()),
        payment_method_data: Some(full_payment_method_data()),
        payment_method: Some("pm_123".into()),
    }
}

fn shipping_rates() -> Vec<ShippingRate> {
    vec![
        ShippingRate {
            id: "standard".into(),
            amount: 0,
            display_name: "Standard".into(),
            delivery_estimate: Some(DeliveryEstimate::Range {
                minimum: Some(DeliveryTime { unit: "business_day".into(), value: 3 }),
                maximum: Some(DeliveryTime { unit: "business_day".into(), value: 5 }),
            }),
        },
        ShippingRate {
            id: "express".into(),
            amount: 900,
            display_name: "Express".into(),
            delivery_estimate: Some(DeliveryEstimate::Text("Tomorrow".into())),
        },
    ]
}

fn line_items() -> Vec<LineItem> {
    vec![LineItem { name: "Ferris plush".into(), amount: 2499 }]
}

fn full_express_checkout_options() -> ExpressCheckoutElementOptions {
    ExpressCheckoutElementOptions {
        allowed_shipping_countries: Some(vec!["US".into(), "JP".into()]),
        billing_address_required: Some(true),
        business: Some(Business { name: "Ferris & Co.".into() }),
        button_height: Some(48),
        button_theme: Some(PerWallet {
            apple_pay: Some("white-outline".into()),
            google_pay: Some("white".into()),
            paypal: Some("gold".into()),
        }),
        button_type: Some(PerWallet {
            apple_pay: Some("check-out".into()),
            google_pay: Some("checkout".into()),
            paypal: Some("checkout".into()),
        }),
        email_required: Some(true),
        layout: Some(ExpressLayout { max_columns: Some(2), max_rows: Some(1), overflow: Some("auto".into()) }),
        line_items: Some(line_items()),
        payment_method_order: Some(vec!["apple_pay".into(), "google_pay".into()]),
        payment_methods: Some(ExpressPaymentMethods {
            amazon_pay: Some(WalletDisplay::Never),
            apple_pay: Some(WalletDisplay::Always),
            google_pay: Some(WalletDisplay::Auto),
            link: Some(WalletDisplay::Auto),
            paypal: Some(WalletDisplay::Never),
            klarna: Some(WalletDisplay::Auto),
        }),
        phone_number_required: Some(true),
        shipping_address_required: Some(true),
        shipping_rates: Some(shipping_rates()),
    }
}

fn full_click_resolve() -> ClickResolveDetails {
    ClickResolveDetails {
        allowed_shipping_countries: Some(vec!["US".into()]),
        billing_address_required: Some(true),
        business: Some(Business { name: "Ferris & Co.".into() }),
        email_required: Some(true),
        line_items: Some(line_items()),
        phone_number_required: Some(false),
        shipping_address_required: Some(true),
        shipping_rates: Some(shipping_rates()),
    }
}

fn full_messaging_options() -> PaymentMethodMessagingElementOptions {
    PaymentMethodMessagingElementOptions {
        payment_method_types: Some(vec![
            MessagingPaymentMethod::Klarna,
            MessagingPaymentMethod::AfterpayClearpay,
            MessagingPaymentMethod::Affirm,
        ]),
        country_code: Some("US".into()),
        logo_color: Some(LogoColor::Black),
        ..PaymentMethodMessagingElementOptions::new(5098, "usd")
    }
}

fn full_stripe_options() -> StripeOptions {
    StripeOptions {
        stripe_account: Some("acct_123".into()),
        api_version: Some("2026-09-30.endive".into()),
        locale: Some("ja".into()),
        betas: Some(vec!["some_beta_1".into()]),
    }
}

fn full_app_info() -> AppInfo {
    AppInfo {
        name: "leptos-stripe".into(),
        version: Some("0.1.0".into()),
        url: Some("https://shop.example".into()),
        partner_id: Some("pp_partner_123".into()),
    }
}

fn full_konbini_data() -> ConfirmKonbiniData {
    let mut konbini = ConfirmKonbiniData::new("山田太郎", "taro@example.jp", Some("09012345678".into()));
    konbini.return_url = Some("https://shop.example/complete".into());
    konbini.payment_method.billing_details.phone = Some("09012345678".into());
    konbini
}

/// Every options and params struct the bindings pass to Stripe.js.
fn sent_samples() -> Vec<Sent> {
    let full = full_elements_options();
    // What `elements.update()` gets: the updatable options (the bindings refuse the others).
    let mut update = serde_json::to_value(&full).unwrap();
    update.as_object_mut().unwrap().retain(|key, _| UPDATABLE_ELEMENTS_OPTIONS.contains(&key.as_str()));
    let payment_element = PaymentElementOptions { layout: Some(full_layout()) };
    let address_element = full_address_element_options();
    vec![
        sent("elements_options_minimal", "stripe.elements(%)", &ElementsOptions::payment(5098, "usd")),
        sent("elements_options_full", "stripe.elements(%)", &full),
        Sent { name: "elements_update_options", call: "elements.update(%)", json: update },
        // What `update_changed` adds when setupFutureUsage is dropped.
        Sent {
            name: "elements_update_unset",
            call: "elements.update(%)",
            json: serde_json::json!({"setupFutureUsage": null}),
        },
        sent(
            "appearance",
            "stripe.elements({mode: 'payment', amount: 5098, currency: 'usd', appearance: %})",
            &full_appearance(),
        ),
        sent("payment_element_options_minimal", "elements.create('payment', %)", &PaymentElementOptions::default()),
        sent(
            "payment_element_options_tabs",
            "elements.create('payment', %)",
            &PaymentElementOptions { layout: Some(LayoutType::Tabs.into()) },
        ),
        sent("payment_element_options_full", "elements.create('payment', %)", &payment_element),
        sent(
            "payment_element_options_auto",
            "elements.create('payment', %)",
            &PaymentElementOptions { layout: Some(LayoutType::Auto.into()) },
        ),
        // What `update_changed` sends.
        sent("payment_element_update_options", "paymentElement.update(%)", &payment_element.updatable()),
        sent("address_element_update_options", "addressElement.update(%)", &address_element.updatable()),
        sent(
            "address_element_options_minimal",
            "elements.create('address', %)",
            &AddressElementOptions::new(AddressMode::Billing),
        ),
        sent("address_element_options_full", "elements.create('address', %)", &address_element),
        sent(
            "confirmation_token_params_minimal",
            "stripe.createConfirmationToken({elements, params: %})",
            &ConfirmationTokenParams::default(),
        ),
        // The Address Element's value as the checkout sends it: unknown fields `null`.
        sent(
            "confirmation_token_params_partial",
            "stripe.createConfirmationToken({elements, params: %})",
            &ConfirmationTokenParams {
                return_url: None,
                shipping: Some(Shipping {
                    name: Some("Jenny Rosen".into()),
                    address: Address {
                        line1: Some("1 Harbour Way".into()),
                        country: Some("US".into()),
                        ..Default::default()
                    },
                    phone: None,
                }),
            },
        ),
        sent(
            "confirmation_token_params_full",
            "stripe.createConfirmationToken({elements, params: %})",
            &full_confirmation_token_params(),
        ),
        sent(
            "konbini_data_minimal",
            "stripe.confirmKonbiniPayment('pi_1_secret_2', %)",
            &ConfirmKonbiniData::new("Taro", "t@example.jp", None),
        ),
        sent("konbini_data_full", "stripe.confirmKonbiniPayment('pi_1_secret_2', %)", &full_konbini_data()),
        sent(
            "konbini_options",
            "stripe.confirmKonbiniPayment('pi_1_secret_2', undefined, %)",
            &ConfirmKonbiniOptions::default(),
        ),
        sent(
            "elements_options_client_secret_minimal",
            "stripe.elements(%)",
            &ElementsOptions::for_intent("seti_1_secret_2"),
        ),
        sent("elements_options_client_secret_full", "stripe.elements(%)", &full_client_secret_elements_options()),
        sent("elements_options_setup", "stripe.elements(%)", &ElementsOptions::setup("eur")),
        sent(
            "confirm_payment_params_minimal",
            "stripe.confirmPayment({elements, confirmParams: %, redirect: 'if_required'})",
            &ConfirmPaymentParams::default(),
        ),
        sent(
            "confirm_payment_params_full",
            "stripe.confirmPayment({elements, clientSecret: 'pi_1_secret_2', confirmParams: %, redirect: 'if_required'})",
            &full_confirm_payment_params(),
        ),
        // What an Address Element with only a line and a country gives, and billing details
        // without an address.
        sent(
            "confirm_payment_params_partial",
            "stripe.confirmPayment({elements, confirmParams: %, redirect: 'if_required'})",
            &ConfirmPaymentParams {
                shipping: ShippingParams::from_shipping(&Shipping {
                    name: Some("Jenny Rosen".into()),
                    address: Address {
                        line1: Some("1 Harbour Way".into()),
                        country: Some("US".into()),
                        ..Default::default()
                    },
                    phone: None,
                }),
                payment_method_data: Some(PaymentMethodData {
                    billing_details: Some(BillingDetails { name: Some("Jenny Rosen".into()), ..Default::default() }),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ),
        sent(
            "confirm_payment_redirect_always",
            "stripe.confirmPayment({elements, confirmParams: {return_url: 'https://shop.example/complete'}, redirect: %})",
            &Redirect::Always,
        ),
        sent(
            "confirm_payment_redirect_if_required",
            "stripe.confirmPayment({clientSecret: 'pi_1_secret_2', redirect: %})",
            &Redirect::IfRequired,
        ),
        sent(
            "confirm_setup_params_full",
            "stripe.confirmSetup({elements, confirmParams: %, redirect: 'if_required'})",
            &full_confirm_setup_params(),
        ),
        sent(
            "confirm_setup_params_minimal",
            "stripe.confirmSetup({elements, confirmParams: %, redirect: 'if_required'})",
            &ConfirmSetupParams::default(),
        ),
        sent(
            "create_payment_method_params_full",
            "stripe.createPaymentMethod({elements, params: %})",
            &full_payment_method_data(),
        ),
        sent(
            "create_payment_method_params_minimal",
            "stripe.createPaymentMethod({elements, params: %})",
            &PaymentMethodData::default(),
        ),
        sent(
            "link_authentication_options_minimal",
            "elements.create('linkAuthentication', %)",
            &LinkAuthenticationElementOptions::default(),
        ),
        sent(
            "link_authentication_options_full",
            "elements.create('linkAuthentication', %)",
            &LinkAuthenticationElementOptions::with_email("jenny@example.com"),
        ),
        sent(
            "express_checkout_options_minimal",
            "elements.create('expressCheckout', %)",
            &ExpressCheckoutElementOptions::default(),
        ),
        sent(
            "express_checkout_options_full",
            "elements.create('expressCheckout', %)",
            &full_express_checkout_options(),
        ),
        sent(
            "express_checkout_update_options",
            "expressCheckoutElement.update(%)",
            &full_express_checkout_options().updatable(),
        ),
        sent(
            "express_checkout_click_resolve",
            "expressCheckoutElement.on('click', (event) => event.resolve(%))",
            &full_click_resolve(),
        ),
        sent(
            "express_checkout_click_resolve_minimal",
            "expressCheckoutElement.on('click', (event) => event.resolve(%))",
            &ClickResolveDetails::default(),
        ),
        sent(
            "express_checkout_address_resolve",
            "expressCheckoutElement.on('shippingaddresschange', (event) => event.resolve(%))",
            &ChangeResolveDetails { line_items: Some(line_items()), shipping_rates: Some(shipping_rates()) },
        ),
        sent(
            "express_checkout_rate_resolve",
            "expressCheckoutElement.on('shippingratechange', (event) => event.resolve(%))",
            &ChangeResolveDetails { line_items: Some(line_items()), shipping_rates: None },
        ),
        sent(
            "express_checkout_payment_failed",
            "expressCheckoutElement.on('confirm', (event) => event.paymentFailed(%))",
            &PaymentFailedDetails {
                reason: PaymentFailedReason::InvalidShippingAddress,
                message: Some("We do not ship there.".into()),
            },
        ),
        sent(
            "payment_method_messaging_options_minimal",
            "elements.create('paymentMethodMessaging', %)",
            &PaymentMethodMessagingElementOptions::new(1099, "eur"),
        ),
        sent(
            "payment_method_messaging_options_full",
            "elements.create('paymentMethodMessaging', %)",
            &full_messaging_options(),
        ),
        sent("payment_method_messaging_update", "messagingElement.update(%)", &full_messaging_options().updatable()),
        sent("stripe_options_minimal", "StripeJs('pk_test_1', %)", &StripeOptions::default()),
        sent("stripe_options_full", "StripeJs('pk_test_1', %)", &full_stripe_options()),
        sent("app_info_full", "stripe.registerAppInfo(%)", &full_app_info()),
        sent(
            "app_info_minimal",
            "stripe.registerAppInfo(%)",
            &AppInfo { name: "leptos-stripe".into(), version: None, url: None, partner_id: None },
        ),
        sent(
            "handle_next_action_options",
            "stripe.handleNextAction(%)",
            &HandleNextActionOptions { client_secret: "pi_123_secret_456".into() },
        ),
    ]
}

/// Decodes `value` as the Rust type named `rust`: the types the bindings read Stripe.js's
/// answers into.
fn decode(rust: &str, value: &Value) -> Result<(), String> {
    fn as_<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
        serde_json::from_value::<T>(value.clone()).map(drop).map_err(|e| e.to_string())
    }
    match rust {
        "ConfirmationToken" => as_::<ConfirmationToken>(value),
        "PaymentIntent" => as_::<PaymentIntent>(value),
        "StripeError" => as_::<StripeError>(value),
        "ChangeEvent" => as_::<ChangeEvent>(value),
        "AddressChangeEvent" => as_::<AddressChangeEvent>(value),
        "ElementEvent" => as_::<ElementEvent>(value),
        "LoadErrorEvent" => as_::<LoadErrorEvent>(value),
        "SubmitResult" => as_::<SubmitResult>(value),
        "CardDetailsChangeEvent" => as_::<CardDetailsChangeEvent>(value),
        "SavedPaymentMethodEvent" => as_::<SavedPaymentMethodEvent>(value),
        "AvailablePaymentMethodsChangeEvent" => as_::<AvailablePaymentMethodsChangeEvent>(value),
        "FetchUpdatesError" => as_::<FetchUpdatesError>(value),
        "PaymentMethod" => as_::<PaymentMethod>(value),
        "LinkAuthenticationChangeEvent" => as_::<LinkAuthenticationChangeEvent>(value),
        "ExpressCheckoutReadyEvent" => as_::<ExpressCheckoutReadyEvent>(value),
        // The typed parts of the Express Checkout Element's answered events (their `resolve`,
        // `reject` and `paymentFailed` are functions the bindings keep as they are).
        "ExpressConfirmEvent" => {
            let field = |name: &str| value.get(name).cloned().unwrap_or(Value::Null);
            as_::<Option<ExpressBillingDetails>>(&field("billingDetails"))
                .and(as_::<Option<ExpressShippingAddress>>(&field("shippingAddress")))
                .and(as_::<Option<ShippingRate>>(&field("shippingRate")))
                .and(as_::<String>(&field("expressPaymentType")))
        }
        "ExpressShippingAddressChangeEvent" => {
            as_::<String>(&value["name"]).and(as_::<ExpressAddress>(&value["address"]))
        }
        "ExpressShippingRateChangeEvent" => as_::<ShippingRate>(&value["shippingRate"]),
        "SetupIntent" => as_::<SetupIntent>(value),
        // handleNextAction's answer: the bindings read whichever intent it has.
        "NextActionAnswer" => match (value.get("paymentIntent"), value.get("setupIntent")) {
            (Some(intent), None) => as_::<PaymentIntent>(intent),
            (None, Some(intent)) => as_::<SetupIntent>(intent),
            _ => Err("neither paymentIntent nor setupIntent".into()),
        },
        other => Err(format!("no Rust type {other} in the conformance test")),
    }
}

/// `{"<group>": {"ts": <Stripe.js type>, "rust": <Rust type>, "samples": [...]}}`.
fn result_samples() -> BTreeMap<String, (String, String, Vec<Value>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/results.json");
    let file: BTreeMap<String, Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    file.into_iter()
        .map(|(group, entry)| {
            let text = |key: &str| entry[key].as_str().unwrap_or_else(|| panic!("{group}.{key}")).to_owned();
            let samples = entry["samples"].as_array().unwrap_or_else(|| panic!("{group}.samples")).clone();
            let (ts, rust) = (text("ts"), text("rust"));
            (group, (ts, rust, samples))
        })
        .collect()
}

fn typescript(sent: &[Sent], results: &BTreeMap<String, (String, String, Vec<Value>)>) -> String {
    let mut ts = String::from(
        "import type * as S from '@stripe/stripe-js';\n\n\
         declare const StripeJs: S.StripeConstructor;\n\
         declare const stripe: S.Stripe;\n\
         declare const elements: S.StripeElements;\n\
         declare const paymentElement: S.StripePaymentElement;\n\
         declare const addressElement: S.StripeAddressElement;\n\
         declare const expressCheckoutElement: S.StripeExpressCheckoutElement;\n\
         declare const messagingElement: S.StripePaymentMethodMessagingElement;\n\n\
         // What the bindings send.\n",
    );
    for sample in sent {
        let call = sample.call.replace('%', &sample.json.to_string());
        ts.push_str(&format!("export const {} = () => {call};\n", sample.name));
    }
    ts.push_str("\n// What the bindings decode.\n");
    for (group, (ts_type, _, samples)) in results {
        for (n, sample) in samples.iter().enumerate() {
            // A type, or a statement in which `%` is the sample (an event handler's parameter).
            match ts_type.contains('%') {
                true => ts.push_str(&format!(
                    "export const {group}_{n} = () => {};\n",
                    ts_type.replace('%', &sample.to_string())
                )),
                false => ts.push_str(&format!("export const {group}_{n}: {ts_type} = {sample};\n")),
            }
        }
    }
    ts
}

/// `tsc --strict --noEmit` on `file`; the compiler's complaints if any.
fn type_check(file: &Path) -> Result<(), String> {
    let root = root();
    let tsc = root.join("node_modules/typescript/bin/tsc");
    assert!(tsc.exists(), "{} is missing: run `npm ci` at the repository root (scripts/setup.sh does)", tsc.display());
    let output = Command::new("node")
        .arg(tsc)
        .args(["--strict", "--noEmit", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler"])
        .args(["--exactOptionalPropertyTypes", "--skipLibCheck", "--lib", "es2022,dom"])
        .arg(file)
        .current_dir(&root)
        .output()
        .expect("node runs tsc");
    if output.status.success() {
        Ok(())
    } else {
        Err(format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)))
    }
}

#[test]
fn what_the_bindings_send_and_read_matches_stripe_js_declarations() {
    let sent = sent_samples();
    let results = result_samples();
    let dir = root().join("target/conformance");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("stripe-js-conformance.ts");
    std::fs::write(&file, typescript(&sent, &results)).unwrap();
    let mut problems = Vec::new();
    if let Err(complaints) = type_check(&file) {
        problems.push(format!("tsc ({}):\n{complaints}", file.display()));
    }
    for (group, (_, rust, samples)) in &results {
        for (n, sample) in samples.iter().enumerate() {
            if let Err(error) = decode(rust, sample) {
                problems.push(format!("{group}_{n} does not decode as {rust}: {error}"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_full_samples_set_every_optional_field() {
    // An optional field added to a struct and left out of its full sample would go unchecked.
    let full = [
        // A deferred-intent group has no client secret (ElementsOptions::check refuses both).
        format!("{:?}", full_elements_options()).replace("client_secret: None", ""),
        format!("{:?}", full_layout()),
        format!("{:?}", full_address_element_options()),
        format!("{:?}", full_confirmation_token_params()),
        format!("{:?}", full_konbini_data()),
        format!("{:?}", full_stripe_options()),
        format!("{:?}", full_app_info()),
        format!("{:?}", full_client_secret_elements_options())
            .replace("mode: None", "")
            .replace("amount: None", "")
            // What a client secret excludes (ElementsOptions::check refuses them with one).
            .replace("setup_future_usage: None", "")
            .replace("capture_method: None", "")
            .replace("allowed_payment_method_types: None", "")
            .replace("excluded_payment_method_types: None", "")
            .replace("on_behalf_of: None", ""),
        format!("{:?}", full_confirm_payment_params()),
        format!("{:?}", full_confirm_setup_params()),
        format!("{:?}", full_payment_method_data()),
        format!("{:?}", full_express_checkout_options()),
        format!("{:?}", full_click_resolve()),
        format!("{:?}", full_messaging_options()),
    ];
    for debug in full {
        assert!(!debug.contains("None"), "a full sample leaves a field unset: {debug}");
    }
}
