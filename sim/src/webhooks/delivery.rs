//! Delivering events: signed as Stripe signs them (`Stripe-Signature: t=...,v1=HMAC-SHA256 of
//! "t.payload" with the endpoint's secret`), one after another, each failure retried later with
//! exponential backoff. A platform has two kinds of endpoint (docs.stripe.com/connect/webhooks):
//! its account endpoints get the events of its own account, its Connect endpoints those of its
//! connected accounts (the events with an `account`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::Sha256;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

/// Attempts per event and endpoint before giving up (Stripe keeps trying for days).
const MAX_ATTEMPTS: u32 = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    pub url: String,
    pub secret: String,
    /// A Connect endpoint (Stripe's `connect=true`): the connected accounts' events, not the
    /// platform's.
    #[serde(default)]
    pub connect: bool,
}

impl Endpoint {
    /// Whether `event` is for this endpoint: a connected account's event for a Connect
    /// endpoint, the platform's for the others.
    fn wants(&self, event: &Value) -> bool {
        self.connect == event.get("account").is_some()
    }
}

/// How many endpoints of each kind there are: a new event's `pending_webhooks`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub platform: usize,
    pub connect: usize,
}

/// How a delivery is signed; anything but `Valid` is for tests of the receiver.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signing {
    #[default]
    Valid,
    /// Signed with another secret.
    Forged,
    /// Signed ten minutes ago.
    Stale,
    /// No `Stripe-Signature` header.
    Missing,
    /// A header that is not `t=...,v1=...`.
    Malformed,
}

#[derive(Debug, Clone)]
struct Job {
    payload: Arc<String>,
    event_id: String,
    event_type: String,
    endpoint: Endpoint,
    attempt: u32,
}

/// One delivery attempt, for tests to read.
#[derive(Debug, Clone, Serialize)]
pub struct Attempt {
    pub event_id: String,
    pub event_type: String,
    pub url: String,
    /// Sent to a Connect endpoint.
    pub connect: bool,
    pub attempt: u32,
    /// The endpoint's HTTP status; `None`: no answer (refused, reset, timed out).
    pub status: Option<u16>,
    /// When it was sent, in milliseconds since the Unix epoch.
    pub sent_at_ms: u64,
}

#[derive(Debug)]
pub struct Webhooks {
    endpoints: Mutex<Vec<Endpoint>>,
    queue: OnceLock<UnboundedSender<Job>>,
    /// `Some`: paused, holding these jobs until `resume`. One lock for both, so a job submitted
    /// while `resume` drains can neither overtake the held ones nor be stranded.
    held: Mutex<Option<Vec<Job>>>,
    log: Mutex<Vec<Attempt>>,
    retry_base_ms: AtomicU64,
    http: reqwest::Client,
}

impl Default for Webhooks {
    fn default() -> Self {
        Self {
            endpoints: Mutex::default(),
            queue: OnceLock::new(),
            held: Mutex::default(),
            log: Mutex::default(),
            retry_base_ms: AtomicU64::new(1000),
            http: reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap_or_default(),
        }
    }
}

impl Webhooks {
    pub fn add_endpoint(&self, endpoint: Endpoint) {
        crate::locked(&self.endpoints).push(endpoint);
    }

    pub fn endpoints(&self) -> Vec<Endpoint> {
        crate::locked(&self.endpoints).clone()
    }

    pub fn counts(&self) -> Counts {
        let endpoints = crate::locked(&self.endpoints);
        let connect = endpoints.iter().filter(|e| e.connect).count();
        Counts { platform: endpoints.len() - connect, connect }
    }

    /// First delay between attempts; it doubles with each retry.
    pub fn set_retry_base(&self, delay: Duration) {
        self.retry_base_ms.store(delay.as_millis() as u64, Ordering::Relaxed);
    }

    /// Starts the delivery worker (once, inside the tokio runtime).
    pub fn start(self: &Arc<Self>) {
        let webhooks = self.clone();
        self.queue.get_or_init(move || {
            let (sender, mut receiver) = unbounded_channel::<Job>();
            let worker = webhooks.clone();
            tokio::spawn(async move {
                while let Some(job) = receiver.recv().await {
                    worker.run(job).await;
                }
            });
            sender
        });
    }

    /// Queues `events` for every endpoint of their kind (held while paused).
    pub fn enqueue(&self, events: &[Value]) {
        for event in events {
            let payload = Arc::new(event.to_string());
            for endpoint in self.endpoints().into_iter().filter(|e| e.wants(event)) {
                let job = Job {
                    payload: payload.clone(),
                    event_id: event["id"].as_str().unwrap_or_default().to_owned(),
                    event_type: event["type"].as_str().unwrap_or_default().to_owned(),
                    endpoint,
                    attempt: 1,
                };
                self.submit(job);
            }
        }
    }

    fn submit(&self, job: Job) {
        let mut held = crate::locked(&self.held);
        match held.as_mut() {
            Some(held) => held.push(job),
            None => self.send_to_worker(job),
        }
    }

    fn send_to_worker(&self, job: Job) {
        if let Some(queue) = self.queue.get() {
            let _ = queue.send(job);
        }
    }

    pub fn pause(&self) {
        crate::locked(&self.held).get_or_insert_with(Vec::new);
    }

    /// Sends what was held, reversed or in the order it happened.
    pub fn resume(&self, reverse: bool) -> usize {
        let mut held = crate::locked(&self.held);
        let mut jobs = held.take().unwrap_or_default();
        if reverse {
            jobs.reverse();
        }
        let count = jobs.len();
        for job in jobs {
            self.send_to_worker(job);
        }
        count
    }

    pub fn attempts(&self) -> Vec<Attempt> {
        crate::locked(&self.log).clone()
    }

    async fn run(self: &Arc<Self>, job: Job) {
        let status = self.send(&job, Signing::Valid).await;
        if status.is_some_and(|s| (200..300).contains(&s)) || job.attempt >= MAX_ATTEMPTS {
            return;
        }
        let delay = self.retry_base_ms.load(Ordering::Relaxed) << (job.attempt - 1).min(16);
        let webhooks = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(delay)).await;
            webhooks.submit(Job { attempt: job.attempt + 1, ..job });
        });
    }

    /// One POST of the event to the endpoint; the endpoint's status, if it answered.
    async fn send(&self, job: &Job, signing: Signing) -> Option<u16> {
        let mut request = self
            .http
            .post(&job.endpoint.url)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
            .body(job.payload.to_string());
        if let Some(header) = signature_header(&job.endpoint.secret, &job.payload, signing) {
            request = request.header("Stripe-Signature", header);
        }
        let sent_at_ms = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0);
        let status = request.send().await.ok().map(|r| r.status().as_u16());
        crate::locked(&self.log).push(Attempt {
            sent_at_ms,
            event_id: job.event_id.clone(),
            event_type: job.event_type.clone(),
            url: job.endpoint.url.clone(),
            connect: job.endpoint.connect,
            attempt: job.attempt,
            status,
        });
        status
    }

    /// Delivers one event now to every endpoint of its kind, `times` times, signed as asked; the
    /// statuses.
    pub async fn deliver_now(&self, event: &Value, signing: Signing, times: u32) -> Vec<Option<u16>> {
        let mut statuses = Vec::new();
        for endpoint in self.endpoints().into_iter().filter(|e| e.wants(event)) {
            let job = Job {
                payload: Arc::new(event.to_string()),
                event_id: event["id"].as_str().unwrap_or_default().to_owned(),
                event_type: event["type"].as_str().unwrap_or_default().to_owned(),
                endpoint,
                attempt: 1,
            };
            for _ in 0..times {
                statuses.push(self.send(&job, signing).await);
            }
        }
        statuses
    }
}

/// `t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">`, signed with real time (receivers check it
/// against their clock, not the stand-in's).
pub fn signature_header(secret: &str, payload: &str, signing: Signing) -> Option<String> {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let (t, key) = match signing {
        Signing::Missing => return None,
        Signing::Malformed => return Some("signature=not-a-stripe-signature".into()),
        Signing::Valid => (now, secret.to_owned()),
        Signing::Forged => (now, format!("{secret}_forged")),
        Signing::Stale => (now - 600, secret.to_owned()),
    };
    Some(format!("t={t},v1={}", sign(&key, t, payload)))
}

pub fn sign(secret: &str, t: i64, payload: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(format!("{t}.{payload}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    #[test]
    fn signs_like_stripe() {
        // Computed independently: python3 -c "import hmac,hashlib;
        //   print(hmac.new(b'whsec_test', b'1700000000.{\"id\":\"evt_1\"}', hashlib.sha256).hexdigest())"
        assert_eq!(
            super::sign("whsec_test", 1_700_000_000, r#"{"id":"evt_1"}"#),
            "c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925"
        );
    }
}
