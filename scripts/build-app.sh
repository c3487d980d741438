#!/usr/bin/env bash
# Builds the app for release: one entry per page, each its own wasm, so the card checkout
# downloads nothing of the others. dist/ holds the card checkout (`/`); dist/konbini/,
# dist/complete/, dist/embedded/ and dist/marketplace/ the other pages (served at /konbini,
# /complete, /embedded, Stripe's Embedded Checkout, and /marketplace); dist/embed/ the checkout for merchants' own pages; dist/operator/emails/ the platform operator's page for
# connected accounts' emails (/operator/emails), with its Web Worker beside it; dist/operator/bnpl/ its BNPL dashboard (/operator/bnpl). Trunk's post-build hook (scripts/post-build.mjs)
# splits, optimises and precompresses. Expects scripts/env.sh to be sourced.
set -euo pipefail
cd "$(dirname "$0")/.."

# The release wasm is built on a pinned nightly (scripts/env.sh) with std rebuilt for it: panics
# abort at once (no panic messages, locations or formatting machinery: the release page has no
# panic hook to show them anyway) and Debug formatting is compiled out. 17 KB less brotli for
# the card checkout (README, Performance). Stable builds everything else, tests included.
export RUSTUP_TOOLCHAIN="$WASM_RELEASE_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
release_rustflags="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$release_rustflags"
# The card checkout also with its split points (src/split.rs): CHECKOUT_WASM_SPLIT=1 makes the
# crate's build script (build.rs) turn them on (`--cfg wasm_split`: code the page needs only after
# the shopper acts goes into wasm chunks, loaded when first called or preloaded) and keep the
# linker's relocations (`--emit-relocs`) wasm-split-cli needs to cut the module. Trunk's
# post-build hook (scripts/post-build.mjs) splits, runs wasm-bindgen and wasm-opt. The other
# pages are built without: the split points are `#[no_mangle]` exports of the library, whose
# code the linker would then keep in every page. Every other build (tests, `trunk serve`) has
# neither and runs unsplit. Only this crate is built again between the two: the dependencies
# (std included) are built once for every page.
CHECKOUT_WASM_SPLIT=1 trunk build --release
for page in konbini complete embedded; do
  trunk build "$page.html" --release true --dist "dist/$page" --public-url "/$page/"
done
# The checkout embedded in merchants' pages: dist/embed/embed.js and the files it loads
# (scripts/embed-build.mjs; README, Embedding).
trunk build embed.html --release true --dist dist/embed --public-url /embed/
trunk build marketplace.html --release true --dist dist/marketplace --public-url /marketplace/
trunk build operator-emails.html --release true --dist dist/operator/emails --public-url /operator/emails/
trunk build operator-bnpl.html --release true --dist dist/operator/bnpl --public-url /operator/bnpl/
