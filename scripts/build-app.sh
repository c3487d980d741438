#!/usr/bin/env bash
# Builds the app for release: one entry per page, each its own wasm, so the card checkout
# downloads nothing of the others. dist/ holds the card checkout (`/`), dist/konbini/ and
# dist/complete/ the other pages (served at /konbini and /complete). Trunk's post-build hook
# precompresses every asset. Expects scripts/env.sh to be sourced.
set -euo pipefail
cd "$(dirname "$0")/.."

# The release wasm is built on a pinned nightly (scripts/env.sh) with std rebuilt for it: panics
# abort at once (no panic messages, locations or formatting machinery: the release page has no
# panic hook to show them anyway) and Debug formatting is compiled out. 17 KB less brotli for
# the card checkout (README, Performance). Stable builds everything else, tests included.
export RUSTUP_TOOLCHAIN="$WASM_RELEASE_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
trunk build --release
for page in konbini complete; do
  trunk build "$page.html" --release true --dist "dist/$page" --public-url "/$page/"
done
