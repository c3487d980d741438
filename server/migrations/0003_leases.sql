-- Leases for background work that one instance at a time should do (the housekeeping sweeps):
-- the holder renews its lease while it runs; when it dies, the lease expires and another
-- instance takes it. Times are the database's clock, the one clock all instances share.
CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
