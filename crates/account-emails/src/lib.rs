//! Comms Center's emails for connected accounts (seeds/000_*): a platform downloads a template
//! of its connected accounts, fills in the emails to add or replace, uploads it, reviews the
//! changes and confirms. This crate is the part that is plain Rust, for the page's Web Worker
//! (wasm32) and for the server alike:
//!
//! * the template, Emails.csv: [`template_header`], [`write_template_header`] and
//!   [`write_template_row`] for the server to stream Stripe's accounts list into;
//! * validation of an upload against the accounts the page offered ([`KnownAccounts`]):
//!   [`validate`] answers a [`Review`] (a [`Summary`], every row's [`RowProblem`], every
//!   [`Change`]) or refuses the whole file with a [`FileProblem`];
//! * the problems as a download: [`problems_csv`]; the bulk update's results: [`write_result_row`];
//! * files of more than [`MAX_ROWS`] rows split into ones Comms Center takes: [`split`].
//!
//! Nothing here sends anything: after the operator confirms, the server sends
//! [`Review::updates`]. Problems are typed and named (serde: `{"problem": "email_invalid",
//! "fault": "missing_at"}`); the page words them, and each has this crate's own English
//! (`english()`) for the problems file and the server's logs.
//!
//! ```
//! use account_emails::{AccountRow, KnownAccounts, ProblemKind, template_csv, validate};
//!
//! // The server writes the template...
//! let template = template_csv([
//!     AccountRow { id: "acct_123abc", business_name: "Connected Account A", first_name: "John",
//!                  last_name: "Doe", claimed: true },
//!     AccountRow { id: "acct_456def", business_name: "Connected Account B", ..Default::default() },
//! ]);
//! // ...the operator fills in emails (here: one good, one bad)...
//! let upload = String::from_utf8(template).unwrap()
//!     .replace("Doe,,", "Doe,email-a@email.com,")
//!     .replace("B,,,,", "B,,,email-b@email,");
//! // ...and the worker validates the upload against what the page offered.
//! let known: KnownAccounts = [("acct_123abc", None), ("acct_456def", None)].into_iter().collect();
//! let review = validate(upload.as_bytes(), &known, |_progress| {}).unwrap();
//! assert_eq!(review.summary().new_emails, 1);
//! assert_eq!(review.summary().errors, 1);
//! assert!(matches!(review.problems()[0].kind, ProblemKind::EmailInvalid { .. }));
//! assert_eq!(review.problems()[0].row, 3);
//! ```
//!
//! Memory: the review keeps a change in 16 bytes plus its email, the known accounts an account in
//! 8 bytes plus its ID and email (and a 4-byte hash slot), and the parse reuses one record; so a
//! 40 MB file of 500,000 rows is validated in well under its own size again (see
//! `examples/bench_validate.rs`).

#![warn(missing_docs)]

mod account_id;
mod columns;
mod csv_write;
mod email;
mod encoding;
mod file_problem;
mod headers;
mod known;
mod problem;
mod problems_csv;
mod records;
mod results_csv;
mod review;
mod split;
mod template;
mod validate;

pub use account_id::is_account_id;
pub use columns::{ACCOUNT_ID, BUSINESS_NAME, CLAIMED, Column, EMAIL, FIRST_NAME, LAST_NAME, TEMPLATE_COLUMNS};
pub use csv_write::UTF8_BOM;
pub use email::{EmailFault, check_email};
pub use file_problem::FileProblem;
pub use headers::HeaderProblem;
pub use known::KnownAccounts;
pub use problem::{ProblemKind, ProblemView, RowProblem};
pub use problems_csv::{PROBLEMS_FILE_NAME, PROBLEMS_HEADER, problems_csv};
pub use results_csv::{RESULTS_FILE_NAME, RESULTS_HEADER, write_result_row, write_results_header};
pub use review::{Change, ChangeView, EmailUpdate, Review, Summary};
pub use split::{Part, Parts, split};
pub use template::{
    AccountRow, TEMPLATE_CONTENT_TYPE, TEMPLATE_FILE_NAME, template_csv, template_header, write_template_header,
    write_template_row,
};
pub use validate::{MAX_ROWS, PROGRESS_EVERY_ROWS, Progress, validate};
