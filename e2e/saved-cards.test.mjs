// Saved payment methods through a CustomerSession, for a signed-in customer only: a visitor
// sees none; signed in (the demo sign-in), a saved card is listed and pays; a new card can be
// saved for later; when the session cannot be created the checkout still works.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLISHABLE_KEY, cardFields, payAndWait, payButton, startStack } from './harness.mjs';

let stack;
let customer;

// A customer with a card saved for redisplay, as a returning shopper has.
async function customerWithSavedCard(stripe) {
  customer = await stripe.post('/v1/customers', { email: 'jenny@example.com', name: 'Jenny Rosen' });
  const pm = await stripe.post('/v1/payment_methods/pm_card_visa/attach', { customer: customer.id });
  await stripe.post(`/v1/payment_methods/${pm.id}`, { allow_redisplay: 'always' });
  customer.savedCard = pm.id;
  return { CHECKOUT_DEMO_CUSTOMER: customer.id };
}

/** The checkout, signed in as the demo customer with the page's own button. */
async function openSignedIn() {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/`);
  await page.getByRole('button', { name: 'Sign in as the demo customer' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

before(async () => { stack = await startStack({ serverEnv: customerWithSavedCard }); });
after(async () => { await stack?.stop(); });

const paymentFrame = (page) => page.frameLocator('iframe[title="Secure payment input frame"]');

test('a visitor who has not signed in sees no saved cards', async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/`);
  await cardFields(page).number.waitFor();
  assert.equal(await paymentFrame(page).getByRole('group', { name: 'Saved cards' }).getByRole('radio').count(), 0, 'nobody else\'s cards');
  await page.close();
});

test('the saved card is listed and pays, charged to the customer', async () => {
  const page = await openSignedIn();
  const saved = paymentFrame(page).getByRole('radio', { name: /Visa •••• 4242/ });
  await saved.waitFor();
  assert.equal(await saved.isChecked(), true, 'the saved card is preselected');
  assert.equal(await paymentFrame(page).getByLabel('Save payment details for future purchases').isVisible(), false);
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const [intent] = await stack.stripe.list('payment_intents');
  assert.equal(intent.payment_method, customer.savedCard);
  assert.equal(intent.customer, customer.id);
  assert.equal(intent.status, 'succeeded');
  await page.close();
});

test('a new card saved at checkout is kept for the customer', async () => {
  const page = await openSignedIn();
  await paymentFrame(page).getByRole('radio', { name: 'New card' }).check();
  await cardFields(page).fill('5555 5555 5555 4444');
  await paymentFrame(page).getByLabel('Save payment details for future purchases').check();
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const methods = await stack.stripe.list(`customers/${customer.id}/payment_methods`);
  const mastercard = methods.find((pm) => pm.card.last4 === '4444');
  assert.ok(mastercard, 'attached to the customer');
  assert.equal(mastercard.allow_redisplay, 'always');
  const [intent] = await stack.stripe.list('payment_intents');
  assert.equal(intent.setup_future_usage, 'off_session');

  // The next visit lists both cards.
  await page.goto(`${stack.server}/`);
  await paymentFrame(page).getByRole('radio', { name: /Mastercard •••• 4444/ }).waitFor();
  await paymentFrame(page).getByRole('radio', { name: /Visa •••• 4242/ }).waitFor();
  await page.close();
});

test('when the CustomerSession cannot be created, the checkout works without saved cards', async () => {
  const page = await openSignedIn();
  await stack.stripe.fault({ path: '/v1/customer_sessions', status: 500, type: 'api_error', message: 'Stripe had a bad day' });
  await page.reload();
  await cardFields(page).number.waitFor();
  assert.equal(await paymentFrame(page).getByRole('group', { name: 'Saved cards' }).getByRole('radio').count(), 0, 'no saved cards offered');
  await payAndWait(page, '4242 4242 4242 4242');
  await page.close();
});

test('removing a saved card in the Payment Element detaches it and tells the page (savedpaymentmethodremove)', async () => {
  // A shop that lets customers remove saved cards, with its own customer.
  const shop = await startStack({
    serverEnv: async (stripe) => ({ ...(await customerWithSavedCard(stripe)), CHECKOUT_SAVED_CARDS_REMOVE: '1' }),
  });
  try {
    const page = await shop.browser.newPage();
    await page.goto(`${shop.server}/`);
    await page.getByRole('button', { name: 'Sign in as the demo customer' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // A Payment Element of the page's own, with the signed-in customer's CustomerSession.
    await page.evaluate(async (key) => {
      const { customerSessionClientSecret } = await (await fetch('/api/session')).json();
      const elements = Stripe(key).elements({ mode: 'payment', amount: 1000, currency: 'usd', customerSessionClientSecret });
      const element = elements.create('payment');
      window.removed = [];
      element.on('savedpaymentmethodremove', (event) => window.removed.push(event));
      const node = document.createElement('div');
      document.body.appendChild(node);
      element.mount(node);
      await new Promise((resolve) => element.on('ready', resolve));
    }, PUBLISHABLE_KEY);
    const frame = page.locator('iframe[title="Secure payment input frame"]').nth(1).contentFrame();
    await frame.getByRole('button', { name: /^Remove / }).click();
    await page.waitForFunction(() => window.removed.length > 0);
    const [event] = await page.evaluate(() => window.removed);
    assert.equal(event.success, true, JSON.stringify(event));
    assert.equal(event.payment_method.id, customer.savedCard);
    assert.equal(event.elementType, 'payment');
    const method = await shop.stripe.get(`/v1/payment_methods/${customer.savedCard}`);
    assert.equal(method.customer, null, 'detached from the customer');
  } finally {
    await shop.stop();
  }
});
