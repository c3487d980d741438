// While Stripe.js loads the page shows a skeleton; if it cannot load (blocked, offline) the
// shopper reads why and can try again.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, payButton } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

test('a skeleton shows while Stripe.js loads', async () => {
  const page = await stack.browser.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/endive/stripe.js', async (route) => { await held; await route.continue(); });
  await page.goto(`${stack.server}/`);
  await page.getByLabel('Loading checkout').waitFor();
  assert.equal(await page.getByLabel('Loading checkout').getAttribute('aria-busy'), 'true');
  release();
  await payButton(page).waitFor();
  assert.equal(await page.getByLabel('Loading checkout').count(), 0);
  await page.close();
});

test('a blocked Stripe.js gives a clear message, and Try again works once it is reachable', async () => {
  const page = await stack.browser.newPage();
  await page.route('**/endive/stripe.js', (route) => route.abort('blockedbyclient'));
  await page.goto(`${stack.server}/`);
  await page.getByRole('heading', { name: 'The checkout could not be loaded' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /Stripe\.js\) could not be loaded/);
  await page.unroute('**/endive/stripe.js');
  await page.getByRole('button', { name: 'Try again' }).click();
  await payButton(page).waitFor();
  await page.close();
});
