use leptos::prelude::*;

use super::pay::KonbiniFailure;

/// Why paying at a konbini did not work, and what to do instead.
#[component]
pub fn FailureNotice(failure: KonbiniFailure) -> impl IntoView {
    let offer_card = matches!(failure, KonbiniFailure::Busy | KonbiniFailure::Unavailable);
    view! {
        <div class="payment-error konbini-failure" role="alert">
            <p>{failure.message().to_owned()}</p>
            {offer_card.then(|| view! { <a href=crate::host::checkout_url()>{crate::i18n::tr("Pay by card")}</a> })}
        </div>
    }
}
