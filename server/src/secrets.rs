//! A PaymentIntent's client secret is the shopper's credential for one payment. The server
//! keeps only its SHA-256, so that it can check a secret without asking Stripe (and without a
//! database that leaks secrets), in constant time (`subtle`), and takes the same path for an
//! unknown payment as for a wrong secret.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Hex SHA-256 of `secret`.
pub fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Whether `given` is the secret whose hash is `expected`. With no `expected` (an unknown
/// payment) the same comparison is made against a value no hash equals.
pub fn matches(expected: Option<&str>, given: &str) -> bool {
    const NOTHING: &str = "not-a-sha256-not-a-sha256-not-a-sha256-not-a-sha256-not-a-sha256";
    let known = expected.is_some();
    let same: bool = hash(given).as_bytes().ct_eq(expected.unwrap_or(NOTHING).as_bytes()).into();
    same && known
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_secret_itself_matches() {
        let stored = hash("pi_1_secret_abc");
        assert!(matches(Some(&stored), "pi_1_secret_abc"));
        assert!(!matches(Some(&stored), "pi_1_secret_abd"));
        assert!(!matches(Some(&stored), ""));
        assert!(!matches(None, "pi_1_secret_abc"));
        assert_eq!(stored.len(), 64);
    }
}
