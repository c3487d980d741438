//! The operator confirms a reviewed upload: `POST /api/operator/emails/jobs` stores the updates
//! as a job that the instances' workers apply (`email_jobs`); `GET .../jobs/{id}` is its
//! progress and `GET .../jobs/{id}/results` every account's outcome as CSV.
//!
//! The page validated the file already; the server checks again (a page is not trusted): every
//! account ID well formed, every email of the accepted form, no account twice, at most 500,000.
//! Anything wrong refuses the whole job and nothing is stored.

use account_emails::{MAX_ROWS, RESULTS_FILE_NAME, check_email, is_account_id, write_result_row, write_results_header};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use checkout_api::stripe_common::{ErrorType, StripeError};
use serde::Deserialize;

use super::session::Operator;
use crate::AppState;
use crate::email_jobs::{JobView, NewEmail};
use crate::error::{AppError, AppJson};

/// `POST /api/operator/emails/jobs`'s body: the review's updates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewJob {
    updates: Vec<Update>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Update {
    account_id: String,
    email: String,
}

/// 201 with the new job, or 200 with the job these very updates already are.
pub async fn create(
    State(state): State<AppState>,
    _operator: Operator,
    AppJson(job): AppJson<NewJob>,
) -> Result<(StatusCode, AppJson<JobView>), AppError> {
    let updates = checked(job.updates)?;
    let (view, new) = state.email_jobs.create(updates).await?;
    if new {
        tracing::info!(job = %view.id, accounts = view.total, "email job stored");
    }
    Ok((if new { StatusCode::CREATED } else { StatusCode::OK }, AppJson(view)))
}

fn checked(updates: Vec<Update>) -> Result<Vec<NewEmail>, AppError> {
    if updates.is_empty() {
        return Err(AppError::bad_request("updates", "There is nothing to update: the upload changes no email."));
    }
    if updates.len() > MAX_ROWS as usize {
        return Err(AppError::bad_request("updates", format!("At most {MAX_ROWS} accounts a job; split the file.")));
    }
    let mut seen = std::collections::HashSet::with_capacity(updates.len());
    for (i, update) in updates.iter().enumerate() {
        if !is_account_id(&update.account_id) {
            return Err(AppError::bad_request(
                &format!("updates[{i}].accountId"),
                "Not a connected account ID (acct_...).",
            ));
        }
        if let Err(fault) = check_email(&update.email) {
            let message = format!("{} is not an email address this update takes ({fault:?}).", update.account_id);
            return Err(AppError::bad_request(&format!("updates[{i}].email"), message));
        }
        if !seen.insert(update.account_id.as_str()) {
            let message = format!("{} is in the updates twice.", update.account_id);
            return Err(AppError::bad_request(&format!("updates[{i}].accountId"), message));
        }
    }
    Ok(updates.into_iter().map(|u| NewEmail { account_id: u.account_id, email: u.email }).collect())
}

/// `GET /api/operator/emails/jobs/{id}`.
pub async fn progress(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
) -> Result<AppJson<JobView>, AppError> {
    state.email_jobs.view(&id).await?.map(AppJson).ok_or_else(|| no_such_job(&id))
}

/// `GET /api/operator/emails/jobs/{id}/results`: Email updates.csv.
pub async fn results(
    State(state): State<AppState>,
    _operator: Operator,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    if state.email_jobs.view(&id).await?.is_none() {
        return Err(no_such_job(&id));
    }
    let mut csv = Vec::new();
    write_results_header(&mut csv).expect("writing into a Vec");
    for item in state.email_jobs.results(&id).await? {
        write_result_row(&mut csv, &item.account_id, &item.email, &item.status, item.error.as_deref())
            .expect("writing into a Vec");
    }
    let headers = [
        (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
        (CONTENT_DISPOSITION, format!("attachment; filename=\"{RESULTS_FILE_NAME}\"")),
        (CACHE_CONTROL, "no-store".to_owned()),
    ];
    Ok((headers, csv).into_response())
}

fn no_such_job(id: &str) -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        StripeError::new(ErrorType::InvalidRequestError, format!("No such email job: {id}."))
            .with_code("resource_missing"),
    )
}
