-- Bulk updates of connected accounts' emails (the operator's confirmed CSV upload, Comms
-- Center): a job per upload, an item per account. Every instance works on the items: each
-- claims a few at a time (claimed_until, on the database's clock; PostgreSQL's SKIP LOCKED
-- keeps two instances off the same rows) and records what Stripe answered. A crash leaves the
-- claim to expire and another round takes the item again, under the same Idempotency-Key.
CREATE TABLE email_jobs (
    -- emailjob_ and the creation time in hex, then random: ids sort as the jobs were made, and
    -- the items of an older job are applied first.
    id TEXT PRIMARY KEY,
    -- SHA-256 of the job's updates in account order: the same upload confirmed again while its
    -- job runs is that job, not a second one (email_jobs_running_digest).
    digest TEXT NOT NULL,
    total BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    finished_at BIGINT,
    -- The email_job.completed event to the platform's endpoints (CHECKOUT_OPERATOR_WEBHOOK_URLS):
    -- when every endpoint took it, the calls made, and when the next may be made.
    notified_at BIGINT,
    notify_attempts BIGINT NOT NULL DEFAULT 0,
    notify_after BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE email_job_items (
    job_id TEXT NOT NULL REFERENCES email_jobs (id),
    account_id TEXT NOT NULL,
    email TEXT NOT NULL,
    -- pending, updated or failed
    status TEXT NOT NULL,
    -- Stripe calls made for it (rate-limited ones not counted)
    attempts BIGINT NOT NULL DEFAULT 0,
    claimed_until BIGINT NOT NULL DEFAULT 0,
    -- the instance holding the claim (a clean shutdown gives its claims back at once)
    claimed_by TEXT,
    error TEXT,
    PRIMARY KEY (job_id, account_id)
);

CREATE UNIQUE INDEX email_jobs_running_digest ON email_jobs (digest) WHERE finished_at IS NULL;

-- The claim's pick: pending items in job and account order, without sorting them all.
CREATE INDEX email_job_items_pending ON email_job_items (job_id, account_id) WHERE status = 'pending';
