// The benchmark of issue "weight" item 4: the Leptos card checkout against the same checkout in
// React (bench/react-reference), side by side in one run, on a phone-like profile: headless
// Chromium with the CPU 4x slower and a slow network (1.6 Mbps down, 750 kbps up, 150 ms RTT).
// Each app has its own release server and stand-in, the same configuration and cart; runs
// alternate between the two. Measured per run, from outside the page:
//   - time from navigation to the card number field visible in the Payment Element;
//   - bytes on the wire (encoded bodies and headers), the app's own and in all;
//   - for the wasm: compile time after its last byte (WebAssembly.instantiateStreaming resolved
//     less the wasm's responseEnd), the part of the wasm's cost the network does not hide.
// A first visit (cold cache, a new browser context) and then a repeat visit in the same context
// (warm cache). Prints medians and the ratio Leptos/React. A measurement, not a test.
//
// Run through bench/first-load.sh (which builds what it needs). Environment: BENCH_RUNS (7),
// BENCH_CPU (4), BENCH_RTT_MS (150), BENCH_DOWN_KBPS (1600), BENCH_UP_KBPS (750),
// BENCH_ENCODING: 'br' asks for brotli as Chromium does over https (default), 'gzip' leaves
// Chromium's loopback default (it asks for brotli over https only).

import path from 'node:path';
import { ROOT, cardFields, reactReferenceDist, startStack } from '../e2e/harness.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const RUNS = env('BENCH_RUNS', 7);
const CPU = env('BENCH_CPU', 4);
const RTT_MS = env('BENCH_RTT_MS', 150);
const DOWN_KBPS = env('BENCH_DOWN_KBPS', 1600);
const UP_KBPS = env('BENCH_UP_KBPS', 750);
const ENCODING = process.env.BENCH_ENCODING ?? 'br';

/** Wraps WebAssembly's streaming instantiation to record when it resolved. */
function recordWasm() {
  const original = WebAssembly.instantiateStreaming;
  window.__wasm = [];
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const result = await original.call(WebAssembly, source, imports);
    window.__wasm.push({ url: (await source).url, resolved: performance.now() });
    return result;
  };
}

async function visit(context, server) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT_MS,
    downloadThroughput: (DOWN_KBPS * 1000) / 8,
    uploadThroughput: (UP_KBPS * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  const bytes = { app: 0, all: 0 };
  const origins = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => origins.set(requestId, new URL(request.url).origin));
  cdp.on('Network.loadingFinished', ({ encodedDataLength, requestId }) => {
    bytes.all += encodedDataLength;
    if (origins.get(requestId) === new URL(server).origin) bytes.app += encodedDataLength;
  });

  page.on('pageerror', (e) => console.error('pageerror', e.message));
  const started = Date.now();
  await page.goto(server);
  await cardFields(page).number.waitFor({ state: 'visible', timeout: 60_000 });
  const ms = Date.now() - started;
  const wasm = await page.evaluate(() =>
    (window.__wasm ?? []).map(({ url, resolved }) => {
      const entry = performance.getEntriesByName(url)[0];
      return entry ? resolved - entry.responseEnd : null;
    }),
  );
  await page.close();
  return { ms, bytes, wasmCompileMs: wasm.find((v) => v !== null) ?? null };
}

async function runs(app) {
  const context = await app.stack.browser.newContext(
    ENCODING === 'br' ? { extraHTTPHeaders: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } } : {},
  );
  await context.addInitScript(recordWasm);
  const cold = await visit(context, app.stack.server);
  const warm = await visit(context, app.stack.server);
  await context.close();
  return { cold, warm };
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function report(apps) {
  const kb = (n) => (n === null ? '—' : `${(n / 1000).toFixed(1)} KB`);
  const ms = (n) => (n === null ? '—' : `${Math.round(n)} ms`);
  const ratio = (a, b) => (a === null || b === null ? '—' : (a / b).toFixed(2));
  for (const visitKind of ['cold', 'warm']) {
    const rows = [
      ['to card number field', (r) => r[visitKind].ms, ms],
      ['bytes, the app', (r) => r[visitKind].bytes.app, kb],
      ['bytes, in all (with Stripe.js)', (r) => r[visitKind].bytes.all, kb],
      ['wasm ready after its last byte', (r) => r[visitKind].wasmCompileMs, ms],
    ];
    console.log(`\n${visitKind === 'cold' ? 'First visit (cold cache)' : 'Repeat visit (warm cache)'}, medians of ${RUNS}:`);
    console.log(`  ${''.padEnd(32)}${'Leptos'.padStart(12)}${'React'.padStart(12)}${'Leptos/React'.padStart(15)}`);
    for (const [label, pick, format] of rows) {
      const [leptos, react] = apps.map((app) => median(app.results.map(pick)));
      console.log(`  ${label.padEnd(32)}${format(leptos).padStart(12)}${format(react).padStart(12)}${ratio(leptos, react).padStart(15)}`);
    }
  }
}

const apps = [
  { name: 'Leptos', dist: path.join(ROOT, 'dist'), results: [] },
  { name: 'React', dist: null, results: [] },
];
try {
  for (const app of apps) {
    app.stack = await startStack({
      serverEnv: async (_stripe, sim) => ({ CHECKOUT_DIST: app.dist ?? (await reactReferenceDist(sim)), RUST_LOG: 'error' }),
    });
  }
  console.log(
    `Chromium, CPU ${CPU}x slower, ${DOWN_KBPS} kbps down / ${UP_KBPS} kbps up, ${RTT_MS} ms RTT, ` +
      `Accept-Encoding ${ENCODING === 'br' ? 'with br (as over https)' : 'loopback default (gzip)'}; ${RUNS} runs each, alternating`,
  );
  for (let run = 0; run < RUNS; run += 1) {
    for (const app of run % 2 ? [...apps].reverse() : apps) app.results.push(await runs(app));
  }
  report(apps);
} finally {
  for (const app of apps) await app.stack?.stop().catch((e) => console.error(e.message));
}
