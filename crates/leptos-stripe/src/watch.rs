use leptos::prelude::*;

/// Calls `apply(previous, next)` whenever `options` changes value, starting from `initial`
/// (what Stripe.js was created with). Shared by `<Elements>` and every Element component: both
/// send changed options with `update()` instead of re-creating anything.
pub(crate) fn on_options_change<O>(options: Signal<O>, initial: O, apply: impl Fn(O, O) + 'static)
where
    O: Clone + PartialEq + Send + Sync + 'static,
{
    let sent = StoredValue::new_local(initial);
    Effect::new(move |_| {
        let next = options.get();
        let Some(previous) = sent.try_get_value() else { return };
        if previous != next {
            sent.set_value(next.clone());
            apply(previous, next);
        }
    });
}
