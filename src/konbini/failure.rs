use leptos::prelude::*;

use super::pay::KonbiniFailure;

/// Why paying at a konbini did not work, and what to do instead.
#[component]
pub fn FailureNotice(failure: KonbiniFailure) -> impl IntoView {
    let (message, offer_card) = match failure {
        KonbiniFailure::Busy => (
            "コンビニ決済が混み合っています。しばらくしてからもう一度お試しいただくか、カードでお支払いください。 \
             Konbini payments are busy right now. Try again in a little while, or pay by card."
                .to_owned(),
            true,
        ),
        KonbiniFailure::Unavailable => (
            "コンビニ決済は現在ご利用いただけません。カードでお支払いいただくか、時間をおいてお試しください。 \
             Konbini payments are unavailable right now. Pay by card, or try again later."
                .to_owned(),
            true,
        ),
        KonbiniFailure::Other(message) | KonbiniFailure::Field { message, .. } => (message, false),
    };
    view! {
        <div class="payment-error konbini-failure" role="alert">
            <p>{message}</p>
            {offer_card.then(|| view! { <a href=crate::host::checkout_url()>"カードで支払う Pay by card"</a> })}
        </div>
    }
}
