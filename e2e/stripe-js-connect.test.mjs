// The stand-in's Stripe.js on a connected account (Stripe Connect direct charges):
// `Stripe(pk, {stripeAccount})` makes every call, its Elements' included, on that account, as
// Stripe.js does. A seller's PaymentIntent, made by the platform with the Stripe-Account header
// (and an application fee), is confirmed in the Payment Element, 3-D Secure included; what it
// makes is the seller's, not the platform's.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLISHABLE_KEY, SECRET_KEY, cardFields, startStack, stripeJsPage } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

const threeDSecure = (page) => page.frameLocator('iframe[title="Stripe 3D Secure authentication"]');

/** The stand-in's API with the platform's secret key, on connected account `account`
 *  (`Stripe-Account`): {status, body}. */
async function onAccount(account, path, form) {
  const headers = { Authorization: `Bearer ${SECRET_KEY}`, 'Stripe-Account': account };
  const response = await fetch(`${stack.sim}${path}`, form ? { method: 'POST', headers, body: new URLSearchParams(form) } : { headers });
  return { status: response.status, body: await response.json() };
}

/** The platform's view, without the header: {status, body}. */
async function onPlatform(path) {
  const response = await fetch(`${stack.sim}${path}`, { headers: { Authorization: `Bearer ${SECRET_KEY}` } });
  return { status: response.status, body: await response.json() };
}

async function seller() {
  return (await stack.stripe.post('/v1/accounts', { type: 'standard', email: 'pottery@example.com', 'business_profile[name]': 'Pottery' })).id;
}

/** A PaymentIntent on `account`, as the marketplace's server makes it: a direct charge with the
 *  platform's fee. */
async function sellerIntent(account, extra = {}) {
  const { status, body } = await onAccount(account, '/v1/payment_intents', {
    amount: '2500', currency: 'usd', 'payment_method_types[]': 'card', application_fee_amount: '250', ...extra,
  });
  assert.equal(status, 200, JSON.stringify(body));
  return body;
}

/** A page whose Stripe.js is made for `account` (or the platform, `undefined`), with a Payment
 *  Element for the `clientSecret` group and `number` typed in; `window.current`. Every request
 *  the page and its frames make to the stand-in's API is recorded in `page.apiCalls`. */
async function sellerPage(account, elementsOptions, number) {
  const page = await stripeJsPage(stack);
  page.apiCalls = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${stack.sim}/v1/`)) page.apiCalls.push({ url: request.url(), body: request.postData() ?? '' });
  });
  await page.evaluate(([key, account, options]) => {
    const stripe = account ? Stripe(key, { stripeAccount: account }) : Stripe(key);
    const elements = stripe.elements(options);
    const element = elements.create('payment');
    window.loadErrors = [];
    element.on('loaderror', (event) => window.loadErrors.push(event.error));
    const node = document.createElement('div');
    document.body.appendChild(node);
    element.mount(node);
    window.current = { stripe, elements, element };
  }, [PUBLISHABLE_KEY, account, elementsOptions]);
  if (number) await cardFields(page).fill(number);
  return page;
}

function confirmPayment(page, options = {}) {
  return page.evaluate((options) => {
    const { stripe, elements } = window.current;
    return stripe.confirmPayment({ elements, redirect: 'if_required', ...options });
  }, options);
}

/** Every API call of the page named `account` beside the publishable key, as Stripe.js does. */
function assertEveryCallNamed(page, account) {
  assert.ok(page.apiCalls.length > 0, "the page called the API");
  for (const call of page.apiCalls) {
    const params = new URLSearchParams(call.body || new URL(call.url).search);
    assert.equal(params.get('_stripe_account'), account, `${call.url} ${call.body}`);
    assert.equal(params.get('key'), PUBLISHABLE_KEY, `${call.url} ${call.body}`);
  }
}

test('Stripe(pk, {stripeAccount}) confirms the seller\'s PaymentIntent with a card in the Payment Element: the payment, its card and charge are the seller\'s, the fee the platform\'s', async () => {
  const account = await seller();
  const intent = await sellerIntent(account);
  const page = await sellerPage(account, { clientSecret: intent.client_secret }, '4242 4242 4242 4242');
  const result = await confirmPayment(page);
  assert.equal(result.paymentIntent?.status, 'succeeded', JSON.stringify(result));
  assert.equal(result.paymentIntent.id, intent.id);
  assertEveryCallNamed(page, account);

  const paid = await onAccount(account, `/v1/payment_intents/${intent.id}`);
  assert.deepEqual([paid.body.status, paid.body.amount_received, paid.body.application_fee_amount], ['succeeded', 2500, 250]);
  const method = await onAccount(account, `/v1/payment_methods/${paid.body.payment_method}`);
  assert.equal(method.body.card?.last4, '4242', JSON.stringify(method.body));
  const charge = await onAccount(account, `/v1/charges/${paid.body.latest_charge}`);
  assert.equal(charge.body.status, 'succeeded');
  // Not the platform's: none of it is found without the header.
  for (const path of [`/v1/payment_intents/${intent.id}`, `/v1/payment_methods/${paid.body.payment_method}`, `/v1/charges/${paid.body.latest_charge}`]) {
    const { status, body } = await onPlatform(path);
    assert.deepEqual([status, body.error?.code], [404, 'resource_missing'], `${path}: ${JSON.stringify(body)}`);
  }
  assert.deepEqual((await stack.stripe.list('payment_intents')).filter((pi) => pi.id === intent.id), []);
  // The platform's fee.
  const fee = await stack.stripe.get(`/v1/application_fees/${charge.body.application_fee}`);
  assert.deepEqual([fee.account, fee.amount, fee.charge], [account, 250, charge.body.id]);
  await page.close();
});

test('a 3-D Secure card on the seller\'s PaymentIntent: the challenge opens for that account and the payment succeeds there', async () => {
  const account = await seller();
  const intent = await sellerIntent(account);
  const page = await sellerPage(account, { clientSecret: intent.client_secret }, '4000 0025 0000 3155');
  const pending = confirmPayment(page);
  await threeDSecure(page).getByRole('button', { name: 'Complete' }).click();
  const result = await pending;
  assert.equal(result.paymentIntent?.status, 'succeeded', JSON.stringify(result));
  assertEveryCallNamed(page, account);
  const paid = await onAccount(account, `/v1/payment_intents/${intent.id}`);
  assert.equal(paid.body.status, 'succeeded');
  assert.equal((await onPlatform(`/v1/payment_intents/${intent.id}`)).status, 404);

  // Failed: back to requires_payment_method with Stripe's error, on the seller's account.
  const second = await sellerIntent(account);
  const again = await sellerPage(account, { clientSecret: second.client_secret }, '4000 0025 0000 3155');
  const failing = confirmPayment(again);
  await threeDSecure(again).getByRole('button', { name: 'Fail' }).click();
  const failed = await failing;
  assert.equal(failed.error?.code, 'payment_intent_authentication_failure', JSON.stringify(failed));
  assert.equal(failed.error.payment_intent?.status, 'requires_payment_method');
  await page.close();
  await again.close();
});

test('handleNextAction with stripeAccount for a payment the platform\'s server confirmed on the seller\'s account', async () => {
  const account = await seller();
  const intent = await sellerIntent(account, { confirm: 'true', payment_method: 'pm_card_authenticationRequiredOnSetup' });
  assert.equal(intent.status, 'requires_action', JSON.stringify(intent));
  const page = await stripeJsPage(stack);
  const pending = page.evaluate(([key, account, secret]) => Stripe(key, { stripeAccount: account }).handleNextAction({ clientSecret: secret }), [PUBLISHABLE_KEY, account, intent.client_secret]);
  await threeDSecure(page).getByRole('button', { name: 'Complete' }).click();
  const result = await pending;
  assert.equal(result.paymentIntent?.status, 'succeeded', JSON.stringify(result));
  assert.equal((await onAccount(account, `/v1/payment_intents/${intent.id}`)).body.status, 'succeeded');
  await page.close();
});

test('without stripeAccount the seller\'s PaymentIntent is not on the platform: the Payment Element cannot load, retrievePaymentIntent finds nothing', async () => {
  const account = await seller();
  const intent = await sellerIntent(account);
  const page = await sellerPage(undefined, { clientSecret: intent.client_secret });
  await page.waitForFunction(() => window.loadErrors.length > 0);
  const [error] = await page.evaluate(() => window.loadErrors);
  assert.equal(error.message, 'The client_secret provided does not match any associated PaymentIntent on this account.', JSON.stringify(error));
  const read = await page.evaluate(([key, secret]) => Stripe(key).retrievePaymentIntent(secret), [PUBLISHABLE_KEY, intent.client_secret]);
  assert.equal(read.error?.code, 'resource_missing', JSON.stringify(read));
  const seen = await page.evaluate(([key, account, secret]) => Stripe(key, { stripeAccount: account }).retrievePaymentIntent(secret), [PUBLISHABLE_KEY, account, intent.client_secret]);
  assert.equal(seen.paymentIntent?.status, 'requires_payment_method', JSON.stringify(seen));
  // An account that is not the platform's is Stripe's 403.
  const stranger = await page.evaluate(([key, secret]) => Stripe(key, { stripeAccount: 'acct_1NotThePlatforms00000' }).retrievePaymentIntent(secret), [PUBLISHABLE_KEY, intent.client_secret]);
  assert.equal(stranger.error?.code, 'account_invalid', JSON.stringify(stranger));
  assert.match(await page.evaluate(() => { try { Stripe('pk_test_x1', { stripeAccount: 42 }); return 'accepted'; } catch (e) { return `${e.name}: ${e.message}`; } }),
    /^IntegrationError: Invalid value for Stripe\(\): stripeAccount should be a string/);
  await page.close();
});

test('deferred intent: a ConfirmationToken made with stripeAccount pays the seller\'s PaymentIntent the server creates with it', async () => {
  const account = await seller();
  const page = await sellerPage(account, { mode: 'payment', amount: 2500, currency: 'usd', paymentMethodCreation: 'manual' }, '4242 4242 4242 4242');
  const token = await page.evaluate(async () => {
    const { stripe, elements } = window.current;
    const submitted = await elements.submit();
    if (submitted.error) return submitted;
    return stripe.createConfirmationToken({ elements, params: { return_url: 'https://shop.example/complete' } });
  });
  assert.ok(token.confirmationToken?.id, JSON.stringify(token));
  assertEveryCallNamed(page, account);
  assert.equal((await onPlatform(`/v1/confirmation_tokens/${token.confirmationToken.id}`)).status, 404, 'not the platform\'s');
  const paid = await sellerIntent(account, { confirm: 'true', confirmation_token: token.confirmationToken.id });
  assert.equal(paid.status, 'succeeded', JSON.stringify(paid));
  await page.close();
});
