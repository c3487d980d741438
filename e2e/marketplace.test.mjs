// The marketplace (Stripe Connect) in Chromium: a card saved at one seller pays another seller
// without any card entry (shared with that seller's account and charged there, the platform's
// fee taken), a 3-D Secure card shared and authenticated through a Stripe.js acting for the
// seller, the Connect webhook settling the seller's order, and bad input said, nothing made.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, cardFields, startStack, watchForPageErrors } from './harness.mjs';

let stack;
let customer;

// A returning shopper with no card saved yet.
before(async () => {
  stack = await startStack({
    serverEnv: async (stripe) => {
      customer = await stripe.post('/v1/customers', { email: 'jenny@example.com', name: 'Jenny Rosen' });
      return { CHECKOUT_DEMO_CUSTOMER: customer.id };
    },
  });
});
after(async () => { await stack?.stop(); });

const paymentFrame = (page) => page.frameLocator('iframe[title="Secure payment input frame"]');
const modal = (page) => page.frameLocator('iframe[title="Stripe 3D Secure authentication"]');

/** The seller's page, signed in as the demo customer (once per browser context). */
async function openSeller(page, seller) {
  await page.goto(`${stack.server}/marketplace?seller=${seller}`);
  const signIn = page.getByRole('button', { name: 'Sign in as the demo customer' });
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await Promise.race([signIn.waitFor(), signOut.waitFor()]);
  if (await signIn.isVisible()) {
    await signIn.click();
    await signOut.waitFor();
  }
}

/** The seller's connected account, as the server made it on the stand-in. */
async function sellerAccount(seller) {
  const accounts = (await stack.stripe.get('/v1/accounts?limit=100')).data;
  return accounts.find((account) => account.metadata.seller === seller).id;
}

/** The order as the shop shows it (`GET /api/orders/{id}`). */
async function order(id) {
  return (await fetch(`${stack.server}/api/orders/${id}`)).json();
}

async function orderWhen(id, status) {
  for (let i = 0; i < 100; i++) {
    const current = await order(id);
    if (current.status === status) return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`order ${id} never became ${status}: ${JSON.stringify(await order(id))}`);
}

/** The order the page just paid, named by its PaymentIntent (shown on the page). */
async function paidOrder(page, account) {
  const intentId = await page.getByTestId('payment-intent-id').innerText();
  const intent = account ? await stack.stripe.getOn(account, `/v1/payment_intents/${intentId}`) : await stack.stripe.get(`/v1/payment_intents/${intentId}`);
  return { intent, order: await orderWhen(intent.metadata.order_id, 'paid') };
}

/** Saves `card` at `seller` with the Payment Element's save checkbox. */
async function saveAt(page, seller, card, total) {
  await openSeller(page, seller);
  const newCard = paymentFrame(page).getByRole('radio', { name: 'New card' });
  await cardFields(page).number.or(newCard).first().waitFor();
  if (await newCard.count()) await newCard.check();
  await cardFields(page).fill(card);
  await paymentFrame(page).getByLabel('Save payment details for future purchases').check();
  await page.getByRole('button', { name: `Pay ${total}` }).click();
}

test('a card saved at one seller pays another seller without card entry, on that seller\'s account, settled by a Connect event', async () => {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  await openSeller(page, 'northwind');
  assert.equal(await page.getByTestId('seller-name').innerText(), 'Northwind Ceramics');
  assert.equal(await page.getByRole('button', { name: /^Pay with / }).count(), 0, 'no card saved yet');

  // Seller A, a new card, saved: a destination charge on the platform for the seller.
  await saveAt(page, 'northwind', '4242 4242 4242 4242', '$56.00');
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const first = await paidOrder(page);
  const northwind = first.order.seller.account;
  assert.deepEqual(first.order.seller, { id: 'northwind', name: 'Northwind Ceramics', account: northwind, applicationFeeAmount: 560 });
  assert.equal(first.intent.transfer_data.destination, northwind);
  assert.equal(first.intent.on_behalf_of, northwind);
  assert.equal(first.intent.application_fee_amount, 560);
  const saved = await stack.stripe.list(`customers/${customer.id}/payment_methods`);
  assert.equal(saved.length, 1, 'the card lives on the platform, the customer\'s');
  assert.equal(saved[0].card.last4, '4242');

  // Seller B: "Pay with Visa •••• 4242", no card entry.
  const platformBefore = (await stack.stripe.list('payment_intents')).length;
  await openSeller(page, 'fjord');
  const payWithSaved = page.getByRole('button', { name: 'Pay with Visa •••• 4242' });
  await payWithSaved.click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal((await stack.stripe.list('payment_intents')).length, platformBefore, 'no PaymentIntent on the platform');
  const fjord = await sellerAccount('fjord');
  const { order: fjordOrder } = await paidOrder(page, fjord);
  assert.equal(fjordOrder.seller.account, fjord);
  const onFjord = (await stack.stripe.getOn(fjord, '/v1/payment_intents?limit=100')).data;
  assert.equal(onFjord.length, 1, 'exactly one PaymentIntent on the seller\'s account');
  assert.equal(onFjord[0].status, 'succeeded');
  assert.equal(onFjord[0].application_fee_amount, 144, '8 % of $18.00');
  assert.notEqual(onFjord[0].payment_method, saved[0].id, 'a clone of the platform card');
  assert.deepEqual(
    { status: fjordOrder.status, fulfilled: fjordOrder.fulfilled, amount: fjordOrder.amount, fee: fjordOrder.seller.applicationFeeAmount },
    { status: 'paid', fulfilled: true, amount: 1800, fee: 144 },
    'settled by the Connect event',
  );
  assert.notEqual(fjord, northwind);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 3-D Secure card saved at one seller is authenticated at another through a Stripe.js acting for that seller', async () => {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  await saveAt(page, 'northwind', '4000 0025 0000 3155', '$56.00');
  await modal(page).getByRole('button', { name: 'Complete' }).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();

  await openSeller(page, 'sakura');
  await page.getByRole('button', { name: 'Pay with Visa •••• 3155' }).click();
  await modal(page).getByRole('button', { name: 'Complete' }).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const sakura = await sellerAccount('sakura');
  const [intent] = (await stack.stripe.getOn(sakura, '/v1/payment_intents?limit=100')).data;
  assert.equal(intent.status, 'succeeded');
  assert.equal(intent.id, await page.getByTestId('payment-intent-id').innerText());
  assert.equal(intent.application_fee_amount, Math.floor(5400 * 1250 / 10000));
  const settled = await orderWhen(intent.metadata.order_id, 'paid');
  assert.equal(settled.seller.account, sakura);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad input is said and makes nothing: an unknown seller, another customer\'s card', async () => {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.server}/marketplace?seller=nope`);
  await page.getByRole('alert').filter({ hasText: 'No such seller: nope' }).waitFor();
  await page.getByRole('link', { name: 'Fjord Wool Co.' }).waitFor();

  await openSeller(page, 'fjord');
  const someone = await stack.stripe.post('/v1/customers', { email: 'someone@example.com' });
  const theirs = await stack.stripe.post('/v1/payment_methods/pm_card_mastercard/attach', { customer: someone.id });
  const fjord = await sellerAccount('fjord');
  const before = (await stack.stripe.getOn(fjord, '/v1/payment_intents?limit=100')).data.length;
  // The shopper's own browser, asking to pay with a card that is not theirs.
  const answer = await page.evaluate(async (card) => {
    const response = await fetch('/api/marketplace/saved-card-payments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ attemptId: crypto.randomUUID(), sellerId: 'fjord', items: [{ productId: 'merino-socks', quantity: 1 }], paymentMethodId: card }),
    });
    return { status: response.status, body: await response.json() };
  }, theirs.id);
  assert.equal(answer.status, 400);
  assert.equal(answer.body.error.type, 'invalid_request_error');
  assert.equal(answer.body.error.param, 'paymentMethodId');
  assert.equal((await stack.stripe.getOn(fjord, '/v1/payment_intents?limit=100')).data.length, before, 'nothing charged');
  await context.close();
});
