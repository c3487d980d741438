// The operator's CSV validation benchmark (issue "Connected accounts' emails by CSV"): a
// generated file of BENCH_ROWS rows (500,000: Comms Center's largest) validated in headless
// Chromium by the page's Web Worker (Rust/WebAssembly, crates/account-emails), side by side in
// the same run with the same rules in plain JavaScript over papaparse
// (bench/account-emails/papaparse-validate.js, on a blank page's main thread). BENCH_RUNS
// runs each, alternating. Time: from the file input's change to the review's summary shown
// (wasm: reading the file, the worker's validation, the answer back) and from the File to the
// summary (JS: the same validation). Both have the known accounts read beforehand: the page
// hands them to its worker as it opens. Memory: the page's renderer processes (the worker runs in the page's), their peak
// resident size (VmHWM) less their size just before the upload. Not a test: a measurement.

import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startStack } from '../e2e/harness.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TOKEN = 'bench-operator-token-0123456789';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Peak and current resident size of a process, from /proc. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))[1]) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

/** The renderer processes Chromium runs now. */
async function renderers(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** A new context and page, and the renderer processes it got (the page's, and any other its
 *  origins need): their memory is summed, an upper bound of the page's. */
async function freshPage(browser, url) {
  const before = new Set(await renderers(browser));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const pids = (await renderers(browser)).filter((pid) => !before.has(pid));
  if (pids.length === 0) throw new Error('no new renderer process');
  return { context, page, pids };
}

/** `memoryOf` summed over processes. */
function memoryOfAll(pids) {
  const all = pids.map(memoryOf);
  return { peak: all.reduce((a, m) => a + m.peak, 0), now: all.reduce((a, m) => a + m.now, 0) };
}

const stack = await startStack({ serverEnv: { CHECKOUT_OPERATOR_TOKEN: TOKEN } });
try {
  const seeded = await fetch(`${stack.sim}/_sim/accounts/seed`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: ROWS, email: true }),
  });
  if (!seeded.ok) throw new Error(await seeded.text());
  const signIn = await fetch(`${stack.server}/api/operator/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: TOKEN }),
  });
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const get = async (p) => (await fetch(`${stack.server}${p}`, { headers: { cookie } })).text();
  const known = await get('/api/operator/emails/accounts');
  const template = await get('/api/operator/emails/template');
  // Every account gets a new email: a review with 500,000 changes, the heaviest case.
  const lines = template.split('\r\n');
  const filled = [lines[0], ...lines.slice(1).filter(Boolean).map((line) => {
    const fields = line.split(',');
    fields[4] = `${fields[0].slice(5).toLowerCase()}@bench.example.com`;
    return fields.join(',');
  })].join('\r\n') + '\r\n';
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'emails-bench-')), 'Emails.csv');
  writeFileSync(file, filled);
  console.log(`machine: ${(await readFile('/proc/cpuinfo', 'utf8')).match(/^processor/gm).length} cores; file: ${ROWS} rows, ${mb(Buffer.byteLength(filled))}; known accounts: ${mb(known.length)}`);

  const papaparse = readFileSync(path.join(ROOT, 'node_modules/papaparse/papaparse.min.js'), 'utf8');
  const reference = readFileSync(path.join(ROOT, 'bench/account-emails/papaparse-validate.js'), 'utf8');
  const results = { wasm: [], js: [] };

  async function wasmRun() {
    const { context, page, pids } = await freshPage(stack.browser, `${stack.server}/operator/emails`);
    // The accounts list from memory: the time measured is the browser's, not the stand-in's
    // listing of 500,000 accounts (5,000 pages; minutes at Stripe too, and the same for both).
    await page.route('**/api/operator/emails/accounts', (route) => route.fulfill({ contentType: 'application/json', body: known }));
    await page.getByLabel('Operator token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const input = page.getByLabel('Upload the filled-in file');
    await input.waitFor();
    // The page lists the accounts as it opens, before any file (the JS reference gets them
    // parsed too): the time is the file's check.
    await page.getByTestId('accounts-ready').waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      document.addEventListener('change', () => { window.benchStart = performance.now(); }, { capture: true });
      const seen = () => {
        if (document.querySelector('[data-testid="review-summary"]')) window.benchEnd = performance.now();
        else requestAnimationFrame(seen);
      };
      requestAnimationFrame(seen);
    });
    const base = memoryOfAll(pids).now;
    await input.setInputFiles(file);
    await page.waitForFunction(() => window.benchEnd !== undefined, null, { timeout: 300_000, polling: 50 });
    const ms = await page.evaluate(() => window.benchEnd - window.benchStart);
    const summary = await page.getByTestId('review-summary').innerText();
    const { peak } = memoryOfAll(pids);
    await context.close();
    return { ms, extra: peak - base, peak, summary };
  }

  async function jsRun() {
    const { context, page, pids } = await freshPage(stack.browser, 'about:blank');
    await page.setContent('<input type="file" id="file">');
    await page.addScriptTag({ content: papaparse });
    await page.addScriptTag({ content: reference });
    const base = memoryOfAll(pids).now;
    await page.setInputFiles('#file', file);
    // The accounts read into their index before the timer, as the page's worker has them.
    await page.evaluate((knownText) => { window.knownAccounts = new Map(JSON.parse(knownText)); }, known);
    const { ms, summary } = await page.evaluate(async () => {
      const start = performance.now();
      const summary = await validateEmailsCsv(document.getElementById('file').files[0], window.knownAccounts);
      return { ms: performance.now() - start, summary };
    });
    const { peak } = memoryOfAll(pids);
    await context.close();
    const text = `${summary.newEmails} new emails, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.errors} errors`;
    return { ms, extra: peak - base, peak, summary: text };
  }

  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, go] of run % 2 ? [['js', jsRun], ['wasm', wasmRun]] : [['wasm', wasmRun], ['js', jsRun]]) {
      const result = await go();
      results[name].push(result);
      console.log(`run ${run + 1} ${name}: ${result.ms.toFixed(0)} ms, +${mb(result.extra)} (peak ${mb(result.peak)}): ${result.summary}`);
    }
  }
  const size = Buffer.byteLength(filled);
  const row = (name, label) => {
    const ms = median(results[name].map((r) => r.ms));
    const extra = median(results[name].map((r) => r.extra));
    console.log(`${label}: median ${ms.toFixed(0)} ms, +${mb(extra)} (${(extra / size).toFixed(2)}x the file)`);
    return ms;
  };
  const wasm = row('wasm', 'Rust/wasm in the page\'s worker');
  const js = row('js', 'JavaScript + papaparse       ');
  console.log(`ratio wasm/JS: ${(wasm / js).toFixed(2)}`);
} finally {
  await stack.stop();
}
