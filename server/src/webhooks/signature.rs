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
    // Saturating: a signed `t` from the far past or future is stale, never an overflow.
    let age = now.saturating_sub(t);
    if age.saturating_abs() > TOLERANCE_SECONDS {
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

    /// Property tests of the header parser and the check: any header and body get an answer
    /// (never a panic), typed; a body signed as Stripe signs it passes, with its signature among
    /// others and blanks around the parts; any change to the body, or a time outside the
    /// tolerance, fails with the matching error.
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn sign(secret: &str, t: i64, payload: &[u8]) -> String {
            let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
            mac.update(format!("{t}.").as_bytes());
            mac.update(payload);
            hex::encode(mac.finalize().into_bytes())
        }

        proptest! {
            #[test]
            fn any_header_and_body_get_a_typed_answer(header in ".{0,200}", payload in prop::collection::vec(any::<u8>(), 0..200), now in any::<i64>()) {
                let answer = verify(Some(&header), &payload, "whsec_test", now);
                let typed = matches!(answer, Ok(()) | Err(SignatureError::Malformed | SignatureError::NoMatch | SignatureError::Stale { .. }));
                prop_assert!(typed, "{:?}", answer);
            }

            #[test]
            fn headers_shaped_like_stripe_s_get_a_typed_answer(
                parts in prop::collection::vec(("(t|v1|v0|x)", "[0-9a-fA-Fz-]{0,70}"), 0..5),
                separator in "[ ,]{1,3}",
            ) {
                let header = parts.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(&separator);
                let _ = verify(Some(&header), b"{}", "whsec_test", 1_700_000_000);
            }

            #[test]
            fn what_stripe_signs_passes_and_nothing_else(
                payload in prop::collection::vec(any::<u8>(), 0..300),
                secret in "whsec_[A-Za-z0-9]{1,40}",
                t in 0..4_000_000_000_i64,
                drift in -TOLERANCE_SECONDS..=TOLERANCE_SECONDS,
                others in prop::collection::vec("[0-9a-f]{64}", 0..3),
                position in any::<prop::sample::Index>(),
                flip in any::<prop::sample::Index>(),
            ) {
                let mut v1: Vec<String> = others.iter().map(|o| format!("v1={o}")).collect();
                v1.insert(position.index(v1.len() + 1), format!("v1={}", sign(&secret, t, &payload)));
                let header = format!("t={t}, {}", v1.join(" ,"));
                prop_assert_eq!(verify(Some(&header), &payload, &secret, t + drift), Ok(()));
                prop_assert_eq!(
                    verify(Some(&header), &payload, &secret, t + TOLERANCE_SECONDS + 1 + drift.abs()),
                    Err(SignatureError::Stale { age: TOLERANCE_SECONDS + 1 + drift.abs() })
                );
                prop_assert_eq!(verify(Some(&header), &payload, &format!("{secret}x"), t), Err(SignatureError::NoMatch));
                if !payload.is_empty() {
                    let mut tampered = payload.clone();
                    let i = flip.index(tampered.len());
                    tampered[i] ^= 0x01;
                    prop_assert_eq!(verify(Some(&header), &tampered, &secret, t), Err(SignatureError::NoMatch));
                }
                let mut longer = payload.clone();
                longer.push(b' ');
                prop_assert_eq!(verify(Some(&header), &longer, &secret, t), Err(SignatureError::NoMatch));
            }
        }
    }
}
