/// A parameter of the page's own URL (Stripe appends them to a `return_url`).
pub fn query_parameter(name: &str) -> Option<String> {
    let search = leptos::prelude::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}
