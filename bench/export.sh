#!/usr/bin/env bash
# The data export's benchmark (bench/export.py): 50,000 charges and the other resources from the
# release stand-in into Parquet with the release `checkout-server export`: records per second,
# peak memory, Parquet bytes; then the BNPL dashboard's queries with DuckDB over those files.
# BENCH_CHARGES, BENCH_RUNS: see the .py. Not a test: a measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
source scripts/env.sh
# The release artefact's profile (Cargo.toml: server-release), for the stand-in too.
cargo build --profile server-release -p checkout-server -p stripe-sim
CHECKOUT_BIN_DIR="${CHECKOUT_BIN_DIR:-$PWD/target/server-release}" "$CHECKOUT_PYTHON" bench/export.py
