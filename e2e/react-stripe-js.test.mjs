// The stand-in's Stripe.js judged by a client nobody here wrote: the React reference checkout
// (bench/react-reference: React 19, @stripe/react-stripe-js and @stripe/stripe-js from npm,
// unpatched) mounts the Payment Element on it and pays, with the same server.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cardFields, reactReferenceDist, startStack, watchForPageErrors } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack({ serverEnv: async (_stripe, sim) => ({ CHECKOUT_DIST: await reactReferenceDist(sim) }) });
});
after(async () => { await stack?.stop(); });

test('a react-stripe-js checkout mounts the Payment Element on the stand-in and pays with 4242', async () => {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(stack.server);
  const card = cardFields(page);
  await card.fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: 'Pay $50.98' }).click();
  await page.getByRole('status').filter({ hasText: 'Payment received' }).waitFor();
  const [intent] = await stack.stripe.list('payment_intents');
  assert.equal(intent.status, 'succeeded');
  assert.equal(intent.amount, 5098);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a 3-D Secure card is authenticated through handleNextAction in the React checkout', async () => {
  const page = await stack.browser.newPage();
  await page.goto(stack.server);
  await cardFields(page).fill('4000 0025 0000 3155');
  await page.getByRole('button', { name: 'Pay $50.98' }).click();
  const challenge = page.frameLocator('iframe[title="Stripe 3D Secure authentication"]');
  await challenge.getByRole('button', { name: /Complete/ }).click();
  await page.getByRole('status').filter({ hasText: 'Payment received' }).waitFor();
  await page.close();
});
