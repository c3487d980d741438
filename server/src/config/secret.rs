//! A secret from the environment (the session key, the metrics token): never printed, compared
//! in constant time.

use subtle::ConstantTimeEq;

#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Self {
        Self(value)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `given` is this secret; the time taken does not depend on where they differ.
    pub fn matches(&self, given: &str) -> bool {
        self.0.len() == given.len() && bool::from(self.0.as_bytes().ct_eq(given.as_bytes()))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn never_printed_and_matched_exactly() {
        let secret = Secret::new("metrics-token-0123456789".into());
        assert_eq!(format!("{secret:?}"), "<redacted>");
        assert!(secret.matches("metrics-token-0123456789"));
        assert!(!secret.matches("metrics-token-012345678") && !secret.matches("") && !secret.matches("x"));
    }
}
