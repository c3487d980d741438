//! Acting on a connected account. A platform's secret key sends the `Stripe-Account: acct_...`
//! header (docs.stripe.com/connect/authentication#stripe-account-header) on any request; the
//! request's objects are then that account's, and another account's objects (the platform's
//! included) are not there: "No such ...". Stripe.js made with `Stripe(pk, {stripeAccount})`
//! sends the account as the `_stripe_account` parameter beside its `key` (mobile SDKs send the
//! header with the publishable key; both are taken).

use axum::http::{HeaderMap, StatusCode};
use serde_json::{Map, Value};
use stripe_common::{ErrorType, StripeError};

use crate::api_keys::Key;
use crate::error::ApiError;
use crate::store::Store;

/// The account a request names, if any.
pub fn requested_account(
    headers: &HeaderMap,
    params: &mut Map<String, Value>,
    key: &Key,
) -> Result<Option<String>, ApiError> {
    let from_stripe_js = match key {
        Key::Publishable(_) => params.remove("_stripe_account"),
        Key::Secret(_) => None,
    };
    let header = headers.get("stripe-account").map(|v| v.to_str().unwrap_or_default().trim().to_owned());
    let named = match (header, from_stripe_js) {
        (Some(header), _) => header,
        (None, Some(Value::String(account))) => account,
        (None, Some(_)) => return Err(ApiError::param_invalid("_stripe_account", "Invalid string")),
        (None, None) => return Ok(None),
    };
    Ok(Some(named))
}

/// A request may act on `account` only if it is one of the platform's connected accounts; any
/// other (unknown, deleted, not an `acct_` id at all) is Stripe's 403, which does not tell
/// which: as stripe/stripe-php's tests record it, `invalid_request_error` "The provided key
/// 'sk_test_********************1234' does not have access to account 'foo' (or that account
/// does not exist). Application access may have been revoked.", with code `account_invalid`.
pub fn check_connected(store: &Store, key: &Key, account: &str) -> Result<(), ApiError> {
    match store.account(account) {
        Some(_) => Ok(()),
        None => Err(account_invalid(key, account)),
    }
}

pub fn account_invalid(key: &Key, account: &str) -> ApiError {
    let mut error = StripeError::new(
        ErrorType::InvalidRequestError,
        format!(
            "The provided key '{}' does not have access to account '{account}' (or that account does not exist). \
             Application access may have been revoked.",
            key.masked()
        ),
    )
    .with_code("account_invalid");
    error.doc_url = Some("https://stripe.com/docs/error-codes/account-invalid".into());
    ApiError::new(StatusCode::FORBIDDEN, error)
}

/// What a connected account is refused when it acts as a platform (making or listing accounts
/// of its own), in Stripe's words (reported in WilliamDASILVA/nuxt-stripe-module#31).
pub fn not_a_platform() -> ApiError {
    ApiError::invalid_request(
        "Only Stripe Connect platforms can work with other accounts. If you specified a client_id parameter, make \
         sure it's correct. If you need to setup a Stripe Connect platform, you can do so at \
         https://dashboard.stripe.com/account/applications/settings.",
    )
}
