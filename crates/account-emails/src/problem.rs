//! What is wrong with one row of an upload. A row with a problem changes nothing; the others
//! still count.

use serde::{Deserialize, Serialize};

use crate::columns::Column;
use crate::email::EmailFault;

/// The kind of a row's problem, for the page to word; [`ProblemKind::english`] is this crate's
/// own wording (used in the problems CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum ProblemKind {
    /// The row has more or fewer fields than the header: an unquoted comma in a name, or a
    /// line break that split a row. Its values are not read.
    FieldCount {
        /// The header's fields.
        expected: u32,
        /// This row's.
        found: u32,
    },
    /// An email but no account ID.
    AccountIdMissing,
    /// Not an `acct_` ID ([`is_account_id`](crate::is_account_id)).
    AccountIdMalformed,
    /// Well formed, but not one of this platform's connected accounts.
    AccountUnknown,
    /// The account is in an earlier row too; only that row counts.
    AccountDuplicate {
        /// The earlier row.
        first_row: u32,
    },
    /// The email is not one the upload takes ([`check_email`](crate::check_email)).
    EmailInvalid {
        /// Which rule it breaks.
        fault: EmailFault,
    },
}

impl ProblemKind {
    /// The column the problem is in; `None` for the whole row.
    pub fn column(self) -> Option<Column> {
        match self {
            Self::FieldCount { .. } => None,
            Self::AccountIdMissing
            | Self::AccountIdMalformed
            | Self::AccountUnknown
            | Self::AccountDuplicate { .. } => Some(Column::AccountId),
            Self::EmailInvalid { .. } => Some(Column::Email),
        }
    }

    /// The `problem` code of the JSON form, as the problems CSV writes it.
    pub fn code(self) -> &'static str {
        match self {
            Self::FieldCount { .. } => "field_count",
            Self::AccountIdMissing => "account_id_missing",
            Self::AccountIdMalformed => "account_id_malformed",
            Self::AccountUnknown => "account_unknown",
            Self::AccountDuplicate { .. } => "account_duplicate",
            Self::EmailInvalid { .. } => "email_invalid",
        }
    }

    /// This crate's own words for the problem.
    pub fn english(self) -> String {
        match self {
            Self::FieldCount { expected, found } => format!(
                "This row has {found} fields where the header has {expected}: put values that contain commas in \
                 double quotes."
            ),
            Self::AccountIdMissing => "There is an email but no account ID.".into(),
            Self::AccountIdMalformed => {
                "This is not an account ID: account IDs are acct_ followed by letters and digits.".into()
            }
            Self::AccountUnknown => "None of your connected accounts has this ID.".into(),
            Self::AccountDuplicate { first_row } => {
                format!("This account is already in row {first_row}: only that row is used.")
            }
            Self::EmailInvalid { fault } => match fault {
                EmailFault::NotAscii => "Emails may only have ASCII characters (write a domain in its xn-- form).",
                EmailFault::Whitespace => "Emails have no spaces.",
                EmailFault::TooLong => "Too long for an email (254 characters, 64 before the @).",
                EmailFault::MissingAt => "Emails have an @.",
                EmailFault::ExtraAt => "Emails have only one @.",
                EmailFault::LocalPart => {
                    "The part before the @ has a character emails do not allow, or a misplaced dot."
                }
                EmailFault::Domain => "The part after the @ is not a domain such as example.com.",
            }
            .into(),
        }
    }
}

/// One problem of one row, as it is kept: the value it is about lives in the
/// [`Review`](crate::Review)'s text (see [`Review::problem_value`](crate::Review::problem_value)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowProblem {
    /// The row, as a spreadsheet numbers it (the header is row 1).
    pub row: u32,
    /// What is wrong.
    pub kind: ProblemKind,
    pub(crate) value: crate::review::Span,
}

/// A row problem with its value, as the page lists it.
///
/// ```
/// use account_emails::{Column, EmailFault, ProblemKind, ProblemView};
/// let view = ProblemView {
///     row: 7,
///     column: Some(Column::Email),
///     kind: ProblemKind::EmailInvalid { fault: EmailFault::MissingAt },
///     value: "jane.example.com".into(),
/// };
/// assert_eq!(
///     serde_json::to_value(&view).unwrap(),
///     serde_json::json!({"row": 7, "column": "email", "problem": "email_invalid", "fault": "missing_at",
///                        "value": "jane.example.com"})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProblemView {
    /// The row, as a spreadsheet numbers it (the header is row 1).
    pub row: u32,
    /// The column the problem is in; `None` for the whole row.
    pub column: Option<Column>,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: ProblemKind,
    /// The value in that column, trimmed (at most 256 bytes of it); empty for the whole row.
    pub value: String,
}
