// Where the stand-in's Stripe.js was more lenient than Stripe.js: events an Element does not
// have, an Elements group whose session cannot load (loaderror, and the Element Stripe.js then
// destroys), elements.fetchUpdates() and what elements.update() refuses in a group made with a
// client secret.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLISHABLE_KEY, startStack, stripeJsPage } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

function cardIntent() {
  return stack.stripe.post('/v1/payment_intents', { amount: '1000', currency: 'usd', 'payment_method_types[]': 'card' });
}

/** A Stripe.js page where `window.place(elementsOptions, type)` mounts a new Element of `type`
 *  (the Payment Element by default) and records its events in `window.events` ({type, event}),
 *  and `window.thrown(f)` is 'accepted' or the error `f` threw. */
async function page() {
  const page = await stripeJsPage(stack);
  await page.evaluate((key) => {
    window.key = key;
    window.events = [];
    window.thrown = (f) => { try { f(); return 'accepted'; } catch (e) { return `${e.name}: ${e.message}`; } };
    window.place = (elementsOptions, type = 'payment', options) => {
      const stripe = Stripe(window.key);
      const elements = stripe.elements(elementsOptions);
      const element = elements.create(type, options);
      for (const name of ['ready', 'loaderror', 'loaderstart']) {
        if (type !== 'paymentMethodMessaging' || name === 'ready') {
          element.on(name, (event) => window.events.push({ type: name, event: JSON.parse(JSON.stringify(event)) }));
        }
      }
      const node = document.createElement('div');
      document.body.appendChild(node);
      element.mount(node);
      window.current = { stripe, elements, element };
      return window.current;
    };
  }, PUBLISHABLE_KEY);
  return page;
}

const seen = (p, type) => p.evaluate((t) => window.events.filter((e) => e.type === t).map((e) => e.event), type);
const until = (p, type) => p.waitForFunction((t) => window.events.some((e) => e.type === t), type);
const frames = (p) => p.locator('iframe[title="Secure payment input frame"]').count();

// ---- 1. Unknown events -----------------------------------------------------------------------

test('on(), once() and off() with an event the Element does not have throw an IntegrationError naming its events', async () => {
  const p = await page();
  const results = await p.evaluate(() => {
    const elements = Stripe(window.key).elements({ mode: 'payment', amount: 1000, currency: 'usd' });
    const payment = elements.create('payment');
    const messaging = elements.create('paymentMethodMessaging', { amount: 1000, currency: 'USD' });
    return {
      on: window.thrown(() => payment.on('bogus', () => {})),
      once: window.thrown(() => payment.once('bogus', () => {})),
      off: window.thrown(() => payment.off('bogus')),
      offHandler: window.thrown(() => payment.off('bogus', () => {})),
      // The Payment Method Messaging Element has only `ready` (payment-method-messaging.d.ts).
      messagingOff: window.thrown(() => messaging.off('loaderror')),
      known: window.thrown(() => { payment.on('change', () => {}); payment.once('ready', () => {}); payment.off('change'); }),
    };
  });
  assert.match(results.on, /^IntegrationError: Invalid value for on\(\): event should be one of change, ready, focus, blur, escape, loaderror, loaderstart, carddetailschange, .*You specified: bogus\.$/, results.on);
  assert.match(results.once, /^IntegrationError: Invalid value for once\(\): event should be one of change, ready, .*You specified: bogus\.$/, results.once);
  assert.match(results.off, /^IntegrationError: Invalid value for off\(\): event should be one of change, ready, .*You specified: bogus\.$/, results.off);
  assert.match(results.offHandler, /^IntegrationError: Invalid value for off\(\)/, results.offHandler);
  assert.equal(results.messagingOff, 'IntegrationError: Invalid value for off(): event should be one of ready. You specified: loaderror.');
  assert.equal(results.known, 'accepted');
  await p.close();
});

// ---- 2. An Elements session that cannot load -------------------------------------------------

test('a clientSecret that opens no intent: loaderror with Stripe\'s error, no ready, and Stripe.js destroys the Element', async () => {
  const intent = await cardIntent();
  const setup = await stack.stripe.post('/v1/setup_intents', { 'payment_method_types[]': 'card' });
  const cases = [
    ['pi_doesnotexist_secret_abc', 'PaymentIntent'],
    [`${intent.id}_secret_wrong`, 'PaymentIntent'],
    [`${setup.id}_secret_wrong`, 'SetupIntent'],
  ];
  for (const [clientSecret, kind] of cases) {
    const p = await page();
    await p.evaluate((secret) => { window.place({ clientSecret: secret }); }, clientSecret);
    await until(p, 'loaderror');
    const [failure] = await seen(p, 'loaderror');
    assert.deepEqual(failure, {
      elementType: 'payment',
      error: {
        type: 'invalid_request_error',
        message: `The client_secret provided does not match any associated ${kind} on this account.`,
        param: 'client_secret',
      },
    }, clientSecret);
    // Destroyed: its iframe is gone, the group no longer has it, and a new one can be made.
    assert.equal(await frames(p), 0);
    const after = await p.evaluate(() => {
      const { elements, element } = window.current;
      return {
        got: elements.getElement('payment'),
        destroy: window.thrown(() => element.destroy()),
        unmount: window.thrown(() => element.unmount()),
        recreate: window.thrown(() => elements.create('payment')),
      };
    });
    assert.equal(after.got, null);
    // As Stripe.js: an Element it destroyed itself throws on destroy() (react-stripe-js#291, #409).
    assert.equal(after.destroy, 'IntegrationError: This Element has already been destroyed. Please create a new one.');
    assert.equal(after.unmount, 'IntegrationError: This Element has already been destroyed. Please create a new one.');
    assert.equal(after.recreate, 'accepted');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(await seen(p, 'ready'), [], 'a failed Element is never ready');
    await p.close();
  }
});

test('elements.submit() in a group whose Payment Element failed to load answers with the load error, during the load and after it', async () => {
  const p = await page();
  const results = await p.evaluate(async () => {
    const { elements } = window.place({ clientSecret: 'pi_doesnotexist_secret_abc' });
    const during = await elements.submit().catch((e) => ({ thrown: `${e.name}: ${e.message}` }));
    const afterwards = await elements.submit().catch((e) => ({ thrown: `${e.name}: ${e.message}` }));
    return { during, afterwards };
  });
  for (const result of [results.during, results.afterwards]) {
    assert.equal(result.error?.type, 'invalid_request_error', JSON.stringify(results));
    assert.match(result.error.message, /does not match any associated PaymentIntent/);
  }
  await p.close();
});

test('an invalid customerSessionClientSecret fails the load too; without a loaderror handler Stripe.js says so in the console', async () => {
  const p = await page();
  const logged = [];
  p.on('console', (message) => logged.push(message.text()));
  await p.evaluate(() => { window.place({ mode: 'payment', amount: 1000, currency: 'usd', customerSessionClientSecret: 'cuss_secret_unknown' }); });
  await until(p, 'loaderror');
  const [failure] = await seen(p, 'loaderror');
  assert.equal(failure.elementType, 'payment');
  assert.equal(failure.error.type, 'invalid_request_error');
  assert.equal(failure.error.param, 'customer_session_client_secret', JSON.stringify(failure));
  assert.equal(await frames(p), 0);

  // An Element whose loaderror nobody listens to.
  await p.evaluate(() => {
    const elements = Stripe(window.key).elements({ clientSecret: 'pi_doesnotexist_secret_abc' });
    const node = document.createElement('div');
    document.body.appendChild(node);
    elements.create('payment').mount(node);
  });
  await p.waitForFunction(() => document.querySelectorAll('iframe[title="Secure payment input frame"]').length === 0);
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(logged.some((line) => line.startsWith('Unhandled payment Element loaderror')), logged.join('\n'));
  await p.close();
});

test('a good clientSecret still loads: ready, no loaderror', async () => {
  const intent = await cardIntent();
  const p = await page();
  await p.evaluate((secret) => { window.place({ clientSecret: secret }); }, intent.client_secret);
  await until(p, 'ready');
  assert.deepEqual(await seen(p, 'loaderror'), []);
  assert.equal(await frames(p), 1);
  await p.close();
});

// ---- 3. elements.fetchUpdates() --------------------------------------------------------------

test('fetchUpdates() re-reads the intent of a client-secret group: {} when it can, {error: {message}} when it cannot', async () => {
  const intent = await cardIntent();
  const p = await page();
  const sessions = [];
  p.on('request', (request) => { if (new URL(request.url()).pathname === '/v1/elements/sessions') sessions.push(request.url()); });
  await p.evaluate((secret) => { window.place({ clientSecret: secret }); }, intent.client_secret);
  await until(p, 'ready');
  const before = sessions.length;
  const fetched = await p.evaluate(() => window.current.elements.fetchUpdates());
  assert.deepEqual(fetched, {});
  assert.equal(sessions.length, before + 1, 'one more elements session read');
  assert.ok(sessions.at(-1).includes(`client_secret=${encodeURIComponent(intent.client_secret)}`), sessions.at(-1));

  await stack.stripe.fault({ path: '/v1/elements/sessions', status: 500, type: 'api_error', message: 'Stripe had a bad day' });
  const failed = await p.evaluate(() => window.current.elements.fetchUpdates());
  assert.deepEqual(failed, { error: { message: 'Stripe had a bad day' } });
  // The Element stays as it was.
  assert.equal(await frames(p), 1);
  assert.deepEqual(await p.evaluate(() => window.current.elements.fetchUpdates()), {}, 'and the next one works again');
  await p.close();
});

test('fetchUpdates() in a deferred-intent group has no intent to read: {}', async () => {
  const p = await page();
  const sessions = [];
  p.on('request', (request) => { if (new URL(request.url()).pathname === '/v1/elements/sessions') sessions.push(request.url()); });
  await p.evaluate(() => { window.place({ mode: 'payment', amount: 1000, currency: 'usd' }); });
  await until(p, 'ready');
  // Mounting reads the session once (as Stripe.js does, with deferred_intent[...] for the
  // eligible payment methods); fetchUpdates() itself has no intent to read and asks nothing.
  assert.equal(sessions.length, 1, sessions.join('\n'));
  assert.ok(sessions[0].includes('deferred_intent%5Bamount%5D=1000'), sessions[0]);
  assert.deepEqual(await p.evaluate(() => window.current.elements.fetchUpdates()), {});
  assert.equal(sessions.length, 1, 'no elements session read by fetchUpdates()');
  await p.close();
});

// ---- 4. elements.update() in a client-secret group -------------------------------------------

test('elements.update() in a client-secret group refuses what belongs to deferred-intent groups, and so does elements()', async () => {
  const intent = await cardIntent();
  const p = await page();
  const results = await p.evaluate((secret) => {
    const stripe = Stripe(window.key);
    const elements = stripe.elements({ clientSecret: secret });
    const deferred = stripe.elements({ mode: 'payment', amount: 1000, currency: 'usd' });
    const refused = {};
    for (const options of [{ amount: 500 }, { mode: 'payment' }, { setupFutureUsage: 'off_session' }, { captureMethod: 'manual' },
      { allowedPaymentMethodTypes: ['card'] }, { excludedPaymentMethodTypes: ['klarna'] }, { paymentMethodConfiguration: 'pmc_1' },
      { onBehalfOf: 'acct_1' }]) {
      refused[Object.keys(options)[0]] = window.thrown(() => elements.update(options));
    }
    return {
      refused,
      appearance: window.thrown(() => elements.update({ appearance: { theme: 'night' } })),
      // Declared for client-secret groups (SetupIntents with automatic payment methods).
      currency: window.thrown(() => elements.update({ currency: 'usd' })),
      deferredAmount: window.thrown(() => deferred.update({ amount: 2000 })),
      create: window.thrown(() => stripe.elements({ clientSecret: secret, mode: 'payment', amount: 1000, currency: 'usd' })),
      kept: elements._options.amount,
    };
  }, intent.client_secret);
  for (const [name, outcome] of Object.entries(results.refused)) {
    assert.match(outcome, new RegExp(`^IntegrationError: Invalid value for elements\\.update\\(\\): ${name} is not an accepted parameter in an Elements group created with a clientSecret`), outcome);
  }
  assert.match(results.refused.amount, /fetchUpdates\(\)/, 'says how to change the amount');
  assert.equal(results.appearance, 'accepted');
  assert.equal(results.currency, 'accepted');
  assert.equal(results.deferredAmount, 'accepted');
  assert.match(results.create, /^IntegrationError: Invalid value for elements\(\): mode is not an accepted parameter in an Elements group created with a clientSecret/, results.create);
  assert.equal(results.kept, undefined, 'a refused update changes nothing');
  await p.close();
});
