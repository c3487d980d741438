use leptos::prelude::*;

use super::{CheckoutSkeleton, LoadFailure, Ready, load};

/// A page of the shop: the header, and `page` once the configuration and Stripe.js are there;
/// a skeleton meanwhile, and a clear message (with a retry) if they cannot be loaded. Each page
/// is an entry of its own (`src/main.rs`, `src/bin/`), so a shopper downloads only the page
/// they visit.
#[component]
pub fn Shell(page: fn(Ready) -> AnyView) -> impl IntoView {
    // A task and a signal rather than a LocalResource: it runs once (and again on a retry), and
    // the card checkout's first load then carries none of the async-derived machinery
    // (README, Performance).
    let loading = RwSignal::new_local(None::<Result<Ready, String>>);
    let start = move || {
        loading.set(None);
        leptos::task::spawn_local(async move { loading.set(Some(load().await)) });
    };
    start();
    let content = move || match loading.get() {
        None => view! { <CheckoutSkeleton /> }.into_any(),
        Some(Err(message)) => view! { <LoadFailure message on_retry=move |_| start() /> }.into_any(),
        Some(Ok(ready)) => page(ready),
    };
    view! {
        <header class="site-header">
            <a class="brand" href=crate::host::shop_page("/")>"Ferris & Co."</a>
            <span class="secure">{crate::i18n::tr("Secure checkout")}</span>
        </header>
        <main class="page">{content}</main>
    }
}

/// Mounts `page` in the shop's shell, in place of the skeleton the server wrote into the HTML.
pub fn start(page: fn(Ready) -> AnyView) {
    // Panics as readable console errors while developing; a release build saves the bytes.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(move || view! { <Shell page /> });
    if let Some(skeleton) = document().get_element_by_id("boot-skeleton") {
        skeleton.remove();
    }
}
