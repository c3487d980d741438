#!/usr/bin/env bash
# The server's own speed (bench/load/src/bin/speed.rs): time per confirm, config and session
# request with the stand-in's latency taken out, p50/p99 at 1 and 50 shoppers at once, on
# SQLite and then on a throwaway PostgreSQL. SPEED_REQUESTS and SPEED_CONCURRENCY change the
# run. Not a test: a measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
source scripts/env.sh

cargo build --release -p checkout-server -p stripe-sim -p checkout-load
export LOAD_SIM_BIN=target/release/stripe-sim LOAD_SERVER_BIN=target/release/checkout-server

db_dir=$(mktemp -d)
printf '\n== SQLite\n'
LOAD_DATABASE_URL="sqlite://$db_dir/orders.sqlite3?mode=rwc" target/release/checkout-speed

printf '\n== PostgreSQL\n'
source scripts/postgres.sh
trap 'stop_postgres; rm -rf "$db_dir"' EXIT
database="checkout_speed_$$"
psql -q "$CHECKOUT_TEST_POSTGRES_URL" -c "CREATE DATABASE $database"
LOAD_DATABASE_URL="${CHECKOUT_TEST_POSTGRES_URL%/*}/$database" target/release/checkout-speed
