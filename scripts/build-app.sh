#!/usr/bin/env bash
# Builds the app for release: one entry per page, each its own wasm, so the card checkout
# downloads nothing of the others. dist/ holds the card checkout (`/`), dist/konbini/ and
# dist/complete/ the other pages (served at /konbini and /complete). Trunk's post-build hook
# precompresses every asset. Expects scripts/env.sh to be sourced.
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release
for page in konbini complete; do
  trunk build "$page.html" --release true --dist "dist/$page" --public-url "/$page/"
done
