//! Security headers on every answer. The Content-Security-Policy allows exactly what Stripe
//! documents for Stripe.js and Elements (scripts from js.stripe.com, frames from js.stripe.com
//! and hooks.stripe.com, calls to api.stripe.com), the stand-in's origin when offline, the
//! page's own files, WebAssembly compilation, and the inline bootstrap Trunk writes into each
//! page's index.html by its SHA-256 (computed here from the built files): nothing else inline.
//! frame-ancestors comes from `CHECKOUT_EMBED_ORIGINS` ('none' by default: no clickjacking).

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::Config;

#[derive(Debug, Clone)]
pub struct SecurityHeaders {
    csp: HeaderValue,
    /// No embedding allowed: also say so to browsers that predate frame-ancestors.
    deny_frames: bool,
}

impl SecurityHeaders {
    pub fn new(config: &Config) -> Result<Self, String> {
        let hashes: Vec<String> =
            crate::assets::templates(&config.dist_dir).iter().flat_map(|page| inline_script_hashes(page)).collect();
        let csp = policy(&config.stripe.stand_in_origins(), &hashes, &config.embed_origins);
        let csp = HeaderValue::from_str(&csp).map_err(|e| format!("Content-Security-Policy: {e}"))?;
        Ok(Self { csp, deny_frames: config.embed_origins.is_empty() })
    }
}

fn policy(stand_in: &[String], script_hashes: &[String], embed_origins: &[String]) -> String {
    let stand_in = stand_in.join(" ");
    let hashes = script_hashes.iter().map(|h| format!("'sha256-{h}'")).collect::<Vec<_>>().join(" ");
    let ancestors = if embed_origins.is_empty() { "'none'".to_owned() } else { embed_origins.join(" ") };
    [
        "default-src 'self'".to_owned(),
        format!(
            "script-src 'self' 'wasm-unsafe-eval' https://js.stripe.com https://*.js.stripe.com {stand_in} {hashes}"
        ),
        // checkout.stripe.com: Stripe's Embedded Checkout (`/embedded`).
        format!(
            "frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com https://checkout.stripe.com {stand_in}"
        ),
        format!("connect-src 'self' https://api.stripe.com {stand_in}"),
        "img-src 'self' data: https://*.stripe.com".to_owned(),
        "style-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'none'".to_owned(),
        "form-action 'self'".to_owned(),
        format!("frame-ancestors {ancestors}"),
    ]
    .map(|directive| directive.split_whitespace().collect::<Vec<_>>().join(" "))
    .join("; ")
}

/// Base64 SHA-256 of each inline `<script>` (one without `src`) of an HTML page.
fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else { break };
        let tag = &rest[..open_end];
        let Some(close) = rest.find("</script>") else { break };
        if !tag.contains(" src=") && close > open_end {
            let body = &rest[open_end + 1..close];
            hashes.push(base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes())));
        }
        rest = &rest[close + "</script>".len()..];
    }
    hashes
}

/// The page reached the browser over https (TLS ends at a proxy in front, which says so).
pub fn is_https(headers: &HeaderMap) -> bool {
    headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()).is_some_and(|p| p.eq_ignore_ascii_case("https"))
}

pub async fn add(State(headers): State<SecurityHeaders>, request: Request, next: Next) -> Response {
    let https = is_https(request.headers());
    let mut response = next.run(request).await;
    let set = response.headers_mut();
    set.insert(CONTENT_SECURITY_POLICY, headers.csp.clone());
    // Client secrets travel in /complete's query string: never to another site.
    set.insert(REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    set.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if headers.deny_frames {
        set.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    if https {
        set.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts_exactly_as_written() {
        let html = "<script src=\"/a.js\"></script><script type=\"module\">\nimport init from '/x.js';\n</script>";
        let expected =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"\nimport init from '/x.js';\n"));
        assert_eq!(inline_script_hashes(html), vec![expected]);
        assert!(inline_script_hashes("<p>no scripts</p>").is_empty());
    }

    #[test]
    fn the_policy_names_stripe_the_stand_in_and_who_may_frame() {
        let csp = policy(&["http://127.0.0.1:12111".into()], &["abc=".into()], &[]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' https://js.stripe.com https://*.js.stripe.com http://127.0.0.1:12111 'sha256-abc='"), "{csp}");
        assert!(csp.contains(
            "frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com https://checkout.stripe.com http://127.0.0.1:12111"
        ));
        assert!(csp.contains("connect-src 'self' https://api.stripe.com http://127.0.0.1:12111"));
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
        let embedded = policy(&[], &[], &["https://shop.example".into()]);
        assert!(embedded.contains("frame-ancestors https://shop.example"), "{embedded}");
        assert!(
            embedded.contains("script-src 'self' 'wasm-unsafe-eval' https://js.stripe.com https://*.js.stripe.com;")
        );
    }
}
