// Buy now, pay later in Chromium: the Payment Element offers Klarna, Afterpay, Affirm and Zip
// for the default cart ($50.98, eligible for all four), the shopper chooses one, is sent to the
// provider's page, authorises, and comes back to /complete, which says it is paid; the order is
// paid by the webhook and Stripe's charge is of that type. A failed authorisation comes back
// saying so, and the same order is paid by card afterwards, once.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cardFields, payButton, startStack, watchForPageErrors } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

const METHODS = [
  ['klarna', 'Klarna'],
  ['afterpay_clearpay', 'Afterpay'],
  ['affirm', 'Affirm'],
  ['zip', 'Zip'],
];

/** Chooses `name` in the Payment Element and gives the payer's details it asks for. */
async function choose(page, type, name) {
  const frame = cardFields(page).frame;
  await frame.getByRole('radio', { name }).check();
  await frame.locator('input[autocomplete="email"]').fill('jenny@example.com');
  if (type !== 'klarna') await frame.locator('input[autocomplete="name"]').fill('Jenny Rosen');
}

async function newIntents(before) {
  return (await stack.stripe.list('payment_intents')).filter((pi) => !before.some((b) => b.id === pi.id));
}

for (const [type, name] of METHODS) {
  test(`pays with ${name}: the provider's page, then /complete and a paid order`, async () => {
    const page = await stack.browser.newPage();
    const errors = watchForPageErrors(page);
    const before = await stack.stripe.list('payment_intents');
    await page.goto(`${stack.server}/`);
    await payButton(page).waitFor();
    await choose(page, type, name);
    await payButton(page).click();
    await page.waitForURL((url) => url.pathname.startsWith('/bnpl/'));
    await page.getByRole('heading', { name: `${name} test payment page` }).waitFor();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.waitForURL((url) => url.pathname === '/complete');
    assert.equal(new URL(page.url()).searchParams.get('redirect_status'), 'succeeded');
    await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
    assert.match(await page.locator('.payment-result').innerText(), /We received your payment of \$50\.98/);
    await page.locator('[data-testid="order-status"][data-status="paid"]').waitFor();

    const intents = await newIntents(before);
    assert.equal(intents.length, 1, 'one PaymentIntent');
    assert.deepEqual([intents[0].status, intents[0].amount_received], ['succeeded', 5098]);
    const charge = await stack.stripe.get(`/v1/charges/${intents[0].latest_charge}`);
    assert.equal(charge.payment_method_details.type, type);
    assert.equal(charge.billing_details.email, 'jenny@example.com');
    const succeeded = (await stack.stripe.list('events?type=charge.succeeded'))
      .filter((e) => e.data.object.payment_intent === intents[0].id);
    assert.equal(succeeded.length, 1);
    assert.equal(succeeded[0].data.object.payment_method_details.type, type);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('only the methods eligible for the total are offered: a discount under $50 takes Affirm away', async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/`);
  await payButton(page).waitFor();
  const frame = cardFields(page).frame;
  const offered = () => frame.locator('input[name="payment-type"]').evaluateAll((radios) => radios.map((r) => r.value));
  await frame.getByRole('radio', { name: 'Affirm' }).waitFor();
  assert.deepEqual(await offered(), ['card', 'klarna', 'afterpay_clearpay', 'affirm', 'zip']);
  // WELCOME10: $45.89, under Affirm's $50 minimum, over Zip's $35 (elements.update's new
  // amount: the Element reads its session again).
  await page.getByLabel('Discount code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await payButton(page, '$45.89').waitFor();
  await frame.getByRole('radio', { name: 'Affirm' }).waitFor({ state: 'detached' });
  assert.deepEqual(await offered(), ['card', 'klarna', 'afterpay_clearpay', 'zip']);
  await page.close();
});

test('a failed authorisation comes back saying so; the same order is then paid by card, once', async () => {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  const before = await stack.stripe.list('payment_intents');
  await page.goto(`${stack.server}/`);
  await payButton(page).waitFor();
  await choose(page, 'affirm', 'Affirm');
  await payButton(page).click();
  await page.waitForURL((url) => url.pathname.startsWith('/bnpl/'));
  await page.getByRole('button', { name: 'Fail' }).click();
  await page.waitForURL((url) => url.pathname === '/complete');
  assert.equal(new URL(page.url()).searchParams.get('redirect_status'), 'failed');
  await page.getByRole('heading', { name: 'Payment failed' }).waitFor();
  const [failed] = await newIntents(before);
  assert.equal(failed.status, 'requires_payment_method');
  assert.equal(failed.last_payment_error.code, 'payment_intent_payment_attempt_failed');
  assert.equal(failed.amount_received, 0);

  await page.getByRole('link', { name: 'Back to checkout' }).click();
  await payButton(page).waitFor();
  await cardFields(page).fill('4242 4242 4242 4242');
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const intents = await newIntents(before);
  assert.equal(intents.length, 1, 'the same PaymentIntent, confirmed again');
  assert.deepEqual([intents[0].status, intents[0].amount_received], ['succeeded', 5098], 'charged once');
  assert.deepEqual(errors, []);
  await page.close();
});

/** A new visitor (a context of its own: its own cookies) at the checkout, having chosen Klarna;
 *  the server's answer to the offer. */
async function visitorChoosingKlarna() {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.server}/`);
  await payButton(page).waitFor();
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/offers'));
  await choose(page, 'klarna', 'Klarna');
  const offer = await (await answer).json();
  return { context, page, offer };
}

async function payAuthorized(page, total) {
  await payButton(page, total).click();
  await page.waitForURL((url) => url.pathname.startsWith('/bnpl/'));
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const intent = new URL(page.url()).searchParams.get('payment_intent');
  return stack.stripe.get(`/v1/payment_intents/${intent}`);
}

test('the add-on offer: a visitor choosing BNPL is in the experiment; addon is suggested a product, control none; the order records the variant', async () => {
  const seen = {};
  for (let i = 0; i < 16 && !(seen.addon && seen.control); i++) {
    const visitor = await visitorChoosingKlarna();
    const variant = visitor.offer.variant;
    assert.ok(['addon', 'control'].includes(variant), JSON.stringify(visitor.offer));
    if (seen[variant]) { await visitor.context.close(); continue; }
    seen[variant] = true;
    const { page } = visitor;
    const suggestion = page.getByRole('complementary', { name: 'A suggestion' });
    let total = '$50.98';
    if (variant === 'addon') {
      assert.equal(visitor.offer.suggestion.productId, 'sticker-pack', 'the cheapest product not in the cart');
      await suggestion.getByText('Paying later? Add Rust sticker pack to your order.').waitFor();
      await suggestion.getByRole('button', { name: 'Add to order' }).click();
      total = '$55.97';
      await payButton(page, total).waitFor();
      assert.equal(await suggestion.count(), 0, 'gone once in the cart');
    } else {
      assert.equal(visitor.offer.suggestion, null);
      assert.equal(await suggestion.count(), 0);
    }
    // The same visitor asked again is in the same variant.
    const again = await page.request.post(`${stack.server}/api/offers`, { data: { items: [{ productId: 'lumen-tee', quantity: 1 }], method: 'zip' } });
    assert.equal((await again.json()).variant, variant);
    const intent = await payAuthorized(page, total);
    assert.equal(intent.metadata.offer_variant, variant);
    assert.equal(intent.amount, variant === 'addon' ? 5597 : 5098);
    const charge = await stack.stripe.get(`/v1/charges/${intent.latest_charge}`);
    assert.equal(charge.metadata.offer_variant, variant, 'on the charge too: the data export reads it there');
    await visitor.context.close();
  }
  assert.deepEqual(seen, { addon: true, control: true }, 'both variants met among new visitors');
});

test('a card payment is not in the experiment: no offer asked, no variant recorded', async () => {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  const asked = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/offers')) asked.push(r.url()); });
  await page.goto(`${stack.server}/`);
  await payButton(page).waitFor();
  await cardFields(page).fill('4242 4242 4242 4242');
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  const id = await page.getByTestId('payment-intent-id').innerText();
  const intent = await stack.stripe.get(`/v1/payment_intents/${id}`);
  assert.equal(intent.metadata.offer_variant, undefined);
  assert.deepEqual(asked, []);
  // The offer API refuses what is not a cart, in Stripe's shape.
  const bad = await page.request.post(`${stack.server}/api/offers`, { data: { items: [{ productId: 'nope', quantity: 1 }], method: 'klarna' } });
  assert.equal(bad.status(), 400);
  assert.equal((await bad.json()).error.type, 'invalid_request_error');
  await context.close();
});
