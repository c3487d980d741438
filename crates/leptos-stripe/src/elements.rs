use leptos::logging::error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stripe_wasm::{ElementsOptions, Stripe};

use crate::context::StripeContext;
use crate::watch::on_options_change;

/// Creates one Elements group (deferred intent: mode, amount, currency from `options`) and
/// shares it with its children. Later changes of `options` are sent with `elements.update()`;
/// options Stripe cannot update are refused with a console error.
#[component]
pub fn Elements(
    /// A Stripe instance (Stripe.js loaded).
    stripe: Stripe,
    #[prop(into)] options: Signal<ElementsOptions>,
    children: Children,
) -> impl IntoView {
    let initial = options.get_untracked();
    let elements = match stripe.elements(&initial) {
        Ok(elements) => elements,
        Err(err) => {
            error!("stripe.elements() failed: {err}");
            return view! { <p class="stripe-integration-error" role="alert">"Payment form unavailable: " {err.to_string()}</p> }
                .into_any();
        }
    };
    let context = StripeContext::provide(stripe, elements);
    on_options_change(options, initial, move |previous, next| {
        if let Some(elements) = context.elements() {
            spawn_local(async move {
                if let Err(err) = elements.update_changed(&previous, &next).await {
                    error!("elements.update() refused: {err}");
                }
            });
        }
    });

    children().into_any()
}
