// Embedded Checkout on the stand-in in Chromium: a merchant's page mounts a Checkout Session
// (made with the stand-in's secret key, as a merchant's server makes it) with
// stripe.createEmbeddedCheckoutPage({fetchClientSecret}), the shopper pays in Stripe's
// page, and lands on the return_url with the session's id; 3-D Secure happens inside the
// page; a decline is explained and another card pays; misuse fails as Stripe.js refuses it;
// a hosted session's url is the same page on its own.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { PUBLISHABLE_KEY, startStack, watchForPageErrors } from './harness.mjs';

let stack;
let shop;
before(async () => {
  stack = await startStack();
  shop = await startShop();
});
after(async () => {
  await new Promise((resolve) => (shop ? shop.server.close(resolve) : resolve()));
  await stack?.stop();
});

/** A Checkout Session for $50.98 (2 × $25.00 and a $0.98 sticker), with `extra` parameters. */
async function createSession(extra = {}) {
  return stack.stripe.post('/v1/checkout/sessions', {
    ui_mode: 'embedded_page',
    mode: 'payment',
    return_url: `${shop.url}/return?session_id={CHECKOUT_SESSION_ID}`,
    'line_items[0][price_data][currency]': 'usd',
    'line_items[0][price_data][unit_amount]': '2500',
    'line_items[0][price_data][product_data][name]': 'Ferris plush',
    'line_items[0][quantity]': '2',
    'line_items[1][price_data][currency]': 'usd',
    'line_items[1][price_data][unit_amount]': '98',
    'line_items[1][price_data][product_data][name]': 'Sticker',
    'line_items[1][quantity]': '1',
    ...extra,
  });
}

/** The merchant: a page with the stand-in's Stripe.js and a #checkout node (/shop), the
 *  server call its fetchClientSecret makes (POST /checkout-session, which creates a session
 *  with the secret key and answers its client secret; a JSON body adds parameters), and the
 *  return page (/return). On loopback, as Chromium lets only loopback pages reach the
 *  stand-in. `sessions` holds the sessions made, newest last. */
async function startShop() {
  const sessions = [];
  const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<script src="${stack.sim}/endive/stripe.js"></script></head><body>${body}</body></html>`;
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://shop').pathname;
    try {
      if (request.method === 'POST' && path === '/checkout-session') {
        let body = '';
        for await (const chunk of request) body += chunk;
        const session = await createSession(body ? JSON.parse(body) : {});
        sessions.push(session);
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ clientSecret: session.client_secret }));
      } else if (path === '/shop' || path === '/return') {
        const html = path === '/shop' ? page('Shop', '<div id="checkout"></div>') : page('Thanks', '<h1>Thanks for your order</h1>');
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
      } else {
        response.writeHead(404).end();
      }
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, sessions, url: `http://127.0.0.1:${server.address().port}` };
}

/** The shop's page, where `window.mountCheckout(params)` mounts Embedded Checkout for a new
 *  session (`params` go to the merchant's server) and counts onComplete calls in
 *  `window.completed`. */
async function merchantPage() {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(`${shop.url}/shop`);
  await page.evaluate((key) => {
    window.outcome = (promise) => promise.then(() => 'resolved', (e) => `${e.name}: ${e.message}`);
    window.fetchClientSecret = (params) => fetch('/checkout-session', { method: 'POST', body: params ? JSON.stringify(params) : '' })
      .then((response) => response.json()).then((json) => json.clientSecret);
    window.completed = 0;
    window.mountCheckout = async (params) => {
      window.checkout = await Stripe(key).createEmbeddedCheckoutPage({
        fetchClientSecret: () => window.fetchClientSecret(params),
        onComplete: () => { window.completed += 1; },
      });
      window.checkout.mount('#checkout');
    };
  }, PUBLISHABLE_KEY);
  return { page, errors };
}

/** Stripe's page in its iframe, and the Payment Element's card fields inside it. */
function embedded(page) {
  const frame = page.frameLocator('iframe[title="Embedded Checkout"]');
  const card = frame.frameLocator('iframe[title="Secure payment input frame"]');
  return {
    frame,
    email: frame.getByLabel('Email'),
    pay: frame.getByRole('button', { name: 'Pay $50.98' }),
    async fillCard(number, expiry = '12 / 34', cvc = '123') {
      await card.getByLabel('Card number').fill(number);
      await card.getByLabel('Expiration date').fill(expiry);
      await card.getByLabel('Security code').fill(cvc);
    },
  };
}

async function mountAndFill(page, number, params) {
  await page.evaluate((params) => window.mountCheckout(params), params);
  const checkout = embedded(page);
  await checkout.pay.waitFor();
  await checkout.frame.getByText('Ferris plush').waitFor();
  await checkout.email.fill('jenny@example.com');
  await checkout.fillCard(number);
  return checkout;
}

test('4242 4242 4242 4242 pays in the embedded page and lands on the return_url with the session id', async () => {
  const { page, errors } = await merchantPage();
  const checkout = await mountAndFill(page, '4242 4242 4242 4242');
  const iframe = page.locator('iframe[title="Embedded Checkout"]');
  assert.ok((await iframe.boundingBox()).height > 300, 'sized from the page\'s height');
  await checkout.pay.click();
  await page.waitForURL(/\/return\?/);
  const session = shop.sessions.at(-1);
  assert.equal(page.url(), `${shop.url}/return?session_id=${session.id}`);

  const paid = await stack.stripe.get(`/v1/checkout/sessions/${session.id}`);
  assert.deepEqual([paid.status, paid.payment_status, paid.customer_details?.email], ['complete', 'paid', 'jenny@example.com']);
  const intent = await stack.stripe.get(`/v1/payment_intents/${paid.payment_intent}`);
  assert.deepEqual([intent.status, intent.amount, intent.currency], ['succeeded', 5098, 'usd']);
  const completed = (await stack.stripe.list('events?type=checkout.session.completed')).filter((e) => e.data.object.id === session.id);
  assert.equal(completed.length, 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('4000 0025 0000 3155: the 3-D Secure challenge shows inside the embedded page, and completing it pays', async () => {
  const { page, errors } = await merchantPage();
  const checkout = await mountAndFill(page, '4000 0025 0000 3155');
  await checkout.pay.click();
  const challenge = checkout.frame.frameLocator('iframe[title="Stripe 3D Secure authentication"]');
  await challenge.getByRole('button', { name: 'Complete' }).click();
  await page.waitForURL(/\/return\?/);
  const session = shop.sessions.at(-1);
  assert.equal(page.url(), `${shop.url}/return?session_id=${session.id}`);
  const paid = await stack.stripe.get(`/v1/checkout/sessions/${session.id}`);
  assert.equal(paid.status, 'complete');
  assert.equal((await stack.stripe.get(`/v1/payment_intents/${paid.payment_intent}`)).status, 'succeeded');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a declined card shows Stripe\'s message, another card pays, and onComplete is called when the session never redirects', async () => {
  const { page, errors } = await merchantPage();
  const checkout = await mountAndFill(page, '4000 0000 0000 0002', { return_url: '', redirect_on_completion: 'never' });
  await checkout.pay.click();
  await checkout.frame.getByRole('alert').filter({ hasText: 'Your card was declined.' }).waitFor();
  const session = shop.sessions.at(-1);
  assert.equal((await stack.stripe.get(`/v1/checkout/sessions/${session.id}`)).status, 'open');
  assert.equal(await checkout.pay.isEnabled(), true, 'the shopper can try again');

  await checkout.fillCard('4242 4242 4242 4242');
  await checkout.pay.click();
  await checkout.frame.getByRole('heading', { name: 'Thanks for your payment' }).waitFor();
  await page.waitForFunction(() => window.completed === 1);
  assert.equal(page.url(), `${shop.url}/shop`, 'no redirect');
  const paid = await stack.stripe.get(`/v1/checkout/sessions/${session.id}`);
  assert.deepEqual([paid.status, paid.payment_status], ['complete', 'paid']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Stripe.js refuses what it refuses: no fetchClientSecret, a second Embedded Checkout, mounting twice, initEmbeddedCheckout', async () => {
  const { page, errors } = await merchantPage();
  const results = await page.evaluate(async (key) => {
    const stripe = Stripe(key);
    const thrown = (f) => { try { f(); return 'accepted'; } catch (e) { return `${e.name}: ${e.message}`; } };
    const noSecret = await window.outcome(stripe.createEmbeddedCheckoutPage({ onComplete() {} }));
    const checkout = await stripe.createEmbeddedCheckoutPage({ fetchClientSecret: () => window.fetchClientSecret() });
    const second = await window.outcome(stripe.createEmbeddedCheckoutPage({ fetchClientSecret: () => window.fetchClientSecret() }));
    checkout.mount('#checkout');
    const twice = thrown(() => checkout.mount('#checkout'));
    checkout.unmount();
    const frames = document.querySelectorAll('iframe[title="Embedded Checkout"]').length;
    checkout.destroy();
    const afterDestroy = thrown(() => checkout.mount('#checkout'));
    const again = await window.outcome(stripe.createEmbeddedCheckoutPage({ fetchClientSecret: () => window.fetchClientSecret() }));
    return { noSecret, second, twice, frames, afterDestroy, again, init: thrown(() => stripe.initEmbeddedCheckout({})) };
  }, PUBLISHABLE_KEY);
  assert.match(results.noSecret, /^IntegrationError: Invalid value for createEmbeddedCheckoutPage: fetchClientSecret/, results.noSecret);
  assert.equal(results.second, 'IntegrationError: You cannot have multiple Embedded Checkout objects.');
  assert.match(results.twice, /^IntegrationError: Embedded Checkout is already mounted/, results.twice);
  assert.equal(results.frames, 0, 'unmount() removes the iframe');
  assert.match(results.afterDestroy, /^IntegrationError: This Embedded Checkout object has been destroyed/, results.afterDestroy);
  assert.equal(results.again, 'resolved', 'a new one once the first is destroyed');
  assert.equal(results.init, 'IntegrationError: stripe.initEmbeddedCheckout() has been removed. Please use stripe.createEmbeddedCheckoutPage() instead.');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a hosted session\'s url is Stripe\'s page on its own: paying there lands on the success_url', async () => {
  const session = await createSession({ ui_mode: 'hosted_page', return_url: '', success_url: `${shop.url}/return?session_id={CHECKOUT_SESSION_ID}` });
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(session.url);
  await page.getByText('Ferris plush').waitFor();
  await page.getByLabel('Email').fill('jenny@example.com');
  const card = page.frameLocator('iframe[title="Secure payment input frame"]');
  await card.getByLabel('Card number').fill('4242 4242 4242 4242');
  await card.getByLabel('Expiration date').fill('12 / 34');
  await card.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: 'Pay $50.98' }).click();
  await page.waitForURL(/\/return\?/);
  assert.equal(page.url(), `${shop.url}/return?session_id=${session.id}`);
  assert.equal((await stack.stripe.get(`/v1/checkout/sessions/${session.id}`)).status, 'complete');
  assert.deepEqual(errors, []);
  await page.close();
});
