"""The data export's benchmark. Starts the release stand-in on a free port, seeds its history
(BENCH_CHARGES charges, 50,000 by default, over 90 days), runs `checkout-server export --out DIR`
BENCH_RUNS times (3) into fresh folders, each measured from outside (wall time, peak resident
memory from the kernel's rusage of the child), each beside the same lists read by stripe-node
into JSON Lines (bench/export-reference.mjs: what one would write without the export), then an
incremental run (nothing new: the cost of asking), and the BNPL dashboard's queries with DuckDB
over the files (best of 5). Prints one JSON report. Binaries from CHECKOUT_BIN_DIR
(target/server-release).
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import duckdb

BIN = os.environ.get("CHECKOUT_BIN_DIR", "target/server-release")
CHARGES = int(os.environ.get("BENCH_CHARGES", "50000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SECRET = "sk_test_standin_bench"

# The dashboard's questions (server/src/operator/bnpl.rs asks the same of the files).
QUERIES = {
    "bnpl_share_by_week": """
        SELECT date_trunc('week', created) AS week, payment_method_type AS method,
               count(*) AS payments, sum(amount) AS revenue
        FROM charges WHERE status = 'succeeded' GROUP BY 1, 2 ORDER BY 1, 2""",
    "average_order_value_by_method": """
        SELECT payment_method_type, avg(amount) FROM charges WHERE status = 'succeeded' GROUP BY 1""",
    "refund_rate_by_method": """
        SELECT c.payment_method_type, count(DISTINCT r.charge) / count(DISTINCT c.id)
        FROM charges c LEFT JOIN refunds r ON r.charge = c.id WHERE c.status = 'succeeded' GROUP BY 1""",
    "average_order_value_by_offer_variant": """
        SELECT offer_variant, avg(amount) FROM charges
        WHERE status = 'succeeded' AND offer_variant IS NOT NULL GROUP BY 1""",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(url):
    for _ in range(200):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"{url} did not answer")


def post_json(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request, timeout=300))


def measured(command, env=None):
    """A child process, measured from outside: (seconds, its peak resident MB from the kernel's
    rusage of that child alone, its stdout as JSON)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{command[0]} failed: {child.returncode}")
    return seconds, round(usage.ru_maxrss / 1024, 1), json.loads(out)


def export(base, folder):
    """One `checkout-server export --out folder`."""
    env = dict(os.environ, STRIPE_SECRET_KEY=SECRET, STRIPE_API_BASE=base, RUST_LOG="warn")
    return measured([f"{BIN}/checkout-server", "export", "--out", folder], env)


def reference(base, folder):
    """The same lists with stripe-node into JSON Lines (bench/export-reference.mjs)."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "export-reference.mjs")
    return measured(["node", script, base, SECRET, os.path.join(folder, "export.jsonl")])


def main():
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    sim = subprocess.Popen([f"{BIN}/stripe-sim"], env=dict(os.environ, STRIPE_SIM_ADDR=f"127.0.0.1:{port}", RUST_LOG="warn"))
    try:
        wait(f"{base}/_sim/health")
        seeded = post_json(f"{base}/_sim/history/seed", {"seed": 42, "charges": CHARGES, "days": 90})
        objects = sum(seeded[k] for k in ["charges", "refunds", "balance_transactions", "customers", "subscriptions", "prices"])
        runs, references = [], []
        # Alternating, so both meet the machine in the same state.
        for _ in range(RUNS):
            folder = tempfile.mkdtemp(prefix="export-bench-")
            seconds, peak_mb, _ = export(base, folder)
            size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".parquet"))
            runs.append({"seconds": round(seconds, 2), "records_per_second": round(objects / seconds),
                         "peak_rss_mb": peak_mb, "parquet_bytes": size, "folder": folder})
            with tempfile.TemporaryDirectory(prefix="export-reference-") as scratch:
                seconds, peak_mb, done = reference(base, scratch)
            assert done["objects"] == objects, (done, objects)
            references.append({"seconds": round(seconds, 2), "records_per_second": round(objects / seconds),
                               "peak_rss_mb": peak_mb, "jsonl_bytes": done["bytes"]})
        last = runs[-1]["folder"]
        incremental, _, report = export(base, last)
        assert sum(r["objects"] for r in report["resources"]) == 0, report
        db = duckdb.connect()
        for name in ["charges", "refunds"]:
            db.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{last}/{name}/*/*.parquet', hive_partitioning = true)")
        timings = {}
        for name, sql in QUERIES.items():
            best = float("inf")
            for _ in range(5):
                started = time.perf_counter()
                db.execute(sql).fetchall()
                best = min(best, time.perf_counter() - started)
            timings[name] = round(best * 1000, 1)
        seconds = sorted(r["seconds"] for r in runs)
        reference_seconds = sorted(r["seconds"] for r in references)
        print(json.dumps({
            "objects": objects, "seeded": seeded,
            "export_runs": [{k: v for k, v in r.items() if k != "folder"} for r in runs],
            "median_seconds": seconds[len(seconds) // 2],
            "median_records_per_second": round(objects / seconds[len(seconds) // 2]),
            "stripe_node_jsonl_runs": references,
            "stripe_node_median_seconds": reference_seconds[len(reference_seconds) // 2],
            "incremental_run_seconds": round(incremental, 2),
            "duckdb_query_ms_best_of_5": timings,
        }, indent=2))
        for r in runs:
            shutil.rmtree(r["folder"], ignore_errors=True)
    finally:
        sim.terminate()
        sim.wait()


if __name__ == "__main__":
    main()
