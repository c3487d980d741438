-- Money safety: one order per checkout attempt and cart, one PaymentIntent per order, secrets
-- checked without asking Stripe, single-use discount codes, and declines counted per client.

-- The ConfirmationToken of the create request whose outcome decides the order: a retry replays
-- exactly that request (same Idempotency-Key, same parameters), so Stripe answers what it did.
ALTER TABLE orders ADD COLUMN create_token TEXT;
-- SHA-256 (hex) of the PaymentIntent's client secret: who holds the secret may read the order,
-- checked here before any call to Stripe.
ALTER TABLE orders ADD COLUMN secret_sha256 TEXT;
-- The signed-in customer who placed the order, if any.
ALTER TABLE orders ADD COLUMN customer TEXT;
-- Why an order needs a person (needs_review): the amounts or PaymentIntents that disagreed.
ALTER TABLE orders ADD COLUMN review_reason TEXT;

CREATE INDEX orders_pending_by_age ON orders (status, created_at);

-- A single-use code is held by one live order per customer: a second order is refused, an order
-- that failed, was cancelled or abandoned lets the code go.
CREATE TABLE discount_redemptions (
    code TEXT NOT NULL,
    holder TEXT NOT NULL,
    order_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (code, holder)
);

-- Card declines by client (IP): card testing is refused after too many in a window. In the
-- database so that every instance sharing it counts the same declines.
CREATE TABLE declines (
    client TEXT NOT NULL,
    at BIGINT NOT NULL,
    decline_code TEXT
);
CREATE INDEX declines_by_client ON declines (client, at);
