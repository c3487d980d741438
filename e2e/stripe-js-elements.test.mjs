// The stand-in's Stripe.js Elements beyond the Payment and Address Elements, as an integrator's
// code uses them: the Link Authentication Element (its email goes with the payment), the
// Express Checkout Element (its test wallet "Stand-in Pay" and the wallet's sheet pay instead
// of the Payment Element) and the Payment Method Messaging Element.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLISHABLE_KEY, cardFields, startStack, stripeJsPage } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

const emailField = (page) => page.frameLocator('iframe[title="Secure email input frame"]').getByLabel('Email');
const walletButton = (page, name = 'Buy with Stand-in Pay') =>
  page.frameLocator('iframe[title="Secure express checkout frame"]').getByRole('button', { name });
const sheet = (page) => page.frameLocator('iframe[title="Stand-in Pay"]');
const sheetCount = (page) => page.locator('iframe[title="Stand-in Pay"]').count();

function cardIntent(amount = '1000') {
  return stack.stripe.post('/v1/payment_intents', { amount, currency: 'usd', 'payment_method_types[]': 'card' });
}

/** A page where `window.track(element, names)` records the element's events in `window.events`
 *  (each as {type, event}: the event without its functions, and `keys`, its own names), and
 *  `window.until(type, n)` waits for the n-th event of a type. */
async function page() {
  const page = await stripeJsPage(stack);
  await page.evaluate(() => {
    window.events = [];
    window.record = (type, event) => {
      window.events.push({ type, event: JSON.parse(JSON.stringify(event ?? {})), keys: Object.keys(event ?? {}) });
    };
    window.track = (element, names) => names.forEach((type) => element.on(type, (event) => window.record(type, event)));
    window.seen = (type) => window.events.filter((e) => e.type === type);
    window.place = (element) => {
      const node = document.createElement('div');
      document.body.appendChild(node);
      element.mount(node);
    };
  });
  return page;
}

const until = (page, type, count = 1) => page.waitForFunction(([t, n]) => window.seen(t).length >= n, [type, count]);
const seen = (page, type) => page.evaluate((t) => window.seen(t).map((e) => e.event), type);

// ---- Link Authentication Element ------------------------------------------------------------

test('Link Authentication: change events as the email is typed, and the email is the billing email of the PaymentMethod confirmPayment makes', async () => {
  const intent = await cardIntent();
  const page1 = await page();
  await page1.evaluate(([key, secret]) => {
    const stripe = Stripe(key);
    const elements = stripe.elements({ clientSecret: secret });
    const link = elements.create('linkAuthentication', { defaultValues: { email: 'jenny@example.com' } });
    window.track(link, ['change', 'ready', 'focus', 'blur', 'escape', 'loaderstart']);
    window.place(link);
    window.place(elements.create('payment'));
    window.current = { stripe, elements, link };
  }, [PUBLISHABLE_KEY, intent.client_secret]);
  await until(page1, 'ready');
  // The default email is the value from the start.
  await until(page1, 'change');
  assert.deepEqual((await seen(page1, 'change'))[0],
    { elementType: 'linkAuthentication', empty: false, complete: true, value: { email: 'jenny@example.com' } });

  await emailField(page1).fill('');
  await emailField(page1).pressSequentially('shopper@exa');
  await emailField(page1).pressSequentially('mple.com');
  await page1.waitForFunction(() => window.seen('change').some((e) => e.event.value.email === 'shopper@example.com'));
  const changes = await seen(page1, 'change');
  assert.ok(changes.some((c) => c.empty === true && c.value.email === ''), JSON.stringify(changes));
  assert.ok(changes.some((c) => c.value.email === 'shopper@exa' && c.complete === false), 'an unfinished email is not complete');
  assert.deepEqual(changes.at(-1), { elementType: 'linkAuthentication', empty: false, complete: true, value: { email: 'shopper@example.com' } });
  await emailField(page1).press('Escape');
  await cardFields(page1).number.focus();
  await until(page1, 'blur');
  await until(page1, 'escape');
  for (const type of ['ready', 'focus', 'blur', 'escape', 'loaderstart']) {
    assert.deepEqual((await seen(page1, type))[0], { elementType: 'linkAuthentication' }, type);
  }

  await cardFields(page1).fill('4242 4242 4242 4242');
  const result = await page1.evaluate(() => {
    const { stripe, elements } = window.current;
    return stripe.confirmPayment({ elements, redirect: 'if_required' });
  });
  assert.equal(result.paymentIntent?.status, 'succeeded', JSON.stringify(result));
  const stored = await stack.stripe.get(`/v1/payment_intents/${intent.id}`);
  const method = await stack.stripe.get(`/v1/payment_methods/${stored.payment_method}`);
  assert.equal(method.billing_details.email, 'shopper@example.com');
  assert.equal(method.card.last4, '4242');
  await page1.close();
});

test('Link Authentication: submit() shows an invalid email at the field; the email goes with createConfirmationToken and createPaymentMethod unless params set one', async () => {
  const p = await page();
  await p.evaluate((key) => {
    const stripe = Stripe(key);
    const elements = stripe.elements({ mode: 'payment', amount: 1000, currency: 'usd', paymentMethodCreation: 'manual' });
    window.place(elements.create('linkAuthentication'));
    window.place(elements.create('payment'));
    window.current = { stripe, elements };
  }, PUBLISHABLE_KEY);
  await cardFields(p).fill('4242 4242 4242 4242');
  await emailField(p).fill('jenny@example');
  const invalid = await p.evaluate(() => window.current.elements.submit());
  assert.deepEqual([invalid.error?.type, invalid.error?.code], ['validation_error', 'invalid_email'], JSON.stringify(invalid));
  const frame = p.frameLocator('iframe[title="Secure email input frame"]');
  await frame.getByRole('alert').filter({ hasText: 'Your email address is invalid.' }).waitFor();
  assert.equal(await emailField(p).getAttribute('aria-invalid'), 'true');
  await emailField(p).fill('');
  const empty = await p.evaluate(() => window.current.elements.submit());
  assert.equal(empty.error?.code, 'incomplete_email', JSON.stringify(empty));

  await emailField(p).fill('jenny.rosen@example.com');
  assert.equal(await emailField(p).getAttribute('aria-invalid'), 'false', 'the problem goes once fixed');
  const made = await p.evaluate(async () => {
    const { stripe, elements } = window.current;
    const submitted = async (create) => {
      const checked = await elements.submit();
      return checked.error ? checked : create();
    };
    return {
      token: await submitted(() => stripe.createConfirmationToken({ elements })),
      method: await submitted(() => stripe.createPaymentMethod({ elements })),
      own: await submitted(() => stripe.createPaymentMethod({ elements, params: { billing_details: { email: 'billing@example.com', name: 'Jenny Rosen' } } })),
    };
  });
  assert.equal(made.token.confirmationToken?.payment_method_preview.billing_details.email, 'jenny.rosen@example.com', JSON.stringify(made.token));
  assert.equal(made.method.paymentMethod?.billing_details.email, 'jenny.rosen@example.com', JSON.stringify(made.method));
  assert.deepEqual([made.own.paymentMethod?.billing_details.email, made.own.paymentMethod?.billing_details.name],
    ['billing@example.com', 'Jenny Rosen'], 'the integration\'s own email wins');
  await p.close();
});

// ---- Express Checkout Element ---------------------------------------------------------------

/** Mounts an Express Checkout Element (`window.current`: {stripe, elements, wallet}) in a group
 *  of `elementsOptions`, no Payment Element, recording its events but click, the shipping
 *  changes and confirm, which tests answer themselves. */
async function walletPage(elementsOptions, options) {
  const p = await page();
  await p.evaluate(([key, elementsOptions, options]) => {
    const stripe = Stripe(key);
    const elements = stripe.elements(elementsOptions);
    const wallet = elements.create('expressCheckout', options);
    window.track(wallet, ['ready', 'cancel', 'focus', 'blur', 'escape', 'loaderror']);
    window.place(wallet);
    window.current = { stripe, elements, wallet };
  }, [PUBLISHABLE_KEY, elementsOptions, options]);
  await until(p, 'ready');
  return p;
}

const RATES = [
  { id: 'standard', displayName: 'Standard shipping', amount: 500, deliveryEstimate: { minimum: { unit: 'business_day', value: 3 }, maximum: { unit: 'business_day', value: 5 } } },
  { id: 'express', displayName: 'Express shipping', amount: 1500, deliveryEstimate: '1 business day' },
];
const INTERNATIONAL = [
  { id: 'intl', displayName: 'International', amount: 2000 },
  { id: 'intl-express', displayName: 'International express', amount: 3500 },
];

test('Express Checkout: click, resolve, the sheet, shipping changes, confirm, then createConfirmationToken pays with the wallet\'s Visa 4242 and the details chosen', async () => {
  const p = await walletPage({ mode: 'payment', amount: 5098, currency: 'usd' }, { buttonType: { googlePay: 'pay' }, emailRequired: true });
  const [ready] = await seen(p, 'ready');
  assert.deepEqual(ready, { elementType: 'expressCheckout', availablePaymentMethods:
    { amazonPay: false, applePay: false, googlePay: true, link: false, paypal: false, klarna: false } });

  await p.evaluate((rates) => {
    const { stripe, elements, wallet } = window.current;
    wallet.on('click', (event) => {
      window.record('click', event);
      event.resolve({ shippingAddressRequired: true, shippingRates: rates.standard, allowedShippingCountries: ['US', 'CA'],
        lineItems: [{ name: 'Wool socks', amount: 5098 }], business: { name: 'Sock Shop' } });
    });
    wallet.on('shippingaddresschange', (event) => {
      window.record('shippingaddresschange', event);
      // Abroad, other rates (and a higher total).
      if (event.address.country === 'CA') {
        elements.update({ amount: 7098 });
        event.resolve({ shippingRates: rates.international, lineItems: [{ name: 'Wool socks', amount: 5098 }, { name: 'Shipping', amount: 2000 }] });
      } else {
        event.resolve();
      }
    });
    wallet.on('shippingratechange', (event) => {
      window.record('shippingratechange', event);
      elements.update({ amount: 5098 + event.shippingRate.amount });
      event.resolve({ lineItems: [{ name: 'Wool socks', amount: 5098 }, { name: 'Shipping', amount: event.shippingRate.amount }] });
    });
    wallet.on('confirm', async (event) => {
      window.record('confirm', event);
      window.failedType = typeof event.paymentFailed;
      const submitted = await elements.submit();
      window.paid = submitted.error ? submitted : await stripe.createConfirmationToken({ elements });
    });
  }, { standard: RATES, international: INTERNATIONAL });

  await walletButton(p, 'Pay with Stand-in Pay').click();
  // The click event comes from the button's frame by message: wait for it, not a moment.
  await until(p, 'click');
  const [click] = await seen(p, 'click');
  assert.deepEqual(click, { elementType: 'expressCheckout', expressPaymentType: 'google_pay' });
  const s = sheet(p);
  await s.getByText('Visa •••• 4242').waitFor();
  await s.getByText('Pay Sock Shop').waitFor();
  await s.getByRole('button', { name: 'Pay $50.98' }).waitFor();
  // The wallet's default address goes to the merchant at once, and only what prices shipping.
  await until(p, 'shippingaddresschange');
  const [home] = await seen(p, 'shippingaddresschange');
  assert.deepEqual(home, { elementType: 'expressCheckout', name: 'Jenny Rosen',
    address: { city: 'South San Francisco', state: 'CA', postal_code: '94080', country: 'US' } });
  assert.ok((await p.evaluate(() => window.seen('shippingaddresschange')[0].keys)).includes('resolve'));
  await s.getByRole('radio', { name: /Standard shipping — \$5\.00 \(3 business days – 5 business days\)/ }).waitFor();

  await s.getByRole('radio', { name: /Toronto/ }).check();
  await until(p, 'shippingaddresschange', 2);
  assert.equal((await seen(p, 'shippingaddresschange'))[1].address.country, 'CA');
  await s.getByRole('button', { name: 'Pay $70.98' }).waitFor();
  await s.getByRole('radio', { name: /International express/ }).check();
  await until(p, 'shippingratechange');
  const [rate] = await seen(p, 'shippingratechange');
  assert.deepEqual(rate, { elementType: 'expressCheckout', shippingRate: INTERNATIONAL[1] });
  await s.getByRole('button', { name: 'Pay $85.98' }).click();

  await p.waitForFunction(() => window.paid);
  const [confirm] = await seen(p, 'confirm');
  assert.equal(await p.evaluate(() => window.failedType), 'function');
  assert.deepEqual(confirm, {
    elementType: 'expressCheckout', expressPaymentType: 'google_pay',
    billingDetails: { name: 'Jenny Rosen', email: 'jenny.rosen@example.com',
      address: { line1: '354 Oyster Point Blvd', line2: null, city: 'South San Francisco', state: 'CA', postal_code: '94080', country: 'US' } },
    shippingAddress: { name: 'Jenny Rosen',
      address: { line1: '123 Queen St W', line2: 'Suite 400', city: 'Toronto', state: 'ON', postal_code: 'M5H 2N2', country: 'CA' } },
    shippingRate: INTERNATIONAL[1],
  });
  const { confirmationToken: token, error } = await p.evaluate(() => window.paid);
  assert.equal(error, undefined, JSON.stringify(error));
  const preview = token.payment_method_preview;
  assert.deepEqual([preview.type, preview.card.brand, preview.card.last4], ['card', 'visa', '4242']);
  assert.equal(preview.billing_details.name, 'Jenny Rosen');
  assert.equal(preview.billing_details.email, 'jenny.rosen@example.com');
  assert.equal(preview.billing_details.address.postal_code, '94080');
  assert.equal(token.shipping.name, 'Jenny Rosen');
  assert.deepEqual([token.shipping.address.line1, token.shipping.address.city, token.shipping.address.country], ['123 Queen St W', 'Toronto', 'CA']);
  // The sheet closed once the wallet paid.
  await p.waitForFunction(() => !document.querySelector('iframe[title="Stand-in Pay"]'));
  assert.equal((await seen(p, 'cancel')).length, 0, 'no cancel when the wallet paid');

  // The merchant's server confirms with it.
  const intent = await stack.stripe.post('/v1/payment_intents', { amount: '8598', currency: 'usd', 'payment_method_types[]': 'card',
    confirm: 'true', confirmation_token: token.id });
  assert.equal(intent.status, 'succeeded', JSON.stringify(intent));
  const method = await stack.stripe.get(`/v1/payment_methods/${intent.payment_method}`);
  assert.deepEqual([method.card.last4, method.billing_details.email], ['4242', 'jenny.rosen@example.com']);
  assert.equal(intent.shipping?.address.city, 'Toronto');

  // One confirm pays once: without a Payment Element, nothing is left to pay with.
  const again = await p.evaluate(() => window.outcome(window.current.stripe.createConfirmationToken({ elements: window.current.elements })));
  assert.match(again, /^IntegrationError: elements\.submit\(\) must be called/, again);
  const submitAgain = await p.evaluate(() => window.outcome(window.current.elements.submit()));
  assert.match(submitAgain, /^IntegrationError: elements\.submit\(\): a mounted Payment Element is required/, submitAgain);
  await p.close();
});

test('Express Checkout: confirmPayment and createPaymentMethod after confirm pay with the wallet, with the Link email as billing email', async () => {
  const p = await walletPage({ mode: 'payment', amount: 1000, currency: 'usd', paymentMethodCreation: 'manual' }, {});
  await p.evaluate(() => {
    const { elements, wallet } = window.current;
    // No click handler: the sheet opens with the element's options.
    window.place(elements.create('linkAuthentication', { defaultValues: { email: 'link@example.com' } }));
    wallet.on('confirm', async (event) => {
      window.record('confirm', event);
      const submitted = await elements.submit();
      window.paid = submitted.error ? submitted : await window.next();
    });
  });
  const pay = async (next, secret) => {
    await p.evaluate(([next, secret]) => {
      const { stripe, elements } = window.current;
      window.paid = undefined;
      window.next = next === 'method'
        ? () => stripe.createPaymentMethod({ elements })
        : () => stripe.confirmPayment({ elements, clientSecret: secret, redirect: 'if_required' });
    }, [next, secret]);
    await walletButton(p).click();
    await sheet(p).getByRole('button', { name: 'Pay $10.00' }).click();
    await p.waitForFunction(() => window.paid);
    return p.evaluate(() => window.paid);
  };

  const made = await pay('method');
  assert.equal(made.paymentMethod?.card.last4, '4242', JSON.stringify(made));
  assert.equal(made.paymentMethod.billing_details.name, 'Jenny Rosen');
  assert.equal(made.paymentMethod.billing_details.email, 'link@example.com', 'the sheet collected no email: the Link one');

  const intent = await cardIntent();
  const paid = await pay('confirm', intent.client_secret);
  assert.equal(paid.paymentIntent?.status, 'succeeded', JSON.stringify(paid));
  const stored = await stack.stripe.get(`/v1/payment_intents/${intent.id}`);
  assert.equal(stored.status, 'succeeded');
  const method = await stack.stripe.get(`/v1/payment_methods/${stored.payment_method}`);
  assert.deepEqual([method.card.brand, method.card.last4, method.billing_details.name, method.billing_details.address.city],
    ['visa', '4242', 'Jenny Rosen', 'South San Francisco']);
  assert.equal(stored.shipping, null, 'no shipping asked, none sent');
  await p.waitForFunction(() => !document.querySelector('iframe[title="Stand-in Pay"]'));
  await p.close();
});

test('Express Checkout: a click not resolved within 1 second shows no sheet (and says why), nor does reject()', async () => {
  const p = await walletPage({ mode: 'payment', amount: 1000, currency: 'usd' }, {});
  const warnings = [];
  p.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await p.evaluate(() => {
    window.current.wallet.on('click', (event) => { window.lateClick = event; });
  });
  await walletButton(p).click();
  await p.waitForTimeout(1300);
  assert.equal(await sheetCount(p), 0);
  assert.ok(warnings.some((w) => w.includes('Timed out waiting for a call to resolve()') && w.includes('within 1 second')), JSON.stringify(warnings));
  // Too late: resolving now opens nothing either.
  await p.evaluate(() => window.lateClick.resolve());
  await p.waitForTimeout(300);
  assert.equal(await sheetCount(p), 0);

  await p.evaluate(() => {
    const { wallet } = window.current;
    wallet.off('click');
    wallet.on('click', (event) => event.reject());
  });
  await walletButton(p).click();
  await p.waitForTimeout(1300);
  assert.equal(await sheetCount(p), 0, 'reject() shows nothing');
  assert.equal(warnings.filter((w) => w.includes('Timed out')).length, 1, 'a rejected click is answered');
  await p.close();
});

test('Express Checkout: closing the sheet is the cancel event, and leaves nothing to pay with', async () => {
  const p = await walletPage({ mode: 'payment', amount: 2500, currency: 'eur', locale: 'en' }, { buttonTheme: { googlePay: 'white' }, buttonHeight: 50 });
  assert.equal(await walletButton(p).getAttribute('data-theme'), 'white');
  assert.equal(await walletButton(p).evaluate((b) => b.getBoundingClientRect().height), 50);
  await walletButton(p).click();
  await sheet(p).getByRole('button', { name: 'Pay €25.00' }).waitFor();
  await p.getByRole('button', { name: 'Close' }).click();
  await until(p, 'cancel');
  assert.deepEqual(await seen(p, 'cancel'), [{ elementType: 'expressCheckout' }]);
  assert.equal(await sheetCount(p), 0);
  const submitted = await p.evaluate(() => window.outcome(window.current.elements.submit()));
  assert.match(submitted, /a mounted Payment Element is required/, submitted);
  await p.close();
});

test('Express Checkout: event.paymentFailed() closes the sheet with the failure; an unusable address keeps it open to choose another', async () => {
  const p = await walletPage({ mode: 'payment', amount: 1000, currency: 'usd' }, { shippingAddressRequired: true, shippingRates: RATES });
  await p.evaluate(() => {
    const { wallet } = window.current;
    window.failWith = 'invalid_shipping_address';
    wallet.on('confirm', (event) => {
      window.record('confirm', event);
      event.paymentFailed({ reason: window.failWith });
    });
  });
  await walletButton(p).click();
  const s = sheet(p);
  await s.getByRole('button', { name: 'Pay $10.00' }).click();
  await until(p, 'confirm');
  await s.getByRole('alert').filter({ hasText: 'The shipping address is invalid. Choose another address.' }).waitFor();
  assert.equal(await sheetCount(p), 1, 'still open');
  assert.equal(await s.getByRole('button', { name: 'Pay $10.00' }).isEnabled(), true);
  const afterFailure = await p.evaluate(() => window.outcome(window.current.elements.submit()));
  assert.match(afterFailure, /a mounted Payment Element is required/, 'a failed payment is not the wallet\'s to pay any more');

  await p.evaluate(() => { window.failWith = 'fail'; });
  await s.getByRole('radio', { name: /Toronto/ }).check();
  await s.getByRole('button', { name: 'Pay $10.00' }).click();
  await until(p, 'confirm', 2);
  await p.waitForFunction(() => !document.querySelector('iframe[title="Stand-in Pay"]'));
  assert.equal((await seen(p, 'cancel')).length, 0, 'a failure is not a cancel');
  assert.equal((await seen(p, 'confirm'))[1].shippingAddress.address.city, 'Toronto');
  await p.close();
});

test('Express Checkout: the sheet shows the group\'s amount as elements.update() changes it, and of the intent for a client-secret group', async () => {
  const intent = await cardIntent('4321');
  const p = await walletPage({ clientSecret: intent.client_secret }, {});
  await walletButton(p).click();
  await sheet(p).getByRole('button', { name: 'Pay $43.21' }).click();
  // No confirm handler: the sheet waits; the shopper closes it.
  await p.getByRole('button', { name: 'Close' }).click();
  await until(p, 'cancel');

  const deferred = await walletPage({ mode: 'payment', amount: 1000, currency: 'usd' }, {});
  await walletButton(deferred).click();
  await sheet(deferred).getByRole('button', { name: 'Pay $10.00' }).waitFor();
  await deferred.evaluate(() => window.current.elements.update({ amount: 1999 }));
  await sheet(deferred).getByRole('button', { name: 'Pay $19.99' }).waitFor();
  await p.close();
  await deferred.close();
});

test('Express Checkout: with paymentMethods.googlePay never, no button and no availablePaymentMethods', async () => {
  const p = await walletPage({ mode: 'payment', amount: 1000, currency: 'usd' }, { paymentMethods: { googlePay: 'never' } });
  const [ready] = await p.evaluate(() => window.seen('ready'));
  assert.ok(ready.keys.includes('availablePaymentMethods'));
  assert.equal(ready.event.availablePaymentMethods, undefined);
  assert.equal(await p.frameLocator('iframe[title="Secure express checkout frame"]').getByRole('button').count(), 0);
  await p.close();
});

// ---- Payment Method Messaging Element -------------------------------------------------------

test('Payment Method Messaging: the plans for the amount and currency, re-rendered by update(); in a group without mode', async () => {
  const p = await page();
  const messaging = p.frameLocator('iframe[title="Secure payment method messaging frame"]');
  const show = async (options) => {
    await p.evaluate(async ([key, options]) => {
      document.querySelectorAll('.__PrivateStripeElement').forEach((e) => e.remove());
      const element = Stripe(key).elements().create('paymentMethodMessaging', options);
      window.messaging = element;
      const ready = new Promise((resolve) => element.on('ready', resolve));
      window.place(element);
      window.readyEvent = await ready;
    }, [PUBLISHABLE_KEY, options]);
    return messaging.locator('#messaging').innerText();
  };
  const text = (s) => s.trim().replace(/\s*\n+\s*/g, ' | ');

  assert.equal(text(await show({ amount: 5100, currency: 'USD', paymentMethodTypes: ['klarna', 'afterpay_clearpay'] })),
    '4 interest-free payments of $12.75 with Klarna or Afterpay');
  assert.deepEqual(await p.evaluate(() => window.readyEvent), { elementType: 'paymentMethodMessaging' });
  assert.equal(text(await show({ amount: 5100, currency: 'USD' })), '4 interest-free payments of $12.75 with Klarna, Afterpay or Affirm');
  assert.equal(text(await show({ amount: 4000, currency: 'USD', paymentMethodOrder: ['afterpay_clearpay'] })),
    '4 interest-free payments of $10.00 with Afterpay or Klarna', 'Affirm starts at $50; the order asked for');
  assert.equal(text(await show({ amount: 300000, currency: 'usd' })), '4 interest-free payments of $750.00 with Affirm', 'over the others\' limits');
  assert.equal(text(await show({ amount: 6000, currency: 'GBP' })),
    '3 interest-free payments of £20.00 with Klarna | 4 interest-free payments of £15.00 with Clearpay');
  assert.equal(text(await show({ amount: 9000, currency: 'EUR', countryCode: 'FR' })), '3 interest-free payments of €30.00 with Klarna');
  assert.equal(text(await show({ amount: 7000, currency: 'AUD', paymentMethodTypes: ['affirm'] })), '', 'Affirm has no AUD');
  assert.equal(text(await show({ amount: 5000, currency: 'USD', countryCode: 'GB' })), '', 'a shopper in the UK does not pay in dollars');

  // update() works it out again.
  await show({ amount: 5100, currency: 'USD' });
  await p.evaluate(() => window.messaging.update({ amount: 2000 }));
  await messaging.getByText('4 interest-free payments of $5.00 with Afterpay').waitFor();
  await p.evaluate(() => window.messaging.update({ amount: 1001 }));
  await messaging.getByText('4 interest-free payments of $2.51 with Afterpay', { exact: true }).waitFor();
  await p.close();
});

// ---- misuse ------------------------------------------------------------------------------

test('misuse Stripe.js refuses is an IntegrationError: unknown or invalid options, a second Element of a type, an intent-less group, answers out of turn', async () => {
  const p = await page();
  const results = await p.evaluate((key) => {
    const thrown = (f) => { try { f(); return 'accepted'; } catch (e) { return `${e.name}: ${e.message}`; } };
    const stripe = Stripe(key);
    const elements = stripe.elements({ mode: 'payment', amount: 1000, currency: 'usd' });
    const bare = stripe.elements();
    const wallet = elements.create('expressCheckout');
    elements.create('linkAuthentication');
    elements.create('paymentMethodMessaging', { amount: 1000, currency: 'USD' });
    return {
      unknown: thrown(() => stripe.elements({ mode: 'payment', amount: 1, currency: 'usd' }).create('expressCheckout', { buttonColor: 'red' })),
      height: thrown(() => stripe.elements({ mode: 'payment', amount: 1, currency: 'usd' }).create('expressCheckout', { buttonHeight: 30 })),
      type: thrown(() => stripe.elements({ mode: 'payment', amount: 1, currency: 'usd' }).create('expressCheckout', { buttonType: { googlePay: 'shop' } })),
      display: thrown(() => stripe.elements({ mode: 'payment', amount: 1, currency: 'usd' }).create('expressCheckout', { paymentMethods: { googlePay: 'sometimes' } })),
      rates: thrown(() => stripe.elements({ mode: 'payment', amount: 1, currency: 'usd' }).create('expressCheckout', { shippingRates: [{ id: 'x', amount: 1 }] })),
      secondWallet: thrown(() => elements.create('expressCheckout')),
      secondLink: thrown(() => elements.create('linkAuthentication')),
      secondMessaging: thrown(() => elements.create('paymentMethodMessaging', { amount: 1000, currency: 'USD' })),
      walletWithoutMode: thrown(() => bare.create('expressCheckout')),
      linkWithoutMode: thrown(() => bare.create('linkAuthentication')),
      messagingWithoutMode: thrown(() => bare.create('paymentMethodMessaging', { amount: 1000, currency: 'USD' })),
      walletUpdate: thrown(() => wallet.update({ shippingRates: [] })),
      walletUpdateOk: thrown(() => wallet.update({ emailRequired: true, buttonHeight: 48 })),
      walletEvent: thrown(() => wallet.on('change', () => {})),
      linkDefaults: thrown(() => stripe.elements({ mode: 'payment', amount: 1, currency: 'usd' }).create('linkAuthentication', { defaultValues: { email: 5 } })),
      linkUnknown: thrown(() => stripe.elements({ mode: 'payment', amount: 1, currency: 'usd' }).create('linkAuthentication', { fields: {} })),
      noAmount: thrown(() => stripe.elements().create('paymentMethodMessaging', { currency: 'USD' })),
      yen: thrown(() => stripe.elements().create('paymentMethodMessaging', { amount: 1000, currency: 'JPY' })),
      zip: thrown(() => stripe.elements().create('paymentMethodMessaging', { amount: 1000, currency: 'USD', paymentMethodTypes: ['zip'] })),
      country: thrown(() => stripe.elements().create('paymentMethodMessaging', { amount: 1000, currency: 'USD', countryCode: 'JP' })),
      unknownType: thrown(() => elements.create('issuingCardNumberDisplay')),
    };
  }, PUBLISHABLE_KEY);
  assert.equal(results.unknown, "IntegrationError: Invalid value for create('expressCheckout'): buttonColor is not an accepted parameter.");
  assert.match(results.height, /^IntegrationError: Invalid value for create\('expressCheckout'\): buttonHeight should be a number between 40 and 55/);
  assert.match(results.type, /^IntegrationError: .*buttonType\.googlePay should be one of the following strings: book, buy, checkout/);
  assert.match(results.display, /^IntegrationError: .*paymentMethods\.googlePay should be one of the following strings: always, auto, never/);
  assert.match(results.rates, /^IntegrationError: .*shippingRates\[0\]\.displayName should be a string/);
  assert.equal(results.secondWallet, 'IntegrationError: Can only create one Element of type expressCheckout.');
  assert.equal(results.secondLink, 'IntegrationError: Can only create one Element of type linkAuthentication.');
  assert.equal(results.secondMessaging, 'IntegrationError: Can only create one Element of type paymentMethodMessaging.');
  assert.match(results.walletWithoutMode, /^IntegrationError: In order to create an expressCheckout element, you must pass a clientSecret or mode/);
  assert.match(results.linkWithoutMode, /^IntegrationError: In order to create a linkAuthentication element, you must pass a clientSecret or mode/);
  assert.equal(results.messagingWithoutMode, 'accepted');
  assert.equal(results.walletUpdate, 'IntegrationError: Invalid value for update(): shippingRates is not an accepted parameter.');
  assert.equal(results.walletUpdateOk, 'accepted');
  assert.match(results.walletEvent, /^IntegrationError: Invalid value for on\(\): event should be one of ready, click/);
  assert.match(results.linkDefaults, /^IntegrationError: .*defaultValues\.email should be a string/);
  assert.equal(results.linkUnknown, "IntegrationError: Invalid value for create('linkAuthentication'): fields is not an accepted parameter.");
  assert.match(results.noAmount, /^IntegrationError: .*amount should be a non-negative integer/);
  assert.match(results.yen, /^IntegrationError: .*currency should be one of the following strings: AUD, CAD/);
  assert.match(results.zip, /^IntegrationError: .*paymentMethodTypes should be an array of the following strings: afterpay_clearpay, klarna, affirm/);
  assert.match(results.country, /^IntegrationError: .*countryCode should be one of the following strings/);
  assert.match(results.unknownType, /^IntegrationError: A valid Element name must be provided/);
  await p.close();
});

test('misuse in the wallet\'s events: resolve() with shipping but no rates, unknown details, an unknown paymentFailed reason', async () => {
  const p = await walletPage({ mode: 'payment', amount: 1000, currency: 'usd' }, {});
  await p.evaluate(() => {
    const { wallet } = window.current;
    const thrown = (f) => { try { f(); return 'accepted'; } catch (e) { return `${e.name}: ${e.message}`; } };
    window.misuse = {};
    wallet.on('click', (event) => {
      window.misuse.noRates = thrown(() => event.resolve({ shippingAddressRequired: true }));
      window.misuse.unknown = thrown(() => event.resolve({ total: 5 }));
      window.misuse.resolved = thrown(() => event.resolve({}));
    });
    wallet.on('confirm', (event) => {
      window.misuse.reason = thrown(() => event.paymentFailed({ reason: 'bogus' }));
      event.paymentFailed();
    });
  });
  await walletButton(p).click();
  await sheet(p).getByRole('button', { name: 'Pay $10.00' }).click();
  await p.waitForFunction(() => window.misuse.reason);
  const misuse = await p.evaluate(() => window.misuse);
  assert.equal(misuse.noRates, 'IntegrationError: When `shippingAddressRequired` is true, you must specify `shippingRates`.');
  assert.equal(misuse.unknown, 'IntegrationError: Invalid value for resolve(): total is not an accepted parameter.');
  assert.equal(misuse.resolved, 'accepted');
  assert.match(misuse.reason, /^IntegrationError: Invalid value for paymentFailed\(\): reason should be one of the following strings: fail, invalid_shipping_address/);
  await p.waitForFunction(() => !document.querySelector('iframe[title="Stand-in Pay"]'));
  await p.close();
});
