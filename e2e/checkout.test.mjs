// The walking skeleton's user story in Chromium against the real stack: the server-priced cart,
// the Payment Element in Stripe's iframe, test card 4242, one succeeded PaymentIntent.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cardFields, openCheckout, payButton, startStack } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

test('the order summary shows the cart as the server priced it', async () => {
  const { page, errors } = await openCheckout(stack);
  const summary = page.getByRole('region', { name: 'Order summary' });
  assert.match(await summary.innerText(), /Lumen organic T-shirt\s+1 × \$25\.00\s+\$25\.00/);
  assert.match(await summary.innerText(), /Ferris enamel mug\s+2 × \$12\.99\s+\$25\.98/);
  assert.equal(await page.getByTestId('order-total').innerText(), '$50.98');
  // The Payment Element is Stripe's iframe with labelled card fields, mounted in deferred mode.
  const card = cardFields(page);
  await card.number.waitFor();
  assert.equal(await card.expiry.getAttribute('placeholder'), 'MM / YY');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a card payment with 4242 4242 4242 4242 succeeds and charges the server amount once', async () => {
  const { page, errors } = await openCheckout(stack);
  const before = await stack.stripe.list('payment_intents');
  await cardFields(page).fill('4242 4242 4242 4242');

  // Hold the server's answer a moment to see the button while the payment is in flight.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/api/checkout/confirm', async (route) => { await held; await route.continue(); });
  await payButton(page).click();
  const busy = page.getByRole('button', { name: 'Processing…' });
  await busy.waitFor();
  assert.equal(await busy.isDisabled(), true);
  // A second press while paying does nothing.
  await page.locator('form.payment-form').evaluate((form) => form.requestSubmit());
  release();

  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(await page.getByTestId('paid-amount').innerText(), '$50.98');
  const shownId = await page.getByTestId('payment-intent-id').innerText();

  const intents = (await stack.stripe.list('payment_intents')).filter((pi) => !before.some((b) => b.id === pi.id));
  assert.equal(intents.length, 1, 'exactly one PaymentIntent');
  assert.equal(intents[0].id, shownId);
  assert.equal(intents[0].status, 'succeeded');
  assert.equal(intents[0].amount, 5098);
  assert.equal(intents[0].currency, 'usd');

  // The order is paid when Stripe's webhook says so, and the page shows what the server has.
  const orderStatus = page.getByTestId('order-status');
  await page.locator('[data-testid="order-status"][data-status="paid"]').waitFor();
  assert.match(await orderStatus.innerText(), /Order confirmed: paid/);
  const orderId = (await orderStatus.innerText()).match(/\((ord_\w+)\)/)[1];
  const order = await (await fetch(`${stack.server}/api/orders/${orderId}`)).json();
  assert.deepEqual([order.status, order.fulfilled, order.paymentIntentId, order.amount], ['paid', true, shownId, 5098]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an incomplete card is caught by elements.submit(): the field says why, nothing is charged', async () => {
  const { page, errors } = await openCheckout(stack);
  const before = await stack.stripe.list('payment_intents');
  const card = cardFields(page);
  await card.fill('4242 4242 4242', '12 / 34', '123');
  await payButton(page).click();
  await card.frame.getByText('Your card number is incomplete.').waitFor();
  assert.equal(await card.number.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.payment-error').innerText(), '', 'shown at the field, not twice');
  assert.equal(await payButton(page).isEnabled(), true, 'Pay is usable again');
  assert.equal((await stack.stripe.list('payment_intents')).length, before.length, 'no PaymentIntent');

  // Fixing the number and paying again works.
  await card.number.fill('4242 4242 4242 4242');
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
