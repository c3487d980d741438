// The Stripe.js stand-in itself, as an integrator's code calls it: asks to an Element are
// answered even when made before its iframe has loaded, and never hang when it goes away.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLISHABLE_KEY, cardFields, startStack } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

/** A page with Stripe.js loaded, where `window.fresh()` mounts a new Payment Element. */
async function pageWithStripe() {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/`);
  await page.getByRole('button', { name: /^Pay / }).waitFor();
  await page.evaluate((key) => {
    window.fresh = () => {
      const elements = Stripe(key).elements({ mode: 'payment', amount: 1000, currency: 'usd', paymentMethodCreation: 'manual' });
      const element = elements.create('payment');
      const node = document.createElement('div');
      document.body.appendChild(node);
      element.mount(node);
      return { elements, element };
    };
  }, PUBLISHABLE_KEY);
  return page;
}

test('elements.submit() right after mount waits for the Element and answers', async () => {
  const page = await pageWithStripe();
  const result = await page.evaluate(() => window.fresh().elements.submit());
  assert.equal(result.error?.type, 'validation_error', JSON.stringify(result));
  await page.close();
});

test('an Element unmounted while asked answers with an error instead of hanging', async () => {
  const page = await pageWithStripe();
  const result = await page.evaluate(() => {
    const { elements, element } = window.fresh();
    const asked = elements.submit();
    element.unmount();
    return asked;
  });
  assert.match(result.error?.message ?? '', /unmounted/, JSON.stringify(result));
  await page.close();
});

test('the card form accepts what the API accepts: 14-digit Diners Club and 15-digit Amex test cards pay', async () => {
  for (const [number, cvc, brand] of [['3622 720627 1667', '123', 'diners'], ['3782 822463 10005', '1234', 'amex']]) {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.server}/`);
    const card = cardFields(page);
    await card.fill(number, '12 / 34', cvc);
    assert.equal(await card.number.inputValue(), number, 'grouped as the brand groups it');
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
    const [intent] = await stack.stripe.list('payment_intents');
    const method = await stack.stripe.get(`/v1/payment_methods/${intent.payment_method}`);
    assert.equal(method.card.brand, brand);
    await page.close();
  }
});

test('confirmCardPayment confirms a PaymentIntent with a PaymentMethod id, as Stripe.js does', async () => {
  const page = await pageWithStripe();
  const intent = await stack.stripe.post('/v1/payment_intents', { amount: '1000', currency: 'usd', 'payment_method_types[]': 'card' });
  const result = await page.evaluate(([key, secret]) => Stripe(key).confirmCardPayment(secret, { payment_method: 'pm_card_visa' }),
    [PUBLISHABLE_KEY, intent.client_secret]);
  assert.equal(result.paymentIntent?.status, 'succeeded', JSON.stringify(result));
  assert.equal((await stack.stripe.get(`/v1/payment_intents/${intent.id}`)).status, 'succeeded');
  const declined = await stack.stripe.post('/v1/payment_intents', { amount: '1000', currency: 'usd', 'payment_method_types[]': 'card' });
  const refused = await page.evaluate(([key, secret]) => Stripe(key).confirmCardPayment(secret, { payment_method: 'pm_card_chargeDeclined' }),
    [PUBLISHABLE_KEY, declined.client_secret]);
  assert.equal(refused.error?.type, 'card_error', JSON.stringify(refused));
  await page.close();
});

test('what needs a Card Element fails as an IntegrationError, and wrappers can register', async () => {
  const page = await pageWithStripe();
  const results = await page.evaluate(async (key) => {
    const stripe = Stripe(key);
    stripe.registerAppInfo({ name: 'shop-plugin', version: '1.0.0' });
    stripe._registerWrapper({ name: 'react-stripe-js', version: '7.0.1' });
    const { elements, element } = window.fresh();
    const message = (promise) => promise.then(() => 'resolved', (e) => `${e.name}: ${e.message}`);
    return {
      token: await message(stripe.createToken(element)),
      method: await message(stripe.createPaymentMethod({ type: 'card', card: element })),
      card: await message(stripe.confirmCardPayment('pi_1_secret_2', { payment_method: { card: element } })),
      badInfo: (() => { try { stripe.registerAppInfo({}); return 'accepted'; } catch (e) { return e.name; } })(),
      elements: typeof elements.submit,
    };
  }, PUBLISHABLE_KEY);
  assert.match(results.token, /^IntegrationError: .*payment Element/, results.token);
  assert.match(results.method, /^IntegrationError: /, results.method);
  assert.match(results.card, /^IntegrationError: .*Card Element/, results.card);
  assert.equal(results.badInfo, 'IntegrationError');
  await page.close();
});

test("loaderstart comes with the loader UI, and not with loader: 'never'", async () => {
  const page = await pageWithStripe();
  const started = await page.evaluate(async (key) => {
    const mount = (options) => {
      const elements = Stripe(key).elements({ mode: 'payment', amount: 1000, currency: 'usd', ...options });
      const element = elements.create('payment');
      let seen = false;
      element.on('loaderstart', () => { seen = true; });
      const node = document.createElement('div');
      document.body.appendChild(node);
      element.mount(node);
      return new Promise((resolve) => element.on('ready', () => resolve(seen)));
    };
    return { auto: await mount({}), always: await mount({ loader: 'always' }), never: await mount({ loader: 'never' }) };
  }, PUBLISHABLE_KEY);
  assert.deepEqual(started, { auto: true, always: true, never: false });
  await page.close();
});

test('carddetailschange tells the brands as the card number is typed', async () => {
  const page = await pageWithStripe();
  await page.evaluate(() => {
    const { element } = window.fresh();
    window.details = [];
    element.on('carddetailschange', (event) => window.details.push(event));
    return new Promise((resolve) => element.on('ready', resolve));
  });
  // The second Payment Element on the page is the one just mounted.
  const frame = page.locator('iframe[title="Secure payment input frame"]').nth(1).contentFrame();
  await frame.getByLabel('Card number').pressSequentially('4242');
  await frame.getByLabel('Card number').fill('');
  await frame.getByLabel('Card number').pressSequentially('5555');
  // Events cross from the iframe by postMessage: wait for the last one.
  await page.waitForFunction(() => window.details.some((d) => d.details?.brands?.[0] === 'mastercard'));
  const details = await page.evaluate(() => window.details);
  // One digit of 5 could be any brand; 55 is Mastercard.
  assert.deepEqual(details.map((d) => d.details?.brands ?? null), [['visa'], null, ['unknown'], ['mastercard']], JSON.stringify(details));
  assert.ok(details.every((d) => d.elementType === 'payment' && d.loading === false));
  await page.close();
});
