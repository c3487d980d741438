# Sourced by the other scripts: tools installed by setup.sh come first on PATH (cargo's bin
# for trunk and wasm-bindgen; npm's for binaryen's wasm-opt 132, never Debian's 108).
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# The Python with DuckDB (setup.sh's virtualenv) the data export's tests read Parquet with.
export CHECKOUT_PYTHON="${CHECKOUT_PYTHON:-$ROOT_DIR/target/python/bin/python}"

# The toolchain of the release wasm (scripts/build-app.sh): a pinned nightly, for rebuilding std
# with panics as immediate aborts. Everything else builds on stable.
export WASM_RELEASE_TOOLCHAIN=nightly-2026-05-19
