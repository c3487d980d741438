-- Orders and what Stripe's events did to them. Portable SQL: SQLite and PostgreSQL.
CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    -- A retried checkout (same ConfirmationToken) finds the same order.
    checkout_key TEXT UNIQUE,
    method TEXT NOT NULL,
    cart TEXT NOT NULL,
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    payment_intent_id TEXT UNIQUE,
    status TEXT NOT NULL,
    -- `created` of the event that set the status: older events do not undo newer ones.
    status_event_created BIGINT NOT NULL,
    amount_refunded BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Every event applied, once: a redelivery finds its id here.
CREATE TABLE webhook_events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    created BIGINT NOT NULL,
    order_id TEXT,
    received_at BIGINT NOT NULL
);

-- One row per fulfilled order: the primary key makes fulfilment happen once.
CREATE TABLE fulfilments (
    order_id TEXT PRIMARY KEY REFERENCES orders (id),
    event_id TEXT NOT NULL,
    fulfilled_at BIGINT NOT NULL
);
