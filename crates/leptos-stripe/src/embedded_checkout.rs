use leptos::html::Div;
use leptos::logging::error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stripe_wasm::{ClientSecretSource, EmbeddedCheckout as Checkout, EmbeddedCheckoutOptions, StripeError};

use crate::StripeSource;

/// Stripe's Embedded Checkout, for a Checkout Session created with `ui_mode=embedded_page`
/// (`embedded` before API version 2026-03-25.dahlia) (the
/// counterpart of react-stripe-js's `<EmbeddedCheckoutProvider>` + `<EmbeddedCheckout>`):
/// mounted once Stripe.js is there (`stripe` may still be loading) and its container is in the
/// page, destroyed with the component. Stripe collects and confirms the payment, then sends the
/// shopper to the session's `return_url` (or calls `on_complete` for sessions created with
/// `redirect_on_completion=never`). One per page, as Stripe.js allows. Needs no `<Elements>`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::EmbeddedCheckout;
/// use leptos_stripe::stripe_wasm::{ClientSecretSource, Stripe, StripeError};
/// # async fn create_session_on_server() -> Result<String, String> { Ok(String::new()) }
///
/// #[component]
/// fn Pay(stripe: Signal<Option<Stripe>, LocalStorage>) -> impl IntoView {
///     let done = RwSignal::new(false);
///     view! {
///         <EmbeddedCheckout
///             stripe
///             client_secret=ClientSecretSource::fetch(create_session_on_server)
///             on_complete=move |()| done.set(true)
///             on_error=move |err: StripeError| leptos::logging::error!("{err}")
///             class="checkout"
///         />
///     }
/// }
/// ```
#[component]
pub fn EmbeddedCheckout(
    /// A loaded Stripe, or a signal of one still loading.
    #[prop(into)]
    stripe: StripeSource,
    /// The session's client secret, or how to ask the server for one when the page mounts it.
    client_secret: ClientSecretSource,
    /// Called when the session completes, for sessions created with
    /// `redirect_on_completion=never` (others send the shopper to the `return_url`).
    #[prop(optional, into)]
    on_complete: Option<Callback<()>>,
    /// Stripe.js could not create or mount the checkout (e.g. fetching the secret failed).
    #[prop(optional, into)]
    on_error: Option<Callback<StripeError>>,
    /// The `id` of the `<div>` it is mounted into.
    #[prop(optional, into)]
    id: Option<String>,
    /// The `class` of the `<div>` it is mounted into.
    #[prop(optional, into)]
    class: Option<String>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let created: StoredValue<Option<Checkout>, LocalStorage> = StoredValue::new_local(None);
    let started = StoredValue::new_local(false);
    let client_secret = StoredValue::new_local(client_secret);
    let fail = move |err: StripeError| match on_error {
        Some(cb) => cb.run(err),
        None => error!("Embedded Checkout: {err}"),
    };

    crate::watch::effect(move || {
        let (Some(node), Some(stripe)) = (container.get(), stripe.get()) else { return };
        if started.get_value() {
            return;
        }
        started.set_value(true);
        let options = EmbeddedCheckoutOptions {
            client_secret: client_secret.get_value(),
            on_complete: on_complete.map(|cb| Box::new(move || cb.run(())) as Box<dyn FnMut()>),
        };
        spawn_local(async move {
            let checkout = match stripe.create_embedded_checkout_page(options).await {
                Ok(checkout) => checkout,
                Err(err) => return fail(err),
            };
            if let Err(err) = checkout.mount(&node) {
                return fail(err);
            }
            // Cleaned up while Stripe.js was creating it: destroy it at once.
            if let Some(Some(orphan)) = created.try_set_value(Some(checkout)) {
                let _ = orphan.destroy();
            }
        });
    });

    on_cleanup(move || {
        if let Some(Some(checkout)) = created.try_update_value(Option::take)
            && let Err(err) = checkout.destroy()
        {
            error!("cannot destroy the Embedded Checkout: {err}");
        }
    });

    view! { <div node_ref=container id=id class=class></div> }
}
