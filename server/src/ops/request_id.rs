//! A request id on every request, in the request's log span (so each line logged for it,
//! Stripe's calls included, carries it) and in the answer's `X-Request-Id`, so that a shopper's
//! report, the proxy's log and this server's meet.
//!
//! The id a proxy in front sent is kept when that proxy is trusted (`CHECKOUT_CLIENT_IP_HEADER`
//! is set: it rewrites what clients send) and the id is a plain token; otherwise the id is made
//! here. A client's own header is never trusted: it would put whatever it likes in the log.

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use rand::Rng;
use rand::distr::Alphanumeric;

pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// Middleware; `trust_proxy`: keep the id a trusted proxy sent.
pub async fn assign(State(trust_proxy): State<bool>, mut request: Request, next: Next) -> Response {
    let given = request.headers().get(&HEADER).filter(|v| trust_proxy && is_request_id(v.as_bytes())).cloned();
    let id = given.unwrap_or_else(new_id);
    request.headers_mut().insert(HEADER, id.clone());
    let mut response = next.run(request).await;
    response.headers_mut().insert(HEADER, id);
    response
}

/// A token a log can hold as it is: 1-128 letters, digits, `-`, `_`, `.` or `:` (UUIDs, nginx's
/// `$request_id`, AWS's and Cloudflare's ids).
pub fn is_request_id(value: &[u8]) -> bool {
    (1..=128).contains(&value.len()) && value.iter().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
}

fn new_id() -> HeaderValue {
    let random: String = rand::rng().sample_iter(&Alphanumeric).take(20).map(char::from).collect();
    HeaderValue::from_str(&format!("req_{random}")).unwrap_or(HeaderValue::from_static("req_unknown"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn made_ids_are_request_ids() {
        assert!(is_request_id(new_id().as_bytes()));
        assert!(is_request_id(b"5f0c1c8e-7c1e-4b8e-9a55-1f2d3c4b5a69"));
        assert!(!is_request_id(b"") && !is_request_id(b"a b") && !is_request_id(&[b'a'; 129]));
    }

    proptest! {
        /// Whatever a header holds, the check answers (and only plain tokens pass).
        #[test]
        fn any_header_value_is_judged_without_panicking(value in proptest::collection::vec(any::<u8>(), 0..200)) {
            let accepted = is_request_id(&value);
            let plain = !value.is_empty() && value.len() <= 128 && value.iter().all(|b| b.is_ascii_graphic());
            prop_assert!(!accepted || plain);
            if accepted {
                prop_assert!(HeaderValue::from_bytes(&value).is_ok());
            }
        }
    }
}
