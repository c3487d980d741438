//! The connected accounts, streamed to the operator's page as Stripe lists them (a page of 100
//! at a time, never all of them held): `GET /api/operator/emails/template` is the Comms Center
//! template, Emails.csv; `GET /api/operator/emails/accounts` the same accounts with their current
//! emails as JSON `[[id, email | null], ...]`, what the page's worker checks an upload against
//! (account_emails' `KnownAccounts` reads it as is).
//!
//! The answer starts before the list is read to its end, so a Stripe failure on a later page
//! cannot become an error status: the body is cut off instead (the browser's download fails,
//! and the JSON cannot parse), and the log says why. A failure on the first page is a typed
//! error as usual.

use std::io;

use account_emails::{
    AccountRow, TEMPLATE_CONTENT_TYPE, TEMPLATE_FILE_NAME, write_template_header, write_template_row,
};
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream, StreamExt};

use super::session::Operator;
use checkout_api::stripe_common::ErrorType;

use crate::AppState;
use crate::error::AppError;
use crate::payments::{AccountSummary, AccountsPage, Payments};

/// `GET /api/operator/emails/template`: Emails.csv, one row per connected account.
pub async fn template(State(state): State<AppState>, _operator: Operator) -> Result<Response, AppError> {
    let mut header = Vec::new();
    write_template_header(&mut header).expect("writing into a Vec");
    let body = stream_accounts(state.payments.clone(), header, Vec::new(), |out, account, _first| {
        let row = AccountRow {
            id: &account.id,
            business_name: &account.business_name,
            first_name: &account.first_name,
            last_name: &account.last_name,
            claimed: account.claimed,
        };
        write_template_row(out, &row).expect("writing into a Vec");
    })
    .await?;
    let disposition = format!("attachment; filename=\"{TEMPLATE_FILE_NAME}\"");
    Ok(([(CONTENT_TYPE, TEMPLATE_CONTENT_TYPE.to_owned()), (CONTENT_DISPOSITION, disposition), no_store()], body)
        .into_response())
}

/// `GET /api/operator/emails/accounts`: `[[id, email | null], ...]`.
pub async fn known(State(state): State<AppState>, _operator: Operator) -> Result<Response, AppError> {
    let body = stream_accounts(state.payments.clone(), b"[".to_vec(), b"]".to_vec(), |out, account, first| {
        if !first {
            out.push(b',');
        }
        serde_json::to_writer(out, &(&account.id, &account.email)).expect("writing into a Vec");
    })
    .await?;
    Ok(([(CONTENT_TYPE, "application/json".to_owned()), no_store()], body).into_response())
}

fn no_store() -> (axum::http::HeaderName, String) {
    (CACHE_CONTROL, "no-store".to_owned())
}

/// `start`, every account rendered by `row` (told whether it is the very first), then `end`,
/// a page of accounts per chunk. The first page is read before answering.
async fn stream_accounts(
    payments: Payments,
    start: Vec<u8>,
    end: Vec<u8>,
    row: impl Fn(&mut Vec<u8>, &AccountSummary, bool) + Send + Sync + 'static,
) -> Result<Body, AppError> {
    let first = page_after(&payments, None).await?;
    let mut chunk = start;
    render(&first.accounts, &row, true, &mut chunk);
    let rest = later_pages(payments, first).map(move |page| {
        page.map(|accounts| {
            let mut chunk = Vec::new();
            render(&accounts, &row, false, &mut chunk);
            Bytes::from(chunk)
        })
    });
    let body =
        stream::once(async { Ok(Bytes::from(chunk)) }).chain(rest).chain(stream::once(async { Ok(Bytes::from(end)) }));
    Ok(Body::from_stream(body))
}

fn render<F: Fn(&mut Vec<u8>, &AccountSummary, bool)>(
    accounts: &[AccountSummary],
    row: &F,
    first_page: bool,
    out: &mut Vec<u8>,
) {
    for (i, account) in accounts.iter().enumerate() {
        row(out, account, first_page && i == 0);
    }
}

/// A page of accounts, Stripe's rate limit waited out (the email jobs share it): up to four
/// tries, 250 ms, 500 ms, then 1 s apart. Any other failure is final at once.
async fn page_after(payments: &Payments, after: Option<&str>) -> Result<AccountsPage, AppError> {
    let mut pause = std::time::Duration::from_millis(250);
    for _ in 0..3 {
        match payments.accounts_page(after).await {
            Err(err) if err.error.type_ == ErrorType::RateLimitError => {
                tokio::time::sleep(pause).await;
                pause *= 2;
            }
            answer => return answer,
        }
    }
    payments.accounts_page(after).await
}

/// Where the list goes on after `page`: its last account, if Stripe has more.
fn next_cursor(page: &AccountsPage) -> Option<String> {
    page.accounts.last().filter(|_| page.has_more).map(|account| account.id.clone())
}

/// The pages after `first`, each read when the client has taken the one before (so a slow
/// download holds nothing more than a page); an error ends the stream.
fn later_pages(payments: Payments, first: AccountsPage) -> impl Stream<Item = io::Result<Vec<AccountSummary>>> + Send {
    let cursor = next_cursor(&first);
    stream::unfold(cursor, move |cursor| {
        let payments = payments.clone();
        async move {
            let after = cursor?;
            match page_after(&payments, Some(&after)).await {
                Ok(page) => {
                    let next = next_cursor(&page);
                    Some((Ok(page.accounts), next))
                }
                Err(err) => {
                    tracing::error!(error = %err.error, after = %after, "the accounts list failed part way: the download is cut off");
                    Some((Err(io::Error::other("Stripe's accounts list failed")), None))
                }
            }
        }
    })
}
