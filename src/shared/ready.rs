use checkout_api::ConfigResponse;
use futures_util::future::join;
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::Stripe;

use crate::i18n::tr;

/// What every page needs first: the server's configuration and a loaded Stripe.js.
#[derive(Clone)]
pub struct Ready {
    pub config: ConfigResponse,
    pub stripe: Stripe,
}

/// The configuration (written into the page by the server, or asked for when the page was
/// served by `trunk serve`), then at once and side by side: Stripe.js (already preloading since
/// the HTML arrived) and who is signed in. The error is the message to show the shopper.
pub async fn load() -> Result<Ready, String> {
    let mut config = match inline_config() {
        Some(config) => config,
        None => crate::api::config()
            .await
            .map_err(|_| tr("We could not reach the shop. Check your connection and try again."))?,
    };
    crate::i18n::set(std::mem::take(&mut config.locale), std::mem::take(&mut config.texts));
    crate::look::apply_to_page(&config.look);
    let (stripe, session) =
        join(Stripe::load(&config.stripe_js_url, &config.publishable_key), crate::api::session()).await;
    let stripe = stripe.map_err(|err| {
        leptos::logging::error!("{err}");
        tr("The secure payment form (Stripe.js) could not be loaded. If an ad or script blocker is active, \
            allow js.stripe.com and try again.")
    })?;
    // Without an answer about the session, the shopper pays as a guest.
    if let Ok(session) = session {
        config.session = session.session;
        config.customer_session_client_secret = session.customer_session_client_secret;
    }
    Ok(Ready { config, stripe })
}

/// `<script type="application/json" id="checkout-config">` of the server's `index.html`.
fn inline_config() -> Option<ConfigResponse> {
    let text = document().get_element_by_id("checkout-config")?.text_content()?;
    crate::json::parse(&text).ok()
}
