// 3-D Secure in Chromium: Stripe.js's authentication modal (Complete / Fail) after the server
// answers requires_action, a retry after a failure without a second charge, and the
// redirect-based flow that comes back to the return_url page.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cardFields, startStack, watchForPageErrors, payButton } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

const modal = (page) => page.frameLocator('iframe[title="Stripe 3D Secure authentication"]');

async function payWith(page, card) {
  await cardFields(page).fill(card);
  await payButton(page).click();
}

async function newIntents(before) {
  return (await stack.stripe.list('payment_intents')).filter((pi) => !before.some((b) => b.id === pi.id));
}

test('3DS card 4000 0025 0000 3155: completing the challenge succeeds', async () => {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  const before = await stack.stripe.list('payment_intents');
  await page.goto(`${stack.server}/`);
  await payWith(page, '4000 0025 0000 3155');
  await modal(page).getByRole('button', { name: 'Complete' }).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(await page.locator('iframe[title="Stripe 3D Secure authentication"]').count(), 0, 'the modal is gone');
  const [intent] = await newIntents(before);
  assert.equal(intent.status, 'succeeded');
  assert.equal(intent.id, await page.getByTestId('payment-intent-id').innerText());
  assert.deepEqual(errors, []);
  await page.close();
});

test('failing the challenge explains it, and paying again with 4242 charges once', async () => {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  const before = await stack.stripe.list('payment_intents');
  await page.goto(`${stack.server}/`);
  await payWith(page, '4000 0025 0000 3155');
  await modal(page).getByRole('button', { name: 'Fail' }).click();
  await page.getByRole('alert').filter({ hasText: 'We are unable to authenticate your payment method' }).waitFor();
  const pay = payButton(page);
  assert.equal(await pay.isEnabled(), true, 'the form is usable again');

  await cardFields(page).number.fill('4242 4242 4242 4242');
  await pay.click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();

  // One order, one PaymentIntent: the failed authentication left it requiring a payment
  // method, and the next card confirmed that same PaymentIntent.
  const intents = await newIntents(before);
  assert.equal(intents.length, 1);
  assert.deepEqual([intents[0].status, intents[0].amount_received], ['succeeded', 5098], 'charged once');
  const failures = (await stack.stripe.list('events?type=payment_intent.payment_failed'))
    .filter((e) => e.data.object.id === intents[0].id);
  assert.equal(failures.length, 1);
  assert.equal(failures[0].data.object.last_payment_error.code, 'payment_intent_authentication_failure');
  assert.deepEqual(errors, []);
  await page.close();
});

test('closing the authentication modal fails it as Stripe does, and the form works again', async () => {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  const before = await stack.stripe.list('payment_intents');
  await page.goto(`${stack.server}/`);
  await payWith(page, '4000 0025 0000 3155');
  await modal(page).getByRole('button', { name: 'Complete' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('alert').filter({ hasText: 'We are unable to authenticate your payment method' }).waitFor();
  assert.equal(await page.locator('iframe[title="Stripe 3D Secure authentication"]').count(), 0, 'the modal is gone');
  assert.equal(await payButton(page).isEnabled(), true);
  const [intent] = await newIntents(before);
  assert.equal(intent.status, 'requires_payment_method');
  assert.equal(intent.last_payment_error.code, 'payment_intent_authentication_failure');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a redirect-based challenge comes back to /complete, which reads the PaymentIntent', async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/`);
  await payWith(page, '4000 0027 6000 3184');
  // The whole page goes to the authentication page (Stripe's origin), then back.
  await page.waitForURL((url) => url.pathname.startsWith('/three_d_secure/'));
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.waitForURL((url) => url.pathname === '/complete');
  assert.equal(new URL(page.url()).searchParams.get('redirect_status'), 'succeeded');
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.match(await page.locator('.payment-result').innerText(), /We received your payment of \$50\.98/);
  // The return page knows only the PaymentIntent; the order it pays for is marked paid by
  // the webhook.
  const order = page.getByTestId('order-status');
  await page.locator('[data-testid="order-status"][data-status="paid"]').waitFor();
  assert.match(await order.innerText(), /Order confirmed: paid/);
  await page.close();
});

test('the return page tells a failed redirect challenge and offers to try again', async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/`);
  await payWith(page, '4000 0027 6000 3184');
  await page.waitForURL((url) => url.pathname.startsWith('/three_d_secure/'));
  await page.getByRole('button', { name: 'Fail' }).click();
  await page.waitForURL((url) => url.pathname === '/complete');
  await page.getByRole('heading', { name: 'Payment failed' }).waitFor();
  assert.match(await page.locator('.payment-result').innerText(), /Your payment was not successful, please try again\./);
  await page.getByRole('link', { name: 'Back to checkout' }).click();
  await payButton(page).waitFor();
  await page.close();
});

test('the return page without a payment, or with a wrong secret, says so', async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/complete`);
  await page.getByRole('heading', { name: 'We could not find that payment' }).waitFor();
  await page.goto(`${stack.server}/complete?payment_intent_client_secret=pi_123_secret_nope`);
  await page.getByRole('heading', { name: 'We could not find that payment' }).waitFor();
  await page.close();
});
