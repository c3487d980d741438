// The README's dev command (`scripts/dev.sh`): without Stripe keys it starts the stand-in and
// the server, and a shopper can pay, also through the README's Embedding snippet pasted as is
// into a page of a listed origin; it prints an operator token that signs in; stopping it
// stops both. With a secret key but no webhook
// secret it says what to set instead of starting half a checkout.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, cardFields, freePort, launchChromium, waitFor } from './harness.mjs';

/** `scripts/dev.sh` with the machine's environment minus any Stripe settings, plus `env`. */
function devCommand(env) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('STRIPE_')));
  const child = spawn('bash', ['scripts/dev.sh'], { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  child.stdout.on('data', (chunk) => { child.output += chunk; });
  child.stderr.on('data', (chunk) => { child.output += chunk; });
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

async function answers(url) {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

test('without Stripe keys the dev command runs the checkout on the stand-in, and stopping it stops both', async () => {
  // The dev command's own address (the README's snippet names it), and a host page's origin.
  const [serverPort, simPort, hostPort] = [4242, await freePort(), await freePort()];
  const server = `http://127.0.0.1:${serverPort}`;
  const sim = `http://127.0.0.1:${simPort}`;
  const hostOrigin = `http://localhost:${hostPort}`;
  const dev = devCommand({
    CHECKOUT_ADDR: `127.0.0.1:${serverPort}`,
    CHECKOUT_EMBED_ORIGINS: hostOrigin,
    STRIPE_SIM_ADDR: `127.0.0.1:${simPort}`,
    CHECKOUT_DB_PATH: path.join(await mkdtemp(path.join(tmpdir(), 'checkout-dev-')), 'orders.sqlite3'),
    CHECKOUT_STATUS_POLL_SECONDS: '1',
  });
  const browser = await launchChromium();
  try {
    await waitFor(`${server}/api/config`, dev, 'scripts/dev.sh', 600_000);
    assert.match(dev.output, new RegExp(`Checkout: ${server}/`), 'it prints the URL');
    const config = await (await fetch(`${server}/api/config`)).json();
    assert.equal(config.stripeJsUrl, `${sim}/endive/stripe.js`);
    // The operator's sign-in: a token made for this run and printed.
    const token = dev.output.match(/Operator token \(for the operator pages' sign-in\): (\S+)/)?.[1];
    assert.ok(token && token.length >= 16, dev.output);
    const signIn = (t) => fetch(`${server}/api/operator/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: t }) });
    assert.equal((await signIn(token)).status, 200, 'the printed token signs the operator in');
    assert.equal((await signIn(`${token}x`)).status, 401);

    const page = await browser.newPage();
    await page.goto(`${server}/`);
    await cardFields(page).fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
    // The stand-in's webhook reached the server the dev command started.
    await page.locator('[data-testid="order-status"][data-status="paid"]').waitFor();

    // The README's Embedding snippet, pasted as is into a page of the listed origin.
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const snippet = readme.slice(readme.indexOf('\n## Embedding')).match(/```html\n([\s\S]*?)```/)[1];
    const hostPage = http.createServer((request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My shop</title></head><body>${snippet}</body></html>`);
    });
    await new Promise((resolve) => hostPage.listen(hostPort, '127.0.0.1', resolve));
    try {
      const host = await browser.newPage();
      const logged = [];
      host.on('console', (message) => logged.push(message.text()));
      await host.goto(`${hostOrigin}/`);
      // The snippet's cart (1 × T-shirt, 3 × stickers) in its data-locale, Japanese.
      const pay = host.getByRole('button', { name: '$39.97 を支払う' });
      await pay.waitFor();
      await cardFields(host).fill('4242 4242 4242 4242');
      await pay.click();
      await host.getByRole('heading', { name: 'お支払いが完了しました' }).waitFor();
      for (let i = 0; i < 50 && !logged.some((line) => line.startsWith('paid')); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(logged.some((line) => line.startsWith('paid')), `the snippet's own script heard checkout:paid: ${logged}`);
    } finally {
      hostPage.close();
    }
  } finally {
    await browser.close();
    dev.kill('SIGTERM');
  }
  await dev.exited;
  assert.equal(await answers(`${server}/api/config`), false, 'the server stopped');
  assert.equal(await answers(`${sim}/_sim/health`), false, 'the stand-in stopped');
});

test('with a secret key but no webhook secret the dev command says what to set', async () => {
  const serverPort = await freePort();
  const dev = devCommand({
    CHECKOUT_ADDR: `127.0.0.1:${serverPort}`,
    STRIPE_SECRET_KEY: 'sk_test_dev_command',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_dev_command',
  });
  const { code } = await dev.exited;
  assert.equal(code, 1, dev.output);
  assert.match(dev.output, /Set STRIPE_WEBHOOK_SECRET/);
  assert.equal(await answers(`http://127.0.0.1:${serverPort}/api/config`), false, 'nothing was started');
});
