// The card checkout's split points (src/split.rs) in the release build: code the page needs only
// after the shopper acts, or beside the card, comes in wasm chunks, not in the first load. Once
// the Payment Element is ready, the payment's chunk is preloaded and the extras' (signing in and
// the discount code, held meanwhile by still copies) are fetched; a chunk that does not download
// leaves the page usable: the shopper is told and can try again.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, cardFields, openCheckout, payAndWait, payButton, startStack } from './harness.mjs';

const CHUNK = /\/(split|chunk)_[^/]+\.wasm$/;
const split = readdirSync(path.join(ROOT, 'dist')).some((name) => CHUNK.test(`/${name}`));

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

/** The app's wasm and JS the page asks for, by file name, in order. */
function recordRequests(page) {
  const names = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === stack.server && /\.(wasm|js)$/.test(url.pathname)) names.push(url.pathname.slice(1));
  });
  return names;
}

test('no chunk is in the first load; the payment\'s and the extras\' come once the Payment Element is ready', { skip: !split && 'dist/ is not a split release build' }, async () => {
  const page = await stack.browser.newPage();
  const names = recordRequests(page);
  const chunksSeen = () => names.filter((n) => CHUNK.test(`/${n}`));
  // The Payment Element's frame held: the page as it is before the element is ready.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/elements/payment', async (route) => { await held; await route.continue(); });
  await page.goto(stack.server);
  await page.locator('button.pay').waitFor();
  await page.waitForTimeout(500);
  const firstLoad = [...names];
  // Meanwhile the discount form's place is held by its still copy.
  assert.equal(await page.getByLabel('Discount code').isDisabled(), true, 'the still copy');
  assert.equal(await page.getByRole('button', { name: 'Apply' }).isDisabled(), true);
  release();
  assert.deepEqual(firstLoad.filter((n) => CHUNK.test(`/${n}`)), [], `first load: ${firstLoad}`);
  assert.ok(firstLoad.some((n) => n.startsWith('__wasm_split-')), `the loader, preloaded: ${firstLoad}`);
  await payButton(page).waitFor();
  for (const chunk of ['split_pay', 'split_extras']) {
    await page.waitForFunction((c) => performance.getEntriesByType('resource').some((e) => e.name.includes(`/${c}-`)), chunk);
  }
  assert.deepEqual(chunksSeen().filter((n) => n.startsWith('split_')).map((n) => n.replace(/-.*/, '')).sort(), ['split_extras', 'split_pay']);
  // The live form took the still copy's place.
  await page.getByLabel('Discount code').fill('WELCOME10');
  assert.equal(await page.getByLabel('Discount code').isEnabled(), true);
  await page.close();
});

test('a payment whose chunk does not download says so, charges nothing, and Pay works again', async () => {
  const page = await stack.browser.newPage();
  let blocked = 0;
  await page.route(CHUNK, (route) => { blocked += 1; return route.abort('internetdisconnected'); });
  const { errors } = await openCheckout(stack, { page });
  const before = await stack.stripe.list('payment_intents');
  await cardFields(page).fill('4242 4242 4242 4242');
  await payButton(page).click();
  if (split) {
    const error = page.locator('.payment-error');
    await error.filter({ hasText: 'could not start' }).waitFor();
    assert.match(await error.innerText(), /The payment could not start: part of the page did not download\. Check your connection and try again\./);
    assert.ok(blocked >= 1);
    assert.equal(await payButton(page).isEnabled(), true, 'Pay is usable again');
    assert.equal((await stack.stripe.list('payment_intents')).length, before.length, 'nothing was charged');
    await page.unroute(CHUNK);
    await payButton(page).click();
  }
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  await page.locator('[data-testid="order-status"][data-status="paid"]').waitFor();
  const intents = (await stack.stripe.list('payment_intents')).filter((pi) => !before.some((b) => b.id === pi.id));
  assert.deepEqual(intents.map((pi) => [pi.status, pi.amount]), [['succeeded', 5098]]);
  assert.deepEqual(errors, [], 'no page error: the failed download did not break the wasm');
  await page.close();
});

test('extras whose chunk does not download say so, keep their place, and come on Try again', async () => {
  const page = await stack.browser.newPage();
  await page.route(CHUNK, (route) => route.abort('internetdisconnected'));
  const { errors } = await openCheckout(stack, { page });
  if (split) {
    await page.locator('#discount-error').filter({ hasText: 'Discount codes and signing in could not load' }).waitFor();
    assert.match(await page.locator('#discount-error').innerText(), /part of the page did not download/);
    assert.equal(await page.getByLabel('Discount code').isDisabled(), true, 'the still copy stays');
    assert.equal(await page.getByTestId('order-total').innerText(), '$50.98');
    await page.unroute(CHUNK);
    await page.getByRole('button', { name: 'Try again' }).click();
    // The focus goes to the live field that took the still copy's place.
    await page.waitForFunction(() => document.activeElement?.id === 'discount-code' && !document.activeElement.disabled);
  }
  await page.getByLabel('Discount code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByTestId('discount-line').waitFor();
  await payAndWait(page, '4242 4242 4242 4242', '$45.89');
  assert.deepEqual(errors, []);
  await page.close();
});
