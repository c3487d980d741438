# Sourced by the dev and test commands: start_stand_in ADDR [VAR=value ...] starts the Stripe
# stand-in (target/debug/stripe-sim, built first) on ADDR with the given environment, waits
# until it answers and sets STAND_IN_PID; it fails if ADDR is taken or the stand-in does not
# come up. stop_stand_in stops only that process.

start_stand_in() {
  local addr=$1
  shift
  if curl -fsS "http://$addr/_sim/health" >/dev/null 2>&1; then
    echo "Something already answers on $addr; stop it or choose another address." >&2
    return 1
  fi
  cargo build -q -p stripe-sim
  env STRIPE_SIM_ADDR="$addr" "$@" target/debug/stripe-sim &
  STAND_IN_PID=$!
  for _ in $(seq 100); do
    curl -fsS "http://$addr/_sim/health" >/dev/null 2>&1 && return 0
    kill -0 "$STAND_IN_PID" 2>/dev/null || { echo "The stand-in exited before answering on $addr." >&2; return 1; }
    sleep 0.1
  done
  echo "The stand-in did not answer on $addr within 10 s." >&2
  kill "$STAND_IN_PID" 2>/dev/null
  return 1
}

stop_stand_in() {
  if [ -n "${STAND_IN_PID:-}" ]; then
    stop_and_wait "$STAND_IN_PID"
    STAND_IN_PID=
  fi
}

# Stops process $1 (TERM) and returns once it has exited: a caller that says "stopped" means
# its port is free (after 10 s of draining connections, KILL).
stop_and_wait() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 100); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$1" 2>/dev/null || true
}

# The "id" of a JSON object on stdin (Stripe's answers), read by Node rather than by pattern.
json_id() {
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).id))'
}
