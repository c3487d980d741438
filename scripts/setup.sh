#!/usr/bin/env bash
# Installs what the dev and test commands need, each only when missing (safe to run again):
# the wasm32 target, the pinned nightly (with rust-src) the release wasm is built with, trunk,
# wasm-split-cli, wasm-bindgen-cli of the version in Cargo.lock, Debian's
# chromium + chromium-driver, Debian's postgresql, and the npm packages of package-lock.json (binaryen's wasm-opt,
# esbuild, playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

step() { printf '\n==> %s\n' "$*"; }

# Debian's and npm's packages download while cargo builds the tools below (one core's worth of
# waiting on the network instead of minutes added to a fresh machine's setup); their logs are
# shown if they fail. Debian's: chromium + chromium-driver for the browser tests, postgresql for
# the orders on PostgreSQL (scripts/postgres.sh starts a throwaway one). npm records what it
# installed in node_modules/.package-lock.json.
logs=$(mktemp -d)
background=()
# However setup ends, it waits for what it started in the background rather than leaving it
# running (a later run would meet apt's lock) or killing it (a killed apt leaves dpkg half done).
finish_background() {
  wait 2>/dev/null || true
  rm -rf "$logs"
}
trap finish_background EXIT
in_background() { # name command...
  local name=$1
  shift
  ("$@") >"$logs/$name.log" 2>&1 &
  background+=("$!:$name")
}
packages=()
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then packages+=(chromium chromium-driver); fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then packages+=(postgresql); fi
if [ ${#packages[@]} -gt 0 ]; then
  # sudo's password, if it asks, in the foreground before the install goes to the background.
  if [ "$(id -u)" -ne 0 ]; then sudo -v; fi
  step "installing Debian's ${packages[*]} (in the background)"
  in_background apt bash -c 'set -e; [ "$(id -u)" -eq 0 ] && sudo() { "$@"; }; sudo apt-get update -q; sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"' apt "${packages[@]}"
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci (in the background: binaryen for wasm-opt, esbuild, playwright-core, typescript and @stripe/stripe-js for the conformance test)"
  in_background npm npm ci --no-audit --no-fund
fi
# DuckDB (PyPI) in a virtualenv of its own, for the data export's tests and benchmark
# ($CHECKOUT_PYTHON, scripts/env.sh), without touching the system's Python.
if ! "$CHECKOUT_PYTHON" -c 'import duckdb' >/dev/null 2>&1 || [ scripts/python-requirements.txt -nt "$CHECKOUT_PYTHON" ]; then
  step "installing DuckDB for Python into target/python (in the background)"
  in_background python bash -c 'python3 -m venv "$1" && "$1/bin/pip" install -q --disable-pip-version-check -r scripts/python-requirements.txt && touch "$1/bin/python"' python "$ROOT_DIR/target/python"
fi

# The tools cargo builds (trunk, wasm-split-cli, wasm-bindgen-cli) share one target directory, so
# what they have in common is built once, and are built without link-time optimisation over 16
# codegen units: trunk's own release profile asks for fat LTO in one unit, whose single-threaded
# final link is minutes on 2 cores, and a tool that runs for seconds per build gains nothing a
# test run would notice from it.
install_tool() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --target-dir "$ROOT_DIR/target/tools" "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# scripts/build-app.sh builds the release wasm on this nightly, std included (see there why).
if ! rustup run "$WASM_RELEASE_TOOLCHAIN" rustc --print sysroot >/dev/null 2>&1 \
  || [ ! -d "$(rustup run "$WASM_RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  step "rustup toolchain install $WASM_RELEASE_TOOLCHAIN (minimal, with rust-src)"
  rustup toolchain install "$WASM_RELEASE_TOOLCHAIN" --profile minimal --component rust-src
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (minutes on 2 cores)"
  install_tool --locked "trunk@$TRUNK_VERSION"
fi

# The release build's post-build hook (scripts/post-build.mjs) splits the card checkout's wasm
# at its split points with wasm-split-cli (the CLI of wasm_split_helpers, which leptos' #[lazy] uses).
WASM_SPLIT_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  install_tool --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi

# Trunk and the browser tests use the wasm-bindgen on PATH when its version matches Cargo.lock exactly.
# (--locked fails for this crate on a missing dependency version, so it is left out.)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  install_tool --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Wait for the background installs; a failed one shows its log.
for job in "${background[@]}"; do
  pid=${job%%:*} name=${job#*:}
  if ! wait "$pid"; then
    echo "setup: $name failed:" >&2
    cat "$logs/$name.log" >&2
    exit 1
  fi
  echo "setup: $name done"
done
background=()

wasm-opt --version | grep -q "version 132" || { echo "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)" >&2; exit 1; }
