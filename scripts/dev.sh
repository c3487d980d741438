#!/usr/bin/env bash
# Sets up what is missing, builds the app, and runs the checkout on http://127.0.0.1:4242/.
#   Without STRIPE_SECRET_KEY: on the offline Stripe stand-in (started here, stopped on exit).
#   With STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY: on Stripe, with Stripe's own Stripe.js.
#   Offline, the page offers a demo sign-in: a customer with a saved Visa card.
#   The operator's sign-in takes CHECKOUT_OPERATOR_TOKEN, or a token made and printed here.
#   Orders go to checkout.sqlite3 (CHECKOUT_DB_PATH) or DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
source scripts/stand-in.sh

checkout_addr="${CHECKOUT_ADDR:-127.0.0.1:4242}"
# With keys, what is missing is said before minutes of building, not after.
if [ -n "${STRIPE_SECRET_KEY:-}" ]; then
  : "${STRIPE_PUBLISHABLE_KEY:?STRIPE_PUBLISHABLE_KEY must be set together with STRIPE_SECRET_KEY}"
  if [ -z "${STRIPE_WEBHOOK_SECRET:-}" ]; then
    echo "Set STRIPE_WEBHOOK_SECRET to the signing secret of your webhook endpoint" \
      "(e.g. from: stripe listen --forward-to $checkout_addr/api/webhooks/stripe)." >&2
    exit 1
  fi
fi

scripts/build-app.sh
cargo build -p checkout-server -p stripe-sim

if [ -z "${STRIPE_SECRET_KEY:-}" ]; then
  sim_addr="${STRIPE_SIM_ADDR:-127.0.0.1:12111}"
  # The stand-in signs its events with the same secret the server checks them with.
  export STRIPE_WEBHOOK_SECRET="${STRIPE_WEBHOOK_SECRET:-whsec_standin_dev}"
  # The marketplace's sellers' events (Connect) come to the same URL, signed with their own secret.
  export STRIPE_CONNECT_WEBHOOK_SECRET="${STRIPE_CONNECT_WEBHOOK_SECRET:-whsec_standin_dev_connect}"
  start_stand_in "$sim_addr" STRIPE_SIM_WEBHOOK_URL="http://$checkout_addr/api/webhooks/stripe" \
    STRIPE_SIM_CONNECT_WEBHOOK_URL="http://$checkout_addr/api/webhooks/stripe"
  trap 'stop_stand_in' EXIT
  export STRIPE_SECRET_KEY=sk_test_standin_dev STRIPE_PUBLISHABLE_KEY=pk_test_standin_dev
  export STRIPE_API_BASE="http://$sim_addr" STRIPE_JS_URL="http://$sim_addr/endive/stripe.js"
  echo "Offline: Stripe stand-in on http://$sim_addr. Test card: 4242 4242 4242 4242, any future date, any CVC."
  if [ -z "${CHECKOUT_DEMO_CUSTOMER:-}" ]; then
    api() { curl -fsS -u "$STRIPE_SECRET_KEY:" "$STRIPE_API_BASE$1" "${@:2}"; }
    CHECKOUT_DEMO_CUSTOMER=$(api /v1/customers -d email=jenny.rosen@example.com -d "name=Jenny Rosen" | json_id)
    card=$(api /v1/payment_methods/pm_card_visa/attach -d "customer=$CHECKOUT_DEMO_CUSTOMER" | json_id)
    api "/v1/payment_methods/$card" -d allow_redisplay=always >/dev/null
    export CHECKOUT_DEMO_CUSTOMER
    echo "Demo sign-in on the page: customer $CHECKOUT_DEMO_CUSTOMER with a saved Visa •••• 4242."
  fi
else
  echo "Using Stripe with your keys (api.stripe.com, js.stripe.com)."
fi

# The platform operator's sign-in ("Operator token"): the one given, or a new one each run.
if [ -z "${CHECKOUT_OPERATOR_TOKEN:-}" ]; then
  CHECKOUT_OPERATOR_TOKEN="op_$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export CHECKOUT_OPERATOR_TOKEN
fi
echo "Operator token (for the operator pages' sign-in): $CHECKOUT_OPERATOR_TOKEN"
echo "Checkout: http://$checkout_addr/ (the marketplace: http://$checkout_addr/marketplace)"
CHECKOUT_DIST="${CHECKOUT_DIST:-dist}" target/debug/checkout-server &
server_pid=$!
trap 'stop_and_wait "$server_pid"; stop_stand_in' EXIT
# Stopping this script (Ctrl-C, or a TERM to its PID) stops what it started, and only that.
trap 'exit 130' INT
trap 'exit 143' TERM
wait "$server_pid"
