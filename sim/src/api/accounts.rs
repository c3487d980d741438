//! Connected accounts (`/v1/accounts`): create, retrieve, update, delete, list. Only the
//! platform works with them: a request on a connected account (`Stripe-Account`) may retrieve
//! that account, nothing else. An account that is not the platform's (unknown, deleted) is
//! Stripe's 403 `account_invalid`, as for the header. Changes send `account.updated` to the
//! Connect webhook endpoints.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use super::account_fields::{self, CREATE_PARAMS, UPDATE_PARAMS};
use super::connect;
use crate::error::ApiError;
use crate::objects::Account;
use crate::params::StripeRequest;
use crate::{Sim, ids};

/// `POST /v1/accounts`.
pub async fn create(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    platform_only(&req)?;
    let p = &req.params;
    p.allow_only(CREATE_PARAMS)?;
    let controller = account_fields::controller(p)?;
    let country = account_fields::country(p)?;
    let mut account = Account {
        id: ids::new_id("acct"),
        created: sim.clock.now(),
        type_: controller.account_type().into(),
        capabilities: account_fields::initial_capabilities(p, &controller)?,
        controller,
        default_currency: account_fields::default_currency(p, &country)?,
        country,
        email: None,
        business_type: None,
        business_profile: Default::default(),
        individual: None,
        company_name: None,
        metadata: Default::default(),
        details_submitted: false,
        deleted: false,
    };
    account_fields::apply_holder(p, &mut account, false)?;
    let json = account.to_json();
    sim.apply(|store| store.add_account(account));
    Ok(Json(json))
}

/// `GET /v1/accounts/{id}`: the platform's account `id`, or the account a request is made on.
pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    if req.scope().is_some_and(|account| account != id) {
        return Err(connect::not_a_platform());
    }
    sim.apply(|store| {
        store.account(&id).map(|a| Json(a.to_json())).ok_or_else(|| connect::account_invalid(&req.key, &id))
    })
}

/// `POST /v1/accounts/{id}`: what [`account_fields::apply_holder`] takes, as Stripe's rules
/// allow it; `account.updated` with what changed.
pub async fn update(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    platform_only(&req)?;
    let p = &req.params;
    p.allow_only(UPDATE_PARAMS)?;
    sim.apply(|store| {
        let account = store.account_mut(&id).ok_or_else(|| connect::account_invalid(&req.key, &id))?;
        let before = account.to_json();
        // Checked on a copy: a refused update changes nothing.
        let mut updated = account.clone();
        account_fields::apply_holder(p, &mut updated, true)?;
        let after = updated.to_json();
        *account = updated;
        let previous = account_fields::previous_attributes(&before, &after);
        if previous.as_object().is_some_and(|changed| !changed.is_empty()) {
            store.account_updates.push((id.clone(), previous));
        }
        Ok(Json(after))
    })
}

/// `DELETE /v1/accounts/{id}`: test-mode accounts can be deleted at any time
/// (docs.stripe.com/api/accounts/delete). Its objects stay, out of reach: the account is no
/// longer the platform's.
pub async fn delete(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    platform_only(&req)?;
    sim.apply(|store| {
        let index = store.account_index.remove(&id).ok_or_else(|| connect::account_invalid(&req.key, &id))?;
        store.accounts[index].deleted = true;
        Ok(Json(json!({"id": id, "object": "account", "deleted": true})))
    })
}

/// `GET /v1/accounts`: newest first, `limit` 1..=100 (10), `starting_after` or
/// `ending_before`; found by position, so a page costs the same with 10 or 100,000 accounts.
pub async fn list(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    platform_only(&req)?;
    let p = &req.params;
    p.allow_only(&["limit", "starting_after", "ending_before", "expand"])?;
    let limit = p.list_limit()?;
    let cursor = super::Cursor::from_params(p)?;
    sim.apply(|store| {
        super::page_by_position(
            &store.accounts,
            |id| store.account_index.get(id).copied(),
            |account| !account.deleted,
            cursor,
            ("account", limit, "/v1/accounts".to_owned()),
            Account::to_json,
        )
    })
}

/// Connected accounts are the platform's business: with a secret key, not on behalf of one of
/// them.
fn platform_only(req: &StripeRequest) -> Result<(), ApiError> {
    req.key.require_secret()?;
    match req.scope() {
        Some(_) => Err(connect::not_a_platform()),
        None => Ok(()),
    }
}
