//! The operator's emails page's Web Worker: validates an upload off the page's thread (a file of
//! 500,000 rows takes a while, and the page keeps drawing its progress bar meanwhile), then keeps
//! the file, the known accounts and the review for the page to ask about (a page of changes, the
//! updates to send, the parts of a file too long). Messages: `operator_page::protocol`.
//! Built by Trunk as a worker (`operator-emails.html`: `data-type="worker"`, no-modules, with the
//! loader shim the page starts it from).

use std::cell::RefCell;
use std::rc::Rc;

use account_emails::{FileProblem, KnownAccounts, MAX_ROWS, Review, problems_csv, split, validate};
use js_sys::{Array, ArrayBuffer, Uint8Array};
use operator_page::protocol::{
    ACCOUNTS_READY, CHANGES, CHANGES_PAGE, CHANGES_PER_PAGE, ChangesPage, FAILED, KNOWN, PARTS, PROBLEMS_SHOWN,
    PROGRESS, ProblemLine, READY, REFUSED, REVIEWED, Refusal, ReviewReport, SPLIT, UPDATES, UPDATES_BODY, VALIDATE,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// What the last upload left: the file (kept only when it may be split), its review and the
/// accounts it was checked against (the page may list them anew meanwhile).
#[derive(Default)]
struct Kept {
    file: Vec<u8>,
    review: Option<(Review, Rc<KnownAccounts>)>,
}

thread_local! {
    /// The connected accounts uploads are checked against (`KNOWN`, as the page lists them).
    static ACCOUNTS: RefCell<Option<Rc<KnownAccounts>>> = const { RefCell::new(None) };
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

fn main() {
    let scope = scope();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| handle(&Array::from(&event.data())));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker listens for as long as it lives.
    on_message.forget();
    post(READY, &JsValue::UNDEFINED, &[]);
}

fn handle(message: &Array) {
    let kind = message.get(0).as_string().unwrap_or_default();
    match kind.as_str() {
        KNOWN => {
            let buffer = message.get(1);
            let bytes = Uint8Array::new(&buffer).to_vec();
            release(&buffer);
            read_accounts(&bytes);
        }
        VALIDATE => match read_file(&message.get(1).unchecked_into()) {
            Ok(file) => check(file),
            Err(_) => post(FAILED, &"The file could not be read; choose it again.".into(), &[]),
        },
        CHANGES => changes(message.get(1).as_f64().unwrap_or(0.0) as usize),
        UPDATES => updates(),
        SPLIT => parts(),
        other => post(FAILED, &format!("unknown request {other}").into(), &[]),
    }
}

/// How much of the file is read at a time: the only copy of it outside the worker's memory.
const READ_CHUNK: usize = 4 << 20;

/// The file's bytes, read straight into the worker's memory a few MB at a time (with
/// `FileReaderSync`, which workers have), each part released as soon as it is copied: one copy
/// of the file, where an `ArrayBuffer` of the whole file copied in would be two at once.
fn read_file(file: &web_sys::Blob) -> Result<Vec<u8>, JsValue> {
    let size = file.size() as usize;
    let reader = web_sys::FileReaderSync::new()?;
    let mut bytes = vec![0; size];
    let mut start = 0;
    while start < size {
        let end = (start + READ_CHUNK).min(size);
        let part = file.slice_with_f64_and_f64(start as f64, end as f64)?;
        let buffer: JsValue = reader.read_as_array_buffer(&part)?.into();
        let chunk = Uint8Array::new(&buffer);
        if chunk.length() as usize != end - start {
            return Err(JsValue::NULL); // the file changed while it was read
        }
        chunk.copy_to(&mut bytes[start..end]);
        release(&buffer);
        start = end;
    }
    Ok(bytes)
}

/// Frees an `ArrayBuffer`'s memory now rather than at the next garbage collection:
/// `buffer.transfer(0)` (ES2024) detaches it, handing its bytes to an empty buffer.
fn release(buffer: &JsValue) {
    if let Ok(transfer) = js_sys::Reflect::get(buffer, &"transfer".into())
        && let Some(transfer) = transfer.dyn_ref::<js_sys::Function>()
    {
        let _ = transfer.call1(buffer, &0.into());
    }
}

/// Reads the connected accounts (`[[id, email], ...]`) once, ahead of any upload.
fn read_accounts(bytes: &[u8]) {
    match serde_json::from_slice::<KnownAccounts>(bytes) {
        Ok(known) => {
            post(ACCOUNTS_READY, &(known.len() as u32).into(), &[]);
            ACCOUNTS.set(Some(Rc::new(known)));
        }
        Err(_) => post(FAILED, &"The list of connected accounts could not be read; reload the page.".into(), &[]),
    }
}

fn check(file: Vec<u8>) {
    match ACCOUNTS.with_borrow(Clone::clone) {
        Some(known) => check_against(file, known),
        None => post(FAILED, &"The list of connected accounts could not be read; reload the page.".into(), &[]),
    }
}

fn check_against(file: Vec<u8>, known: Rc<KnownAccounts>) {
    let outcome = validate(&file, &known, |progress| post(PROGRESS, &value(&progress), &[]));
    KEPT.with_borrow_mut(|kept| {
        *kept = Kept::default();
        match outcome {
            Err(problem) => {
                let splittable = matches!(problem, FileProblem::TooManyRows { .. });
                post(REFUSED, &value(&Refusal { message: problem.english(), splittable }), &[]);
                // Only a file too long is asked about again (to split it).
                if splittable {
                    kept.file = file;
                }
            }
            Ok(review) => {
                let problems = review
                    .problem_views(0..PROBLEMS_SHOWN)
                    .into_iter()
                    .map(|p| ProblemLine {
                        row: p.row,
                        column: p.column.map(|c| c.header().to_owned()),
                        value: p.value,
                        message: p.kind.english(),
                    })
                    .collect();
                let report = ReviewReport {
                    summary: review.summary(),
                    problems,
                    problem_count: review.problems().len() as u32,
                    change_count: review.changes().len() as u32,
                    first_changes: review.change_views(&known, 0..CHANGES_PER_PAGE as usize),
                };
                let csv = buffer(&problems_csv(&review));
                post(REVIEWED, &value(&report), &[csv]);
                kept.review = Some((review, known));
            }
        }
    });
}

/// The last upload's review and the accounts it was checked against, if a file was checked.
fn with_review(then: impl FnOnce(&Review, &KnownAccounts)) {
    KEPT.with_borrow(|kept| match &kept.review {
        Some((review, known)) => then(review, known),
        None => post(FAILED, &"No file has been checked.".into(), &[]),
    });
}

fn changes(start: usize) {
    with_review(|review, known| {
        let changes = review.change_views(known, start..start + CHANGES_PER_PAGE as usize);
        post(CHANGES_PAGE, &value(&ChangesPage { start: start as u32, changes }), &[]);
    });
}

/// `POST /api/operator/emails/jobs`' body, written here: the page sends it as it is.
fn updates() {
    #[derive(Serialize)]
    struct Body<'a> {
        updates: Vec<account_emails::EmailUpdate<'a>>,
    }
    with_review(|review, known| {
        let body = Body { updates: review.updates(known).collect() };
        match serde_json::to_string(&body) {
            Ok(text) => post(UPDATES_BODY, &text.into(), &[]),
            Err(_) => post(FAILED, &"The updates could not be written.".into(), &[]),
        }
    });
}

fn parts() {
    KEPT.with_borrow(|kept| {
        if kept.file.is_empty() {
            return post(FAILED, &"No file to split.".into(), &[]);
        }
        let (rows, files): (Vec<u32>, Vec<JsValue>) =
            split(&kept.file, MAX_ROWS).map(|part| (part.row_count, buffer(&part.to_vec()))).unzip();
        let list: Array = files.iter().collect();
        post(PARTS, &value(&rows), &[list.into()]);
    });
}

/// A copy of `bytes` as an ArrayBuffer, to transfer to the page.
fn buffer(bytes: &[u8]) -> JsValue {
    Uint8Array::from(bytes).buffer().into()
}

fn value<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Posts `[kind, value, ...extra]`, transferring the ArrayBuffers among `extra` (or in an
/// array of them).
fn post(kind: &str, value: &JsValue, extra: &[JsValue]) {
    let message = Array::of2(&kind.into(), value);
    let transfer = Array::new();
    for item in extra {
        message.push(item);
        if item.is_instance_of::<ArrayBuffer>() {
            transfer.push(item);
        } else if Array::is_array(item) {
            Array::from(item).for_each(&mut |buffer, _, _| {
                transfer.push(&buffer);
            });
        }
    }
    if scope().post_message_with_transfer(&message, &transfer).is_err() {
        let _ = scope().post_message(&Array::of2(&FAILED.into(), &"The worker could not answer.".into()));
    }
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}
