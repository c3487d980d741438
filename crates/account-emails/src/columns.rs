//! The columns of Emails.csv, spelled as Stripe's Comms Center spells them (seeds/000_*).

use serde::{Deserialize, Serialize};

/// The connected account's `acct_` ID: required on upload.
pub const ACCOUNT_ID: &str = "Account ID";
/// For the operator's eyes only: ignored on upload.
pub const BUSINESS_NAME: &str = "Business Name";
/// For the operator's eyes only: ignored on upload.
pub const FIRST_NAME: &str = "First Name";
/// For the operator's eyes only: ignored on upload.
pub const LAST_NAME: &str = "Last Name";
/// The email to set: required on upload; empty means "no change".
pub const EMAIL: &str = "Email Address (please add or replace)";
/// ✔ or ✗, for the operator's eyes only: ignored on upload. The seed's header has no
/// "(✔ / ✗)" after it; the upload accepts that spelling too (it ignores the column anyway).
pub const CLAIMED: &str = "User has claimed primary user email address";

/// The template's columns, in the template's order.
pub const TEMPLATE_COLUMNS: [&str; 6] = [ACCOUNT_ID, BUSINESS_NAME, FIRST_NAME, LAST_NAME, EMAIL, CLAIMED];

/// The two columns an upload is read by; a problem names one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Column {
    /// [`ACCOUNT_ID`].
    AccountId,
    /// [`EMAIL`].
    Email,
}

impl Column {
    /// The header as the template spells it.
    pub fn header(self) -> &'static str {
        match self {
            Self::AccountId => ACCOUNT_ID,
            Self::Email => EMAIL,
        }
    }
}
