//! The built app, delivered as a web-performance engineer would:
//!
//! - every hashed asset (Trunk names them `name-<hash>.ext`) precompressed at build time
//!   (`scripts/precompress.mjs`: `.br`, `.gz`), sent with `Content-Encoding` when the browser
//!   takes it, `Cache-Control: immutable` for a year, an ETag and 304s (tower-http's ServeDir,
//!   whose precompressed variants and `Last-Modified` handling this builds on);
//! - `index.html` filled in once at start: the page's configuration inline (no round trip
//!   before the checkout can start), Stripe.js preloaded and Stripe's origins preconnected (so
//!   the wasm, Stripe.js and the config arrive in parallel, not as a chain), and the page's
//!   skeleton already in the HTML. Sent compressed, `no-cache` with an ETag: revalidated, never
//!   stale.

use std::io::Write;
use std::path::Path;

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use checkout_api::ConfigResponse;
use sha2::{Digest, Sha256};

use crate::config::StripeConfig;

/// Where the inline configuration goes, and the skeleton.
const CONFIG_MARKER: &str = "</head>";
const BODY_MARKER: &str = "<body>";

/// `index.html` as every visitor gets it, in each encoding.
#[derive(Debug, Clone)]
pub struct Index {
    identity: Vec<u8>,
    brotli: Vec<u8>,
    gzip: Vec<u8>,
    etag: HeaderValue,
}

impl Index {
    /// Fills in `template` (Trunk's `index.html`) with the configuration every visitor shares
    /// and the hints that start Stripe.js at once.
    pub fn render(template: &str, config: &ConfigResponse, stripe: &StripeConfig) -> Result<Self, String> {
        let json = serde_json::to_string(config).map_err(|e| e.to_string())?;
        // The page's language, for its reader and assistive technology, before the wasm runs.
        let template = template.replacen("<html lang=\"en\">", &format!("<html lang=\"{}\">", config.locale), 1);
        let tr = |english: &str| config.texts.get(english).map_or_else(|| english.to_owned(), |t| attribute(t));
        let skeleton = SKELETON
            .replace("Secure checkout", &tr("Secure checkout"))
            .replace("Loading checkout", &tr("Loading checkout"));
        // Inside <script>, "</script" must not appear: JSON may say it as \u003c.
        let json = json.replace('<', "\\u003c");
        let mut head = String::new();
        for origin in stripe_origins(stripe) {
            head.push_str(&format!("<link rel=\"preconnect\" href=\"{origin}\">\n"));
        }
        head.push_str(&format!("<link rel=\"preload\" href=\"{}\" as=\"script\">\n", attribute(&stripe.js_url)));
        head.push_str(&format!("<script type=\"application/json\" id=\"checkout-config\">{json}</script>\n"));
        let html = template.replacen(CONFIG_MARKER, &format!("{head}{CONFIG_MARKER}"), 1).replacen(
            BODY_MARKER,
            &format!("{BODY_MARKER}\n{skeleton}"),
            1,
        );
        let identity = html.into_bytes();
        let etag = format!("\"{}\"", &hex::encode(Sha256::digest(&identity))[..32]);
        Ok(Self {
            brotli: brotli(&identity)?,
            gzip: gzip(&identity)?,
            identity,
            etag: HeaderValue::from_str(&etag).map_err(|e| e.to_string())?,
        })
    }

    /// The page for a request: 304 if the browser has it, else the best encoding it takes.
    pub fn respond(&self, headers: &HeaderMap) -> Response {
        let mut response = if headers.get(IF_NONE_MATCH).is_some_and(|tag| tag == self.etag) {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let (body, encoding) = match accepted(headers) {
                Encoding::Brotli => (self.brotli.clone(), Some("br")),
                Encoding::Gzip => (self.gzip.clone(), Some("gzip")),
                Encoding::Identity => (self.identity.clone(), None),
            };
            let mut response = Response::new(Body::from(body));
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            if let Some(encoding) = encoding {
                response.headers_mut().insert(CONTENT_ENCODING, HeaderValue::from_static(encoding));
            }
            response
        };
        let set = response.headers_mut();
        set.insert(ETAG, self.etag.clone());
        set.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        set.insert(VARY, HeaderValue::from_static("accept-encoding, accept-language"));
        response
    }
}

/// The pages of the app, each an entry of its own (`scripts/build-app.sh`): the card checkout
/// at `/` from `dist/index.html`, and each other page at `/<page>` from `dist/<page>/` (a page's
/// path may have several segments: `/operator/emails` from `dist/operator/emails/`).
///
/// Each in every language of `checkout_api::texts::LOCALES`, chosen per request
/// (`routes::requested_locale`: `?lang=`, else `Accept-Language`).
#[derive(Debug, Clone)]
pub struct Pages {
    by_locale: Vec<(&'static str, Documents)>,
}

/// The pages in one language.
#[derive(Debug, Clone)]
struct Documents {
    checkout: Index,
    others: Vec<(&'static str, Index)>,
}

/// The embedded checkout's files (`/embed/...`, README Embedding) are loaded by merchants' pages
/// on other origins: the loader and the module it imports are ES modules and the wasm is
/// compiled as it streams, and a browser does each across origins only with CORS. They are
/// public files (nothing of a shopper's, no cookie): any origin may read them.
pub async fn embed_cors(request: Request, next: axum::middleware::Next) -> Response {
    let embed = request.uri().path().starts_with("/embed/");
    let mut response = next.run(request).await;
    if embed {
        response.headers_mut().insert(axum::http::header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    }
    response
}

/// The pages besides the card checkout, by path (without the leading `/`).
pub const OTHER_PAGES: [&str; 6] =
    ["konbini", "complete", "embedded", "operator/emails", "operator/bnpl", "marketplace"];

impl Pages {
    /// Reads the built pages; a page missing from the build is served by the checkout's
    /// document (development builds), a missing build by an empty page (the API still works).
    pub fn from_dist(dist: &Path, config: &ConfigResponse, stripe: &StripeConfig) -> Result<Self, String> {
        let by_locale = checkout_api::texts::LOCALES
            .iter()
            .map(|locale| {
                let config = crate::routes::localized(config.clone(), locale);
                Documents::from_dist(dist, &config, stripe).map(|documents| (*locale, documents))
            })
            .collect::<Result<_, _>>()?;
        Ok(Self { by_locale })
    }

    /// The document for `path` in `locale`: see [`Documents::for_path`].
    pub fn for_path(&self, path: &str, locale: &str) -> Option<&Index> {
        let (_, documents) = self.by_locale.iter().find(|(l, _)| *l == locale).unwrap_or(&self.by_locale[0]);
        documents.for_path(path)
    }
}

impl Documents {
    fn from_dist(dist: &Path, config: &ConfigResponse, stripe: &StripeConfig) -> Result<Self, String> {
        let read = |path: std::path::PathBuf| std::fs::read_to_string(path).ok();
        let root = read(dist.join("index.html")).unwrap_or_default();
        let mut others = Vec::new();
        for page in OTHER_PAGES {
            let template = read(dist.join(page).join("index.html")).unwrap_or_else(|| root.clone());
            others.push((page, Index::render(&template, config, stripe)?));
        }
        Ok(Self { checkout: Index::render(&root, config, stripe)?, others })
    }

    /// The document for `path`: `/` (and `/index.html`), `/<page>` and below; `None` for any
    /// other path.
    fn for_path(&self, path: &str) -> Option<&Index> {
        if path == "/" || path == "/index.html" {
            return Some(&self.checkout);
        }
        let path = path.trim_start_matches('/');
        // Whole segments only: `/operator/emails/x` is the page, `/operator/emailsx` is not.
        let under = |page: &str| path.strip_prefix(page).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
        self.others.iter().find(|(page, _)| under(page)).map(|(_, index)| index)
    }
}

/// Every built page's document template (for the Content-Security-Policy's script hashes).
pub fn templates(dist: &Path) -> Vec<String> {
    std::iter::once(dist.join("index.html"))
        .chain(OTHER_PAGES.iter().map(|page| dist.join(page).join("index.html")))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect()
}

/// A page of the app, or 404 for a path that is none of them.
pub async fn page(pages: std::sync::Arc<Pages>, request: Request) -> Response {
    let locale = crate::routes::requested_locale(request.uri().query(), request.headers());
    match pages.for_path(request.uri().path(), locale) {
        Some(index) => index.respond(request.headers()),
        None => (
            StatusCode::NOT_FOUND,
            [(CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!doctype html><title>Not found</title><p>This page does not exist. <a href=\"/\">Go to the checkout</a></p>",
        )
            .into_response(),
    }
}

/// The page's shape before the wasm runs: the app's header and `CheckoutSkeleton`, which the
/// app puts in its place when it starts.
const SKELETON: &str = r#"<div id="boot-skeleton">
<header class="site-header"><a class="brand" href="/">Ferris &amp; Co.</a><span class="secure">Secure checkout</span></header>
<main class="page"><div class="checkout skeleton" aria-busy="true" aria-label="Loading checkout">
<section class="order-summary"><div class="bone wide"></div><div class="bone"></div><div class="bone"></div></section>
<section class="payment"><div class="bone tall"></div><div class="bone button"></div></section>
</div></main>
</div>"#;

/// Stripe's origins the page will reach (or the stand-in's).
fn stripe_origins(stripe: &StripeConfig) -> Vec<String> {
    let mut origins = stripe.stand_in_origins();
    if origins.is_empty() {
        origins = vec!["https://js.stripe.com".into(), "https://api.stripe.com".into()];
    }
    origins
}

fn attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

/// Brotli if the browser takes it (Chromium asks for it over https only), then gzip.
fn accepted(headers: &HeaderMap) -> Encoding {
    let accepted = headers.get(ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let takes = |name: &str| {
        accepted.split(',').any(|part| {
            let mut pieces = part.trim().split(';');
            pieces.next().is_some_and(|coding| coding.trim().eq_ignore_ascii_case(name))
                && !pieces.any(|p| p.trim().replace(' ', "") == "q=0")
        })
    };
    if takes("br") {
        Encoding::Brotli
    } else if takes("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
    writer.write_all(bytes).map_err(|e| e.to_string())?;
    drop(writer);
    Ok(out)
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

/// Trunk's content-hashed file names (`checkout-app-1a2b3c4d5e6f7a8b_bg.wasm`): they never
/// change content, so browsers may keep them for a year without asking.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default().trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Middleware over the static files: hashed assets are immutable, with an ETag from their
/// hash (the same for every encoding, so weak) and 304 when the browser has it. Code that is
/// not named by content (a page's Web Worker, which Trunk names by its bin so that the page can
/// start it by name) is `no-cache`: revalidated (ServeDir's `Last-Modified`) on every start, so
/// that a page never talks to the worker of an older build.
pub async fn cache_headers(request: Request, next: axum::middleware::Next) -> Response {
    let path = request.uri().path().to_owned();
    if !is_hashed_asset(&path) {
        let mut response = next.run(request).await;
        let code = path.ends_with(".js") || path.ends_with(".wasm");
        if code && response.status().is_success() && !response.headers().contains_key(CACHE_CONTROL) {
            response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        }
        return response;
    }
    let etag = HeaderValue::from_str(&format!("W/\"{}\"", path.rsplit('/').next().unwrap_or_default()))
        .unwrap_or(HeaderValue::from_static("W/\"asset\""));
    let cached = request.headers().get(IF_NONE_MATCH).is_some_and(|tag| tag == etag);
    let mut response = if cached { StatusCode::NOT_MODIFIED.into_response() } else { next.run(request).await };
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        let set = response.headers_mut();
        set.insert(CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
        set.insert(ETAG, etag);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_names_are_immutable_others_are_not() {
        assert!(is_hashed_asset("/checkout-app-191f9cad183c0720_bg.wasm"));
        assert!(is_hashed_asset("/checkout-app-191f9cad183c0720.js"));
        assert!(is_hashed_asset("/main-e276f8ff6758f570.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/complete"));
        assert!(!is_hashed_asset("/favicon-x.ico"));
    }

    #[test]
    fn encodings_follow_accept_encoding() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            accepted(&headers)
        };
        assert!(matches!(with("gzip, deflate, br, zstd"), Encoding::Brotli));
        assert!(matches!(with("gzip, deflate"), Encoding::Gzip));
        assert!(matches!(with("br;q=0, gzip"), Encoding::Gzip));
        assert!(matches!(with("identity"), Encoding::Identity));
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            /// Any Accept-Encoding a browser (or anyone) sends picks an encoding; one that names
            /// br without `q=0` gets brotli.
            #[test]
            fn any_accept_encoding_picks_an_encoding(value in "[ -~]{0,80}", with_br in any::<bool>()) {
                let value = if with_br { format!("{value}, br") } else { value };
                let Ok(header) = HeaderValue::from_str(&value) else { return Ok(()) };
                let mut headers = HeaderMap::new();
                headers.insert(ACCEPT_ENCODING, header);
                let picked = accepted(&headers);
                if with_br {
                    prop_assert!(matches!(picked, Encoding::Brotli));
                }
            }

            /// Any path is judged hashed or not without panicking; Trunk's names are.
            #[test]
            fn any_path_is_judged(path in ".{0,80}", stem in "[a-z-]{1,20}", hash in "[0-9a-f]{16}") {
                let _ = is_hashed_asset(&path);
                let name = format!("/{stem}-{hash}_bg.wasm");
                prop_assert!(is_hashed_asset(&name), "{}", name);
            }
        }
    }
}
