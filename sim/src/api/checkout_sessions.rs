//! Checkout Sessions in `payment` mode: create (embedded, or hosted), retrieve, their line
//! items, expire; and what happens to them without a call (paid when their PaymentIntent
//! succeeds, expired at `expires_at` on the stand-in's clock). The embedded page's own calls
//! are in `payment_pages.rs`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};

use crate::api_keys::Key;
use crate::error::ApiError;
use crate::objects::{CheckoutSession, DEFAULT_LIFETIME_SECONDS, SessionStatus, Status, UiMode, Within};
use crate::params::{Params, StripeRequest};
use crate::store::Store;
use crate::{Sim, ids};

const CREATE_PARAMS: &[&str] = &[
    "ui_mode",
    "mode",
    "line_items",
    "return_url",
    "redirect_on_completion",
    "success_url",
    "cancel_url",
    "customer",
    "customer_email",
    "client_reference_id",
    "metadata",
    "payment_intent_data",
    "payment_method_types",
    "expires_at",
    "expand",
];

const MIN_LIFETIME_SECONDS: i64 = 30 * 60;

/// `POST /v1/checkout/sessions`.
pub async fn create(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(CREATE_PARAMS)?;
    match p.required_str("mode")? {
        "payment" => {}
        mode @ ("setup" | "subscription") => {
            return Err(ApiError::param_invalid(
                "mode",
                format!("The stand-in's Checkout takes one-time payments only (mode=payment), not mode={mode}."),
            ));
        }
        other => return Err(ApiError::param_invalid("mode", format!("Invalid mode: {other}"))),
    }
    let ui_mode = ui_mode(p.str("ui_mode")?)?;
    let urls = Urls::from_params(p, &ui_mode)?;
    let now = sim.clock.now();
    let id = ids::new_id("cs_test");
    let (line_items, currency) = super::checkout_line_items::from_params(p, now)?;
    let payment_intent_data = p.hash("payment_intent_data")?.unwrap_or_default();
    payment_intent_data.allow_only(&["metadata", "description"])?;
    let customer = p.str("customer")?.map(str::to_owned);
    let customer_email = p.str("customer_email")?.map(str::to_owned);
    if customer.is_some() && customer_email.is_some() {
        return Err(ApiError::invalid_request(
            "You may only specify one of these parameters: customer, customer_email.",
        ));
    }
    let client_secret = ids::client_secret(&id);
    let session = CheckoutSession {
        url: (!ui_mode.embedded).then(|| hosted_url(sim.public_url(), &id, &client_secret, &req)),
        client_secret,
        id,
        account: req.account.clone(),
        created: now,
        expires_at: expires_at(p.int("expires_at")?, now)?,
        ui_mode,
        currency,
        line_items,
        customer,
        customer_email,
        client_reference_id: client_reference_id(p.str("client_reference_id")?)?,
        metadata: p.metadata()?,
        payment_intent_metadata: payment_intent_data.metadata()?,
        payment_intent_description: payment_intent_data.str("description")?.map(str::to_owned),
        payment_method_types: payment_method_types(p.str_list("payment_method_types")?)?,
        return_url: urls.return_url,
        redirect_on_completion: urls.redirect_on_completion,
        success_url: urls.success_url,
        cancel_url: urls.cancel_url,
        status: SessionStatus::Open,
        attempt: None,
        paid_email: None,
    };
    let expand = expanded(p)?;
    sim.apply(|store| {
        if let Some(customer) = &session.customer
            && store.customers.get(customer).within(req.scope()).is_none()
        {
            return Err(ApiError::no_such("customer", customer, "customer"));
        }
        let json = render(&session, expand);
        store.checkout_sessions.push(session);
        Ok(Json(json))
    })
}

/// `GET /v1/checkout/sessions/{id}`, `expand[]=line_items` as Stripe takes it.
pub async fn retrieve(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.params.allow_only(&["expand"])?;
    let expand = expanded(&req.params)?;
    super::retrieve_with_secret(&sim, &req, &id, ("checkout.session", "session"), |store| {
        store.checkout_session(&id).within(req.scope()).map(|session| render(session, expand))
    })
}

/// `GET /v1/checkout/sessions/{id}/line_items`: `limit` (1..=100, 10) and `starting_after`.
pub async fn line_items(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["limit", "starting_after", "ending_before", "expand"])?;
    let limit = p.list_limit()?;
    sim.apply(|store| {
        let session = store
            .checkout_session(&id)
            .within(req.scope())
            .ok_or_else(|| ApiError::no_such("checkout.session", &id, "session"))?;
        super::list_page(
            session.line_items.iter(),
            |line| &line.id,
            p.str("starting_after")?,
            ("line_item", limit, format!("/v1/checkout/sessions/{id}/line_items")),
            |line| line.to_json(),
        )
    })
}

/// `GET /v1/checkout/sessions`: newest first, `limit` 1..=100 (default 10), `starting_after`,
/// `payment_intent`, `customer`, `status`.
pub async fn list(State(sim): State<Arc<Sim>>, req: StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["limit", "starting_after", "payment_intent", "customer", "status", "expand"])?;
    let limit = p.list_limit()?;
    sim.apply(|store| {
        let (payment_intent, customer, status) = (p.str("payment_intent")?, p.str("customer")?, p.str("status")?);
        let newest_first = store.checkout_sessions.iter().rev().filter(|session| {
            if session.account.as_deref() != req.scope() {
                return false;
            }
            let json = render(session, false);
            [("payment_intent", payment_intent), ("customer", customer), ("status", status)]
                .iter()
                .all(|(field, wanted)| wanted.is_none_or(|w| json[*field].as_str() == Some(w)))
        });
        super::list_page(
            newest_first,
            |session| &session.id,
            p.str("starting_after")?,
            ("checkout.session", limit, "/v1/checkout/sessions".to_owned()),
            |session| render(session, false),
        )
    })
}

/// `POST /v1/checkout/sessions/{id}/expire`: an open session only.
pub async fn expire(
    State(sim): State<Arc<Sim>>,
    Path(id): Path<String>,
    req: StripeRequest,
) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    req.params.allow_only(&["expand"])?;
    let now = sim.clock.now();
    sim.apply(|store| {
        let session = store
            .checkout_session(&id)
            .within(req.scope())
            .ok_or_else(|| ApiError::no_such("checkout.session", &id, "session"))?;
        if session.status != SessionStatus::Open {
            return Err(ApiError::invalid_request(format!(
                "Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of `{}`.",
                json!(session.status).as_str().unwrap_or_default()
            )));
        }
        expire_now(store, &id, now);
        Ok(Json(store.checkout_session(&id).map(CheckoutSession::to_json).unwrap_or_default()))
    })
}

/// What became of the open sessions by `now`, whoever acted: paid when their PaymentIntent
/// succeeded (through the embedded page, 3-D Secure, ...), else expired once `expires_at` is
/// past. Run around every API call, as the konbini stores are.
pub fn settle(store: &mut Store, now: i64) {
    let mut due = Vec::new();
    for session in store.checkout_sessions.iter().filter(|s| s.status == SessionStatus::Open) {
        let paid = session
            .attempt
            .as_deref()
            .and_then(|pi| store.payment_intent(pi))
            .is_some_and(|pi| pi.status == Status::Succeeded);
        if paid || now >= session.expires_at {
            due.push((session.id.clone(), paid));
        }
    }
    for (id, paid) in due {
        match paid {
            true => complete(store, &id),
            false => expire_now(store, &id, now),
        }
    }
}

fn complete(store: &mut Store, id: &str) {
    let Some(session) = store.checkout_session_mut(id) else { return };
    session.status = SessionStatus::Complete;
}

/// Expires session `id`; the PaymentIntent of its attempts can no longer be paid either.
fn expire_now(store: &mut Store, id: &str, now: i64) {
    let Some(session) = store.checkout_session_mut(id) else { return };
    session.status = SessionStatus::Expired;
    let attempt = session.attempt.clone();
    if let Some(intent) = attempt.and_then(|pi| store.payment_intent_mut(&pi))
        && !matches!(intent.status, Status::Succeeded | Status::Canceled)
    {
        intent.status = Status::Canceled;
        intent.canceled_at = Some(now);
        intent.cancellation_reason = Some("abandoned".into());
        intent.next_action = None;
    }
}

/// Where a hosted session is paid: Stripe's page (the embedded page's document, on its own),
/// with what it loads the session with in the fragment, as Stripe's Checkout URLs carry it:
/// the publishable key of the secret key that made it, the connected account it was made on,
/// and the session's secret.
fn hosted_url(public_url: &str, id: &str, client_secret: &str, req: &StripeRequest) -> String {
    let (Key::Secret(key) | Key::Publishable(key)) = &req.key;
    let publishable = format!("pk_test_{}", key.split_once("_test_").map_or("", |(_, rest)| rest));
    let config = json!({
        "key": publishable,
        "clientSecret": client_secret,
        "stripeAccount": req.account,
        "hosted": true,
        // The page talks to no Stripe.js: its messages go to itself.
        "frameId": "hosted",
        "parentOrigin": public_url,
    });
    let fragment: String = form_urlencoded::byte_serialize(config.to_string().as_bytes()).collect();
    format!("{public_url}/checkout/pay/{id}#{fragment}")
}

/// The session's JSON, with `line_items` when expanded.
fn render(session: &CheckoutSession, expand_line_items: bool) -> Value {
    let mut json = session.to_json();
    if expand_line_items {
        json["line_items"] = json!({
            "object": "list",
            "data": session.line_items.iter().map(|line| line.to_json()).collect::<Vec<_>>(),
            "has_more": false,
            "url": format!("/v1/checkout/sessions/{}/line_items", session.id),
        });
    }
    json
}

/// Whether `expand[]` asks for `line_items` (the one expansion the stand-in makes).
fn expanded(p: &Params) -> Result<bool, ApiError> {
    let expand = p.str_list("expand")?.unwrap_or_default();
    if let Some(other) = expand.iter().find(|e| *e != "line_items") {
        return Err(ApiError::invalid_request(format!(
            "This property cannot be expanded ({other}). The stand-in expands line_items only."
        )));
    }
    Ok(!expand.is_empty())
}

/// `ui_mode`: hosted unless asked. API versions since 2026-03-25.dahlia name the modes
/// `hosted_page` and `embedded_page`; older ones `hosted` and `embedded`. The stand-in takes
/// either and answers with the name it was given.
fn ui_mode(value: Option<&str>) -> Result<UiMode, ApiError> {
    let name = value.unwrap_or("hosted_page");
    let embedded = match name {
        "embedded_page" | "embedded" => true,
        "hosted_page" | "hosted" => false,
        "elements" | "custom" => {
            return Err(ApiError::param_invalid(
                "ui_mode",
                format!(
                    "The stand-in's Checkout has no Elements integration (ui_mode={name}); use embedded_page or hosted_page."
                ),
            ));
        }
        other => {
            return Err(ApiError::param_invalid(
                "ui_mode",
                format!("Invalid ui_mode: must be one of hosted_page, embedded_page or elements (got {other})."),
            ));
        }
    };
    Ok(UiMode { name: name.to_owned(), embedded })
}

/// Where the shopper goes afterwards: an embedded session comes back to `return_url` (unless
/// it never redirects); a hosted one to `success_url`, or `cancel_url` if they give up.
struct Urls {
    return_url: Option<String>,
    redirect_on_completion: Option<String>,
    success_url: Option<String>,
    cancel_url: Option<String>,
}

impl Urls {
    fn from_params(p: &Params, ui_mode: &UiMode) -> Result<Self, ApiError> {
        let text = |name: &str| -> Result<Option<String>, ApiError> {
            let value = p.str(name)?.filter(|v| !v.is_empty());
            if let Some(url) = value
                && !(url.starts_with("https://") || url.starts_with("http://"))
            {
                return Err(ApiError::param_invalid(name, "Not a valid URL"));
            }
            Ok(value.map(str::to_owned))
        };
        let urls = Self {
            return_url: text("return_url")?,
            redirect_on_completion: p.str("redirect_on_completion")?.map(str::to_owned),
            success_url: text("success_url")?,
            cancel_url: text("cancel_url")?,
        };
        let mode = &ui_mode.name;
        if let Some(value) = &urls.redirect_on_completion
            && !matches!(value.as_str(), "always" | "if_required" | "never")
        {
            return Err(ApiError::param_invalid(
                "redirect_on_completion",
                format!("Invalid redirect_on_completion: must be one of always, if_required or never (got {value})."),
            ));
        }
        if ui_mode.embedded {
            for (name, given) in [("success_url", &urls.success_url), ("cancel_url", &urls.cancel_url)] {
                if given.is_some() {
                    return Err(ApiError::param_invalid(
                        name,
                        format!("`{name}` cannot be used with ui_mode={mode}: pass `return_url` instead."),
                    ));
                }
            }
            if urls.return_url.is_none() && urls.redirect_on_completion.as_deref() != Some("never") {
                return Err(ApiError::param_missing("return_url").with_message(format!(
                    "Missing required param: return_url. A Checkout Session with ui_mode={mode} needs a `return_url` \
                     unless `redirect_on_completion` is `never`."
                )));
            }
        } else {
            for (name, given) in [
                ("return_url", urls.return_url.is_some()),
                ("redirect_on_completion", urls.redirect_on_completion.is_some()),
            ] {
                if given {
                    return Err(ApiError::param_invalid(
                        name,
                        format!(
                            "`{name}` can only be used with ui_mode=embedded_page; a hosted session takes `success_url`."
                        ),
                    ));
                }
            }
            if urls.success_url.is_none() {
                return Err(ApiError::param_missing("success_url"));
            }
        }
        Ok(urls)
    }
}

/// 24 hours from now by default; between 30 minutes and 24 hours when given.
fn expires_at(value: Option<i64>, now: i64) -> Result<i64, ApiError> {
    let Some(at) = value else { return Ok(now + DEFAULT_LIFETIME_SECONDS) };
    if at < now + MIN_LIFETIME_SECONDS {
        return Err(ApiError::param_invalid(
            "expires_at",
            "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
        ));
    }
    if at > now + DEFAULT_LIFETIME_SECONDS {
        return Err(ApiError::param_invalid(
            "expires_at",
            "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
        ));
    }
    Ok(at)
}

fn client_reference_id(value: Option<&str>) -> Result<Option<String>, ApiError> {
    match value {
        Some(id) if id.chars().count() > 200 => Err(ApiError::param_invalid(
            "client_reference_id",
            "client_reference_id must be at most 200 characters long.",
        )),
        other => Ok(other.map(str::to_owned)),
    }
}

/// Cards only: the stand-in's Checkout shows the card form.
fn payment_method_types(types: Option<Vec<String>>) -> Result<Option<Vec<String>>, ApiError> {
    match types {
        Some(types) if types.is_empty() => {
            Err(ApiError::param_invalid("payment_method_types", "payment_method_types must not be empty"))
        }
        Some(types) if types.iter().any(|t| t != "card") => Err(ApiError::param_invalid(
            "payment_method_types",
            format!(
                "The stand-in's Checkout takes cards only; payment_method_types may list `card` alone (got {}).",
                types.join(", ")
            ),
        )),
        other => Ok(other),
    }
}
