//! The upload's validation: one pass over the file's records, checking each row against the
//! known accounts and collecting the review. A file-level problem refuses the whole file; a row's
//! problem refuses only that row.

use serde::{Deserialize, Serialize};

use crate::account_id::is_account_id;
use crate::email::{check_email, same_email};
use crate::encoding::{saturate, text_start};
use crate::file_problem::FileProblem;
use crate::headers::{Layout, locate};
use crate::known::KnownAccounts;
use crate::problem::ProblemKind;
use crate::records::Records;
use crate::review::Review;

/// "Comms Center can currently only process CSV files of 500,000 rows" (seed): data rows, the
/// header not counted.
pub const MAX_ROWS: u32 = 500_000;

/// How often [`validate`] reports progress, in rows.
pub const PROGRESS_EVERY_ROWS: u32 = 10_000;

/// How far validation has got, for the worker to post to the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Data rows read.
    pub rows: u32,
    /// Bytes of the file read.
    pub bytes: u64,
    /// Bytes the file has.
    pub total_bytes: u64,
}

/// Validates an upload against the accounts the page offered, calling `progress` every
/// [`PROGRESS_EVERY_ROWS`] rows and once at the end. Any bytes at all may be given: the answer is
/// a review or a refusal, never a panic.
///
/// ```
/// use account_emails::{KnownAccounts, validate};
/// let known: KnownAccounts = [("acct_123abc", None), ("acct_456def", Some("old@example.com"))].into_iter().collect();
/// let file = "Account ID,Business Name,First Name,Last Name,Email Address (please add or replace),\
///             User has claimed primary user email address\n\
///             acct_123abc,Connected Account A,John,Doe,email-a@email.com,✔\n\
///             acct_456def,Connected Account B,,,email-b@email.com,✗\n";
/// let review = validate(file.as_bytes(), &known, |_| {}).unwrap();
/// assert_eq!((review.summary().new_emails, review.summary().replaced), (1, 1));
/// let page = review.change_views(&known, 0..100);
/// assert_eq!(page[1].old_email.as_deref(), Some("old@example.com"));
/// assert_eq!(page[1].new_email, "email-b@email.com");
/// ```
pub fn validate(
    bytes: &[u8],
    known: &KnownAccounts,
    mut progress: impl FnMut(Progress),
) -> Result<Review, FileProblem> {
    let bom = text_start(bytes)?;
    let text = &bytes[bom..];
    let total_bytes = bytes.len() as u64;
    let mut records = Records::new(text);
    if !records.advance() {
        return Err(FileProblem::Empty);
    }
    let layout = match locate(records.record.iter()) {
        Ok(layout) => layout,
        Err(_) if records.last_is_unclosed() => return Err(FileProblem::UnclosedQuote { row: records.row }),
        Err(problems) => return Err(FileProblem::Headers { problems }),
    };

    let mut rows = Rows { known, layout, first_row: vec![0; known.len()], review: Review::default() };
    let mut count: u32 = 0;
    let data_start = records.start;
    while records.advance() {
        count = count.saturating_add(1);
        if count == ESTIMATE_AFTER_ROWS {
            reserve_for_the_rest(&mut rows.review, text.len(), data_start, records.start, count);
        }
        // Past the limit the file is refused; the rows are still counted, for the message.
        if count <= MAX_ROWS {
            rows.check(records.row, &records.record);
        }
        if count.is_multiple_of(PROGRESS_EVERY_ROWS) {
            progress(Progress { rows: count, bytes: (bom + records.start) as u64, total_bytes });
        }
    }
    if count > 0 && records.last_is_unclosed() {
        return Err(FileProblem::UnclosedQuote { row: records.row });
    }
    if count == 0 {
        return Err(FileProblem::NoRows);
    }
    if count > MAX_ROWS {
        return Err(FileProblem::TooManyRows { rows: count, max: MAX_ROWS });
    }
    progress(Progress { rows: count, bytes: total_bytes, total_bytes });
    let mut review = rows.review;
    review.summary_mut().rows = count;
    if cfg!(not(target_family = "wasm")) {
        review.shrink();
    }
    Ok(review)
}

/// After this many rows, the rest of the file's changes are estimated and room made for them.
const ESTIMATE_AFTER_ROWS: u32 = 2_000;

/// Reserves room for the changes of the rows still to come, estimated from those read so far
/// (`read` rows in `start..end` of `total` bytes): the review then grows at most once more.
fn reserve_for_the_rest(review: &mut Review, total: usize, start: usize, end: usize, read: u32) {
    let (read, bytes) = (read as usize, end.saturating_sub(start).max(1));
    let rest = total.saturating_sub(end);
    let rows = rest / bytes.div_ceil(read).max(1);
    let changes = review.changes().len();
    let email_bytes = review.changes().iter().map(|c| review.new_email(c).len()).sum::<usize>();
    // In proportion to what the rows so far changed, a little over.
    let more_changes = (rows * changes / read) * 21 / 20;
    let more_bytes = (rest as u128 * email_bytes as u128 / bytes as u128) as usize * 21 / 20;
    review.reserve_changes(more_changes, more_bytes);
}

/// The state of a validation between rows.
struct Rows<'k> {
    known: &'k KnownAccounts,
    layout: Layout,
    /// The row each known account was first seen in; 0 for not yet. A `Vec` indexed by account
    /// number, 4 bytes an account, rather than a second hash table.
    first_row: Vec<u32>,
    review: Review,
}

impl Rows<'_> {
    fn check(&mut self, row: u32, record: &csv::ByteRecord) {
        let Layout { account_id, email, fields } = self.layout;
        if record.len() != fields {
            let kind = ProblemKind::FieldCount { expected: saturate(fields), found: saturate(record.len()) };
            self.review.push_problem(row, kind, "");
            self.review.summary_mut().errors += 1;
            return;
        }
        // The file is UTF-8 (checked first) and csv splits it only at ASCII bytes, so every field
        // is UTF-8 too.
        let field = |i: usize| record.get(i).and_then(|f| std::str::from_utf8(f).ok()).unwrap_or("").trim();
        let (id, new_email) = (field(account_id), field(email));
        if id.is_empty() && new_email.is_empty() {
            self.review.summary_mut().ignored += 1;
            return;
        }

        let account = self.check_account(row, id);
        let email_ok = self.check_new_email(row, new_email);
        let (Some(n), true) = (account, email_ok) else {
            self.review.summary_mut().errors += 1;
            return;
        };
        let current = self.known.email(n);
        // An empty email is no change.
        if new_email.is_empty() || current.is_some_and(|current| same_email(current, new_email)) {
            self.review.summary_mut().unchanged += 1;
            return;
        }
        let summary = self.review.summary_mut();
        if current.is_some() {
            summary.replaced += 1;
        } else {
            summary.new_emails += 1;
        }
        self.review.push_change(row, n, new_email);
    }

    /// Whether the email may be set (an empty one is no change), after recording why not.
    fn check_new_email(&mut self, row: u32, email: &str) -> bool {
        match check_email(email) {
            _ if email.is_empty() => true,
            Ok(()) => true,
            Err(fault) => {
                self.review.push_problem(row, ProblemKind::EmailInvalid { fault }, email);
                false
            }
        }
    }

    /// The account's number, or `None` after recording why the row names no usable account.
    fn check_account(&mut self, row: u32, id: &str) -> Option<u32> {
        let kind = if id.is_empty() {
            ProblemKind::AccountIdMissing
        } else if !is_account_id(id) {
            ProblemKind::AccountIdMalformed
        } else {
            match self.known.find(id) {
                None => ProblemKind::AccountUnknown,
                Some(n) => match self.first_row[n as usize] {
                    0 => {
                        self.first_row[n as usize] = row;
                        return Some(n);
                    }
                    first_row => ProblemKind::AccountDuplicate { first_row },
                },
            }
        };
        self.review.push_problem(row, kind, id);
        None
    }
}
