use checkout_api::SessionView;
use checkout_api::stripe_common::StripeError;
use leptos::prelude::*;

use crate::i18n::{n_, tr};

/// Who is signed in, with the way in or out. Saved cards are only ever a signed-in customer's;
/// offline, the shop offers a demo customer with a saved card. Signing in or out reloads the
/// page, which then loads with (or without) the customer's CustomerSession. Part of the
/// checkout's extras (`super::extras`): the release build downloads it after the card form.
#[component]
pub fn SessionBar(session: SessionView) -> impl IntoView {
    let change = Action::new_local(move |sign_in: &bool| {
        let sign_in = *sign_in;
        async move { change_session(sign_in).await.map_err(|err| tr(err.shopper_message()).to_owned()) }
    });
    let busy = change.pending();
    let error = move || change.value().get().and_then(Result::err);
    let (text, label, sign_in) = offer(&session)?;
    Some(view! {
        <div class="session-bar">
            <span>{tr(text)}</span>
            " "
            <button type="button" disabled=busy on:click=move |_| { change.dispatch(sign_in); }>{tr(label)}</button>
            <span class="payment-error" role="alert">{error}</span>
        </div>
    })
}

/// What the bar says, its button's label, and whether the button signs in (or out); `None`:
/// no bar (nobody signed in, and no demo customer to sign in as).
pub(super) fn offer(session: &SessionView) -> Option<(&'static str, &'static str, bool)> {
    match (session.signed_in, session.demo_sign_in) {
        (true, _) => Some((n_("Signed in: your saved cards are offered."), n_("Sign out"), false)),
        (false, true) => Some((n_("Returning customer?"), n_("Sign in as the demo customer"), true)),
        (false, false) => None,
    }
}

/// Signs in as the demo customer or out, then reloads the page.
async fn change_session(sign_in: bool) -> Result<(), StripeError> {
    if sign_in {
        crate::api::demo_sign_in().await.map(drop)?
    } else {
        crate::api::sign_out().await?
    }
    let _ = window().location().reload();
    Ok(())
}
