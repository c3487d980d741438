//! One look for the page and for Stripe's Elements: the server's theme preset becomes Stripe's
//! Appearance and the page's CSS custom properties.

use checkout_api::{LayoutName, Look, ThemeName};
use leptos_stripe::stripe_wasm::{Appearance, Layout, LayoutType, Theme};

pub fn appearance(look: &Look) -> Appearance {
    Appearance {
        theme: Some(match look.theme {
            ThemeName::Stripe => Theme::Stripe,
            ThemeName::Night => Theme::Night,
            ThemeName::Flat => Theme::Flat,
        }),
        variables: look.variables.clone(),
        ..Default::default()
    }
}

pub fn layout(look: &Look) -> Layout {
    match look.layout {
        LayoutName::Tabs => LayoutType::Tabs.into(),
        LayoutName::Accordion => LayoutType::Accordion.into(),
    }
}

/// Stripe's variable names and the page's custom properties they set.
const PAGE_PROPERTIES: &[(&str, &str)] = &[
    ("colorPrimary", "--color-primary"),
    ("colorBackground", "--color-surface"),
    ("colorText", "--color-text"),
    ("colorDanger", "--color-danger"),
    ("fontFamily", "--font-family"),
    ("borderRadius", "--radius"),
];

/// Sets the page's custom properties (and `data-theme`, for what only the page has) from the look.
pub fn apply_to_page(look: &Look) {
    let Some(root) = crate::host::look_root() else { return };
    let theme = match look.theme {
        ThemeName::Stripe => "stripe",
        ThemeName::Night => "night",
        ThemeName::Flat => "flat",
    };
    let _ = root.set_attribute("data-theme", theme);
    let Ok(root) = wasm_bindgen_cast(root) else { return };
    let style = root.style();
    for (variable, property) in PAGE_PROPERTIES {
        if let Some(value) = look.variables.get(*variable) {
            let _ = style.set_property(property, value);
        }
    }
    let _ = style.set_property("--color-page", &look.page_background);
}

fn wasm_bindgen_cast(element: web_sys::Element) -> Result<web_sys::HtmlElement, web_sys::Element> {
    use leptos::wasm_bindgen::JsCast;
    element.dyn_into()
}
