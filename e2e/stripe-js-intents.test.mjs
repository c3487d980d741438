// The stand-in's Stripe.js confirming intents as an integrator calls it: stripe.confirmPayment
// and stripe.confirmSetup with the Payment Element (an Elements group made with the intent's
// client secret, or a deferred-intent group after elements.submit()), redirect 'always' and
// 'if_required', retrieveSetupIntent and handleNextAction for SetupIntents.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLISHABLE_KEY, cardFields, startStack, stripeJsPage } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

const threeDSecure = (page) => page.frameLocator('iframe[title="Stripe 3D Secure authentication"]');

/** A PaymentIntent (or, for `setup_intents`, a SetupIntent) made as a server makes it. */
function serverIntent(resource = 'payment_intents', extra = {}) {
  const form = resource === 'payment_intents' ? { amount: '1000', currency: 'usd' } : {};
  return stack.stripe.post(`/v1/${resource}`, { ...form, 'payment_method_types[]': 'card', ...extra });
}

/** A page with a Payment Element for `elementsOptions` and `number` typed in; `window.current`. */
async function pageWithCard(elementsOptions, number = '4242 4242 4242 4242') {
  const page = await stripeJsPage(stack);
  await page.evaluate((options) => { window.current = window.mount(options); }, elementsOptions);
  await cardFields(page).fill(number);
  return page;
}

/** `stripe.<method>(options)` with `window.current`'s elements; the result or the rejection. */
function confirm(page, method, options) {
  return page.evaluate(([method, options]) => {
    const { stripe, elements } = window.current;
    return stripe[method]({ elements, ...options }).catch((e) => ({ thrown: `${e.name}: ${e.message}` }));
  }, [method, options]);
}

test('confirmPayment with an Elements group made from the client secret: no submit() needed, redirect if_required resolves with the PaymentIntent', async () => {
  const intent = await serverIntent();
  const page = await pageWithCard({ clientSecret: intent.client_secret });
  const result = await confirm(page, 'confirmPayment', { redirect: 'if_required' });
  assert.equal(result.paymentIntent?.status, 'succeeded', JSON.stringify(result));
  assert.equal(result.paymentIntent.id, intent.id);
  const stored = await stack.stripe.get(`/v1/payment_intents/${intent.id}`);
  assert.deepEqual([stored.status, stored.amount_received], ['succeeded', 1000]);
  assert.equal((await stack.stripe.get(`/v1/payment_methods/${stored.payment_method}`)).card.last4, '4242');
  await page.close();
});

test('confirmPayment by default sends the shopper to the return_url with the payment and its secret', async () => {
  const intent = await serverIntent();
  const page = await pageWithCard({ clientSecret: intent.client_secret });
  const returnUrl = `${stack.server}/complete?from=test`;
  await page.evaluate((url) => {
    const { stripe, elements } = window.current;
    stripe.confirmPayment({ elements, confirmParams: { return_url: url } });
  }, returnUrl);
  await page.waitForURL(/\/complete\?/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), 'test', 'the return_url keeps its own query');
  assert.equal(url.searchParams.get('payment_intent'), intent.id);
  assert.equal(url.searchParams.get('payment_intent_client_secret'), intent.client_secret);
  assert.equal(url.searchParams.get('redirect_status'), 'succeeded');
  assert.equal((await stack.stripe.get(`/v1/payment_intents/${intent.id}`)).status, 'succeeded');
  await page.close();
});

test('confirmPayment with a deferred-intent group needs elements.submit() first and the clientSecret', async () => {
  const page = await pageWithCard({ mode: 'payment', amount: 1000, currency: 'usd' });
  const intent = await serverIntent();
  const early = await confirm(page, 'confirmPayment', { clientSecret: intent.client_secret, redirect: 'if_required' });
  assert.match(early.thrown ?? '', /^IntegrationError: elements\.submit\(\) must be called before stripe\.confirmPayment\(\)/, JSON.stringify(early));
  const noSecret = await page.evaluate(async () => {
    const { stripe, elements } = window.current;
    await elements.submit();
    return window.outcome(stripe.confirmPayment({ elements, redirect: 'if_required' }));
  });
  assert.match(noSecret, /^IntegrationError: Invalid value for confirmPayment: clientSecret is required/, noSecret);
  const paid = await page.evaluate(async (secret) => {
    const { stripe, elements } = window.current;
    const submitted = await elements.submit();
    if (submitted.error) return submitted;
    return stripe.confirmPayment({ elements, clientSecret: secret, redirect: 'if_required' });
  }, intent.client_secret);
  assert.equal(paid.paymentIntent?.status, 'succeeded', JSON.stringify(paid));
  await page.close();
});

test('confirmPayment refuses what Stripe.js refuses: no return_url with redirect always, a SetupIntent secret, an unknown redirect', async () => {
  const intent = await serverIntent();
  const page = await pageWithCard({ clientSecret: intent.client_secret });
  const refusals = await page.evaluate(() => {
    const { stripe, elements } = window.current;
    return Promise.all([
      window.outcome(stripe.confirmPayment({ elements })),
      window.outcome(stripe.confirmPayment({ clientSecret: 'seti_1_secret_2', confirmParams: { payment_method: 'pm_card_visa' }, redirect: 'if_required' })),
      window.outcome(stripe.confirmPayment({ elements, redirect: 'sometimes' })),
      window.outcome(stripe.confirmPayment({ clientSecret: 'pi_1_secret_2', redirect: 'if_required' })),
    ]);
  });
  assert.match(refusals[0], /^IntegrationError: stripe\.confirmPayment\(\): the `confirmParams\.return_url` argument is required/, refusals[0]);
  assert.match(refusals[1], /^IntegrationError: Invalid value for confirmPayment: clientSecret .* of a PaymentIntent/, refusals[1]);
  assert.match(refusals[2], /^IntegrationError: Invalid value for confirmPayment: redirect should be one of/, refusals[2]);
  assert.match(refusals[3], /^IntegrationError: confirmPayment: without elements, pass the PaymentMethod/, refusals[3]);
  await page.close();
});

test('confirmPayment with a declined card resolves with the card error and the PaymentIntent; a second card pays', async () => {
  const intent = await serverIntent();
  const page = await pageWithCard({ clientSecret: intent.client_secret }, '4000 0000 0000 0002');
  const declined = await confirm(page, 'confirmPayment', { redirect: 'if_required' });
  assert.deepEqual([declined.error?.type, declined.error?.code], ['card_error', 'card_declined'], JSON.stringify(declined));
  assert.equal(declined.error.payment_intent?.id, intent.id);
  assert.equal(declined.error.payment_intent.status, 'requires_payment_method');
  await cardFields(page).fill('4242 4242 4242 4242');
  const paid = await confirm(page, 'confirmPayment', { redirect: 'if_required' });
  assert.equal(paid.paymentIntent?.status, 'succeeded', JSON.stringify(paid));
  await page.close();
});

test('confirmPayment with a 3-D Secure card opens the challenge and resolves once it is completed', async () => {
  const intent = await serverIntent();
  const page = await pageWithCard({ clientSecret: intent.client_secret }, '4000 0025 0000 3155');
  const pending = confirm(page, 'confirmPayment', { redirect: 'if_required' });
  await threeDSecure(page).getByRole('button', { name: 'Complete' }).click();
  const paid = await pending;
  assert.equal(paid.paymentIntent?.status, 'succeeded', JSON.stringify(paid));
  await page.close();
});

test('confirmPayment without Elements confirms with a PaymentMethod id', async () => {
  const intent = await serverIntent();
  const page = await stripeJsPage(stack);
  const result = await page.evaluate(([key, secret]) => Stripe(key).confirmPayment({
    clientSecret: secret, confirmParams: { payment_method: 'pm_card_visa' }, redirect: 'if_required',
  }), [PUBLISHABLE_KEY, intent.client_secret]);
  assert.equal(result.paymentIntent?.status, 'succeeded', JSON.stringify(result));
  await page.close();
});

test('confirmSetup saves the card to the customer; retrieveSetupIntent reads it back', async () => {
  const customer = await stack.stripe.post('/v1/customers', { email: 'jenny@example.com' });
  const setup = await serverIntent('setup_intents', { customer: customer.id });
  const page = await pageWithCard({ clientSecret: setup.client_secret });
  const result = await confirm(page, 'confirmSetup', { redirect: 'if_required' });
  assert.equal(result.setupIntent?.status, 'succeeded', JSON.stringify(result));
  assert.equal(result.setupIntent.id, setup.id);
  const method = await stack.stripe.get(`/v1/payment_methods/${result.setupIntent.payment_method}`);
  assert.deepEqual([method.customer, method.card.last4], [customer.id, '4242']);
  const read = await page.evaluate(([key, secret]) => Stripe(key).retrieveSetupIntent(secret), [PUBLISHABLE_KEY, setup.client_secret]);
  assert.equal(read.setupIntent?.status, 'succeeded', JSON.stringify(read));
  const wrongKind = await page.evaluate(([key, secret]) => window.outcome(Stripe(key).retrieveSetupIntent(secret)), [PUBLISHABLE_KEY, 'pi_1_secret_2']);
  assert.match(wrongKind, /^IntegrationError: Invalid value for retrieveSetupIntent/, wrongKind);
  await page.close();
});

test('confirmSetup with a 3-D Secure card, and its redirect to the return_url with the SetupIntent', async () => {
  const setup = await serverIntent('setup_intents');
  const page = await pageWithCard({ clientSecret: setup.client_secret }, '4000 0025 0000 3155');
  const returnUrl = `${stack.server}/complete`;
  await page.evaluate((url) => {
    const { stripe, elements } = window.current;
    stripe.confirmSetup({ elements, confirmParams: { return_url: url } });
  }, returnUrl);
  await threeDSecure(page).getByRole('button', { name: 'Complete' }).click();
  await page.waitForURL(/\/complete\?/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('setup_intent'), setup.id);
  assert.equal(url.searchParams.get('setup_intent_client_secret'), setup.client_secret);
  assert.equal(url.searchParams.get('redirect_status'), 'succeeded');
  assert.equal((await stack.stripe.get(`/v1/setup_intents/${setup.id}`)).status, 'succeeded');
  await page.close();
});

test('handleNextAction with a SetupIntent the server confirmed: the challenge, then the SetupIntent or its error', async () => {
  const page = await stripeJsPage(stack);
  const cases = [['Complete', 'succeeded'], ['Fail', 'setup_intent_authentication_failure']];
  for (const [button, expected] of cases) {
    const setup = await serverIntent('setup_intents', { payment_method: 'pm_card_authenticationRequiredOnSetup', confirm: 'true', return_url: `${stack.server}/complete` });
    assert.equal(setup.status, 'requires_action', JSON.stringify(setup));
    const pending = page.evaluate(([key, secret]) => Stripe(key).handleNextAction({ clientSecret: secret }), [PUBLISHABLE_KEY, setup.client_secret]);
    await threeDSecure(page).getByRole('button', { name: button }).click();
    const result = await pending;
    if (expected === 'succeeded') {
      assert.equal(result.setupIntent?.status, 'succeeded', JSON.stringify(result));
    } else {
      assert.equal(result.error?.code, expected, JSON.stringify(result));
      assert.equal(result.error.setup_intent?.id, setup.id);
      assert.equal(result.error.setup_intent.status, 'requires_payment_method');
    }
  }
  await page.close();
});
