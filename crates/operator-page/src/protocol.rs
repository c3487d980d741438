//! What the page and its validation worker (`src/bin/operator_emails_worker.rs`) say to each
//! other. Every message is a JavaScript array `[kind, value, ...]`: the kind a string, the value
//! one of these types as a plain JavaScript value (serde-wasm-bindgen, JSON-compatible), and
//! files as ArrayBuffers beside it, transferred rather than copied.
//!
//! Why this shape: the worker keeps the file, the known accounts and the review (500,000 changes
//! fit there compactly, see account-emails), and the page asks for what it shows, a page of
//! changes at a time; so nothing of the size of the file crosses twice, and the page needs no
//! CSV or validation code of its own. The problems are worded in the worker (account-emails'
//! English) so that the page does not carry the problem types.

use account_emails::{ChangeView, Summary};
use serde::{Deserialize, Serialize};

/// Page → worker: `[KNOWN, accounts: ArrayBuffer]`, the body of `GET
/// /api/operator/emails/accounts` (transferred, not copied), sent once as the page opens: every
/// upload is checked against these.
pub const KNOWN: &str = "known";
/// Page → worker: `[VALIDATE, file: File]`, checked against the accounts `KNOWN` gave. The
/// File itself, not its bytes: the worker reads it into its own memory a part at a time, so
/// that the file is never in memory twice.
pub const VALIDATE: &str = "validate";
/// Page → worker: `[CHANGES, start: number]`, a page of the review's changes.
pub const CHANGES: &str = "changes";
/// Page → worker: `[UPDATES]`, the job's body once the operator confirms.
pub const UPDATES: &str = "updates";
/// Page → worker: `[SPLIT]`, the refused file in parts of at most 500,000 rows.
pub const SPLIT: &str = "split";

/// Worker → page: `[READY]` once it listens (a message sent before would be lost).
pub const READY: &str = "ready";
/// Worker → page: `[ACCOUNTS_READY, count: number]`: the accounts of `KNOWN` are read.
pub const ACCOUNTS_READY: &str = "accounts-ready";
/// Worker → page: `[PROGRESS, account_emails::Progress]`.
pub const PROGRESS: &str = "progress";
/// Worker → page: `[REFUSED, Refusal]`.
pub const REFUSED: &str = "refused";
/// Worker → page: `[REVIEWED, ReviewReport, problems_csv: ArrayBuffer]`.
pub const REVIEWED: &str = "reviewed";
/// Worker → page: `[CHANGES, ChangesPage]` (the same kind as the request).
pub const CHANGES_PAGE: &str = CHANGES;
/// Worker → page: `[UPDATES, body: string]`, `{"updates":[{"accountId","email"}, ...]}`.
pub const UPDATES_BODY: &str = UPDATES;
/// Worker → page: `[PARTS, Vec<u32> rows of each part, parts: ArrayBuffer[]]`.
pub const PARTS: &str = "parts";
/// Worker → page: `[FAILED, message: string]`: a request it could not serve.
pub const FAILED: &str = "failed";

/// How many changes a page of the review shows.
pub const CHANGES_PER_PAGE: u32 = 50;
/// How many problems the page lists; the download has them all.
pub const PROBLEMS_SHOWN: usize = 100;

/// The whole file was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    /// What to fix, in words.
    pub message: String,
    /// Too many rows: the worker can split the file (into files of at most `max` rows).
    pub splittable: bool,
}

/// One row's problem as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProblemLine {
    /// As a spreadsheet numbers it (the header is row 1).
    pub row: u32,
    /// The column's header; `None` for the whole row.
    pub column: Option<String>,
    /// The value it is about.
    pub value: String,
    /// What is wrong.
    pub message: String,
}

/// A validated file: what the review step shows first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewReport {
    pub summary: Summary,
    /// The first [`PROBLEMS_SHOWN`].
    pub problems: Vec<ProblemLine>,
    pub problem_count: u32,
    pub change_count: u32,
    /// The first page of changes.
    pub first_changes: Vec<ChangeView>,
}

/// Changes `start..start + changes.len()` of the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangesPage {
    pub start: u32,
    pub changes: Vec<ChangeView>,
}
