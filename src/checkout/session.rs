use checkout_api::SessionView;
use checkout_api::stripe_common::StripeError;
use leptos::prelude::*;

use crate::split::split;

/// Who is signed in, with the way in or out. Saved cards are only ever a signed-in customer's;
/// offline, the shop offers a demo customer with a saved card. Signing in or out reloads the
/// page, which then loads with (or without) the customer's CustomerSession.
#[component]
pub fn SessionBar(session: SessionView) -> impl IntoView {
    let change = Action::new_local(move |sign_in: &bool| {
        let sign_in = *sign_in;
        async move {
            let doing = if sign_in { "Signing in" } else { "Signing out" };
            let done = change_session(sign_in).await.unwrap_or_else(|not_loaded| Err(not_loaded.into_error(doing)));
            done.map_err(|err| crate::split::shopper_message(&err).to_owned())
        }
    });
    let busy = change.pending();
    let error = move || change.value().get().and_then(Result::err);
    let (text, label, sign_in) = match (session.signed_in, session.demo_sign_in) {
        (true, _) => ("Signed in: your saved cards are offered.", "Sign out", false),
        (false, true) => ("Returning customer?", "Sign in as the demo customer", true),
        (false, false) => return None,
    };
    Some(view! {
        <div class="session-bar">
            <span>{text}</span>
            " "
            <button type="button" disabled=busy on:click=move |_| { change.dispatch(sign_in); }>{label}</button>
            <span class="payment-error" role="alert">{error}</span>
        </div>
    })
}

split! {
    /// Signs in as the demo customer or out, then reloads the page (the release build downloads
    /// this when the shopper presses the button).
    module session;
    async fn change_session(sign_in: bool) -> Result<(), StripeError> {
        if sign_in { crate::api::demo_sign_in().await.map(drop)? } else { crate::api::sign_out().await? }
        let _ = window().location().reload();
        Ok(())
    }
}
