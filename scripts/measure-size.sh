#!/usr/bin/env bash
# Release bundle sizes (wasm and JS glue, raw and gzip -9) of the checkout app, and as a ratio
# to a baseline built in the same run with the same Trunk, profile and wasm-opt: the smallest
# Leptos CSR app (bench/size-baseline).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
source scripts/env.sh

log=target/measure-size.log
mkdir -p target
build() { "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }; }
build trunk build --release
build trunk build bench/size-baseline/index.html --release true --dist target/size-baseline

bytes() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
measure() { # dir -> "wasm wasm_gz js js_gz"
  local wasm js
  wasm=$(ls "$1"/*_bg.wasm) js=$(ls "$1"/*.js)
  echo "$(bytes "$wasm") $(gz "$wasm") $(bytes "$js") $(gz "$js")"
}
read -r aw awg aj ajg <<<"$(measure dist)"
read -r bw bwg bj bjg <<<"$(measure target/size-baseline)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

printf '%-22s %12s %12s %8s\n' "" "checkout" "baseline" "ratio"
printf '%-22s %12d %12d %8s\n' "wasm" "$aw" "$bw" "$(ratio "$aw" "$bw")"
printf '%-22s %12d %12d %8s\n' "wasm, gzip -9" "$awg" "$bwg" "$(ratio "$awg" "$bwg")"
printf '%-22s %12d %12d %8s\n' "js" "$aj" "$bj" "$(ratio "$aj" "$bj")"
printf '%-22s %12d %12d %8s\n' "js, gzip -9" "$ajg" "$bjg" "$(ratio "$ajg" "$bjg")"
printf '%-22s %12d %12d %8s\n' "wasm+js, gzip -9" "$((awg + ajg))" "$((bwg + bjg))" "$(ratio $((awg + ajg)) $((bwg + bjg)))"
