// The operator's BNPL dashboard in Chromium, from the server's own scheduled data export
// (CHECKOUT_EXPORT_DIR): the stand-in's generated history is exported as the server starts, the
// operator signs in, and the page shows the five charts with their tables; the numbers are
// DuckDB's reading of the same files; each chart's CSV downloads; axe-core finds nothing; a
// screenshot of the page is kept (target/e2e-screenshots/bnpl-dashboard.png).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, axeViolations, startStack, watchForPageErrors } from './harness.mjs';

const TOKEN = 'operator-token-bnpl-0123456789';
const PYTHON = process.env.CHECKOUT_PYTHON ?? path.join(ROOT, 'target/python/bin/python');
let stack;
let exportDir;
let seeded;

before(async () => {
  exportDir = await mkdtemp(path.join(tmpdir(), 'bnpl-export-'));
  stack = await startStack({
    serverEnv: async (_stripe, sim) => {
      // The history first: the server's first scheduled export runs as it starts.
      const response = await fetch(`${sim}/_sim/history/seed`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ seed: 5, charges: 6000, days: 35 }),
      });
      seeded = await response.json();
      return { CHECKOUT_OPERATOR_TOKEN: TOKEN, CHECKOUT_EXPORT_DIR: exportDir, CHECKOUT_EXPORT_INTERVAL_MINUTES: '60' };
    },
  });
});
after(async () => { await stack?.stop(); });

/** The export's state once the scheduled run has written the charges. */
async function exported() {
  for (let i = 0; i < 600; i++) {
    try {
      const state = JSON.parse(await readFile(path.join(exportDir, '_export_state.json'), 'utf8'));
      if (Object.values(state.resources).length === 6 && Object.values(state.resources).every((r) => r.pending_until === null)) return state;
    } catch { /* not written yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the scheduled export did not finish');
}

/** DuckDB's answer to `sql` over the export's charges and refunds. */
function duckdb(sql) {
  const script = `
import duckdb, json, sys
db = duckdb.connect()
for name in ["charges", "refunds"]:
    db.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{sys.argv[1]}/{name}/*/*.parquet', hive_partitioning = true)")
print(json.dumps(db.execute(sys.argv[2]).fetchall()))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, exportDir, sql], { encoding: 'utf8' }));
}

async function signedIn() {
  const page = await stack.browser.newPage({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  const errors = watchForPageErrors(page);
  await page.goto(`${stack.server}/operator/bnpl`);
  await page.getByLabel('Operator token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('bnpl-coverage').waitFor();
  return { page, errors };
}

test('the dashboard shows the export as charts and tables with DuckDB\'s numbers, its CSVs, no axe violations', async () => {
  await exported();
  const { page, errors } = await signedIn();
  const charts = ['BNPL share of payments per week', 'BNPL share of revenue per week', 'Average order value by method',
    'Refund rate by method', 'Average order value by offer variant (BNPL)'];
  for (const title of charts) {
    const card = page.getByRole('region', { name: title });
    await card.getByRole('heading', { name: title }).waitFor();
    // The chart is an image with a name and a summary, and its bars have a size.
    const svg = card.locator('svg.chart');
    const label = await svg.getAttribute('aria-label');
    assert.ok(label.startsWith(`${title.split(' (')[0]}. `), label);
    const bars = await svg.locator('rect').evaluateAll((rects) => rects.filter((r) => r.getBBox().height > 0 && r.getBBox().width > 0).length);
    assert.ok(bars > 0, `${title}: bars drawn`);
  }
  const coverage = await page.getByTestId('bnpl-coverage').innerText();
  const succeeded = duckdb("SELECT count(*) FROM charges WHERE status = 'succeeded'")[0][0];
  assert.match(coverage, new RegExp(`^${succeeded.toLocaleString('en-US')} payments exported up to \\d{4}-\\d\\d-\\d\\d`));

  // The average order value table, row by row, is DuckDB's.
  const aovCard = page.getByRole('region', { name: 'Average order value by method' });
  await aovCard.getByText('Show the numbers').click();
  const rows = await aovCard.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.innerText)));
  const names = { card: 'Card', klarna: 'Klarna', afterpay_clearpay: 'Afterpay', affirm: 'Affirm', zip: 'Zip' };
  const expected = duckdb("SELECT payment_method_type, count(*), sum(amount) // count(*) FROM charges WHERE status = 'succeeded' AND currency = 'usd' GROUP BY 1");
  assert.equal(rows.length, expected.length);
  for (const [method, count, average] of expected) {
    const row = rows.find((r) => r[0] === names[method]);
    assert.ok(row, `${method} listed`);
    const dollars = `$${(average / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    assert.deepEqual(row, [names[method], String(count), dollars], method);
  }
  // The refund rate: DuckDB's share of succeeded payments with a refund.
  const refundCard = page.getByRole('region', { name: 'Refund rate by method' });
  await refundCard.getByText('Show the numbers').click();
  const klarnaRefunds = duckdb("SELECT count(DISTINCT c.id) FILTER (WHERE r.id IS NOT NULL), count(DISTINCT c.id) FROM charges c LEFT JOIN refunds r ON r.charge = c.id WHERE c.status = 'succeeded' AND c.payment_method_type = 'klarna'")[0];
  const klarnaRow = await refundCard.locator('tbody tr', { hasText: 'Klarna' }).locator('td').allInnerTexts();
  assert.deepEqual(klarnaRow, ['Klarna', String(klarnaRefunds[1]), String(klarnaRefunds[0]), `${(klarnaRefunds[0] / klarnaRefunds[1] * 100).toFixed(1)}%`]);

  // Each chart's CSV.
  const download = page.waitForEvent('download');
  await aovCard.getByRole('link', { name: /Download CSV/ }).click();
  const file = await (await download).path();
  const csv = (await readFile(file, 'utf8')).trim().split('\n');
  assert.equal(csv[0], 'method,payments,average_order_value,currency');
  assert.equal(csv.length, expected.length + 1);
  for (const name of ['bnpl-share-by-week.csv', 'refund-rate-by-method.csv', 'average-order-value-by-variant.csv']) {
    const response = await page.request.get(`${stack.server}/api/operator/bnpl/${name}`);
    assert.equal(response.status(), 200, name);
    assert.match(response.headers()['content-type'], /^text\/csv/);
  }

  assert.deepEqual(await axeViolations(page), []);
  const shots = path.join(ROOT, 'target/e2e-screenshots');
  await mkdir(shots, { recursive: true });
  const png = await page.screenshot({ fullPage: true });
  await writeFile(path.join(shots, 'bnpl-dashboard.png'), png);
  assert.ok(png.length > 30_000, `a page of charts, not a blank one (${png.length} bytes)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the dashboard\'s API wants the operator, and says when the export is off', async () => {
  const response = await fetch(`${stack.server}/api/operator/bnpl`);
  assert.equal(response.status, 401);
  const csv = await fetch(`${stack.server}/api/operator/bnpl/average-order-value-by-method.csv`);
  assert.equal(csv.status, 401);
  const off = await startStack({ serverEnv: { CHECKOUT_OPERATOR_TOKEN: TOKEN } });
  try {
    const page = await off.browser.newPage();
    await page.goto(`${off.server}/operator/bnpl`);
    await page.getByLabel('Operator token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The data export is off: set CHECKOUT_EXPORT_DIR' }).waitFor();
  } finally {
    await off.stop();
  }
});
