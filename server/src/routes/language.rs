//! A shopper's refusals in their language: the message of an error a shopper can meet (a card
//! declined, a form or cart to fix) in the request's `Accept-Language`, from the same
//! catalogues as the pages' words (`checkout_api::texts`, which holds every such refusal:
//! its `tests/texts.rs`). The page sends the language it shows, so an embedded checkout in
//! Japanese on an English browser is answered in Japanese. Errors meant for the integrator (an
//! unreadable body, Stripe's API errors) are in no catalogue and stay in English, as Stripe's
//! API writes them.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use checkout_api::stripe_common::StripeError;
use checkout_api::texts;

/// What `AppError` answered, kept beside its body so this layer need not parse it again.
#[derive(Clone, Debug)]
pub struct Refusal(pub StripeError);

pub async fn shoppers_language(request: Request, next: Next) -> Response {
    let accept = request.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let locale = texts::negotiate(accept);
    let mut response = next.run(request).await;
    let Some(Refusal(error)) = response.extensions_mut().remove::<Refusal>() else { return response };
    response.headers_mut().append(header::VARY, HeaderValue::from_static("accept-language"));
    let Some(translated) = error.message.as_deref().map(|message| texts::translate(locale, message)) else {
        return response;
    };
    if translated == error.message.as_deref().unwrap_or_default() {
        return response;
    }
    let error = StripeError { message: Some(translated.into_owned()), ..error };
    let (mut parts, _) = response.into_parts();
    let body = axum::Json(checkout_api::ApiErrorBody { error }).into_response().into_body();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, body)
}
