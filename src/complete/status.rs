use checkout_api::stripe_common::{PaymentIntent, PaymentIntentStatus};
use leptos::prelude::*;

use crate::i18n::{n_, tr, tr_with};

/// What a PaymentIntent's status means for the shopper, in Stripe's suggested words.
#[component]
pub fn PaymentStatus(intent: PaymentIntent, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let amount = crate::i18n::money(intent.amount, &intent.currency);
    let (heading, text, retry) = match intent.status {
        PaymentIntentStatus::Succeeded => {
            (n_("Payment succeeded"), tr_with("We received your payment of {}.", &amount), false)
        }
        PaymentIntentStatus::Processing => (
            n_("Payment processing"),
            tr_with("Your payment of {} is processing. We'll let you know when it is received.", &amount),
            false,
        ),
        PaymentIntentStatus::RequiresPaymentMethod => {
            (n_("Payment failed"), tr("Your payment was not successful, please try again.").to_owned(), true)
        }
        _ => (
            n_("Payment not completed"),
            tr("Something went wrong with your payment, please try again.").to_owned(),
            true,
        ),
    };
    view! {
        <section class="payment-result" role="status" data-status=intent.status.as_str()>
            <h2>{tr(heading)}</h2>
            <p>{text}</p>
            <p class="reference">{tr("Reference:")} " " <code data-testid="payment-intent-id">{intent.id}</code></p>
            {children.map(|children| children())}
            {retry.then(|| view! { <a class="retry" href=crate::host::checkout_url()>{tr("Back to checkout")}</a> })}
        </section>
    }
}
