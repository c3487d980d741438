//! The page's side of the validation worker (`src/bin/operator_emails_worker.rs`): starts it,
//! holds requests until it says it listens, and turns its answers into [`FromWorker`]s.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use account_emails::Progress;
use js_sys::{Array, ArrayBuffer};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::protocol::{
    ACCOUNTS_READY, CHANGES, CHANGES_PAGE, ChangesPage, FAILED, KNOWN, PARTS, PROGRESS, READY, REFUSED, REVIEWED,
    Refusal, ReviewReport, SPLIT, UPDATES, UPDATES_BODY, VALIDATE,
};

/// Where Trunk puts the worker's loader shim: the page's public URL (`scripts/build-app.sh`,
/// `--public-url /operator/emails/`) and the worker bin's unhashed name (Trunk names a worker
/// by its bin, so that a page can start it by name). Absolute: the page is also served at
/// `/operator/emails` without the slash, where a relative URL would miss the folder.
const LOADER: &str = "/operator/emails/operator_emails_worker_loader.js";

/// What the worker answered.
pub enum FromWorker {
    /// The connected accounts are read: how many.
    AccountsReady(u32),
    Progress(Progress),
    Refused(Refusal),
    /// The review, and the problems CSV.
    Reviewed(ReviewReport, ArrayBuffer),
    Changes(ChangesPage),
    /// The job's body.
    Updates(String),
    /// Each part's rows and bytes.
    Parts(Vec<(u32, ArrayBuffer)>),
    Failed(String),
}

/// The running worker.
pub struct ValidationWorker {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    /// Requests sent before the worker listened: `(message, transfer)`.
    waiting: Rc<RefCell<Vec<(Array, Array)>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl ValidationWorker {
    /// Starts the worker; `on_answer` gets each of its answers.
    pub fn start(on_answer: impl Fn(FromWorker) + 'static) -> Result<Self, String> {
        let worker = Worker::new(LOADER).map_err(|_| "The file checker could not be started.".to_owned())?;
        let ready = Rc::new(Cell::new(false));
        let waiting: Rc<RefCell<Vec<(Array, Array)>>> = Rc::default();
        let on_message = {
            let (worker, ready, waiting) = (worker.clone(), ready.clone(), waiting.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let message = Array::from(&event.data());
                if message.get(0).as_string().as_deref() == Some(READY) {
                    ready.set(true);
                    for (message, transfer) in waiting.take() {
                        let _ = worker.post_message_with_transfer(&message, &transfer);
                    }
                    return;
                }
                on_answer(read(&message));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Ok(Self { worker, ready, waiting, _on_message: on_message })
    }

    /// The connected accounts every upload is checked against (the body of
    /// `/api/operator/emails/accounts`), moved to the worker (transferred, not copied).
    pub fn known(&self, accounts: ArrayBuffer) {
        self.send(Array::of2(&KNOWN.into(), &accounts), Array::of1(&accounts));
    }

    /// Checks `file` against the known accounts (the worker reads it).
    pub fn validate(&self, file: &web_sys::File) {
        self.send(Array::of2(&VALIDATE.into(), file), Array::new());
    }

    pub fn changes(&self, start: u32) {
        self.send(Array::of2(&CHANGES.into(), &start.into()), Array::new());
    }

    pub fn updates(&self) {
        self.send(Array::of1(&UPDATES.into()), Array::new());
    }

    pub fn split(&self) {
        self.send(Array::of1(&SPLIT.into()), Array::new());
    }

    fn send(&self, message: Array, transfer: Array) {
        if self.ready.get() {
            let _ = self.worker.post_message_with_transfer(&message, &transfer);
        } else {
            self.waiting.borrow_mut().push((message, transfer));
        }
    }
}

impl Drop for ValidationWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.terminate();
    }
}

fn read(message: &Array) -> FromWorker {
    let kind = message.get(0).as_string().unwrap_or_default();
    let value = message.get(1);
    let answer = match kind.as_str() {
        ACCOUNTS_READY => value.as_f64().map(|count| FromWorker::AccountsReady(count as u32)),
        PROGRESS => parse(value).map(FromWorker::Progress),
        REFUSED => parse(value).map(FromWorker::Refused),
        REVIEWED => parse(value).map(|report| FromWorker::Reviewed(report, message.get(2).unchecked_into())),
        CHANGES_PAGE => parse(value).map(FromWorker::Changes),
        UPDATES_BODY => value.as_string().map(FromWorker::Updates),
        PARTS => parse::<Vec<u32>>(value).map(|rows| {
            let files = Array::from(&message.get(2));
            FromWorker::Parts(rows.into_iter().zip(files.iter().map(JsCast::unchecked_into)).collect())
        }),
        FAILED => value.as_string().map(FromWorker::Failed),
        _ => None,
    };
    answer.unwrap_or_else(|| FromWorker::Failed("The file checker gave an answer this page does not know.".into()))
}

fn parse<T: DeserializeOwned>(value: JsValue) -> Option<T> {
    serde_wasm_bindgen::from_value(value).ok()
}
