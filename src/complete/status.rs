use checkout_api::format_amount;
use checkout_api::stripe_common::{PaymentIntent, PaymentIntentStatus};
use leptos::prelude::*;

/// What a PaymentIntent's status means for the shopper, in Stripe's suggested words.
#[component]
pub fn PaymentStatus(intent: PaymentIntent, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let amount = format_amount(intent.amount, &intent.currency);
    let (heading, text, retry) = match intent.status {
        PaymentIntentStatus::Succeeded => {
            ("Payment succeeded", format!("We received your payment of {amount}."), false)
        }
        PaymentIntentStatus::Processing => (
            "Payment processing",
            format!("Your payment of {amount} is processing. We'll let you know when it is received."),
            false,
        ),
        PaymentIntentStatus::RequiresPaymentMethod => {
            ("Payment failed", "Your payment was not successful, please try again.".to_owned(), true)
        }
        _ => ("Payment not completed", "Something went wrong with your payment, please try again.".to_owned(), true),
    };
    view! {
        <section class="payment-result" role="status" data-status=intent.status.as_str()>
            <h2>{heading}</h2>
            <p>{text}</p>
            <p class="reference">"Reference: " <code data-testid="payment-intent-id">{intent.id}</code></p>
            {children.map(|children| children())}
            {retry.then(|| view! { <a class="retry" href=crate::host::checkout_url()>"Back to checkout"</a> })}
        </section>
    }
}
