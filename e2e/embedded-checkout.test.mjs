// The second way to pay, /embedded: the shop's page with Stripe's Embedded Checkout for a
// Checkout Session the server creates for the priced cart. The shopper pays with 4242 in
// Stripe's page, comes back to /embedded with the session, and sees the order the webhooks
// settled; a reload before paying shows the same session, not a second one.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TOTAL, startStack, watchForPageErrors } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

/** Stripe's page in its iframe, and the Payment Element's card fields inside it. */
function embedded(page) {
  const frame = page.frameLocator('iframe[title="Embedded Checkout"]');
  const card = frame.frameLocator('iframe[title="Secure payment input frame"]');
  return {
    frame,
    email: frame.getByLabel('Email'),
    pay: frame.getByRole('button', { name: `Pay ${DEFAULT_TOTAL}` }),
    async fillCard(number) {
      await card.getByLabel('Card number').fill(number);
      await card.getByLabel('Expiration date').fill('12 / 34');
      await card.getByLabel('Security code').fill('123');
    },
  };
}

test('4242 4242 4242 4242 pays in Embedded Checkout; the page Stripe returns to shows the paid order', async () => {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(`${stack.server}/embedded`);
  await page.getByTestId('order-total').filter({ hasText: DEFAULT_TOTAL }).waitFor();
  const checkout = embedded(page);
  await checkout.pay.waitFor();
  // A reload before paying: the same attempt, the same session.
  const [first] = await stack.stripe.list('checkout/sessions');
  await page.reload();
  await checkout.pay.waitFor();
  const sessions = await stack.stripe.list('checkout/sessions');
  assert.equal(sessions.length, 1, 'one Checkout Session for the attempt');
  assert.equal(sessions[0].id, first.id);
  assert.equal(sessions[0].amount_total, 5098);

  await checkout.email.fill('jenny@example.com');
  await checkout.fillCard('4242 4242 4242 4242');
  await checkout.pay.click();
  await page.waitForURL(/\/embedded\?session_id=cs_/);
  assert.equal(new URL(page.url()).searchParams.get('session_id'), first.id);
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(await page.getByTestId('paid-amount').innerText(), DEFAULT_TOTAL);
  await page.locator('[data-testid="order-status"][data-status="paid"]').waitFor();

  const paid = await stack.stripe.get(`/v1/checkout/sessions/${first.id}`);
  assert.deepEqual([paid.status, paid.payment_status], ['complete', 'paid']);
  const intent = await stack.stripe.get(`/v1/payment_intents/${paid.payment_intent}`);
  assert.deepEqual([intent.status, intent.amount, intent.metadata.order_id], ['succeeded', 5098, paid.metadata.order_id]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a declined card is explained in Stripe\'s page, and coming back unpaid says nothing was charged', async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/embedded`);
  const checkout = embedded(page);
  await checkout.pay.waitFor();
  await checkout.email.fill('jenny@example.com');
  await checkout.fillCard('4000 0000 0000 0002');
  await checkout.pay.click();
  await checkout.frame.getByText('Your card was declined.').waitFor();
  const [session] = await stack.stripe.list('checkout/sessions');
  await page.goto(`${stack.server}/embedded?session_id=${session.id}`);
  await page.getByRole('heading', { name: 'Your payment was not completed' }).waitFor();
  await page.getByRole('link', { name: 'Back to checkout' }).waitFor();
  await page.close();
});
