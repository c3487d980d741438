use leptos::prelude::*;

use super::api;
use super::sign_in::SignInForm;

/// An operator page: the header, its title, and the operator's sign-in before `content` (which
/// is handed the sign-out: it shows the sign-in form again). A server that cannot be reached
/// is said, with Try again.
#[component]
pub fn OperatorShell(
    title: &'static str,
    /// The `main` element's classes (`operator` and the page's own).
    class: &'static str,
    content: fn(Callback<()>) -> AnyView,
) -> impl IntoView {
    let session = LocalResource::new(api::session);
    // Set by the sign-in form and the sign-out button without asking the server again.
    let signed_in = RwSignal::new(None::<bool>);
    let body = move || {
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
            Some(Ok(true)) => content(Callback::new(move |()| signed_in.set(Some(false)))),
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Ferris & Co."</a>
            <span class="secure">"Platform operator"</span>
        </header>
        <main class=class>
            <h1>{title}</h1>
            {body}
        </main>
    }
}

/// Mounts `page` in place of the skeleton the server writes into every page's HTML.
pub fn mount<V: IntoView + 'static>(page: fn() -> V) {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(page);
    if let Some(skeleton) = document().get_element_by_id("boot-skeleton") {
        skeleton.remove();
    }
}
