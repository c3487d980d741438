use leptos::prelude::*;

use super::api::{self, Job};
use checkout_app::shared::poll;

/// The confirmed update as the server runs it, asked every second until it is done; `on_done`
/// once it is.
#[component]
pub fn JobProgress(job: Job, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let id = job.id.clone();
    let latest = poll(
        1,
        Some(job),
        move || {
            let id = id.clone();
            async move { api::job(&id).await.ok() }
        },
        Job::done,
    );
    Effect::new(move |was_done: Option<bool>| {
        let done = latest.with(|job| job.as_ref().is_some_and(Job::done));
        if done && was_done != Some(true) {
            on_done.run(());
        }
        done
    });
    move || {
        latest.get().map(|job| {
            let status = if job.done() { "Done." } else { "Applying…" };
            view! {
                <section class="operator-job" aria-label="Update" data-status=job.status.clone()>
                    <p data-testid="job-progress">
                        {format!("Updated {} of {}, failed {}", job.updated, job.total, job.failed)}
                    </p>
                    <p data-testid="job-status">{status}</p>
                    <a href=job.results_url()>"Download results"</a>
                </section>
            }
        })
    }
}
