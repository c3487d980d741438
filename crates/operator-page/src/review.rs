use leptos::prelude::*;

use super::api::Job;
use super::protocol::{CHANGES_PER_PAGE, ChangesPage, PROBLEMS_SHOWN, ReviewReport};

/// The review of a checked file: the counts, the first problems (all of them as a download),
/// the changes a page at a time, and the confirmation, which alone sends anything.
#[component]
pub fn ReviewTable(
    report: ReviewReport,
    problems_url: RwSignal<Option<String>>,
    changes: RwSignal<Option<ChangesPage>>,
    #[prop(into)] on_page: Callback<u32>,
    confirming: RwSignal<bool>,
    job: RwSignal<Option<Job>>,
    confirm_error: RwSignal<Option<String>>,
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    let summary = report.summary;
    let counts = format!(
        "{} new emails, {} replaced, {} unchanged, {} errors",
        summary.new_emails, summary.replaced, summary.unchanged, summary.errors
    );
    let total = report.change_count;
    let problems = (report.problem_count > 0).then(|| {
        let shown = if report.problem_count as usize > PROBLEMS_SHOWN {
            format!("The first {PROBLEMS_SHOWN} of {} problems:", report.problem_count)
        } else {
            format!("{} problems:", report.problem_count)
        };
        let rows = report
            .problems
            .into_iter()
            .map(|p| {
                view! {
                    <tr>
                        <td>{p.row}</td>
                        <td>{p.column.unwrap_or_default()}</td>
                        <td><code>{p.value}</code></td>
                        <td>{p.message}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="operator-problems" aria-label="Problems">
                <h3>"Problems"</h3>
                <p>{shown} " rows with a problem change nothing."</p>
                <table>
                    <thead><tr><th>"Row"</th><th>"Column"</th><th>"Value"</th><th>"Problem"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {move || problems_url.get().map(|href| view! {
                    <a href=href download="Emails_problems.csv">"Download all problems"</a>
                })}
            </section>
        }
    });
    let page = move || {
        changes.get().map(|page| {
            let start = page.start;
            let end = start + page.changes.len() as u32;
            let rows = page
                .changes
                .into_iter()
                .map(|c| {
                    let old = c.old_email.unwrap_or_else(|| "(none)".into());
                    view! {
                        <tr>
                            <td>{c.row}</td>
                            <td><code>{c.account_id}</code></td>
                            <td>{old} " → " {c.new_email}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p>{format!("Changes {}–{end} of {total}", start + 1)}</p>
                <table>
                    <thead><tr><th>"Row"</th><th>"Account"</th><th>"Email (old → new)"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <div class="operator-paging">
                    <button type="button" disabled={ start == 0 }
                        on:click=move |_| on_page.run(start.saturating_sub(CHANGES_PER_PAGE))>"Previous"</button>
                    <button type="button" disabled={ end >= total } on:click=move |_| on_page.run(end)>"Next"</button>
                </div>
            }
        })
    };
    let nothing = total == 0;
    let disabled = move || nothing || confirming.get() || job.get().is_some();
    view! {
        <section class="operator-review" aria-label="Review">
            <h3>"Review"</h3>
            <p class="operator-summary" data-testid="review-summary">{counts}</p>
            {problems}
            {(!nothing).then(|| view! { <section class="operator-changes" aria-label="Changes">{page}</section> })}
            {nothing.then(|| view! { <p>"This file changes no email: there is nothing to apply."</p> })}
            <button type="button" class="pay" disabled=disabled on:click=move |_| on_confirm.run(())>
                {move || if confirming.get() { "Applying…" } else { "Confirm and apply" }}
            </button>
            <p class="field-error" role="alert">{move || confirm_error.get()}</p>
        </section>
    }
}
