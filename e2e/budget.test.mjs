// The card checkout's first load in bytes on the wire (brotli, as browsers over https get it):
// the wasm, the JS glue and the CSS its index.html names. Bytes are deterministic for a build,
// so this is a test, not a benchmark. The goal is 100 KB (issue "A checkout page as light as the
// best JavaScript checkouts"); CEILING is today's figure, lowered as cuts land, so nothing grows
// back meanwhile.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const GOAL = 100_000;
// Raised once, by 200 B (142,661 -> 143,117 measured), for <Elements> that also takes a Stripe
// still loading (issue "bindings fidelity"): a feature's bytes, not a regression.
const CEILING = 143_200;

test(`the card checkout's first load is at most ${CEILING} bytes of brotli (goal ${GOAL})`, () => {
  const dist = path.join(ROOT, 'dist');
  const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const assets = [...new Set([...index.matchAll(/['"]\/([\w.-]+\.(?:wasm|js|css))['"]/g)].map((m) => m[1]))];
  assert.deepEqual(assets.map((a) => path.extname(a)).sort(), ['.css', '.js', '.wasm'], `assets named: ${assets}`);
  const sizes = Object.fromEntries(assets.map((asset) => [asset, statSync(path.join(dist, `${asset}.br`)).size]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`card checkout first load: ${total} bytes brotli ${JSON.stringify(sizes)}; goal ${GOAL}, ceiling ${CEILING}`);
  assert.ok(total <= CEILING, `${total} bytes is over the ceiling of ${CEILING}`);
});
