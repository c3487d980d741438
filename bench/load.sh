#!/usr/bin/env bash
# Load and faults (issue "money safety", item 11): 200 shoppers at 50 in flight through the
# release server and stand-in, 10% 5xx, 5% timeouts and 5% 429 injected on Stripe's
# PaymentIntent calls, then the books checked; on SQLite, then on a throwaway PostgreSQL.
# LOAD_SHOPPERS and LOAD_CONCURRENCY change the load. Not a test: a measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
source scripts/env.sh

cargo build --release -p checkout-server -p stripe-sim -p checkout-load
export LOAD_SIM_BIN=target/release/stripe-sim LOAD_SERVER_BIN=target/release/checkout-server
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sm)"

db_dir=$(mktemp -d)
printf '\n== SQLite\n'
LOAD_DATABASE_URL="sqlite://$db_dir/orders.sqlite3?mode=rwc" target/release/checkout-load

printf '\n== PostgreSQL\n'
source scripts/postgres.sh
trap 'stop_postgres; rm -rf "$db_dir"' EXIT
database="checkout_load_$$"
psql -q "$CHECKOUT_TEST_POSTGRES_URL" -c "CREATE DATABASE $database"
LOAD_DATABASE_URL="${CHECKOUT_TEST_POSTGRES_URL%/*}/$database" target/release/checkout-load
