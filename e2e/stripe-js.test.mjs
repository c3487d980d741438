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
    // What a promise came to: 'resolved', or the error it was rejected with.
    window.outcome = (promise) => promise.then(() => 'resolved', (e) => `${e.name}: ${e.message}`);
    window.fresh = () => {
      const stripe = Stripe(key);
      const elements = stripe.elements({ mode: 'payment', amount: 1000, currency: 'usd', paymentMethodCreation: 'manual' });
      const element = elements.create('payment');
      const node = document.createElement('div');
      document.body.appendChild(node);
      element.mount(node);
      return { stripe, elements, element };
    };
  }, PUBLISHABLE_KEY);
  return page;
}

/** Mounts a new Payment Element (`window.current`: {stripe, elements, element}) and types
 *  `number` into it: the page's second Payment Element, after the checkout's own. */
async function freshCard(page, number) {
  await page.evaluate(() => { window.current = window.fresh(); });
  const frame = page.locator('iframe[title="Secure payment input frame"]').nth(1).contentFrame();
  await frame.getByLabel('Card number').fill(number);
  await frame.getByLabel('Expiration date').fill('12 / 34');
  await frame.getByLabel('Security code').fill('123');
}

/** elements.submit() then stripe.createPaymentMethod({elements, params}) on `window.current`. */
function submitAndCreatePaymentMethod(page, params) {
  return page.evaluate(async (params) => {
    const { stripe, elements } = window.current;
    const submitted = await elements.submit();
    if (submitted.error) return submitted;
    return stripe.createPaymentMethod({ elements, params });
  }, params);
}

/** A PaymentIntent for cards, made as the merchant's server makes it. */
function cardIntent() {
  return stack.stripe.post('/v1/payment_intents', { amount: '1000', currency: 'usd', 'payment_method_types[]': 'card' });
}

const threeDSecure = (page) => page.frameLocator('iframe[title="Stripe 3D Secure authentication"]');

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
  // The error carries the PaymentIntent as Stripe.js may see it: its public fields.
  assert.equal(refused.error.payment_intent?.id, declined.id);
  assert.equal(refused.error.payment_intent.status, 'requires_payment_method');
  assert.equal(refused.error.payment_intent.last_payment_error?.code, 'card_declined');
  assert.equal('latest_charge' in refused.error.payment_intent, false, JSON.stringify(refused.error.payment_intent));
  await page.close();
});

test('createPaymentMethod({elements}) after elements.submit() makes a card PaymentMethod, and confirmCardPayment pays with it', async () => {
  const page = await pageWithStripe();
  await freshCard(page, '4242 4242 4242 4242');
  const before = await page.evaluate(() => {
    const { stripe, elements } = window.current;
    const unmade = stripe.elements({ mode: 'payment', amount: 1000, currency: 'usd' });
    return Promise.all([window.outcome(stripe.createPaymentMethod({ elements })), window.outcome(stripe.createPaymentMethod({ elements: unmade }))]);
  });
  assert.match(before[0], /^IntegrationError: elements\.submit\(\) must be called before stripe\.createPaymentMethod\(\)/, before[0]);
  assert.match(before[1], /^IntegrationError: .*paymentMethodCreation: 'manual'/, before[1]);

  const result = await submitAndCreatePaymentMethod(page, { billing_details: { name: 'Jenny Rosen', email: 'jenny@example.com' } });
  const method = result.paymentMethod;
  assert.match(method?.id ?? '', /^pm_/, JSON.stringify(result));
  assert.equal(method.object, 'payment_method');
  assert.equal(method.type, 'card');
  assert.equal(method.card.last4, '4242');
  assert.equal(method.card.brand, 'visa');
  assert.deepEqual([method.card.exp_month, method.card.exp_year], [12, 2034]);
  assert.equal(method.billing_details.name, 'Jenny Rosen');
  assert.equal(JSON.stringify(method).includes('4242424242424242'), false, 'no card number leaves Stripe');
  assert.equal((await stack.stripe.get(`/v1/payment_methods/${method.id}`)).card.last4, '4242');

  // One submit() is good for one creation, as with createConfirmationToken.
  const again = await page.evaluate(() => window.outcome(window.current.stripe.createPaymentMethod({ elements: window.current.elements })));
  assert.match(again, /^IntegrationError: elements\.submit\(\) must be called/, again);

  const intent = await cardIntent();
  const paid = await page.evaluate(([secret, id]) => window.current.stripe.confirmCardPayment(secret, { payment_method: id }),
    [intent.client_secret, method.id]);
  assert.equal(paid.paymentIntent?.status, 'succeeded', JSON.stringify(paid));
  assert.equal(paid.paymentIntent.payment_method, method.id);
  const stored = await stack.stripe.get(`/v1/payment_intents/${intent.id}`);
  assert.deepEqual([stored.status, stored.amount_received, stored.payment_method], ['succeeded', 1000, method.id]);
  await page.close();
});

test('a PaymentMethod of a card that is refused fails when confirmed, not when created', async () => {
  const page = await pageWithStripe();
  await freshCard(page, '4000 0000 0000 0002');
  const { paymentMethod } = await submitAndCreatePaymentMethod(page, {});
  assert.match(paymentMethod?.id ?? '', /^pm_/);
  const intent = await cardIntent();
  const result = await page.evaluate(([secret, id]) => window.current.stripe.confirmCardPayment(secret, { payment_method: id }),
    [intent.client_secret, paymentMethod.id]);
  assert.equal(result.paymentIntent, undefined, JSON.stringify(result));
  assert.deepEqual([result.error?.type, result.error?.code, result.error?.decline_code], ['card_error', 'card_declined', 'generic_decline']);
  assert.equal(result.error.payment_intent?.id, intent.id);
  assert.equal(result.error.payment_intent.status, 'requires_payment_method');
  await page.close();
});

test('confirmCardPayment with a 3-D Secure card: the modal unless handleActions is false, and its outcome', async () => {
  const page = await pageWithStripe();
  await freshCard(page, '4000 0025 0000 3155');
  const confirm = ([secret, id, options]) => window.current.stripe.confirmCardPayment(secret, { payment_method: id }, options);

  // handleActions: false: the page gets the PaymentIntent requiring action, and no modal.
  const first = (await submitAndCreatePaymentMethod(page, {})).paymentMethod;
  const held = await cardIntent();
  const left = await page.evaluate(confirm, [held.client_secret, first.id, { handleActions: false }]);
  assert.equal(left.paymentIntent?.status, 'requires_action', JSON.stringify(left));
  assert.equal(left.paymentIntent.next_action?.type, 'use_stripe_sdk');
  assert.equal(await page.locator('iframe[title="Stripe 3D Secure authentication"]').count(), 0);

  // By default the 3-D Secure modal opens; completing it pays.
  const second = (await submitAndCreatePaymentMethod(page, {})).paymentMethod;
  const intent = await cardIntent();
  const pending = page.evaluate(confirm, [intent.client_secret, second.id]);
  await threeDSecure(page).getByRole('button', { name: 'Complete' }).click();
  const paid = await pending;
  assert.equal(paid.paymentIntent?.status, 'succeeded', JSON.stringify(paid));
  assert.equal(await page.locator('iframe[title="Stripe 3D Secure authentication"]').count(), 0, 'the modal is gone');
  assert.equal((await stack.stripe.get(`/v1/payment_intents/${intent.id}`)).status, 'succeeded');

  // Failing it resolves with Stripe's error, carrying the PaymentIntent.
  const third = (await submitAndCreatePaymentMethod(page, {})).paymentMethod;
  const failing = await cardIntent();
  const refused = page.evaluate(confirm, [failing.client_secret, third.id]);
  await threeDSecure(page).getByRole('button', { name: 'Fail' }).click();
  const failed = await refused;
  assert.equal(failed.error?.code, 'payment_intent_authentication_failure', JSON.stringify(failed));
  assert.equal(failed.error.payment_intent?.id, failing.id);
  assert.equal(failed.error.payment_intent.status, 'requires_payment_method');
  await page.close();
});

test('what needs a Card Element fails as an IntegrationError, createToken makes no Tokens, and wrappers can register', async () => {
  const page = await pageWithStripe();
  const results = await page.evaluate(async (key) => {
    const stripe = Stripe(key);
    stripe.registerAppInfo({ name: 'shop-plugin', version: '1.0.0', url: 'https://shop.example' });
    stripe._registerWrapper({ name: 'react-stripe-js', version: '7.0.1' });
    const { elements, element } = window.fresh();
    const address = elements.create('address', { mode: 'billing' });
    const message = window.outcome;
    const thrown = (f) => { try { f(); return 'accepted'; } catch (e) { return `${e.name}: ${e.message}`; } };
    return {
      token: await message(stripe.createToken(element)),
      addressToken: await message(stripe.createToken(address, { name: 'Jenny Rosen' })),
      pii: await message(stripe.createToken('pii', { personal_id_number: '000000000' })),
      person: await message(stripe.createToken('person', {})),
      nothing: await message(stripe.createToken()),
      method: await message(stripe.createPaymentMethod({ type: 'card', card: element, billing_details: { name: 'Jenny Rosen' } })),
      legacyMethod: await message(stripe.createPaymentMethod('card', element)),
      card: await message(stripe.confirmCardPayment('pi_1_secret_2', { payment_method: { card: element } })),
      cvc: await message(stripe.confirmCardPayment('pi_1_secret_2', { payment_method: 'pm_card_visa', payment_method_options: { card: { cvc: element } } })),
      secret: await message(stripe.confirmCardPayment('pi_1', { payment_method: 'pm_card_visa' })),
      badInfo: thrown(() => stripe.registerAppInfo({})),
      badVersion: thrown(() => stripe.registerAppInfo({ name: 'x', version: 1 })),
      kept: [stripe._appInfo, stripe._wrapper],
      elements: typeof elements.submit,
    };
  }, PUBLISHABLE_KEY);
  assert.match(results.token, /^IntegrationError: Invalid value for createToken: the payment Element cannot be used to create a Token/, results.token);
  assert.match(results.addressToken, /^IntegrationError: Invalid value for createToken: the address Element cannot be used to create a Token/, results.addressToken);
  assert.equal(results.pii, "IntegrationError: createToken: the Stripe stand-in does not make 'pii' tokens.");
  assert.equal(results.person, "IntegrationError: createToken: the Stripe stand-in does not make 'person' tokens.");
  assert.equal(results.nothing, 'IntegrationError: You must provide a Stripe Element or a valid token type to create a Token.');
  assert.match(results.method, /^IntegrationError: createPaymentMethod: the Stripe stand-in has no Card Element/, results.method);
  assert.match(results.legacyMethod, /^IntegrationError: createPaymentMethod: .*no Card Element/, results.legacyMethod);
  assert.match(results.card, /^IntegrationError: confirmCardPayment: .*no Card Element/, results.card);
  assert.match(results.cvc, /^IntegrationError: .*no Card CVC Element/, results.cvc);
  assert.match(results.secret, /^IntegrationError: Invalid value for confirmCardPayment: clientSecret/, results.secret);
  assert.match(results.badInfo, /^IntegrationError: Invalid value for registerAppInfo: name/);
  assert.match(results.badVersion, /^IntegrationError: Invalid value for registerAppInfo: version/);
  assert.deepEqual(results.kept, [
    { name: 'shop-plugin', version: '1.0.0', url: 'https://shop.example' },
    { name: 'react-stripe-js', version: '7.0.1' },
  ]);
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
