use checkout_api::SessionView;
use leptos::prelude::*;

/// Who is signed in, with the way in or out. Saved cards are only ever a signed-in customer's;
/// offline, the shop offers a demo customer with a saved card. Signing in or out reloads the
/// page, which then loads with (or without) the customer's CustomerSession.
#[component]
pub fn SessionBar(session: SessionView) -> impl IntoView {
    let change = Action::new_local(move |sign_in: &bool| {
        let sign_in = *sign_in;
        async move {
            let done = if sign_in { crate::api::demo_sign_in().await.map(drop) } else { crate::api::sign_out().await };
            match done {
                Ok(()) => {
                    let _ = window().location().reload();
                    Ok(())
                }
                Err(err) => Err(err.shopper_message().to_owned()),
            }
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
