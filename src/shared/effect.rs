use leptos::prelude::*;

/// `Effect::new(move |_| run())` with one instance of Leptos' effect for every caller of the
/// app: each `Effect::new` of a different closure is a copy of the effect's task in the wasm,
/// so the closures are boxed and share one (leptos-stripe does the same for its Elements).
pub fn effect(run: impl FnMut() + 'static) {
    effect_boxed(Box::new(run));
}

fn effect_boxed(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}
