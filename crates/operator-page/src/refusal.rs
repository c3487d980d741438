use leptos::prelude::*;

use super::protocol::Refusal;

/// A file refused as a whole: what to fix, and for one of too many rows, its parts.
#[component]
pub fn FileRefusal(
    refusal: Refusal,
    parts: RwSignal<Vec<(u32, String)>>,
    #[prop(into)] on_split: Callback<()>,
) -> impl IntoView {
    let count = move || parts.with(Vec::len);
    let links = move || {
        parts
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (rows, href))| {
                let name = format!("Emails_part{}.csv", i + 1);
                view! {
                    <li><a href=href download=name.clone()>{format!("Download {name} ({rows} rows)")}</a></li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="operator-refusal" role="alert">
            <p class="field-error">{refusal.message}</p>
            {refusal.splittable.then(|| view! {
                <button type="button" on:click=move |_| on_split.run(()) disabled=move || { count() > 0 }>
                    "Split into files of at most 500,000 rows"
                </button>
                <ul class="operator-parts">{links}</ul>
            })}
        </section>
    }
}
