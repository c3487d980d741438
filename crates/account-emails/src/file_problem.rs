//! Why a whole file is refused: nothing of it is reviewed and nothing changes.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::headers::HeaderProblem;

/// A refusal of the whole upload. The page words it (from the `problem` code and its fields);
/// [`FileProblem::english`] is this crate's own wording, for the server's logs and clients
/// other than the page.
///
/// ```
/// use account_emails::FileProblem;
/// assert_eq!(
///     serde_json::to_value(FileProblem::TooManyRows { rows: 500_001, max: 500_000 }).unwrap(),
///     serde_json::json!({"problem": "too_many_rows", "rows": 500_001, "max": 500_000})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum FileProblem {
    /// No header row: the file is empty, or only blank lines.
    Empty,
    /// An Excel workbook (.xlsx or .xls), not CSV.
    Workbook,
    /// UTF-16 text (what Excel calls "Unicode Text").
    Utf16,
    /// Bytes that are not UTF-8, first at this (0-based) byte offset, on this (1-based) line.
    NotUtf8 {
        /// The line of the first bad byte.
        line: u32,
        /// Its offset in the file.
        byte: u64,
    },
    /// The header row lacks a required column, misspells it, or has it twice.
    Headers {
        /// Each required column's problem, Account ID first.
        problems: Vec<HeaderProblem>,
    },
    /// A header and no rows.
    NoRows,
    /// More data rows than Comms Center takes in one file: split it ([`split`](crate::split)).
    TooManyRows {
        /// The file's data rows.
        rows: u32,
        /// The most one file may have.
        max: u32,
    },
    /// A quote opened in this (spreadsheet) row is never closed, so the rest of the file
    /// would read as one value.
    UnclosedQuote {
        /// The row the quote opens in.
        row: u32,
    },
}

impl FileProblem {
    /// This crate's own words for the refusal.
    pub fn english(&self) -> String {
        match self {
            Self::Empty => "The file is empty.".into(),
            Self::Workbook => {
                "This is an Excel workbook, not a CSV file: save it as \"CSV UTF-8\" and upload that.".into()
            }
            Self::Utf16 => "This file is UTF-16 text: save it as \"CSV UTF-8\" and upload that.".into(),
            Self::NotUtf8 { line, .. } => {
                format!("The file is not UTF-8 text (line {line}): save it as \"CSV UTF-8\" and upload that.")
            }
            Self::Headers { problems } => {
                let each: Vec<String> = problems.iter().map(HeaderProblem::english).collect();
                format!(
                    "Check that the file's headers match the template's. {} The required columns are \
                     \"Account ID\" with acct_ IDs and \"Email Address (please add or replace)\" with the new emails.",
                    each.join(" ")
                )
            }
            Self::NoRows => "The file has a header but no accounts.".into(),
            Self::TooManyRows { rows, max } => format!(
                "The file has {rows} rows; Comms Center can only process CSV files of up to {max} rows. \
                 Split it into several files."
            ),
            Self::UnclosedQuote { row } => {
                format!("The quoted value that starts in row {row} is never closed: add the closing \".")
            }
        }
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

impl std::error::Error for FileProblem {}
