#!/usr/bin/env bash
# Builds the React reference into bench/react-reference/dist, precompressed as the Leptos
# checkout's assets are (scripts/precompress.mjs), for the server to deliver the same way.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
npx vite build --logLevel warn
node ../../scripts/precompress.mjs dist
