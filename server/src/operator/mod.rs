//! The platform operator's pages' API, `/api/operator/...`: its sign-in (`session`) and the
//! connected accounts' emails by CSV (`accounts`: the template and the accounts an upload is
//! checked against; `jobs`: the confirmed updates, applied in the background) and the BNPL
//! dashboard from the data export (`bnpl`). Every route but the sign-in wants the operator's session; none is open to
//! shoppers.

mod accounts;
mod bnpl;
mod jobs;
mod session;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};

use crate::AppState;
use crate::limits::{Kind, enforce};

/// Largest job body: 500,000 updates of up to 254-byte emails (about 40 MB of a realistic file).
const JOB_BODY_LIMIT: usize = 160 * 1024 * 1024;

pub fn routes(state: &AppState) -> Router<AppState> {
    // Sign-in attempts count against the client's lookup limit, like every other guess.
    let sign_in = post(session::sign_in).layer(from_fn_with_state((state.clone(), Kind::Lookup), enforce));
    Router::new()
        .route("/session", sign_in.get(session::status).delete(session::sign_out))
        .route("/emails/template", get(accounts::template))
        .route("/emails/accounts", get(accounts::known))
        .route("/emails/jobs", post(jobs::create).layer(DefaultBodyLimit::max(JOB_BODY_LIMIT)))
        .route("/emails/jobs/{id}", get(jobs::progress))
        .route("/emails/jobs/{id}/results", get(jobs::results))
        .route("/bnpl", get(bnpl::dashboard))
        .route("/bnpl/{name}", get(bnpl::csv))
}
