//! Stripe's webhook signatures: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>...]` where each
//! `v1` is HMAC-SHA256 of `"<t>.<raw body>"` keyed with the endpoint secret. Several `v1` may
//! come while secrets are rotated: any match is enough. Checked in constant time, and within
//! five minutes of `t`.

use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const TOLERANCE_SECONDS: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    Missing,
    Malformed,
    NoMatch,
    Stale { age: i64 },
}

impl std::fmt::Display for SignatureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Missing => f.write_str("No Stripe-Signature header."),
            Self::Malformed => f.write_str("The Stripe-Signature header is not t=...,v1=..."),
            Self::NoMatch => f.write_str("No signature matches the payload and the endpoint secret."),
            Self::Stale { age } => write!(f, "The signature is {age} s from now, more than {TOLERANCE_SECONDS} s."),
        }
    }
}

/// Verifies `payload` (the raw body, before any parsing) against `header` at time `now`.
pub fn verify(header: Option<&str>, payload: &[u8], secret: &str, now: i64) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let mut timestamp = None;
    let mut candidates = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = Some(value.parse::<i64>().map_err(|_| SignatureError::Malformed)?),
            Some(("v1", value)) => candidates.push(value),
            Some(_) => {} // v0 and future schemes
            None => return Err(SignatureError::Malformed),
        }
    }
    let (Some(t), false) = (timestamp, candidates.is_empty()) else { return Err(SignatureError::Malformed) };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).map_err(|_| SignatureError::NoMatch)?;
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(payload);
    let matches = candidates
        .iter()
        .filter_map(|candidate| hex::decode(candidate).ok())
        .any(|signature| mac.clone().verify_slice(&signature).is_ok());
    if !matches {
        return Err(SignatureError::NoMatch);
    }
    let age = now - t;
    if age.abs() > TOLERANCE_SECONDS {
        return Err(SignatureError::Stale { age });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // A vector computed outside this code, with Python's standard library:
    //   python3 -c "import hmac,hashlib; print(hmac.new(b'whsec_test_secret',
    //     b'1700000000.{\"id\":\"evt_test\",\"object\":\"event\"}', hashlib.sha256).hexdigest())"
    const SECRET: &str = "whsec_test_secret";
    const PAYLOAD: &str = r#"{"id":"evt_test","object":"event"}"#;
    const T: i64 = 1_700_000_000;
    const V1: &str = "8042376f6ca064adbe037642a718227dfd59047137eb49497a54c49eb0cfb724";

    #[test]
    fn accepts_the_independent_vector() {
        assert_eq!(verify(Some(&format!("t={T},v1={V1}")), PAYLOAD.as_bytes(), SECRET, T + 10), Ok(()));
    }

    #[test]
    fn any_of_several_v1_signatures_will_do_and_v0_is_ignored() {
        let rotating = format!("t={T},v1={},v1={V1},v0=abc", "00".repeat(32));
        assert_eq!(verify(Some(&rotating), PAYLOAD.as_bytes(), SECRET, T), Ok(()));
    }

    #[test]
    fn refuses_missing_malformed_forged_tampered_and_stale() {
        let good = format!("t={T},v1={V1}");
        assert_eq!(verify(None, PAYLOAD.as_bytes(), SECRET, T), Err(SignatureError::Missing));
        for malformed in ["", "garbage", "t=abc,v1=00", &format!("v1={V1}"), &format!("t={T}")] {
            assert_eq!(
                verify(Some(malformed), PAYLOAD.as_bytes(), SECRET, T),
                Err(SignatureError::Malformed),
                "{malformed:?}"
            );
        }
        assert_eq!(verify(Some(&good), PAYLOAD.as_bytes(), "whsec_other", T), Err(SignatureError::NoMatch));
        assert_eq!(
            verify(Some(&good), br#"{"id":"evt_test","object":"event","amount":1}"#, SECRET, T),
            Err(SignatureError::NoMatch)
        );
        assert_eq!(verify(Some(&format!("t={T},v1=zz")), PAYLOAD.as_bytes(), SECRET, T), Err(SignatureError::NoMatch));
        assert_eq!(verify(Some(&good), PAYLOAD.as_bytes(), SECRET, T + 301), Err(SignatureError::Stale { age: 301 }));
        assert_eq!(verify(Some(&good), PAYLOAD.as_bytes(), SECRET, T - 301), Err(SignatureError::Stale { age: -301 }));
        assert_eq!(verify(Some(&good), PAYLOAD.as_bytes(), SECRET, T + 300), Ok(()), "300 s is still in time");
    }
}
