//! One factory for every Element component (as `createElementComponent` in
//! react-stripe-js): create the Element in the enclosing group, mount it once its container is
//! in the page, forward its events to callbacks, diff option changes into `update()`, and
//! destroy it on cleanup.

use leptos::html::Div;
use leptos::logging::error;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use stripe_wasm::ElementOptions;
use stripe_wasm::{Element, ElementEvent, Listener, LoadErrorEvent, StripeError};

use crate::context::StripeContext;
use crate::watch::on_options_change;

/// Callbacks for the events every Element emits; `C` is the Element's `change` payload.
#[derive(Clone)]
pub struct ElementCallbacks<C: 'static> {
    pub on_change: Option<Callback<C>>,
    pub on_ready: Option<Callback<ElementEvent>>,
    pub on_focus: Option<Callback<ElementEvent>>,
    pub on_blur: Option<Callback<ElementEvent>>,
    pub on_escape: Option<Callback<ElementEvent>>,
    pub on_load_error: Option<Callback<LoadErrorEvent>>,
    pub on_loader_start: Option<Callback<ElementEvent>>,
}

impl<C: DeserializeOwned + Send + Sync + 'static> ElementCallbacks<C> {
    fn attach(&self, element: &Element) -> Result<Vec<Listener>, StripeError> {
        let mut listeners = Vec::new();
        if let Some(cb) = self.on_change {
            listeners.push(element.on("change", move |e: C| cb.run(e))?);
        }
        for (event, cb) in [
            ("ready", self.on_ready),
            ("focus", self.on_focus),
            ("blur", self.on_blur),
            ("escape", self.on_escape),
            ("loaderstart", self.on_loader_start),
        ] {
            if let Some(cb) = cb {
                listeners.push(element.on(event, move |e: ElementEvent| cb.run(e))?);
            }
        }
        if let Some(cb) = self.on_load_error {
            listeners.push(element.on_load_error(move |e| cb.run(e))?);
        }
        Ok(listeners)
    }
}

/// An Element of `kind` with `options`, in a `<div>` with `id` and `class`.
pub(crate) fn element_view<O, C>(
    kind: &'static str,
    options: Signal<O>,
    callbacks: ElementCallbacks<C>,
    id: Option<String>,
    class: Option<String>,
) -> AnyView
where
    O: ElementOptions + PartialEq + Send + Sync + 'static,
    C: DeserializeOwned + Send + Sync + 'static,
{
    let Some(context) = use_context::<StripeContext>() else {
        error!("<{kind}> must be inside <Elements>");
        return view! { <p class="stripe-integration-error" role="alert">"Payment form unavailable."</p> }.into_any();
    };
    let container = NodeRef::<Div>::new();
    // The live Element and its listeners; `None` until mounted and after cleanup.
    let mounted: StoredValue<Option<(Element, Vec<Listener>)>, LocalStorage> = StoredValue::new_local(None);
    let initial = options.get_untracked();
    let created_with = StoredValue::new_local(initial.clone());

    // Effects run once the view is in the document, so the Element mounts into a live node.
    Effect::new(move |_| {
        let Some(node) = container.get() else { return };
        // Mounts when the group is there: at once, or when Stripe.js has loaded.
        let Some(elements) = context.elements_tracked() else { return };
        if mounted.with_value(Option::is_some) {
            return;
        }
        let created = elements.create(kind, &created_with.get_value()).and_then(|element| {
            let listeners = callbacks.attach(&element)?;
            element.mount(&node)?;
            Ok((element, listeners))
        });
        match created {
            Ok(live) => mounted.set_value(Some(live)),
            Err(err) => error!("cannot mount the {kind} Element: {err}"),
        }
    });

    on_options_change(options, initial, move |previous, next| {
        created_with.set_value(next.clone());
        mounted.with_value(|live| {
            if let Some((element, _)) = live
                && let Err(err) = element.update_changed(&previous, &next)
            {
                error!("{kind} element.update() failed: {err}");
            }
        });
    });

    on_cleanup(move || {
        if let Some(Some((element, listeners))) = mounted.try_update_value(Option::take) {
            drop(listeners);
            if let Err(err) = element.destroy() {
                error!("cannot destroy the {kind} Element: {err}");
            }
        }
    });

    view! { <div node_ref=container id=id class=class></div> }.into_any()
}
