//! The platform operator's page for connected accounts' emails, `/operator/emails` (Comms
//! Center's bulk update by CSV): sign in with the operator token, download the template of the
//! connected accounts, upload it filled in, review what it would change (checked in a Web Worker,
//! `worker`, against the accounts the server lists), confirm, and follow the server's job.
//! Nothing is sent before the operator confirms.
//!
//! The same crate has the operator's BNPL dashboard, `/operator/bnpl` (`bnpl`, `src/bin/operator_bnpl.rs`).
//!
//! A page of its own (`src/bin/operator_emails.rs`; its worker `src/bin/operator_emails_worker.rs`):
//! no Stripe.js, no shop configuration, and none of it in the shop's pages.

mod api;
pub mod bnpl;
mod download;
mod job;
mod json;
pub mod protocol;
mod refusal;
mod review;
mod shell;
mod sign_in;
mod upload;
mod worker;

use leptos::prelude::*;

use shell::OperatorShell;
use upload::EmailsUpload;

#[component]
pub fn OperatorEmailsPage() -> impl IntoView {
    view! {
        <OperatorShell title="Connected accounts' emails" class="page operator"
            content=|signed_out| view! { <EmailsUpload on_signed_out=signed_out /> }.into_any() />
    }
}

/// Mounts the page in place of the skeleton the server writes into every page's HTML.
pub fn start() {
    shell::mount(OperatorEmailsPage);
}
