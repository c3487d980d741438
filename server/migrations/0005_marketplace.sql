-- The marketplace (Stripe Connect): sellers are connected accounts, an order may be a seller's,
-- and a platform customer's saved card is shared (cloned) onto each seller it pays.

-- Each seller's connected account, once known: from CHECKOUT_SELLER_ACCOUNTS, or made on the
-- stand-in at first use and kept, so a restart charges the same accounts.
CREATE TABLE seller_accounts (
    seller TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- The seller an order pays, the seller's connected account, the platform's fee on it, and the
-- account its PaymentIntent lives on: NULL for the platform (a new card: a destination charge),
-- the seller's for a direct charge with a shared card. Events of another account never move
-- the order.
ALTER TABLE orders ADD COLUMN seller TEXT;
ALTER TABLE orders ADD COLUMN seller_account TEXT;
ALTER TABLE orders ADD COLUMN application_fee_amount BIGINT;
ALTER TABLE orders ADD COLUMN payment_account TEXT;

-- The connected account's own customer for a platform customer: made once per account and
-- reused, so a shopper is one customer at each seller.
CREATE TABLE connected_customers (
    platform_customer TEXT NOT NULL,
    account TEXT NOT NULL,
    customer TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (platform_customer, account)
);

-- A platform PaymentMethod cloned onto a connected account and attached to its customer there:
-- cloned once per account, then reused.
CREATE TABLE shared_payment_methods (
    platform_payment_method TEXT NOT NULL,
    account TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (platform_payment_method, account)
);
