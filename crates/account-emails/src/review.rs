//! What the operator reviews before confirming: the summary, every row's problem, and every
//! change (account, old email → new email), kept compactly so that 500,000 changes fit in the
//! worker: a change is 16 bytes and its new email lives in one shared `String`, as do the
//! problems' values. The page asks for pages of them ([`Review::change_views`],
//! [`Review::problem_views`]); the server, after the operator confirms, for the updates to send
//! ([`Review::updates`]).

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::known::KnownAccounts;
use crate::problem::{ProblemKind, ProblemView, RowProblem};

/// The most of a problem's value kept: longer values are neither IDs nor emails anyway.
const MAX_VALUE_BYTES: usize = 256;

/// Where a piece of text is in the review's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Span {
    start: u32,
    len: u32,
}

/// The counts the review step shows: "N new emails, M replaced, K unchanged, E errors".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Data rows read (blank lines are not rows here).
    pub rows: u32,
    /// Accounts without an email that get one.
    pub new_emails: u32,
    /// Accounts whose email is replaced by another.
    pub replaced: u32,
    /// Known accounts the file leaves as they are: no email given (empty means no change), or
    /// the one they have already.
    pub unchanged: u32,
    /// Rows with at least one problem (a row may have more than one): they change nothing.
    pub errors: u32,
    /// Rows with neither an account ID nor an email (a spreadsheet's empty rows).
    pub ignored: u32,
}

/// One account's email to set, as kept: see [`Review::change_views`] for the readable form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The row it comes from, as a spreadsheet numbers it.
    pub row: u32,
    /// The account's number in the [`KnownAccounts`] the file was validated against.
    account: u32,
    email: Span,
}

/// A change as the page lists it: account, old → new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeView {
    /// The row it comes from.
    pub row: u32,
    /// `acct_...`.
    pub account_id: String,
    /// The email the account has now; `None` when it gets its first.
    pub old_email: Option<String>,
    /// The email it will have.
    pub new_email: String,
}

/// One update for the server to send to Stripe once the operator confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailUpdate<'a> {
    /// `acct_...`.
    #[serde(borrow)]
    pub account_id: Cow<'a, str>,
    /// The new email.
    #[serde(borrow)]
    pub email: Cow<'a, str>,
}

/// A validated upload, ready for review. Nothing has been sent: that waits for the operator's
/// confirmation, and then only [`Review::updates`] are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Review {
    summary: Summary,
    problems: Vec<RowProblem>,
    changes: Vec<Change>,
    /// New emails and problem values, back to back.
    text: String,
}

impl Review {
    /// The counts.
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// No row has a problem. Whether a file with problems may still be confirmed (its other
    /// rows' changes) is the page's decision.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// Every row problem, in row order (a row's own problems in column order).
    pub fn problems(&self) -> &[RowProblem] {
        &self.problems
    }

    /// The value a problem is about (trimmed; empty for a whole-row problem).
    pub fn problem_value(&self, problem: &RowProblem) -> &str {
        self.text_at(problem.value)
    }

    /// The problems in `range` (clamped to those there are), readable: the page shows the
    /// first 100.
    pub fn problem_views(&self, range: Range<usize>) -> Vec<ProblemView> {
        self.problems[clamp(range, self.problems.len())]
            .iter()
            .map(|p| ProblemView {
                row: p.row,
                column: p.kind.column(),
                kind: p.kind,
                value: self.problem_value(p).to_owned(),
            })
            .collect()
    }

    /// Every change, in row order.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The email a change sets.
    pub fn new_email(&self, change: &Change) -> &str {
        self.text_at(change.email)
    }

    /// The changes in `range` (clamped), readable, for one page of the review. `known` must be
    /// the accounts the file was validated against.
    pub fn change_views(&self, known: &KnownAccounts, range: Range<usize>) -> Vec<ChangeView> {
        self.changes[clamp(range, self.changes.len())]
            .iter()
            .map(|c| ChangeView {
                row: c.row,
                account_id: known.id(c.account).to_owned(),
                old_email: known.email(c.account).map(str::to_owned),
                new_email: self.new_email(c).to_owned(),
            })
            .collect()
    }

    /// What to send once the operator confirms: each changed account and its new email.
    pub fn updates<'a>(&'a self, known: &'a KnownAccounts) -> impl ExactSizeIterator<Item = EmailUpdate<'a>> + 'a {
        self.changes.iter().map(|c| EmailUpdate {
            account_id: Cow::Borrowed(known.id(c.account)),
            email: Cow::Borrowed(self.new_email(c)),
        })
    }

    /// Bytes held, for the benchmark's memory figures.
    pub fn heap_bytes(&self) -> usize {
        self.problems.capacity() * size_of::<RowProblem>()
            + self.changes.capacity() * size_of::<Change>()
            + self.text.capacity()
    }

    fn text_at(&self, span: Span) -> &str {
        let start = span.start as usize;
        self.text.get(start..start + span.len as usize).unwrap_or("")
    }

    pub(crate) fn summary_mut(&mut self) -> &mut Summary {
        &mut self.summary
    }

    pub(crate) fn push_change(&mut self, row: u32, account: u32, email: &str) {
        let email = self.keep(email);
        self.changes.push(Change { row, account, email });
    }

    pub(crate) fn push_problem(&mut self, row: u32, kind: ProblemKind, value: &str) {
        let mut end = value.len().min(MAX_VALUE_BYTES);
        while !value.is_char_boundary(end) {
            end -= 1;
        }
        let value = self.keep(&value[..end]);
        self.problems.push(RowProblem { row, kind, value });
    }

    /// Room for `changes` more changes whose emails take `email_bytes`: reserved once, so that
    /// the vectors do not grow by doubling (each doubling holds the old and the new buffer at
    /// once, and a WebAssembly memory never gives back what it grew to).
    pub(crate) fn reserve_changes(&mut self, changes: usize, email_bytes: usize) {
        self.changes.reserve(changes);
        self.text.reserve(email_bytes);
    }

    /// Frees what the vectors over-reserved while growing (natively: in WebAssembly the copy
    /// would only raise the memory's high-water mark).
    pub(crate) fn shrink(&mut self) {
        self.problems.shrink_to_fit();
        self.changes.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    fn keep(&mut self, s: &str) -> Span {
        // At most 500,000 rows of a 254-byte email or a 256-byte value each: far from 4 GiB.
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.text.push_str(s);
        Span { start, len: s.len() as u32 }
    }
}

fn clamp(range: Range<usize>, len: usize) -> Range<usize> {
    let end = range.end.min(len);
    range.start.min(end)..end
}
