use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves the keyboard focus to `target` once it is in the document: to the result of what the
/// shopper just did (the payment's outcome, the konbini instructions), which is where a
/// keyboard or screen reader user must land next (WCAG 2.4.3). `target` needs `tabindex="-1"`.
pub fn focus_when_shown<E>(target: NodeRef<E>)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    leptos_stripe::effect(move || {
        if let Some(node) = target.get() {
            let _ = node.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}
