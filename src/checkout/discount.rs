use checkout_api::{Cart, PriceRequest};
use leptos::prelude::*;

use crate::i18n::{tr, tr_with};

/// A discount code field. The server checks the code and prices the cart again; the new cart
/// (and so the Elements amount and the Pay button) follows. `locked` while a payment runs. Part
/// of the checkout's extras (`super::extras`): the release build downloads it after the card form.
#[component]
pub fn DiscountForm(cart: RwSignal<Cart>, #[prop(into)] locked: Signal<bool>) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let reprice = Action::new_local(move |discount_code: &Option<String>| {
        let request = PriceRequest { items: cart.with_untracked(Cart::items), discount_code: discount_code.clone() };
        async move { crate::api::price(&request).await }
    });
    let busy = reprice.pending();
    leptos_stripe::effect(move || {
        if let Some(Ok(priced)) = reprice.value().get() {
            cart.set(priced);
            code.set(String::new());
        }
    });
    let error = move || match reprice.value().get() {
        Some(Err(err)) if err.param.as_deref() == Some("discountCode") => {
            err.message.as_deref().map(|m| tr(m).to_owned())
        }
        Some(Err(err)) => Some(tr(err.shopper_message()).to_owned()),
        _ => None,
    };
    let on_submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        if !busy.get_untracked() && !locked.get_untracked() {
            reprice.dispatch(Some(code.get_untracked()));
        }
    };
    let applied = move || cart.with(|c| c.discount.as_ref().map(|d| d.code.clone()));

    view! {
        <form class="discount-form" on:submit=on_submit>
            <label for="discount-code">{tr("Discount code")}</label>
            <div class="discount-row">
                <input
                    id="discount-code"
                    autocomplete="off"
                    prop:value=move || code.get()
                    on:input=move |e| code.set(event_target_value(&e))
                    aria-invalid=move || error().is_some().to_string()
                    aria-describedby="discount-error"
                    disabled=move || locked.get()
                />
                <button type="submit" disabled=move || busy.get() || locked.get() || code.with(|c| c.trim().is_empty())>
                    {tr("Apply")}
                </button>
            </div>
            <div id="discount-error" class="field-error" role="alert">{error}</div>
            {move || applied().map(|applied| view! {
                <p class="discount-applied">
                    {tr_with("{} applied.", &applied)} " "
                    <button type="button" class="link" disabled=move || busy.get() || locked.get() on:click=move |_| { reprice.dispatch(None); }>
                        {tr("Remove")}
                    </button>
                </p>
            })}
        </form>
    }
}
