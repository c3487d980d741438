//! The page's look, shared by the page's own CSS and Stripe's Appearance API so the Payment
//! Element matches the page: one theme preset and one layout, chosen by the server.

use std::collections::BTreeMap;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Stripe's built-in themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    Stripe,
    Night,
    Flat,
}

/// The Payment Element's layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LayoutName {
    Tabs,
    Accordion,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Look {
    pub theme: ThemeName,
    /// Appearance API variables (`colorPrimary`, `colorBackground`, `colorText`, `colorDanger`,
    /// `fontFamily`, `borderRadius`); the page sets the same values as CSS custom properties.
    pub variables: BTreeMap<String, String>,
    /// The page behind the cards (not a Stripe variable: Elements sit on `colorBackground`).
    pub page_background: String,
    pub layout: LayoutName,
}

impl Look {
    /// The shop's colours for `theme`.
    pub fn preset(theme: ThemeName, layout: LayoutName) -> Self {
        let (primary, background, text, page) = match theme {
            ThemeName::Stripe => ("#5b3cc4", "#ffffff", "#1f1d2b", "#f5f4fa"),
            ThemeName::Night => ("#a48bff", "#30313d", "#f4f4f6", "#1f1f28"),
            ThemeName::Flat => ("#3d5afe", "#f6f8fa", "#1a1f36", "#ffffff"),
        };
        let variables = [
            ("colorPrimary", primary),
            ("colorBackground", background),
            ("colorText", text),
            ("colorDanger", "#d62c43"),
            ("fontFamily", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"),
            ("borderRadius", "8px"),
        ];
        Self {
            theme,
            variables: variables.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect(),
            page_background: page.to_owned(),
            layout,
        }
    }
}

impl FromStr for ThemeName {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "stripe" => Ok(Self::Stripe),
            "night" => Ok(Self::Night),
            "flat" => Ok(Self::Flat),
            other => Err(format!("{other:?} is not one of stripe, night, flat")),
        }
    }
}

impl FromStr for LayoutName {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "tabs" => Ok(Self::Tabs),
            "accordion" => Ok(Self::Accordion),
            other => Err(format!("{other:?} is not one of tabs, accordion")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_sets_the_same_variables() {
        let keys = |t| Look::preset(t, LayoutName::Tabs).variables.into_keys().collect::<Vec<_>>();
        assert_eq!(keys(ThemeName::Stripe), keys(ThemeName::Night));
        assert_eq!(keys(ThemeName::Stripe), keys(ThemeName::Flat));
        assert_eq!(Look::preset(ThemeName::Night, LayoutName::Accordion).variables["colorBackground"], "#30313d");
    }

    /// The page's CSS holds the Stripe preset's colours as its defaults (what shows before the
    /// app applies the server's look): one palette, checked here so the two cannot drift.
    #[test]
    fn the_page_css_defaults_are_the_stripe_preset() {
        let css = include_str!("../../../style/main.css");
        let look = Look::preset(ThemeName::Stripe, LayoutName::Tabs);
        for (variable, property) in [
            ("colorPrimary", "--color-primary"),
            ("colorBackground", "--color-surface"),
            ("colorText", "--color-text"),
            ("colorDanger", "--color-danger"),
            ("borderRadius", "--radius"),
        ] {
            let declaration = format!("{property}: {};", look.variables[variable]);
            assert!(css.contains(&declaration), "style/main.css should declare {declaration}");
        }
        assert!(css.contains(&format!("--color-page: {};", look.page_background)));
    }

    #[test]
    fn names_parse_from_configuration() {
        assert_eq!("night".parse(), Ok(ThemeName::Night));
        assert_eq!("accordion".parse(), Ok(LayoutName::Accordion));
        assert!("dark".parse::<ThemeName>().is_err());
    }
}
