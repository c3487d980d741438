# Sourced by the other scripts: tools installed by setup.sh come first on PATH (cargo's bin
# for trunk and wasm-bindgen; npm's for binaryen's wasm-opt 132, never Debian's 108).
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
