//! What a connected account's ID looks like.

/// Every connected account's ID starts so.
const PREFIX: &str = "acct_";
/// Stripe's object IDs are at most 255 characters.
const MAX_LEN: usize = 255;

/// `acct_` and then ASCII letters and digits, 255 characters at most: the shape of every
/// connected account ID (`acct_1MqDeF2eZvKYlo2C`; the seed's `acct_123abc`). Whether this
/// platform has such an account is [`KnownAccounts`](crate::KnownAccounts)' call.
///
/// ```
/// use account_emails::is_account_id;
/// assert!(is_account_id("acct_123abc"));
/// assert!(!is_account_id("acct_"));
/// assert!(!is_account_id("cus_123abc"));
/// ```
pub fn is_account_id(id: &str) -> bool {
    id.len() <= MAX_LEN
        && id
            .strip_prefix(PREFIX)
            .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_stripe_shaped_ids() {
        assert!(is_account_id("acct_1MqDeF2eZvKYlo2C"));
        assert!(is_account_id("acct_456def"));
        assert!(is_account_id(&format!("acct_{}", "a".repeat(250))));
    }

    #[test]
    fn refuses_everything_else() {
        for id in [
            "",
            "acct_",
            "acct",
            "ACCT_123",
            "acct-123",
            "acct_12 3",
            " acct_123",
            "acct_123_",
            "acct_12ä",
            "cus_123abc",
            "123abc",
        ] {
            assert!(!is_account_id(id), "{id:?}");
        }
        assert!(!is_account_id(&format!("acct_{}", "a".repeat(251))));
    }
}
