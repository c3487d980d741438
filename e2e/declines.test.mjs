// Declines and errors as a shopper meets them: Stripe's message for card errors, validation
// errors at the field, a generic message for anything else, the Pay button usable after every
// failure; and one PaymentIntent however often Pay or Enter is pressed.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cardFields, openCheckout, startStack } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

async function open() {
  const opened = await openCheckout(stack);
  return { ...opened, alert: opened.page.locator('.payment-error') };
}

for (const [card, message] of [
  ['4000 0000 0000 0002', 'Your card was declined.'],
  ['4000 0000 0000 9995', 'Your card has insufficient funds.'],
  ['4000 0000 0000 0069', 'Your card has expired.'],
  ['4000 0000 0000 0127', "Your card's security code is incorrect."],
]) {
  test(`card ${card} is declined with "${message}" and Pay works again`, async () => {
    const { page, errors, pay, alert } = await open();
    await cardFields(page).fill(card);
    await pay.click();
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    assert.equal(await alert.innerText(), message);
    assert.equal(await pay.isEnabled(), true);
    await cardFields(page).number.fill('4242 4242 4242 4242');
    await pay.click();
    await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a validation error shows at the field, not as a payment failure, and creates nothing', async () => {
  const { page, pay, alert } = await open();
  const before = await stack.stripe.list('payment_intents');
  const card = cardFields(page);
  await card.fill('4242 4242 4242 4242', '12 / 34', '1');
  await pay.click();
  await card.frame.getByText("Your card's security code is incomplete.").waitFor();
  assert.equal(await card.cvc.getAttribute('aria-invalid'), 'true');
  assert.equal(await alert.innerText(), '');
  assert.equal(await pay.isEnabled(), true);
  assert.equal((await stack.stripe.list('payment_intents')).length, before.length);
  await page.close();
});

test('an error that is not for the shopper shows a generic message, and a retry works', async () => {
  const { page, pay, alert } = await open();
  await page.route('**/api/checkout/confirm', (route) => route.fulfill({
    status: 502, contentType: 'application/json',
    body: JSON.stringify({ error: { type: 'api_error', message: 'upstream said: secret internals' } }),
  }));
  await cardFields(page).fill('4242 4242 4242 4242');
  await pay.click();
  await page.getByRole('alert').filter({ hasText: 'Something went wrong' }).waitFor();
  assert.doesNotMatch(await alert.innerText(), /internals/);
  assert.equal(await pay.isEnabled(), true);
  await page.unroute('**/api/checkout/confirm');
  await pay.click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  await page.close();
});

test('pressing Enter twice in the card form makes exactly one PaymentIntent', async () => {
  const { page } = await open();
  const before = await stack.stripe.list('payment_intents');
  const card = cardFields(page);
  await card.fill('4242 4242 4242 4242');
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let confirms = 0;
  await page.route('**/api/checkout/confirm', async (route) => { confirms += 1; await held; await route.continue(); });
  await card.cvc.press('Enter');
  await page.getByRole('button', { name: 'Processing…' }).waitFor();
  await card.cvc.press('Enter');
  await page.getByRole('button', { name: 'Processing…' }).click({ force: true });
  release();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(confirms, 1, 'one confirm request');
  const intents = (await stack.stripe.list('payment_intents')).filter((pi) => !before.some((b) => b.id === pi.id));
  assert.equal(intents.length, 1);
  await page.close();
});
