use leptos::prelude::*;

use super::{CheckoutSkeleton, LoadFailure, Ready, load};

/// A page of the shop: the header, and `page` once the configuration and Stripe.js are there;
/// a skeleton meanwhile, and a clear message (with a retry) if they cannot be loaded. Each page
/// is an entry of its own (`src/main.rs`, `src/bin/`), so a shopper downloads only the page
/// they visit.
#[component]
pub fn Shell(page: fn(Ready) -> AnyView) -> impl IntoView {
    let loading = LocalResource::new(load);
    let content = move || match loading.get() {
        None => view! { <CheckoutSkeleton /> }.into_any(),
        Some(Err(message)) => view! { <LoadFailure message on_retry=move |_| loading.refetch() /> }.into_any(),
        Some(Ok(ready)) => page(ready),
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Ferris & Co."</a>
            <span class="secure">"Secure checkout"</span>
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
