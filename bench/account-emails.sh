#!/usr/bin/env bash
# The operator's CSV validation benchmark (bench/account-emails.mjs): Rust/wasm in the page's
# Web Worker against plain JavaScript with papaparse, 500,000 rows, in headless Chromium.
# BENCH_ROWS and BENCH_RUNS: see the .mjs. Not a test: a measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
source scripts/env.sh
scripts/build-app.sh
cargo build --release -p checkout-server -p stripe-sim
CHECKOUT_BIN_DIR="$PWD/target/release" node bench/account-emails.mjs
