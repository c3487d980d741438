use std::future::Future;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The latest answer of `fetch`, asked now and every `seconds` until `settled` says the answer
/// cannot change any more (the interval stops with the component). Failed asks keep the last
/// answer: a page that polls must not flicker on a lost request. The signal may also be set by
/// the caller (an action's own answer).
pub fn poll<T, Fut>(
    seconds: u32,
    initial: Option<T>,
    fetch: impl Fn() -> Fut + 'static,
    settled: fn(&T) -> bool,
) -> RwSignal<Option<T>>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Option<T>> + 'static,
{
    let latest = RwSignal::new(initial);
    let fetch = Rc::new(fetch);
    let ask = move || {
        if latest.with_untracked(|l| l.as_ref().is_some_and(settled)) {
            return;
        }
        let answer = fetch();
        spawn_local(async move {
            if let Some(answer) = answer.await {
                latest.set(Some(answer));
            }
        });
    };
    ask();
    let interval = StoredValue::new_local(Some(Interval::new(seconds.saturating_mul(1000), ask)));
    on_cleanup(move || drop(interval.try_update_value(Option::take)));
    latest
}
