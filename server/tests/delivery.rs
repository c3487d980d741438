//! How the built app reaches browsers: compressed at build time, cached for ever when hashed,
//! revalidated when not, the configuration inline and Stripe.js started with the HTML.

mod common;

use common::Stack;
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH};

const WASM: &str = "checkout-app-0123456789abcdef_bg.wasm";
/// A chunk of a split point (scripts/post-build.mjs), fetched by the split loader.
const CHUNK: &str = "split_pay-fedcba9876543210.wasm";

/// A dist/ as Trunk and scripts/precompress.mjs leave it.
fn built_app() -> std::path::PathBuf {
    let dist = common::temp_path("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><html><head><title>Checkout</title></head><body></body></html>",
    )
    .unwrap();
    std::fs::create_dir_all(dist.join("konbini")).unwrap();
    std::fs::write(
        dist.join("konbini/index.html"),
        "<!doctype html><html><head><title>Konbini</title></head><body></body></html>",
    )
    .unwrap();
    // A page two segments deep (`/operator/emails`).
    std::fs::create_dir_all(dist.join("operator/emails")).unwrap();
    std::fs::write(
        dist.join("operator/emails/index.html"),
        "<!doctype html><html><head><title>Operator emails</title></head><body></body></html>",
    )
    .unwrap();
    // The embedded checkout's loader (a stable name) and a module it imports (README, Embedding).
    std::fs::create_dir_all(dist.join("embed")).unwrap();
    std::fs::write(dist.join("embed/embed.js"), b"export {}").unwrap();
    std::fs::write(dist.join("embed/embed-0123456789abcdef.js"), b"export {}").unwrap();
    // Its Web Worker, named by its bin (Trunk's worker naming), not by content.
    std::fs::write(dist.join("operator/emails/operator_emails_worker.js"), b"importScripts()").unwrap();
    for wasm in [WASM, CHUNK] {
        std::fs::write(dist.join(wasm), b"\0asm plain").unwrap();
        std::fs::write(dist.join(format!("{wasm}.br")), b"brotli bytes").unwrap();
        std::fs::write(dist.join(format!("{wasm}.gz")), b"gzip bytes").unwrap();
    }
    dist
}

async fn stack() -> Stack {
    let sim = stripe_sim::spawn_on_loopback().await.unwrap();
    let server = common::start_server_with(&sim, &[("CHECKOUT_DIST", built_app().display().to_string())]).await;
    Stack::new(server, sim)
}

#[tokio::test]
async fn hashed_assets_are_precompressed_immutable_and_revalidated_by_etag() {
    let stack = stack().await;
    // The page's wasm, and a split point's chunk (loaded later, named by content the same way).
    for wasm in [WASM, CHUNK] {
        let url = format!("{}/{wasm}", stack.server);
        let get = |encoding: &'static str| stack.http.get(&url).header(ACCEPT_ENCODING, encoding).send();
        for (accept, encoding, body) in [
            ("gzip, deflate, br", Some("br"), "brotli bytes"),
            ("gzip", Some("gzip"), "gzip bytes"),
            ("identity", None, "\0asm plain"),
        ] {
            let response = get(accept).await.unwrap();
            assert_eq!(response.status(), 200);
            let headers = response.headers().clone();
            assert_eq!(headers.get(CONTENT_ENCODING).map(|v| v.to_str().unwrap()), encoding, "{wasm} {accept}");
            assert_eq!(headers[CONTENT_TYPE], "application/wasm", "streaming compilation needs it");
            assert_eq!(headers[CACHE_CONTROL], "public, max-age=31536000, immutable");
            assert_eq!(response.bytes().await.unwrap(), body.as_bytes());
        }
        let etag = get("br").await.unwrap().headers()[ETAG].clone();
        let again = stack.http.get(&url).header(IF_NONE_MATCH, etag).send().await.unwrap();
        assert_eq!(again.status(), 304);
    }
}

#[tokio::test]
async fn index_html_carries_the_configuration_starts_stripe_js_and_is_revalidated() {
    let stack = stack().await;
    let response = stack.http.get(format!("{}/", stack.server)).header(ACCEPT_ENCODING, "gzip").send().await.unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers[CACHE_CONTROL], "no-cache");
    assert_eq!(headers[CONTENT_ENCODING], "gzip");
    assert_eq!(response.bytes().await.unwrap()[..2], [0x1f, 0x8b], "gzip, compressed once at start");
    let plain = stack.http.get(format!("{}/complete?x=1", stack.server)).send().await.unwrap();
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    let html = plain.text().await.unwrap();
    assert!(
        html.contains(&format!(r#"<link rel="preload" href="{}/endive/stripe.js" as="script">"#, stack.sim)),
        "{html}"
    );
    assert!(html.contains(&format!(r#"<link rel="preconnect" href="{}">"#, stack.sim)));
    let config = html.split(r#"<script type="application/json" id="checkout-config">"#).nth(1).unwrap();
    let config: serde_json::Value = serde_json::from_str(config.split("</script>").next().unwrap()).unwrap();
    assert_eq!((config["publishableKey"].as_str(), config["cart"]["total"].as_i64()), (Some(common::PK), Some(5098)));
    assert!(config.get("customerSessionClientSecret").is_none(), "nothing personal in the shared page");
    assert!(html.contains(r#"id="boot-skeleton""#), "the page's shape before the wasm runs");
    let again =
        stack.http.get(format!("{}/", stack.server)).header(IF_NONE_MATCH, headers[ETAG].clone()).send().await.unwrap();
    assert_eq!(again.status(), 304);
}

#[tokio::test]
async fn each_page_is_its_own_document_and_other_paths_are_404() {
    let stack = stack().await;
    for path in ["/konbini", "/konbini/", "/konbini/index.html"] {
        let html = stack.http.get(format!("{}{path}", stack.server)).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("<title>Konbini</title>") && html.contains("checkout-config"), "{path}: {html}");
    }
    for path in ["/operator/emails", "/operator/emails/", "/operator/emails/index.html"] {
        let html = stack.http.get(format!("{}{path}", stack.server)).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("<title>Operator emails</title>"), "{path}: {html}");
    }
    let checkout = stack.http.get(format!("{}/", stack.server)).send().await.unwrap().text().await.unwrap();
    assert!(checkout.contains("<title>Checkout</title>"));
    // The worker, not named by content, is revalidated on every start: never an older build's.
    let worker =
        stack.http.get(format!("{}/operator/emails/operator_emails_worker.js", stack.server)).send().await.unwrap();
    assert_eq!(worker.status(), 200);
    assert_eq!(worker.headers()[CACHE_CONTROL], "no-cache");
    assert!(worker.headers().contains_key(reqwest::header::LAST_MODIFIED));
    for path in ["/nope", "/operator", "/operator/emailsx"] {
        let missing = stack.http.get(format!("{}{path}", stack.server)).send().await.unwrap();
        assert_eq!(missing.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn the_embed_files_load_from_any_origin_and_the_loader_is_revalidated() {
    let stack = stack().await;
    let get =
        |path: &str| stack.http.get(format!("{}{path}", stack.server)).header("Origin", "https://shop.example").send();
    for (path, cache) in
        [("/embed/embed.js", "no-cache"), ("/embed/embed-0123456789abcdef.js", "public, max-age=31536000, immutable")]
    {
        let response = get(path).await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        let headers = response.headers();
        // ES modules and streamed wasm across origins need CORS; the files are public.
        assert_eq!(headers["access-control-allow-origin"], "*", "{path}");
        assert!(headers.get("access-control-allow-credentials").is_none(), "{path}");
        assert_eq!(headers[CACHE_CONTROL], cache, "{path}");
        assert!(headers[CONTENT_TYPE].to_str().unwrap().starts_with("text/javascript"), "{path}");
    }
    // Nothing else is opened to other origins this way: the app's own files and pages.
    for path in ["/", &format!("/{WASM}")] {
        let response = get(path).await.unwrap();
        assert!(response.headers().get("access-control-allow-origin").is_none(), "{path}");
    }
}
