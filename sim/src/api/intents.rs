//! What serving PaymentIntents and SetupIntents shares: reading and confirming one as the
//! caller may (a server with its secret key, or Stripe.js with a publishable key and the client
//! secret, seeing only public fields), and listing them.

use axum::Json;
use serde_json::Value;

use crate::Sim;
use crate::api_keys::Key;
use crate::error::ApiError;
use crate::objects::Within;
use crate::params::StripeRequest;
use crate::store::{Kept, Store};

/// `GET /v1/<intents>/{id}`. With a secret key: the whole object. With a publishable key
/// (Stripe.js's `retrievePaymentIntent`, `retrieveSetupIntent`): only with the matching
/// `client_secret`, and only public fields.
pub fn retrieve<T: Kept>(sim: &Sim, id: &str, req: &StripeRequest) -> Result<Json<Value>, ApiError> {
    sim.apply(|store| match req.key {
        Key::Secret(_) => store
            .intent::<T>(id)
            .within(req.scope())
            .map(|intent| Json(intent.to_json()))
            .ok_or_else(|| ApiError::no_such(T::NO_SUCH, id, "intent")),
        Key::Publishable(_) => {
            let intent = store.intent_for_secret::<T>(req.scope(), id, req.params.str("client_secret")?)?;
            Ok(Json(intent.to_publishable_json()))
        }
    })
}

/// `GET /v1/<intents>`: newest first, `limit` 1..=100 (default 10), `starting_after`,
/// `customer`.
pub fn list<T: Kept>(sim: &Sim, req: &StripeRequest) -> Result<Json<Value>, ApiError> {
    req.key.require_secret()?;
    let p = &req.params;
    p.allow_only(&["limit", "starting_after", "customer", "expand"])?;
    let limit = p.list_limit()?;
    sim.apply(|store| {
        let customer = p.str("customer")?;
        let newest_first = T::kept(store)
            .iter()
            .rev()
            .filter(|intent| intent.account() == req.scope() && customer.is_none_or(|c| intent.customer() == Some(c)));
        super::list_page(
            newest_first,
            |intent| intent.id(),
            p.str("starting_after")?,
            (T::NO_SUCH, limit, format!("/v1/{}s", T::OBJECT)),
            |intent| intent.to_json(),
        )
    })
}

/// `POST /v1/<intents>/{id}/confirm`, from a server (secret key) or from Stripe.js (publishable
/// key and the intent's client secret, which then sees only public fields); `confirm` does the
/// work once the intent is found.
pub fn confirm<T: Kept>(
    sim: &Sim,
    id: &str,
    req: &StripeRequest,
    confirm: impl FnOnce(&mut Store) -> Result<(), ApiError>,
) -> Result<Json<Value>, ApiError> {
    let publishable = matches!(req.key, Key::Publishable(_));
    sim.apply(|store| {
        match publishable {
            true => store.intent_for_secret::<T>(req.scope(), id, req.params.str("client_secret")?).map(drop)?,
            false => store
                .intent::<T>(id)
                .within(req.scope())
                .map(drop)
                .ok_or_else(|| ApiError::no_such(T::NO_SUCH, id, "intent"))?,
        }
        match confirm(store) {
            Ok(()) => {
                let intent = store.intent::<T>(id).expect("confirmed above");
                Ok(Json(if publishable { intent.to_publishable_json() } else { intent.to_json() }))
            }
            // An error carries the intent as the caller may see it (a decline's 402, an unexpected
            // state): Stripe.js only its public fields.
            Err(err) if publishable => Err(publishable_error::<T>(store, id, err)),
            Err(err) => Err(err),
        }
    })
}

/// An error for Stripe.js: the intent it carries (a decline's 402, an unexpected state) with
/// only its public fields.
pub fn publishable_error<T: Kept>(store: &Store, id: &str, mut err: ApiError) -> ApiError {
    if err.attached.contains_key(T::OBJECT)
        && let Some(intent) = store.intent::<T>(id)
    {
        err.attached.insert(T::OBJECT.into(), intent.to_publishable_json());
    }
    err
}
