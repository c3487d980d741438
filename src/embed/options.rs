//! What the host element says, in `data-*` attributes (README, Embedding).

use std::collections::BTreeMap;

use checkout_api::CartItem;

/// The way to pay the checkout opens with (`data-method`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Method {
    #[default]
    Card,
    Konbini,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// `data-api`: the checkout server's `/api`, e.g. `https://checkout.example/api`; the
    /// page's own `/api` when absent.
    pub api: Option<String>,
    /// `data-cart`: the products and quantities, as the API takes them
    /// (`[{"productId":"lumen-tee","quantity":1}]`); the server prices them. The shop's
    /// default cart when absent.
    pub cart: Option<Vec<CartItem>>,
    /// `data-email`: the shopper's email, when the shop knows it.
    pub email: Option<String>,
    /// `data-method`: `card` (the default) or `konbini`.
    pub method: Method,
    /// `data-locale`: `en`, `ja`, or `auto` (the browser's); given to Stripe.js as well.
    pub locale: Option<String>,
    /// `data-appearance`: Stripe Appearance variables over the server's look, for the page and
    /// the Elements alike (`{"colorPrimary":"#0a7c59","borderRadius":"4px"}`).
    pub appearance: BTreeMap<String, String>,
    /// `data-return-url`: where Stripe brings the shopper back after a redirect (the page
    /// itself when absent); the checkout there shows the result.
    pub return_url: Option<String>,
    /// `data-parent-origin`: inside an iframe, the parent page's origin, the only one the
    /// events are also posted to.
    pub parent_origin: Option<String>,
}

impl EmbedOptions {
    /// Reads the host element's attributes; the error says which attribute to fix and how.
    pub fn read(root: &web_sys::HtmlElement) -> Result<Self, String> {
        let attribute = |name: &str| root.get_attribute(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        Self::from_attributes(attribute)
    }

    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let api = attribute("data-api").map(|api| checked_url("data-api", &api)).transpose()?;
        let cart = attribute("data-cart")
            .map(|text| {
                crate::json::parse::<Vec<CartItem>>(&text).map_err(|_| {
                    format!(
                        "data-cart must be JSON like [{{\"productId\":\"lumen-tee\",\"quantity\":1}}], not {text:?}"
                    )
                })
            })
            .transpose()?;
        let method = match attribute("data-method").as_deref() {
            None | Some("card") => Method::Card,
            Some("konbini") => Method::Konbini,
            Some(other) => return Err(format!("data-method must be card or konbini, not {other:?}")),
        };
        let appearance = attribute("data-appearance")
            .map(|text| {
                crate::json::parse::<BTreeMap<String, String>>(&text).map_err(|_| {
                    format!("data-appearance must be a JSON object of Stripe Appearance variables, like {{\"colorPrimary\":\"#0a7c59\"}}, not {text:?}")
                })
            })
            .transpose()?
            .unwrap_or_default();
        let parent_origin =
            attribute("data-parent-origin").map(|o| checked_url("data-parent-origin", &o)).transpose()?;
        Ok(Self {
            api,
            cart,
            email: attribute("data-email"),
            method,
            locale: attribute("data-locale"),
            appearance,
            return_url: attribute("data-return-url").map(|url| checked_url("data-return-url", &url)).transpose()?,
            parent_origin,
        })
    }
}

/// An absolute http(s) URL, without a trailing slash.
fn checked_url(name: &str, value: &str) -> Result<String, String> {
    let ok = web_sys::Url::new(value).is_ok_and(|url| matches!(url.protocol().as_str(), "https:" | "http:"));
    if !ok {
        return Err(format!("{name} must be an absolute http(s) URL like https://checkout.example/api, not {value:?}"));
    }
    Ok(value.trim_end_matches('/').to_owned())
}
