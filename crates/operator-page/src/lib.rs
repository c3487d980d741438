//! The platform operator's page for connected accounts' emails, `/operator/emails` (Comms
//! Center's bulk update by CSV): sign in with the operator token, download the template of the
//! connected accounts, upload it filled in, review what it would change (checked in a Web Worker,
//! `worker`, against the accounts the server lists), confirm, and follow the server's job.
//! Nothing is sent before the operator confirms.
//!
//! The same crate has the operator's BNPL dashboard, `/operator/bnpl` (`bnpl`, `src/bin/operator_bnpl.rs`).
//!
//! A page of its own (`src/bin/operator_emails.rs`; its worker `src/bin/operator_emails_worker.rs`):
//! no Stripe.js, no shop configuration, and none of it in the shop's pages.

mod api;
pub mod bnpl;
mod download;
mod job;
mod json;
pub mod protocol;
mod refusal;
mod review;
mod sign_in;
mod upload;
mod worker;

use leptos::prelude::*;

use sign_in::SignInForm;
use upload::EmailsUpload;

#[component]
pub fn OperatorEmailsPage() -> impl IntoView {
    let session = LocalResource::new(api::session);
    // Set by the sign-in form and the sign-out button without asking the server again.
    let signed_in = RwSignal::new(None::<bool>);
    let content = move || {
        let state = signed_in.get().map(Ok).or_else(|| session.get().map(|s| s.map(|s| s.signed_in)));
        match state {
            None => view! { <p class="operator-loading">"Loading…"</p> }.into_any(),
            Some(Err(_)) => view! {
                <section class="load-failure" role="alert">
                    <h2>"The operator page could not be loaded"</h2>
                    <p>"We could not reach the server. Check your connection and try again."</p>
                    <button type="button" on:click=move |_| session.refetch()>"Try again"</button>
                </section>
            }
            .into_any(),
            Some(Ok(false)) => view! { <SignInForm on_signed_in=move |()| signed_in.set(Some(true)) /> }.into_any(),
            Some(Ok(true)) => view! { <EmailsUpload on_signed_out=move |()| signed_in.set(Some(false)) /> }.into_any(),
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Ferris & Co."</a>
            <span class="secure">"Platform operator"</span>
        </header>
        <main class="page operator">
            <h1>"Connected accounts' emails"</h1>
            {content}
        </main>
    }
}

/// Mounts the page in place of the skeleton the server writes into every page's HTML.
pub fn start() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(OperatorEmailsPage);
    if let Some(skeleton) = document().get_element_by_id("boot-skeleton") {
        skeleton.remove();
    }
}
