//! One factory for every Element component (as `createElementComponent` in
//! react-stripe-js): create the Element in the enclosing group, mount it once its container is
//! in the page, forward its events to callbacks, diff option changes into `update()`, and
//! destroy it on cleanup.

use std::rc::Rc;

use leptos::html::Div;
use leptos::logging::error;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use stripe_wasm::ElementOptions;
use stripe_wasm::{Element, ElementEvent, Listener, LoadErrorEvent, RawEvent, StripeError};

use crate::context::StripeContext;
use crate::watch::on_options_change;

/// Attaches one listener to a new Element (see [`On`]).
pub(crate) type Attach = Rc<dyn Fn(&Element) -> Result<Listener, StripeError>>;

/// Callbacks for the events every Element emits; `C` is the Element's `change` payload: what
/// the typed components gather their event props into.
#[derive(Clone)]
pub(crate) struct ElementCallbacks<C: 'static> {
    /// `change`, with the Element's own payload.
    pub on_change: Option<Callback<C>>,
    /// `ready`: the Element is rendered and can take the focus.
    pub on_ready: Option<Callback<ElementEvent>>,
    /// `focus`.
    pub on_focus: Option<Callback<ElementEvent>>,
    /// `blur`.
    pub on_blur: Option<Callback<ElementEvent>>,
    /// `escape`.
    pub on_escape: Option<Callback<ElementEvent>>,
    /// `loaderror`: the Element could not load.
    pub on_load_error: Option<Callback<LoadErrorEvent>>,
    /// `loaderstart`: the loading skeleton is in the page.
    pub on_loader_start: Option<Callback<ElementEvent>>,
}

impl<C: DeserializeOwned + Send + Sync + 'static> ElementCallbacks<C> {
    pub(crate) fn into_attach(self) -> Vec<Attach> {
        let mut attach: Vec<Attach> = Vec::new();
        if let Some(cb) = self.on_change {
            attach.push(listen("change", cb));
        }
        for (event, cb) in [
            ("ready", self.on_ready),
            ("focus", self.on_focus),
            ("blur", self.on_blur),
            ("escape", self.on_escape),
            ("loaderstart", self.on_loader_start),
        ] {
            if let Some(cb) = cb {
                attach.push(listen(event, cb));
            }
        }
        attach
    }

    /// This Element type emits `loaderror`: watched, and given to `on_load_error`.
    pub(crate) fn load_errors(&self) -> LoadErrors {
        LoadErrors::Emitted(self.on_load_error)
    }
}

/// Whether an Element type emits `loaderror` (after which Stripe.js destroys the Element
/// itself), and who wants to know.
#[derive(Clone, Copy)]
pub(crate) enum LoadErrors {
    /// The type has no such event (Stripe.js refuses a listener for it).
    NotEmitted,
    Emitted(Option<Callback<LoadErrorEvent>>),
}

/// Listens to `event` with payloads of type `E`, calling `callback`.
pub(crate) fn listen<E: DeserializeOwned + 'static>(event: &'static str, callback: Callback<E>) -> Attach {
    Rc::new(move |element: &Element| element.on(event, move |e: E| callback.run(e)))
}

/// A raw event listener of [`StripeElement`]: Stripe.js's payload of `event`, as it is
/// (decode it with [`RawEvent::decode`], or read [`RawEvent::as_js`]).
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::stripe_wasm::{ElementOptions, RawEvent};
/// use leptos_stripe::{On, StripeElement};
///
/// /// Options of an Element these crates do not type.
/// #[derive(Clone, PartialEq, serde::Serialize)]
/// struct TaxIdOptions {
///     /// `always`, `never` or `auto`.
///     visibility: String,
/// }
/// impl ElementOptions for TaxIdOptions {}
///
/// #[component]
/// fn TaxId() -> impl IntoView {
///     let on = vec![On::new("change", |e: RawEvent| leptos::logging::log!("{:?}", e.as_js()))];
///     view! {
///         // Inside <Elements>.
///         <StripeElement kind="taxId" options=Signal::stored(TaxIdOptions { visibility: "auto".into() }) on />
///     }
/// }
/// ```
#[derive(Clone)]
pub struct On {
    event: &'static str,
    callback: Callback<RawEvent>,
}

impl On {
    /// Calls `callback` with each `event` (Stripe.js's name: `change`, `ready`, ...) of the
    /// Element.
    ///
    /// ```
    /// use leptos_stripe::On;
    /// use leptos_stripe::stripe_wasm::{ElementEvent, RawEvent};
    /// let on = On::new("ready", |e: RawEvent| {
    ///     let ready: Result<ElementEvent, _> = e.decode();
    /// });
    /// # let _ = on;
    /// ```
    pub fn new(event: &'static str, callback: impl Fn(RawEvent) + Send + Sync + 'static) -> Self {
        Self { event, callback: Callback::new(callback) }
    }

    fn attach(self) -> Attach {
        let On { event, callback } = self;
        Rc::new(move |element: &Element| element.on_raw(event, move |e| callback.run(e)))
    }
}

/// Any Element of Stripe.js by its type name (`kind`), with `options` (any serde struct that
/// implements [`ElementOptions`]; changes are sent with `update()`), its `ready` and
/// `loaderror` events typed, and every other event raw through `on`: the escape hatch for
/// Elements these crates do not type yet, and the factory the typed components share. Inside
/// `<Elements>`; destroyed with the component.
///
/// ```no_run
/// use leptos::prelude::*;
/// use leptos_stripe::stripe_wasm::{PaymentElementOptions, RawEvent};
/// use leptos_stripe::{On, StripeElement};
///
/// #[component]
/// fn PaymentWithCardBrands() -> impl IntoView {
///     // The Payment Element's `carddetailschange`, which `<PaymentElement>` has no prop for.
///     let on = vec![On::new("carddetailschange", |e: RawEvent| {
///         let details = e.decode::<leptos_stripe::stripe_wasm::CardDetailsChangeEvent>();
///     })];
///     view! { <StripeElement kind="payment" options=Signal::stored(PaymentElementOptions::default()) on /> }
/// }
/// ```
#[component]
pub fn StripeElement<O>(
    /// Stripe.js's name of the Element: `payment`, `address`, `expressCheckout`, …
    kind: &'static str,
    /// A signal of the options (`Signal::stored(options)` for fixed ones).
    options: Signal<O>,
    /// Listeners for any other event, with Stripe.js's payload as it is.
    #[prop(optional)]
    on: Vec<On>,
    /// The `id` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    id: Option<String>,
    /// The `class` of the `<div>` the Element is mounted into.
    #[prop(optional, into)]
    class: Option<String>,
    /// `ready`, typed: the Element is rendered and can take the focus.
    #[prop(optional, into)]
    on_ready: Option<Callback<ElementEvent>>,
    /// `loaderror`, typed: the Element could not load (give it only for a type that has the event:
    /// Stripe.js refuses a listener otherwise).
    #[prop(optional, into)]
    on_load_error: Option<Callback<LoadErrorEvent>>,
) -> impl IntoView
where
    O: ElementOptions + PartialEq + Send + Sync + 'static,
{
    let mut attach: Vec<Attach> = on.into_iter().map(On::attach).collect();
    attach.extend(on_ready.map(|cb| listen("ready", cb)));
    // Only a type that has `loaderror` may be listened to for it: given, it is one.
    let load_errors = on_load_error.map_or(LoadErrors::NotEmitted, |cb| LoadErrors::Emitted(Some(cb)));
    element_view(kind, options, attach, load_errors, id, class)
}

/// An Element of `kind` with `options`, in a `<div>` with `id` and `class`.
pub(crate) fn element_view<O>(
    kind: &'static str,
    options: Signal<O>,
    mut attach: Vec<Attach>,
    load_errors: LoadErrors,
    id: Option<String>,
    class: Option<String>,
) -> AnyView
where
    O: ElementOptions + PartialEq + Send + Sync + 'static,
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
    // Stripe.js destroys an Element that could not load (after `loaderror`): then there is
    // nothing left for the cleanup to destroy, and destroying it again would be an error.
    let destroyed_by_stripe = StoredValue::new(false);
    if let LoadErrors::Emitted(callback) = load_errors {
        attach.push(Rc::new(move |element: &Element| {
            element.on_load_error(move |event| {
                destroyed_by_stripe.set_value(true);
                if let Some(callback) = callback {
                    callback.run(event);
                }
            })
        }));
    }

    // Effects run once the view is in the document, so the Element mounts into a live node.
    crate::watch::effect(move || {
        let Some(node) = container.get() else { return };
        // Mounts when the group is there: at once, or when Stripe.js has loaded.
        let Some(elements) = context.elements_tracked() else { return };
        if mounted.with_value(Option::is_some) {
            return;
        }
        let created = elements.create(kind, &created_with.get_value()).and_then(|element| {
            let listeners = attach.iter().map(|attach| attach(&element)).collect::<Result<Vec<_>, _>>()?;
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
            if destroyed_by_stripe.try_get_value() == Some(true) {
                return;
            }
            if let Err(err) = element.destroy() {
                error!("cannot destroy the {kind} Element: {err}");
            }
        }
    });

    view! { <div node_ref=container id=id class=class></div> }.into_any()
}
