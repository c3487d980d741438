use leptos::prelude::*;

use super::api;

/// The operator's sign-in: the token the server was started with (`CHECKOUT_OPERATOR_TOKEN`).
/// A refusal shows the server's own message.
#[component]
pub fn SignInForm(#[prop(into)] on_signed_in: Callback<()>) -> impl IntoView {
    let token = RwSignal::new(String::new());
    let sign_in = Action::new_local(|token: &String| {
        let token = token.clone();
        async move { api::sign_in(&token).await }
    });
    let pending = sign_in.pending();
    Effect::new(move |_| {
        if let Some(Ok(session)) = sign_in.value().get()
            && session.signed_in
        {
            on_signed_in.run(());
        }
    });
    let error = move || match sign_in.value().get() {
        Some(Err(error)) => error.message.unwrap_or_else(|| "The server did not sign you in.".into()),
        _ => String::new(),
    };
    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        if !pending.get_untracked() {
            sign_in.dispatch(token.get_untracked());
        }
    };
    view! {
        <form class="operator-card operator-sign-in" on:submit=on_submit>
            <h2>"Sign in"</h2>
            <label for="operator-token">"Operator token"</label>
            <input id="operator-token" type="password" autocomplete="current-password" required
                prop:value=move || token.get() on:input=move |e| token.set(event_target_value(&e)) />
            <button type="submit" disabled=pending>"Sign in"</button>
            <p class="field-error" role="alert">{error}</p>
        </form>
    }
}
