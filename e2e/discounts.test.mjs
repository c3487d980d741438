// Discount codes: the server checks each code and prices the cart; the summary, the Pay
// button and Elements' amount (elements.update) follow; the charge is the server's total.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openCheckout, payAndWait, payButton, startStack } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

// Records the options of every elements.update() call the page makes on Stripe.js.
function spyOnElementsUpdates() {
  window.__elementsUpdates = [];
  let real;
  Object.defineProperty(window, 'Stripe', {
    configurable: true,
    get() { return real; },
    set(Stripe) {
      real = Stripe;
      const elements = Stripe.prototype.elements;
      Stripe.prototype.elements = function (options) {
        const group = elements.call(this, options);
        const update = group.update;
        group.update = function (opts) { window.__elementsUpdates.push(opts); return update.call(this, opts); };
        return group;
      };
    },
  });
}

async function open() {
  const page = await stack.browser.newPage();
  await page.addInitScript(spyOnElementsUpdates);
  await openCheckout(stack, { page });
  const code = page.getByLabel('Discount code');
  return { page, code, apply: page.getByRole('button', { name: 'Apply' }), error: page.locator('#discount-error') };
}

test('WELCOME10 takes 10% off everywhere, and the charge is the discounted total', async () => {
  const { page, code, apply } = await open();
  await code.fill('welcome10');
  await apply.click();
  await page.getByTestId('discount-line').waitFor();
  assert.match(await page.getByTestId('discount-line').innerText(), /WELCOME10.*-\$5\.09/s);
  assert.equal(await page.getByTestId('order-total').innerText(), '$45.89');
  await payButton(page, '$45.89').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__elementsUpdates), [{ amount: 4589 }]);

  const before = await stack.stripe.list('payment_intents');
  await payAndWait(page, '4242 4242 4242 4242', '$45.89');
  const intents = (await stack.stripe.list('payment_intents')).filter((pi) => !before.some((b) => b.id === pi.id));
  assert.equal(intents.length, 1);
  assert.equal(intents[0].amount, 4589);
  await page.close();
});

test('an expired code and an unknown code get the same answer and change nothing', async () => {
  const { page, code, apply, error } = await open();
  await code.fill('SPRING2020');
  await apply.click();
  // The same words for both, so answers do not tell a guesser which codes exist.
  await page.getByRole('alert').filter({ hasText: "The code SPRING2020 isn't valid." }).waitFor();
  assert.equal(await code.getAttribute('aria-invalid'), 'true');
  await code.fill('BOGUS');
  await apply.click();
  await page.getByRole('alert').filter({ hasText: "The code BOGUS isn't valid." }).waitFor();
  assert.equal(await error.innerText(), "The code BOGUS isn't valid.");
  assert.equal(await page.getByTestId('order-total').innerText(), '$50.98');
  assert.deepEqual(await page.evaluate(() => window.__elementsUpdates), []);
  await page.close();
});

test('removing a discount restores the full price', async () => {
  const { page, code, apply } = await open();
  await code.fill('WELCOME10');
  await apply.click();
  await payButton(page, '$45.89').waitFor();
  await page.getByRole('button', { name: 'Remove' }).click();
  await payButton(page).waitFor();
  assert.equal(await page.getByTestId('discount-line').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__elementsUpdates), [{ amount: 4589 }, { amount: 5098 }]);
  await page.close();
});

test('a client that sends its own amount is refused by the server', async () => {
  const response = await fetch(`${stack.server}/api/checkout/confirm`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ confirmationTokenId: 'ctoken_x', items: [{ productId: 'lumen-tee', quantity: 1 }], amount: 1 }),
  });
  assert.equal(response.status, 422);
  assert.equal((await response.json()).error.type, 'invalid_request_error');
});
