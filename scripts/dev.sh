#!/usr/bin/env bash
# Sets up what is missing, builds the app, and runs the checkout on http://127.0.0.1:4242/.
#   Without STRIPE_SECRET_KEY: on the offline Stripe stand-in (started here, stopped on exit).
#   With STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY: on Stripe, with Stripe's own Stripe.js.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

trunk build --release
cargo build -p checkout-server -p stripe-sim

if [ -z "${STRIPE_SECRET_KEY:-}" ]; then
  sim_addr="${STRIPE_SIM_ADDR:-127.0.0.1:12111}"
  if curl -fsS "http://$sim_addr/_sim/health" >/dev/null 2>&1; then
    echo "Something already answers on $sim_addr; stop it or set STRIPE_SIM_ADDR." >&2
    exit 1
  fi
  STRIPE_SIM_ADDR="$sim_addr" target/debug/stripe-sim &
  sim_pid=$!
  trap 'kill "$sim_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do curl -fsS "http://$sim_addr/_sim/health" >/dev/null 2>&1 && break; sleep 0.1; done
  export STRIPE_SECRET_KEY=sk_test_standin_dev STRIPE_PUBLISHABLE_KEY=pk_test_standin_dev
  export STRIPE_API_BASE="http://$sim_addr" STRIPE_JS_URL="http://$sim_addr/endive/stripe.js"
  echo "Offline: Stripe stand-in on http://$sim_addr. Test card: 4242 4242 4242 4242, any future date, any CVC."
else
  : "${STRIPE_PUBLISHABLE_KEY:?STRIPE_PUBLISHABLE_KEY must be set together with STRIPE_SECRET_KEY}"
  echo "Using Stripe with your keys (api.stripe.com, js.stripe.com)."
fi

echo "Checkout: http://${CHECKOUT_ADDR:-127.0.0.1:4242}/"
CHECKOUT_DIST="${CHECKOUT_DIST:-dist}" target/debug/checkout-server
