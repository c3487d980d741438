//! Stripe's HTTP API (`/v1`) and the stand-in's own test controls (`/_sim`).

mod account_fields;
mod account_seed;
mod accounts;
mod application_fees;
mod charges;
mod checkout_line_items;
pub mod checkout_sessions;
mod cloning;
mod confirm;
mod confirmation_tokens;
pub mod connect;
mod connect_charges;
mod control;
mod customer_sessions;
mod customers;
pub mod faults;
pub mod idempotency;
mod intents;
pub mod konbini;
mod lists;
mod payment_intents;
mod payment_methods;
mod payment_pages;
mod setup_intents;
pub mod three_d_secure;

use std::sync::Arc;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::cors::{Any, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::Sim;
use crate::error::ApiError;
use crate::params::StripeRequest;
use crate::store::Store;

pub fn router(sim: Arc<Sim>) -> Router<Arc<Sim>> {
    let v1 = Router::new()
        .route("/v1/payment_intents", post(payment_intents::create).get(payment_intents::list))
        .route("/v1/payment_intents/{id}", get(payment_intents::retrieve))
        .route("/v1/payment_intents/{id}/confirm", post(payment_intents::confirm))
        .route("/v1/payment_intents/{id}/cancel", post(payment_intents::cancel))
        .route("/v1/setup_intents", post(setup_intents::create).get(setup_intents::list))
        .route("/v1/setup_intents/{id}", get(setup_intents::retrieve).post(setup_intents::update))
        .route("/v1/setup_intents/{id}/confirm", post(setup_intents::confirm))
        .route("/v1/setup_intents/{id}/cancel", post(setup_intents::cancel))
        .route("/v1/confirmation_tokens", post(confirmation_tokens::create_from_stripe_js))
        .route("/v1/confirmation_tokens/{id}", get(confirmation_tokens::retrieve))
        .route("/v1/test_helpers/confirmation_tokens", post(confirmation_tokens::create_test_helper))
        .route("/v1/payment_methods", post(payment_methods::create))
        .route("/v1/payment_methods/{id}", get(payment_methods::retrieve).post(payment_methods::update))
        .route("/v1/payment_methods/{id}/attach", post(payment_methods::attach))
        .route("/v1/payment_methods/{id}/detach", post(payment_methods::detach))
        .route("/v1/accounts", post(accounts::create).get(accounts::list))
        .route("/v1/accounts/{id}", get(accounts::retrieve).post(accounts::update).delete(accounts::delete))
        .route("/v1/application_fees", get(application_fees::list))
        .route("/v1/application_fees/{id}", get(application_fees::retrieve))
        .route("/v1/application_fees/{id}/refunds", get(application_fees::refunds))
        .route("/v1/charges", get(lists::charges))
        .route("/v1/charges/{id}", get(charges::retrieve))
        .route("/v1/refunds", post(charges::refund).get(lists::refunds))
        .route("/v1/refunds/{id}", get(lists::refund_by_id))
        .route("/v1/balance_transactions", get(lists::balance_transactions))
        .route("/v1/balance_transactions/{id}", get(lists::balance_transaction_by_id))
        .route("/v1/products", get(lists::products))
        .route("/v1/products/{id}", get(lists::product_by_id))
        .route("/v1/prices", get(lists::prices))
        .route("/v1/prices/{id}", get(lists::price_by_id))
        .route("/v1/subscriptions", get(lists::subscriptions))
        .route("/v1/subscriptions/{id}", get(lists::subscription_by_id))
        .route("/v1/customers", post(customers::create).get(lists::customers))
        .route("/v1/customers/{id}", get(customers::retrieve))
        .route("/v1/customers/{id}/payment_methods", get(customers::payment_methods))
        .route("/v1/customer_sessions", post(customer_sessions::create))
        .route("/v1/elements/sessions", get(customer_sessions::elements_session))
        .route("/v1/elements/payment_methods/{id}/detach", post(customer_sessions::elements_detach))
        .route("/v1/checkout/sessions", post(checkout_sessions::create).get(checkout_sessions::list))
        .route("/v1/checkout/sessions/{id}", get(checkout_sessions::retrieve))
        .route("/v1/checkout/sessions/{id}/line_items", get(checkout_sessions::line_items))
        .route("/v1/checkout/sessions/{id}/expire", post(checkout_sessions::expire))
        // The embedded Checkout page's calls (publishable key and the session's client secret).
        .route("/v1/payment_pages/{id}/init", post(payment_pages::init))
        .route("/v1/payment_pages/{id}/confirm", post(payment_pages::confirm))
        .merge(crate::webhooks::events_api())
        .fallback(unrecognized)
        .layer(middleware::from_fn_with_state(sim.clone(), idempotency::layer))
        .layer(middleware::from_fn_with_state(sim, faults::layer))
        .layer(middleware::from_fn(request_id))
        // api.stripe.com answers browsers (Stripe.js) from any origin.
        .layer(CorsLayer::new().allow_origin(Any).allow_methods(Any).allow_headers(Any));
    Router::new()
        .merge(v1)
        .merge(control::router())
        .merge(crate::webhooks::controls())
        .layer(TraceLayer::new_for_http())
}

/// One page of a Stripe list: the `items` (in the list's order) after `starting_after` (an
/// unknown one is Stripe's "No such <object>"), at most `limit` of them, with `has_more`.
pub(crate) fn list_page<'a, T: 'a>(
    items: impl Iterator<Item = &'a T>,
    id: impl Fn(&T) -> &str,
    starting_after: Option<&str>,
    (object, limit, url): (&str, usize, String),
    render: impl Fn(&T) -> serde_json::Value,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    let all: Vec<&T> = items.collect();
    let start = match starting_after {
        Some(after) => all
            .iter()
            .position(|item| id(item) == after)
            .map(|i| i + 1)
            .ok_or_else(|| ApiError::no_such(object, after, "starting_after"))?,
        None => 0,
    };
    let rest = &all[start..];
    let page: Vec<serde_json::Value> = rest.iter().take(limit).map(|item| render(item)).collect();
    Ok(axum::Json(serde_json::json!({
        "object": "list",
        "data": page,
        "has_more": rest.len() > limit,
        "url": url,
    })))
}

/// Where a page of a list starts: after an item (`starting_after`), or just before one
/// (`ending_before`); not both.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cursor {
    starting_after: Option<String>,
    ending_before: Option<String>,
}

impl Cursor {
    pub fn from_params(p: &crate::params::Params) -> Result<Self, ApiError> {
        let (starting_after, ending_before) = (p.str("starting_after")?, p.str("ending_before")?);
        if starting_after.is_some() && ending_before.is_some() {
            return Err(ApiError::invalid_request(
                "You may only specify one of these parameters: ending_before, starting_after.",
            ));
        }
        Ok(Self { starting_after: starting_after.map(str::to_owned), ending_before: ending_before.map(str::to_owned) })
    }
}

/// One page of a Stripe list over `items` kept oldest first and listed newest first, found by
/// an item's position (`position(id)`) instead of by scanning the list up to it: a page costs
/// about `limit` items however long the list. `listed` leaves out items that are no longer in
/// it. With `ending_before`, the page is the `limit` items just newer than that one, and
/// `has_more` says whether there are newer ones still, as Stripe pages backwards.
pub(crate) fn page_by_position<T>(
    items: &[T],
    position: impl Fn(&str) -> Option<usize>,
    listed: impl Fn(&T) -> bool,
    cursor: Cursor,
    (object, limit, url): (&str, usize, String),
    render: impl Fn(&T) -> serde_json::Value,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    let find = |id: &str, param: &str| position(id).ok_or_else(|| ApiError::no_such(object, id, param));
    let (page, has_more): (Vec<&T>, bool) = match (&cursor.starting_after, &cursor.ending_before) {
        (_, Some(before)) => {
            let at = find(before, "ending_before")?;
            let mut newer = items[at + 1..].iter().filter(|item| listed(item));
            let mut page: Vec<&T> = newer.by_ref().take(limit).collect();
            let more = newer.next().is_some();
            page.reverse();
            (page, more)
        }
        (after, None) => {
            let end = match after {
                Some(after) => find(after, "starting_after")?,
                None => items.len(),
            };
            let mut older = items[..end].iter().rev().filter(|item| listed(item));
            let page: Vec<&T> = older.by_ref().take(limit).collect();
            (page, older.next().is_some())
        }
    };
    Ok(axum::Json(serde_json::json!({
        "object": "list",
        "data": page.into_iter().map(render).collect::<Vec<_>>(),
        "has_more": has_more,
        "url": url,
    })))
}

/// `GET /v1/<objects>/{id}` with a secret key: the object `find` renders, or Stripe's
/// "No such <object>" naming `param`.
pub(crate) fn retrieve_with_secret(
    sim: &Sim,
    req: &StripeRequest,
    id: &str,
    (object, param): (&str, &str),
    find: impl FnOnce(&Store) -> Option<serde_json::Value>,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    req.key.require_secret()?;
    sim.apply(|store| find(store)).map(axum::Json).ok_or_else(|| ApiError::no_such(object, id, param))
}

async fn unrecognized(request: Request) -> ApiError {
    ApiError::unrecognized_url(request.method().as_str(), request.uri().path())
}

/// Every API response carries a `Request-Id`, as Stripe's do.
async fn request_id(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await.into_response();
    if let Ok(value) = HeaderValue::from_str(&crate::ids::new_id("req")) {
        response.headers_mut().insert(HeaderName::from_static("request-id"), value);
    }
    response
}
