"""Reads a data export (checkout-server export --out DIR) back with DuckDB, a Parquet reader
nobody here wrote, and prints what a test compares with Stripe: per resource the rows, the
distinct ids, the day partitions, and the sums an analyst would take first.

usage: read_export.py DIR
"""
import json
import sys

import duckdb

RESOURCES = ["charges", "subscriptions", "refunds", "balance_transactions", "customers", "prices"]


def main(folder):
    db = duckdb.connect()
    out = {}
    for name in RESOURCES:
        files = f"{folder}/{name}/*/*.parquet"
        db.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{files}', hive_partitioning = true)")
        rows, ids, days, misplaced = db.execute(
            f"SELECT count(*), count(DISTINCT id), count(DISTINCT date), "
            f"count(*) FILTER (WHERE strftime(created AT TIME ZONE 'UTC', '%Y-%m-%d') <> CAST(date AS VARCHAR)) FROM {name}"
        ).fetchone()
        out[name] = {"rows": rows, "distinct_ids": ids, "days": days, "misplaced": misplaced}
    out["charges"]["succeeded_amount"] = db.execute("SELECT coalesce(sum(amount), 0) FROM charges WHERE status = 'succeeded'").fetchone()[0]
    out["charges"]["by_method"] = dict(db.execute("SELECT payment_method_type, count(*) FROM charges GROUP BY 1 ORDER BY 1").fetchall())
    out["charges"]["created_type"] = str(db.execute("SELECT typeof(created) FROM charges LIMIT 1").fetchone()[0])
    out["refunds"]["amount"] = db.execute("SELECT coalesce(sum(amount), 0) FROM refunds").fetchone()[0]
    out["balance_transactions"]["net"] = db.execute("SELECT coalesce(sum(net), 0) FROM balance_transactions").fetchone()[0]
    out["prices"]["recurring_intervals"] = sorted(
        r[0] for r in db.execute("SELECT DISTINCT recurring_interval FROM prices WHERE recurring_interval IS NOT NULL").fetchall()
    )
    out["subscriptions"]["by_status"] = dict(db.execute("SELECT status, count(*) FROM subscriptions GROUP BY 1 ORDER BY 1").fetchall())
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main(sys.argv[1])
