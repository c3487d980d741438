#!/usr/bin/env bash
# Sets up what is missing and runs every test suite:
#   1. native: unit and HTTP tests of the shared crates, the Stripe stand-in and the server
#      (orders and webhooks on SQLite and on PostgreSQL), and the bindings' conformance to
#      Stripe.js's TypeScript declarations;
#   2. browser: wasm-bindgen-test in headless Chromium for the bindings, components and app;
#   3. end-to-end: the release artefact (scripts/release.sh: the Trunk release build and the
#      release server) and the stand-in driven by playwright-core.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
source scripts/stand-in.sh

# Each step says how long the run has taken so far, setup included (where a fresh machine's
# time goes).
step() { printf '\n==> %s (at %d s)\n' "$*" "$SECONDS"; }

step "native tests (orders on SQLite and on a throwaway PostgreSQL)"
source scripts/postgres.sh
trap 'stop_postgres' EXIT
# test-hooks: the crash hook of the recovery test (never in the binary the e2e tests run).
cargo test -p stripe-common -p checkout-api -p account-emails -p stripe-sim -p checkout-server --features checkout-server/test-hooks
# StripeError as the card checkout's wasm builds it (without the `error-objects` feature).
cargo test -p stripe-common --no-default-features --lib
# The bindings' options and results type-checked by tsc against @stripe/stripe-js's declarations.
# (and the bindings' pure logic, e.g. which Stripe.js URLs are js.stripe.com's).
cargo test -p stripe-wasm --lib --test conformance
# The crates' rustdoc examples (run natively; those that need a browser are only compiled) and
# their docs, where a broken intra-doc link or an undocumented public item is an error.
cargo test -p stripe-wasm -p stripe-common -p leptos-stripe --doc
RUSTDOCFLAGS="-D warnings" cargo doc -p stripe-wasm -p leptos-stripe -p stripe-common --no-deps

step "browser tests (wasm-bindgen-test, headless Chromium)"
# The Stripe.js stand-in the browser tests load (STRIPE_SIM_URL in .cargo/config.toml).
trap 'stop_stand_in; stop_postgres' EXIT
start_stand_in 127.0.0.1:12112 RUST_LOG=warn
cargo test --target wasm32-unknown-unknown --tests -p stripe-wasm -p leptos-stripe -p checkout-app
# The crates' examples must keep compiling (they are what a Leptos developer copies first).
cargo build --target wasm32-unknown-unknown -p leptos-stripe --examples
stop_stand_in

step "end-to-end tests (release build, real server and stand-in, Chromium)"
scripts/build-app.sh
# The React reference: react-stripe-js judges the stand-in's Stripe.js (e2e/react-stripe-js.test.mjs).
step "the React reference's build"
bench/react-reference/build.sh
# The e2e tests run the release artefact, its server built here once in place of a debug
# one; dist/ was just built, so --app-built keeps it instead of building the app again.
step "the release artefact (its server's release build)"
CHECKOUT_RELEASE_DIR=$(scripts/release.sh --app-built | tail -n 1)
export CHECKOUT_RELEASE_DIR
cargo build -p stripe-sim
step "the e2e tests"
# One file at a time: they share dist/ (rebuilt by the dev command's and trunk serve's tests) and
# Trunk.toml's fixed backend port. A hung test fails instead of holding CI until its limit.
node --test --test-concurrency=1 --test-timeout=900000 e2e/*.test.mjs
# The money paths again with the orders in PostgreSQL (the server tests cover both databases in
# depth; this runs the browser's side of them once more).
step "the money paths' e2e tests on PostgreSQL"
CHECKOUT_E2E_POSTGRES_URL="$CHECKOUT_TEST_POSTGRES_URL" node --test --test-concurrency=1 --test-timeout=900000 \
  e2e/checkout.test.mjs e2e/money-safety.test.mjs e2e/marketplace.test.mjs
step "done"
