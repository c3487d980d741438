#!/usr/bin/env bash
# The release artefact: the optimised app (scripts/build-app.sh) and a release checkout-server
# that serves it, in one directory and a tarball of it:
#
#   target/checkout-release/checkout-server   the server (its migrations compiled in)
#   target/checkout-release/dist/             the app it serves (CHECKOUT_DIST, or ./dist)
#   target/checkout-release/BUILD             version, commit and toolchain
#   target/checkout-release.tar.gz            the same, to copy to a host or into an image
#
# The app sits beside the binary rather than inside it: the server serves it from files with
# tower-http's ServeDir (the .br/.gz twins Trunk's hook wrote, ETags, Last-Modified) and hashes
# each page's inline bootstrap for the CSP at start, and the two build apart (the wasm on the
# pinned nightly, the server on stable): a rebuilt page needs no new binary, and the test
# command builds each once. Run the server from the artefact's directory, or set CHECKOUT_DIST.
#
#   scripts/release.sh              builds the app, then the server
#   scripts/release.sh --app-built  takes dist/ as it is (the test command has just built it)
#
# Prints the artefact's directory on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  --app-built) ;;
  "")
    scripts/setup.sh
    source scripts/env.sh
    scripts/build-app.sh
    ;;
  *) echo "usage: scripts/release.sh [--app-built]" >&2; exit 2 ;;
esac
for page in index.html konbini/index.html complete/index.html embedded/index.html marketplace/index.html operator/emails/index.html operator/bnpl/index.html; do
  [ -f "dist/$page" ] || { echo "dist/$page is missing: build the app first (scripts/build-app.sh)" >&2; exit 1; }
done

# --locked: the artefact is built from the dependencies Cargo.lock names, nothing newer. The
# server-release profile (Cargo.toml): optimised for speed, thin LTO; `release` is the wasm's.
cargo build --profile server-release --locked -p checkout-server >&2

out=target/checkout-release
rm -rf "$out" "$out.tar.gz"
mkdir -p "$out"
cp target/server-release/checkout-server "$out/"
cp -R dist "$out/dist"
{
  echo "checkout-server $(awk -F'"' '/^version = / { print $2; exit }' server/Cargo.toml)"
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) with $(rustc --version)"
} >"$out/BUILD"
tar -C target -czf "$out.tar.gz" checkout-release
echo "release artefact: $(du -sh "$out" | cut -f1) in $out ($(du -h "$out.tar.gz" | cut -f1) as $out.tar.gz)" >&2
echo "$PWD/$out"
