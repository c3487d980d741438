use account_emails::Progress;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::api::{self, Job, TEMPLATE_URL};
use super::download;
use super::job::JobProgress;
use super::protocol::{ChangesPage, Refusal, ReviewReport};
use super::refusal::FileRefusal;
use super::review::ReviewTable;
use super::worker::{FromWorker, ValidationWorker};

/// Where the operator is with an upload.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    /// Reading the file (and, if still listing them, waiting for the accounts).
    Reading,
    Checking(Progress),
    Refused(Refusal),
    Reviewed(ReviewReport),
    /// Something other than the file went wrong (the server, the worker).
    Failed(String),
}

/// Signed in: the template to download, the upload, its review and, once confirmed, the job.
#[component]
pub fn EmailsUpload(#[prop(into)] on_signed_out: Callback<()>) -> impl IntoView {
    let stage = RwSignal::new(Stage::Idle);
    let changes = RwSignal::new(None::<ChangesPage>);
    let problems_url = RwSignal::new(None::<String>);
    let parts = RwSignal::new(Vec::<(u32, String)>::new());
    let confirming = RwSignal::new(false);
    let confirm_error = RwSignal::new(None::<String>);
    let job = RwSignal::new(None::<Job>);
    // Started as the page opens (the accounts go to it at once); it keeps the last file's review
    // for the page to ask about.
    let worker = StoredValue::new_local(None::<ValidationWorker>);
    // The connected accounts uploads are checked against: listed and handed to the worker as the
    // page opens, so that a file is checked the moment it is chosen (a platform's listing takes
    // a while: 5,000 pages of Stripe's list for 500,000 accounts). `None` while listing.
    let accounts = RwSignal::new(None::<Result<(), String>>);
    let account_count = RwSignal::new(None::<u32>);
    // A file chosen while the accounts are still being listed: checked when they arrive.
    let pending = StoredValue::new_local(None::<web_sys::File>);

    let replace_urls = move |problems: Option<String>, new_parts: Vec<(u32, String)>| {
        if let Some(old) = problems_url.get_untracked() {
            download::revoke(&old);
        }
        for (_, old) in parts.get_untracked() {
            download::revoke(&old);
        }
        problems_url.set(problems);
        parts.set(new_parts);
    };
    let on_answer = move |answer: FromWorker| match answer {
        FromWorker::AccountsReady(count) => account_count.set(Some(count)),
        FromWorker::Progress(progress) => stage.set(Stage::Checking(progress)),
        FromWorker::Refused(refusal) => stage.set(Stage::Refused(refusal)),
        FromWorker::Reviewed(report, csv) => {
            replace_urls(download::csv_url(&csv), Vec::new());
            changes.set(Some(ChangesPage { start: 0, changes: report.first_changes.clone() }));
            stage.set(Stage::Reviewed(report));
        }
        FromWorker::Changes(page) => changes.set(Some(page)),
        FromWorker::Updates(body) => spawn_local(async move {
            match api::create_job(body).await {
                Ok(started) => job.set(Some(started)),
                Err(error) => {
                    confirm_error.set(Some(error.message.unwrap_or_else(|| "The update was refused.".into())))
                }
            }
            confirming.set(false);
        }),
        FromWorker::Parts(files) => {
            let urls = files.iter().filter_map(|(rows, bytes)| Some((*rows, download::csv_url(bytes)?))).collect();
            replace_urls(None, urls);
        }
        // A failed confirmation keeps the review on screen, with the reason beside the button.
        FromWorker::Failed(message) if confirming.get_untracked() => {
            confirming.set(false);
            confirm_error.set(Some(message));
        }
        FromWorker::Failed(message) => stage.set(Stage::Failed(message)),
    };
    let with_worker = move |ask: &dyn Fn(&ValidationWorker)| {
        worker.update_value(|slot| {
            if slot.is_none() {
                match ValidationWorker::start(on_answer) {
                    Ok(started) => *slot = Some(started),
                    Err(message) => stage.set(Stage::Failed(message)),
                }
            }
            if let Some(worker) = slot {
                ask(worker);
            }
        });
    };

    let check = move |file: web_sys::File| match accounts.get_untracked() {
        Some(Ok(())) => with_worker(&|w| w.validate(&file)),
        Some(Err(message)) => stage.set(Stage::Failed(message)),
        None => pending.set_value(Some(file)),
    };
    // Listed as the page opens, and again once an update is applied (the accounts' emails are
    // then the new ones the next upload is checked against).
    let list_accounts = move || {
        accounts.set(None);
        account_count.set(None);
        spawn_local(async move {
            let listed = match api::known_accounts().await {
                Ok(known) => {
                    with_worker(&|w| w.known(known.clone()));
                    Ok(())
                }
                Err(error) => {
                    Err(error.message.unwrap_or_else(|| "The connected accounts could not be listed.".into()))
                }
            };
            accounts.set(Some(listed));
            if let Some(file) = pending.try_update_value(Option::take).flatten() {
                check(file);
            }
        });
    };
    list_accounts();

    let on_file = move |event: web_sys::Event| {
        let Some(file) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        stage.set(Stage::Reading);
        replace_urls(None, Vec::new());
        changes.set(None);
        job.set(None);
        confirm_error.set(None);
        check(file);
    };
    let confirm = move |()| {
        if !confirming.get_untracked() && job.get_untracked().is_none() {
            confirming.set(true);
            confirm_error.set(None);
            with_worker(&|w| w.updates());
        }
    };
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = api::sign_out().await;
            on_signed_out.run(());
        });
    };
    on_cleanup(move || replace_urls(None, Vec::new()));

    let split = move |()| with_worker(&|w| w.split());
    let show_changes = move |start| with_worker(&|w| w.changes(start));
    let result = move || match stage.get() {
        Stage::Idle => None,
        Stage::Reading => Some(view! { <p class="operator-status">"Reading the file…"</p> }.into_any()),
        Stage::Checking(progress) => Some(view! { <CheckProgress progress /> }.into_any()),
        Stage::Refused(refusal) => Some(view! { <FileRefusal refusal parts on_split=split /> }.into_any()),
        Stage::Reviewed(report) => Some(
            view! {
                <ReviewTable report problems_url changes on_page=show_changes
                    confirming job confirm_error on_confirm=confirm />
                {move || job.get().map(|job| view! { <JobProgress job on_done=move |()| list_accounts() /> })}
            }
            .into_any(),
        ),
        Stage::Failed(message) => Some(view! { <p class="field-error" role="alert">{message}</p> }.into_any()),
    };
    view! {
        <section class="operator-card">
            <h2>"1. Download the template"</h2>
            <p>"One row per connected account. Fill in the column \"Email Address (please add or replace)\" \
                for the accounts whose email you add or replace; leave it empty for the others."</p>
            <a class="operator-button" href=TEMPLATE_URL download="Emails.csv">"Download template"</a>
        </section>
        <section class="operator-card">
            <h2>"2. Upload it"</h2>
            <label for="emails-file">"Upload the filled-in file"</label>
            <input id="emails-file" type="file" accept=".csv,text/csv" on:change=on_file />
            <p class="operator-note">"The file is checked in your browser: nothing is sent until you confirm."</p>
            {move || match (accounts.get(), account_count.get()) {
                (Some(Err(message)), _) => view! { <p class="field-error" role="alert">{message}</p> }.into_any(),
                (_, Some(count)) => view! {
                    <p class="operator-note" data-testid="accounts-ready">{format!("Checked against your {count} connected accounts.")}</p>
                }
                .into_any(),
                _ => view! { <p class="operator-note">"Listing your connected accounts…"</p> }.into_any(),
            }}
            {result}
        </section>
        <p class="session-bar"><button type="button" on:click=sign_out>"Sign out"</button></p>
    }
}

/// How far the worker has read the file.
#[component]
fn CheckProgress(progress: Progress) -> impl IntoView {
    view! {
        <div class="operator-status">
            <label for="check-progress">{format!("Checking the file: {} rows so far…", progress.rows)}</label>
            <progress id="check-progress" max=progress.total_bytes.to_string() value=progress.bytes.to_string()></progress>
        </div>
    }
}
