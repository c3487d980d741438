use leptos::prelude::*;

/// `Effect::new(move |_| run())`, with one instance of Leptos' effect for every caller: each
/// `Effect::new` of a different closure is a copy of the effect's task (its future, its waking,
/// its drop), so the closures are boxed and share the one copy. Less wasm for the page to
/// download; the closure runs the same way, once the view is in the document and again whenever
/// what it read changes. The components here use it, and so may an app's own effects.
///
/// ```no_run
/// use leptos::prelude::*;
/// let count = RwSignal::new(0);
/// leptos_stripe::effect(move || leptos::logging::log!("count is {}", count.get()));
/// ```
pub fn effect(run: impl FnMut() + 'static) {
    effect_boxed(Box::new(run));
}

fn effect_boxed(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}

/// Calls `apply(previous, next)` whenever `options` changes value, starting from `initial`
/// (what Stripe.js was created with). Shared by `<Elements>` and every Element component: both
/// send changed options with `update()` instead of re-creating anything.
pub(crate) fn on_options_change<O>(options: Signal<O>, initial: O, apply: impl Fn(O, O) + 'static)
where
    O: Clone + PartialEq + Send + Sync + 'static,
{
    let sent = StoredValue::new_local(initial);
    effect(move || {
        let next = options.get();
        let Some(previous) = sent.try_get_value() else { return };
        if previous != next {
            sent.set_value(next.clone());
            apply(previous, next);
        }
    });
}
