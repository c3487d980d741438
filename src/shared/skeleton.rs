use leptos::prelude::*;

/// Shown while the cart and Stripe.js load: the page's shape, no content.
#[component]
pub fn CheckoutSkeleton() -> impl IntoView {
    view! {
        <div class="checkout skeleton" aria-busy="true" aria-label=crate::i18n::tr("Loading checkout")>
            <section class="order-summary">
                <div class="bone wide"></div>
                <div class="bone"></div>
                <div class="bone"></div>
            </section>
            <section class="payment">
                <div class="bone tall"></div>
                <div class="bone button"></div>
            </section>
        </div>
    }
}
