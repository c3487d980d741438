//! Stripe's list APIs, page by page: `GET <list>?limit=100&created[gte]=..&created[lt]=..` then
//! `starting_after` the last object until `has_more` is false (Stripe's auto-pagination, as its
//! clients do it), within Stripe's rate limits: a 429 (or a 5xx, or a lost connection) is waited
//! out with exponential backoff (`Retry-After` when Stripe gives one) and tried again, unless
//! Stripe says not to (`Stripe-Should-Retry: false`).
//!
//! Raw JSON rather than async-stripe's typed lists: the export keeps the fields its schema
//! names and nothing else, so an object with a field the typed model does not know (another API
//! version, a new payment method's details) is exported rather than refused.

use std::time::Duration;

use serde_json::Value;

use super::ExportError;

/// Stripe's largest page.
const PAGE_SIZE: &str = "100";
/// Tries of one page before the export gives up (the waits add up to about a minute).
const TRIES: u32 = 8;
const FIRST_WAIT: Duration = Duration::from_millis(500);
const LONGEST_WAIT: Duration = Duration::from_secs(16);

pub struct Lister {
    http: reqwest::Client,
    base: String,
    secret_key: String,
    /// Requests sent, and of them those tried again after a 429/5xx.
    pub requests: u64,
    pub retries: u64,
}

pub struct Page {
    pub data: Vec<Value>,
    pub has_more: bool,
}

impl Lister {
    pub fn new(base: &str, secret_key: &str, timeout: Duration) -> Result<Self, ExportError> {
        let http =
            reqwest::Client::builder().timeout(timeout).build().map_err(|e| ExportError::Stripe(e.to_string()))?;
        Ok(Self {
            http,
            base: base.trim_end_matches('/').to_owned(),
            secret_key: secret_key.to_owned(),
            requests: 0,
            retries: 0,
        })
    }

    /// The page of `list` (with `filters`) created in `[from, until)` after `starting_after`,
    /// newest first.
    pub async fn page(
        &mut self,
        list: &str,
        filters: &[(&str, &str)],
        (from, until): (i64, i64),
        starting_after: Option<&str>,
    ) -> Result<Page, ExportError> {
        let mut query = vec![
            ("limit", PAGE_SIZE.to_owned()),
            ("created[gte]", from.to_string()),
            ("created[lt]", until.to_string()),
        ];
        query.extend(filters.iter().map(|(k, v)| (*k, (*v).to_owned())));
        if let Some(id) = starting_after {
            query.push(("starting_after", id.to_owned()));
        }
        let url = format!("{}{list}", self.base);
        let mut wait = FIRST_WAIT;
        for attempt in 1..=TRIES {
            self.requests += 1;
            let sent = self
                .http
                .get(&url)
                .query(&query)
                .bearer_auth(&self.secret_key)
                .header("Stripe-Version", stripe_shared::version::VERSION.as_str())
                .send()
                .await;
            let retry_after = match sent {
                Ok(response) if response.status().is_success() => {
                    let bytes = response.bytes().await.map_err(|e| ExportError::Stripe(format!("GET {list}: {e}")))?;
                    let body: Value =
                        serde_json::from_slice(&bytes).map_err(|e| ExportError::Stripe(format!("GET {list}: {e}")))?;
                    let data = body["data"]
                        .as_array()
                        .cloned()
                        .ok_or_else(|| ExportError::Stripe(format!("GET {list}: no `data` list")))?;
                    return Ok(Page { data, has_more: body["has_more"] == true });
                }
                Ok(response) => {
                    let status = response.status();
                    let should_retry = response
                        .headers()
                        .get("stripe-should-retry")
                        .and_then(|v| v.to_str().ok())
                        .map(|v| v == "true");
                    let after = response
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse::<u64>().ok());
                    let retryable = should_retry.unwrap_or(status.as_u16() == 429 || status.is_server_error());
                    let text = response.text().await.unwrap_or_default();
                    if !retryable || attempt == TRIES {
                        return Err(ExportError::Stripe(format!("GET {list}: {status}: {text}")));
                    }
                    after.map(Duration::from_secs)
                }
                Err(err) if attempt == TRIES => return Err(ExportError::Stripe(format!("GET {list}: {err}"))),
                Err(_) => None,
            };
            self.retries += 1;
            tokio::time::sleep(retry_after.unwrap_or(wait).min(LONGEST_WAIT)).await;
            wait = (wait * 2).min(LONGEST_WAIT);
        }
        Err(ExportError::Stripe(format!("GET {list}: no answer after {TRIES} tries")))
    }
}
