//! The problems as a CSV file: the page shows the first 100 and offers all of them as a
//! download.

use crate::csv_write::{CRLF, UTF8_BOM, write_field, write_text_field};
use crate::review::Review;

/// The name the download is offered under.
pub const PROBLEMS_FILE_NAME: &str = "Emails_problems.csv";

/// The problems file's header.
pub const PROBLEMS_HEADER: &str = "Row,Column,Problem,Value,Message";

/// Every row problem of a review as CSV (UTF-8 with a byte order mark, CRLF): its row, the
/// column's header (empty for a whole-row problem), the problem's code (as in the JSON form), the
/// value it is about, and this crate's English message. A value that a spreadsheet would run as
/// a formula is written with a leading `'`.
///
/// ```
/// use account_emails::{KnownAccounts, problems_csv, validate};
/// let known: KnownAccounts = [("acct_1", None)].into_iter().collect();
/// let file = "Account ID,Email Address (please add or replace)\nacct_2,a@example.com\n";
/// let csv = problems_csv(&validate(file.as_bytes(), &known, |_| {}).unwrap());
/// assert_eq!(
///     String::from_utf8(csv).unwrap(),
///     "\u{feff}Row,Column,Problem,Value,Message\r\n\
///      2,Account ID,account_unknown,acct_2,None of your connected accounts has this ID.\r\n"
/// );
/// ```
pub fn problems_csv(review: &Review) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * (review.problems().len() + 1));
    out.extend_from_slice(UTF8_BOM);
    out.extend_from_slice(PROBLEMS_HEADER.as_bytes());
    out.extend_from_slice(CRLF);
    for problem in review.problems() {
        // Writing into a Vec cannot fail.
        let _ = write_row(&mut out, review, problem);
    }
    out
}

fn write_row(out: &mut Vec<u8>, review: &Review, problem: &crate::RowProblem) -> std::io::Result<()> {
    out.extend_from_slice(problem.row.to_string().as_bytes());
    out.push(b',');
    write_field(out, problem.kind.column().map_or("", |c| c.header()))?;
    out.push(b',');
    write_field(out, problem.kind.code())?;
    out.push(b',');
    write_text_field(out, review.problem_value(problem))?;
    out.push(b',');
    write_field(out, &problem.kind.english())?;
    out.extend_from_slice(CRLF);
    Ok(())
}
