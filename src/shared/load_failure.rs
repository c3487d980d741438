use leptos::prelude::*;

use crate::i18n::tr;

/// The checkout could not start: say what happened and offer to try again.
#[component]
pub fn LoadFailure(message: String, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="load-failure" role="alert">
            <h2>{tr("The checkout could not be loaded")}</h2>
            <p>{message}</p>
            <button type="button" on:click=move |_| on_retry.run(())>{tr("Try again")}</button>
        </section>
    }
}
