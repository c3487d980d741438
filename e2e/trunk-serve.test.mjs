// `trunk serve` for development: it builds the app with Trunk.toml and proxies /api to the
// backend on the port Trunk.toml names (4242). A payment goes through it in Chromium.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, assertPortFree, freePort, payAndWait, payButton, startStack, waitFor } from './harness.mjs';

let stack;
let trunkUrl;

before(async () => {
  const trunkToml = await readFile(path.join(ROOT, 'Trunk.toml'), 'utf8');
  const backendPort = Number(trunkToml.match(/backend = "http:\/\/127\.0\.0\.1:(\d+)\/api\/"/)[1]);
  await assertPortFree(backendPort, "Trunk.toml's /api proxy backend must be this test's server");
  stack = await startStack({ serverPort: backendPort });
  const port = await freePort();
  const trunk = spawn('trunk', ['serve', '--port', String(port), '--no-autoreload'], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: process.env,
  });
  stack.track(trunk);
  trunkUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${trunkUrl}/`, trunk, 'trunk serve', 600_000);
});
after(async () => { await stack?.stop(); });

test('trunk serve proxies /api to the backend', async () => {
  const response = await fetch(`${trunkUrl}/api/config`);
  assert.equal(response.status, 200);
  assert.equal((await response.json()).cart.total, 5098);
});

test('a card payment works on the trunk serve page', async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${trunkUrl}/`);
  await payButton(page).waitFor();
  await payAndWait(page, '4242 4242 4242 4242');
  const [intent] = await stack.stripe.list('payment_intents');
  assert.equal(intent.status, 'succeeded');
  assert.equal(intent.amount, 5098);
  await page.close();
});
