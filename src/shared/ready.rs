use checkout_api::ConfigResponse;
use leptos::prelude::*;
use leptos_stripe::stripe_wasm::Stripe;

/// What every page needs first: the server's configuration and a loaded Stripe.js.
#[derive(Clone)]
pub struct Ready {
    pub config: ConfigResponse,
    pub stripe: Stripe,
}

/// Loads the configuration, then Stripe.js from the URL it names. The error is the message
/// to show the shopper.
pub async fn load() -> Result<Ready, String> {
    let config = crate::api::config()
        .await
        .map_err(|_| "We could not reach the shop. Check your connection and try again.".to_owned())?;
    let stripe = Stripe::load(&config.stripe_js_url, &config.publishable_key).await.map_err(|err| {
        leptos::logging::error!("{err}");
        "The secure payment form (Stripe.js) could not be loaded. If an ad or script blocker is active, \
         allow js.stripe.com and try again."
            .to_owned()
    })?;
    crate::look::apply_to_page(&config.look);
    Ok(Ready { config, stripe })
}

/// The app-wide loading state, shared by the pages.
pub type Loading = LocalResource<Result<Ready, String>>;
