// The Address Element, by configuration: a shipping address reaches the ConfirmationToken
// and so the PaymentIntent's `shipping`; a billing address reaches the PaymentMethod's
// billing details.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { DIST, addressFields, cardFields, startStack, payButton } from './harness.mjs';

const splitAddress = readdirSync(DIST).some((name) => name.startsWith('split_address-'));

const stacks = [];
after(async () => { await Promise.all(stacks.map((s) => s.stop())); });

const JENNY = { name: 'Jenny Rosen', line1: '1234 Fake Street', city: 'San Francisco', state: 'CA', postalCode: '94102' };

async function payWithAddress(mode) {
  const stack = await startStack({ serverEnv: { CHECKOUT_ADDRESS: mode } });
  stacks.push(stack);
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/`);
  await page.getByRole('group', { name: mode === 'shipping' ? 'Shipping address' : 'Billing address' }).waitFor();
  const pay = payButton(page);
  await pay.waitFor();

  // An empty address is caught by elements.submit() at its fields.
  await cardFields(page).fill('4242 4242 4242 4242');
  await pay.click();
  await addressFields(page).frame.getByText('Your name is incomplete.').waitFor();
  assert.equal((await stack.stripe.list('payment_intents')).length, 0);

  await addressFields(page).fill(JENNY);
  await pay.click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const [intent] = await stack.stripe.list('payment_intents');
  await page.close();
  return { stack, intent };
}

test('a shipping address reaches the PaymentIntent', async () => {
  const { intent } = await payWithAddress('shipping');
  assert.equal(intent.shipping.name, 'Jenny Rosen');
  assert.deepEqual(intent.shipping.address, {
    city: 'San Francisco', country: 'US', line1: '1234 Fake Street', line2: null, postal_code: '94102', state: 'CA',
  });
});

test('a billing address reaches the payment method', async () => {
  const { stack, intent } = await payWithAddress('billing');
  assert.equal(intent.shipping, null);
  const pm = await stack.stripe.get(`/v1/payment_methods/${intent.payment_method}`);
  assert.equal(pm.billing_details.name, 'Jenny Rosen');
  assert.equal(pm.billing_details.address.postal_code, '94102');
  assert.equal(pm.billing_details.address.country, 'US');
});

// The Address Element's code is a chunk of the release build (src/checkout/address.rs), fetched
// only when the shop collects an address: if it does not download, Pay stays off (an order that
// must ship never goes without its address) and the shopper is told.
test('an address form whose code does not download keeps Pay off and says so', { skip: !splitAddress && 'dist/ is not a split release build' }, async () => {
  const stack = await startStack({ serverEnv: { CHECKOUT_ADDRESS: 'shipping' } });
  stacks.push(stack);
  const page = await stack.browser.newPage();
  let blocked = 0;
  await page.route(/\/split_address-[^/]+\.wasm$/, (route) => { blocked += 1; return route.abort('internetdisconnected'); });
  await page.goto(`${stack.server}/`);
  await page.getByRole('alert').filter({ hasText: 'The address form could not load' }).waitFor();
  assert.ok(blocked >= 1);
  // The Payment Element is ready, yet Pay stays off: nothing can be paid without the address.
  await cardFields(page).number.waitFor();
  await page.waitForTimeout(500);
  assert.equal(await payButton(page).isDisabled(), true);
  assert.equal((await stack.stripe.list('payment_intents')).length, 0);
  await page.close();
});
