//! The bulk update's results as a download: one row per account of the job, what Stripe did
//! with its new email (`updated`, `failed` with Stripe's reason, or `pending` while it runs).

use std::io::{self, Write};

use crate::csv_write::{CRLF, UTF8_BOM, write_field, write_text_field};

/// The name the results are offered under.
pub const RESULTS_FILE_NAME: &str = "Email updates.csv";

/// The results file's header line.
pub const RESULTS_HEADER: &str = "Account ID,Email Address,Status,Error";

/// Starts the file: a UTF-8 byte order mark and the header line.
pub fn write_results_header(out: &mut impl Write) -> io::Result<()> {
    out.write_all(UTF8_BOM)?;
    out.write_all(RESULTS_HEADER.as_bytes())?;
    out.write_all(CRLF)
}

/// Writes one account's result, CRLF-terminated. The error is Stripe's words: written as text
/// a spreadsheet will not run.
///
/// ```
/// let mut out = Vec::new();
/// account_emails::write_result_row(&mut out, "acct_1", "a@example.com", "failed", Some("No such account, sorry")).unwrap();
/// assert_eq!(out, b"acct_1,a@example.com,failed,\"No such account, sorry\"\r\n");
/// ```
pub fn write_result_row(
    out: &mut impl Write,
    account_id: &str,
    email: &str,
    status: &str,
    error: Option<&str>,
) -> io::Result<()> {
    write_field(out, account_id)?;
    out.write_all(b",")?;
    write_text_field(out, email)?;
    out.write_all(b",")?;
    write_field(out, status)?;
    out.write_all(b",")?;
    write_text_field(out, error.unwrap_or_default())?;
    out.write_all(CRLF)
}
