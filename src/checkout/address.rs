//! The Address Element, when the shop collects an address (`CHECKOUT_ADDRESS`). Most shops do
//! not, so its code (the Element's options, their watching, its events) is a chunk of the
//! release build (the `address` split point), fetched at once when the page needs it and never
//! otherwise: the card checkout's first load does without it. Pay waits for the Address
//! Element to be ready: an order that must ship never goes without its address.

use checkout_api::AddressCollection;
use leptos::prelude::*;
use leptos_stripe::StripeElement;
use leptos_stripe::stripe_wasm::{AddressElementOptions, AddressMode, ElementEvent, LoadErrorEvent};

use crate::i18n::tr;
use crate::split::{NotLoaded, split};

/// The Address Element in its fieldset (nothing when no address is collected); `ready` turns
/// true once it can be filled in (at once without one). If its code cannot be downloaded, the
/// shopper is told and Pay stays off.
#[component]
pub fn AddressSlot(
    address: AddressCollection,
    ready: RwSignal<bool>,
    #[prop(into)] on_load_error: Callback<LoadErrorEvent>,
) -> impl IntoView {
    // The same signal type as the payment result's (`super::succeeded`): one copy of its code.
    let view = RwSignal::new(None::<Result<ViewFn, NotLoaded>>);
    if address == AddressCollection::None {
        ready.set(true);
    } else {
        let on_ready = Callback::new(move |()| ready.set(true));
        leptos::task::spawn_local(async move { view.set(Some(address_view(address, on_load_error, on_ready).await)) });
    }
    move || {
        view.get().map(|view| match view {
            Ok(view) => view.run(),
            Err(NotLoaded) => view! {
                <p class="payment-error" role="alert">
                    {tr("The address form could not load: part of the page did not download. Reload the page to try again.")}
                </p>
            }
            .into_any(),
        })
    }
}

fn heading(address: AddressCollection) -> &'static str {
    match address {
        AddressCollection::Shipping => tr("Shipping address"),
        _ => tr("Billing address"),
    }
}

split! {
    module address;
    fn address_view(address: AddressCollection, on_load_error: Callback<LoadErrorEvent>, on_ready: Callback<()>) -> ViewFn {
        let mode = match address {
            AddressCollection::Shipping => AddressMode::Shipping,
            _ => AddressMode::Billing,
        };
        ViewFn::from(move || view! {
            <fieldset class="address">
                <legend>{heading(address)}</legend>
                <StripeElement kind="address" options=Signal::stored(AddressElementOptions::new(mode)) id="address-element"
                    on_ready=move |_: ElementEvent| on_ready.run(()) on_load_error />
            </fieldset>
        }.into_any())
    }
}
