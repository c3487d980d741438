use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::checkout::CheckoutPage;
use crate::complete::CompletePage;
use crate::konbini::KonbiniPage;
use crate::shared::{CheckoutSkeleton, LoadFailure, Loading, Ready, load};

#[component]
pub fn App() -> impl IntoView {
    let loading: Loading = LocalResource::new(load);
    provide_context(loading);
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Ferris & Co."</a>
            <span class="secure">"Secure checkout"</span>
        </header>
        <main class="page">
            <Router>
                <Routes fallback=|| view! { <p>"This page does not exist."</p> }>
                    <Route path=path!("/") view=|| view! { <WhenReady page=|ready| view! { <CheckoutPage ready /> }.into_any() /> } />
                    <Route path=path!("/complete") view=|| view! { <WhenReady page=|ready| view! { <CompletePage ready /> }.into_any() /> } />
                    <Route path=path!("/konbini") view=|| view! { <WhenReady page=|ready| view! { <KonbiniPage ready /> }.into_any() /> } />
                </Routes>
            </Router>
        </main>
    }
}

/// A page once the configuration and Stripe.js are there: a skeleton meanwhile, and a clear
/// message (with a retry) if they cannot be loaded.
#[component]
fn WhenReady(page: fn(Ready) -> AnyView) -> impl IntoView {
    let loading = expect_context::<Loading>();
    move || match loading.get() {
        None => view! { <CheckoutSkeleton /> }.into_any(),
        Some(Err(message)) => view! { <LoadFailure message on_retry=move |_| loading.refetch() /> }.into_any(),
        Some(Ok(ready)) => page(ready),
    }
}
