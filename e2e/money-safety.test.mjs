// Money under faults, as a shopper meets them: an answer lost after Stripe charged, Pay pressed
// again, a reload, a second tab. One charge each time, and the page says what happened. Also:
// the page works under its Content-Security-Policy, and the release build has no test hooks.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { SERVER_BIN, cardFields, freePort, openCheckout, startStack } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

/** The next confirm reaches the server (and Stripe), but the page gets a 504 instead. */
async function loseTheNextAnswer(page) {
  let reached;
  const done = new Promise((resolve) => { reached = resolve; });
  await page.route('**/api/checkout/confirm', async (route) => {
    const answer = await route.fetch();
    reached(await answer.json());
    await route.fulfill({ status: 504, json: { error: { type: 'api_error', message: 'Gateway Timeout' } } });
  }, { times: 1 });
  return done;
}

async function succeededSince(before) {
  const intents = await stack.stripe.list('payment_intents');
  return intents.filter((pi) => pi.status === 'succeeded' && !before.some((b) => b.id === pi.id));
}

test('after a lost answer, pressing Pay again charges once and shows the payment', async () => {
  const { page, errors, pay } = await openCheckout(stack);
  const before = await stack.stripe.list('payment_intents');
  await cardFields(page).fill('4242 4242 4242 4242');
  const lost = loseTheNextAnswer(page);
  await pay.click();
  assert.equal((await lost).status, 'succeeded', 'the server and Stripe did their part');
  await page.locator('.payment-error').filter({ hasText: /./ }).waitFor();
  assert.equal(await pay.isEnabled(), true, 'the shopper can press Pay again');

  await pay.click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.match(await page.getByTestId('already-paid').innerText(), /already paid/);
  assert.equal((await succeededSince(before)).length, 1, 'exactly one succeeded PaymentIntent');
  assert.deepEqual(errors, []);
  await page.close();
});

test('after a lost answer and a reload, paying again finds the first payment', async () => {
  const { page, pay } = await openCheckout(stack);
  const before = await stack.stripe.list('payment_intents');
  await cardFields(page).fill('4242 4242 4242 4242');
  const lost = loseTheNextAnswer(page);
  await pay.click();
  await lost;
  await page.locator('.payment-error').filter({ hasText: /./ }).waitFor();

  const reloaded = await openCheckout(stack, { page });
  await cardFields(page).fill('5555 5555 5555 4444');
  await reloaded.pay.click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  await page.getByTestId('already-paid').waitFor();
  const succeeded = await succeededSince(before);
  assert.equal(succeeded.length, 1);
  assert.equal(await page.getByTestId('payment-intent-id').innerText(), succeeded[0].id);
  await page.close();
});

test('two tabs with the same cart: one charge, and the second tab is told it is already paid', async () => {
  const context = await stack.browser.newContext();
  const [first, second] = [await openCheckout(stack, { page: await context.newPage() }), await openCheckout(stack, { page: await context.newPage() })];
  const before = await stack.stripe.list('payment_intents');
  await cardFields(first.page).fill('4242 4242 4242 4242');
  await first.pay.click();
  await first.page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(await first.page.getByTestId('already-paid').count(), 0);

  await cardFields(second.page).fill('4242 4242 4242 4242');
  await second.pay.click();
  await second.page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(await second.page.getByTestId('already-paid').innerText(), 'This order was already paid. You have not been charged again.');
  assert.equal((await succeededSince(before)).length, 1);

  // Once paid, the same cart in a new visit is a new purchase.
  const later = await openCheckout(stack, { page: await context.newPage() });
  await cardFields(later.page).fill('4242 4242 4242 4242');
  await later.pay.click();
  await later.page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(await later.page.getByTestId('already-paid').count(), 0);
  assert.equal((await succeededSince(before)).length, 2);
  await context.close();
});

test('the checkout runs under its Content-Security-Policy, and a violation would be caught', async () => {
  const { page } = await openCheckout(stack);
  const response = await page.goto(`${stack.server}/`);
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' https:\/\/js\.stripe\.com/);
  assert.match(csp, /frame-ancestors 'none'/);
  await cardFields(page).number.waitFor();
  assert.deepEqual(stack.cspViolations, [], 'loading the checkout and Stripe.js broke no rule');
  // An inline script the policy does not name is blocked, and the harness sees it.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
  });
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && stack.cspViolations.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.equal(stack.cspViolations.length, 1);
  assert.match(stack.cspViolations[0], /script-src/);
  stack.cspViolations.length = 0;
  await page.close();
});

test('the build the shop runs refuses the crash test hook', async () => {
  const port = await freePort();
  const child = spawn(SERVER_BIN, [], {
    env: { ...process.env, CHECKOUT_ADDR: `127.0.0.1:${port}`, STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_PUBLISHABLE_KEY: 'pk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x', CHECKOUT_CRASH_BEFORE_COMMIT: 'payment_intent.succeeded' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  assert.equal(code, 2);
  assert.match(stderr, /CHECKOUT_CRASH_BEFORE_COMMIT exists only in test builds/);
});
