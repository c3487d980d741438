#!/usr/bin/env bash
# The first-load benchmark (bench/first-load.mjs): the Leptos card checkout against the React
# reference, side by side, in throttled headless Chromium. Builds both apps for release and the
# server and stand-in with the release artefact's profile (server-release, scripts/release.sh)
# first. Not a test: a measurement. BENCH_* variables: see the .mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
source scripts/env.sh

cargo build --profile server-release -p checkout-server -p stripe-sim
scripts/build-app.sh
bench/react-reference/build.sh
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(chromium --version 2>/dev/null)"
CHECKOUT_BIN_DIR="$PWD/target/server-release" node bench/first-load.mjs
