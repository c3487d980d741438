// The checkout embedded in a merchant's own page (README, Embedding): examples/host-page/ served
// by its own server on another origin (http://localhost:<port>, another site than the checkout
// server's http://127.0.0.1:<port>), with the embed's files under a sub-path of it
// (/shop/checkout/), the cart and email handed in by data-* attributes, and the checkout's
// events heard by the host page's own script.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, ROOT, axeViolations, cardFields, freePort, startStack, waitFor, watchForPageErrors } from './harness.mjs';

const EMBED_DIR = path.join(DIST, 'embed');
// The host page's cart: 1 × Lumen organic T-shirt, 3 × Rust sticker pack.
const CARD_TOTAL = '$39.97';
const YEN_PAY = 'Pay ¥5,100 at a konbini';

/** Pages like the example but for one attribute (`parent` is the origin of PARENT_PAGE below). */
const variants = (parent) => ({
  'unknown-product': [/"productId":"lumen-tee"/, '"productId":"no-such-thing"'],
  'bad-cart': [/data-cart='[^']*'/, "data-cart='lumen-tee x1'"],
  japanese: [/data-stripe-checkout\b/, 'data-stripe-checkout data-locale="ja"'],
  framed: [/data-stripe-checkout\b/, `data-stripe-checkout data-parent-origin="${parent}"`],
  'framed-elsewhere': [/data-stripe-checkout\b/, 'data-stripe-checkout data-parent-origin="https://elsewhere.example"'],
});

/** A page of another origin that frames a host page (`?child=` names it) and lists the messages
 *  it is posted, with their origins. */
const PARENT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parent</title></head><body>
<h1>A page that frames the shop</h1><iframe title="Shop" style="width:1100px;height:1000px"></iframe><ol id="messages"></ol>
<script>
  document.querySelector('iframe').src = new URLSearchParams(location.search).get('child');
  addEventListener('message', (event) => {
    const line = document.createElement('li');
    line.textContent = JSON.stringify({ origin: event.origin, data: event.data });
    document.getElementById('messages').append(line);
  });
</script></body></html>`;

let stack;
let host;
/** The same server by another origin: a parent page that is not the host page's origin. */
let parentOrigin;
before(async () => {
  const hostPort = await freePort();
  host = `http://localhost:${hostPort}`;
  parentOrigin = `http://127.0.0.1:${hostPort}`;
  stack = await startStack({ serverEnv: { CHECKOUT_EMBED_ORIGINS: host } });
  // The example page as it is, and beside it variants with other attributes (a page that is
  // not the host's loopback one would be refused the loopback checkout by Chromium).
  const example = path.join(ROOT, 'examples', 'host-page');
  const pages = await mkdtemp(path.join(tmpdir(), 'checkout-host-page-'));
  const html = await readFile(path.join(example, 'index.html'), 'utf8');
  await writeFile(path.join(pages, 'index.html'), html);
  await writeFile(path.join(pages, 'parent.html'), PARENT_PAGE);
  for (const [name, [from, to]] of Object.entries(variants(parentOrigin))) {
    assert.ok(from.test(html), `${name}: the example page has ${from}`);
    await writeFile(path.join(pages, `${name}.html`), html.replace(from, to));
  }
  const child = spawn(process.execPath, [path.join(example, 'serve.mjs')], {
    env: { ...process.env, HOST_PAGE_PORT: String(hostPort), CHECKOUT_URL: stack.server, EMBED_DIR, HOST_PAGE_DIR: pages },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  stack.track(child);
  await waitFor(`http://127.0.0.1:${hostPort}/`, child, 'host page');
});
after(async () => { await stack?.stop(); });

/** The host page (or one of its variants). */
async function openHostPage({ variant } = {}) {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(variant ? `${host}/${variant}.html` : `${host}/`);
  return { page, errors };
}

/** The detail of the host page's log line for `type`, once there. */
async function heard(page, type) {
  const line = page.locator(`#order-events li[data-event="${type}"]`).first();
  await line.waitFor();
  return JSON.parse((await line.innerText()).slice(type.length + 1));
}

const checkout = (page) => page.locator('#checkout');

test('pays by card from the host page: the cart handed in, priced by the server, checkout:paid heard', async () => {
  const { page, errors } = await openHostPage();
  assert.deepEqual(await heard(page, 'checkout:ready'), {});
  const summary = await checkout(page).getByRole('region', { name: 'Order summary' }).innerText();
  assert.match(summary, /3 × \$4\.99/);
  assert.match(summary, /\$39\.97/);
  // No shop header inside a merchant's page: the host has its own.
  assert.equal(await checkout(page).locator('.site-header').count(), 0);

  await cardFields(page).fill('4242 4242 4242 4242');
  await checkout(page).getByRole('button', { name: `Pay ${CARD_TOTAL}` }).click();
  const paid = await heard(page, 'checkout:paid');
  assert.equal(paid.amount, 3997);
  assert.equal(paid.currency, 'usd');
  assert.match(paid.orderId, /\S/);
  await checkout(page).getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.equal(await page.title(), `Thank you · order ${paid.orderId}`);
  // The server's books: the order the event named, paid once the webhook came.
  for (let i = 0; ; i += 1) {
    const order = await (await fetch(`${stack.server}/api/orders/${paid.orderId}`)).json();
    if (order.status === 'paid') break;
    assert.ok(i < 50, `order ${paid.orderId} still ${order.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a declined card: checkout:failed with Stripe\'s code and the message the shopper saw', async () => {
  const { page, errors } = await openHostPage();
  await heard(page, 'checkout:ready');
  await cardFields(page).fill('4000 0000 0000 0002');
  await checkout(page).getByRole('button', { name: `Pay ${CARD_TOTAL}` }).click();
  const failed = await heard(page, 'checkout:failed');
  assert.equal(failed.code, 'card_declined');
  assert.equal(failed.message, await checkout(page).locator('.payment-error').innerText());
  // The focus is on what went wrong.
  await page.waitForFunction(() => document.activeElement?.classList.contains('payment-error'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('pays at a konbini from the host page: the yen cart, the email handed in, checkout:konbini-pending', async () => {
  const { page, errors } = await openHostPage();
  await heard(page, 'checkout:ready');
  await checkout(page).getByRole('button', { name: /Konbini/ }).click();
  // The host page's browser speaks English: so does its konbini form.
  assert.equal(await checkout(page).getByLabel('Email', { exact: true }).inputValue(), 'shopper@example.com');
  await checkout(page).getByLabel('Name', { exact: true }).fill('山田 花子');
  await checkout(page).getByRole('button', { name: YEN_PAY }).click();
  await page.frameLocator('iframe[title="Konbini payment instructions"]').getByRole('button', { name: '閉じる Close' }).click();
  const pending = await heard(page, 'checkout:konbini-pending');
  assert.match(pending.orderId, /\S/);
  assert.ok(Date.parse(pending.expiresAt) > Date.now(), `expiresAt ${pending.expiresAt} is ahead`);
  await checkout(page).getByRole('heading', { name: 'How to pay at the store' }).waitFor();
  // The focus is on the instructions.
  await page.waitForFunction(() => document.activeElement?.id === 'konbini-heading');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the yen price is asked for only when konbini is picked, and its failure never stops the card', async () => {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  const yenAsks = [];
  let refuse = true;
  await page.route('**/api/konbini/cart', (route) => {
    yenAsks.push(route.request().url());
    if (!refuse) return route.continue();
    return route.fulfill({ status: 503, contentType: 'application/json',
      body: JSON.stringify({ error: { type: 'api_error', message: 'The shop is busy.' } }) });
  });
  await page.goto(`${host}/`);
  await heard(page, 'checkout:ready');
  assert.equal(yenAsks.length, 0, 'the card checkout does not wait for a yen price');
  await checkout(page).getByRole('button', { name: /Konbini/ }).click();
  await checkout(page).getByRole('alert').filter({ hasText: 'This cart cannot be paid for' }).waitFor();
  assert.equal((await heard(page, 'checkout:failed')).code, 'load_failed');
  // The card is still there and pays.
  await checkout(page).getByRole('button', { name: /Card/ }).click();
  await cardFields(page).fill('4242 4242 4242 4242');
  await checkout(page).getByRole('button', { name: `Pay ${CARD_TOTAL}` }).click();
  await heard(page, 'checkout:paid');
  // Konbini again (asked again, refused again), then Try again once the shop answers: the form in yen.
  await checkout(page).getByRole('button', { name: /Konbini/ }).click();
  await checkout(page).getByRole('alert').filter({ hasText: 'This cart cannot be paid for' }).waitFor();
  assert.equal(yenAsks.length, 2);
  refuse = false;
  await checkout(page).getByRole('button', { name: 'Try again' }).click();
  await checkout(page).getByRole('button', { name: YEN_PAY }).waitFor();
  assert.equal(yenAsks.length, 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an unknown product in the handed-in cart is refused and said, with checkout:failed', async () => {
  const { page } = await openHostPage({ variant: 'unknown-product' });
  const failed = await heard(page, 'checkout:failed');
  assert.equal(failed.code, 'load_failed');
  assert.match(failed.message, /Unknown product: no-such-thing/);
  await checkout(page).getByRole('alert').filter({ hasText: /Unknown product: no-such-thing/ }).waitFor();
  await page.close();
});

test('bad data-* attributes are said in the element and the console, never a blank box', async () => {
  const { page } = await openHostPage({ variant: 'bad-cart' });
  const failed = await heard(page, 'checkout:failed');
  assert.equal(failed.code, 'invalid_embed_options');
  assert.match(failed.message, /data-cart must be JSON/);
  await checkout(page).getByRole('alert').filter({ hasText: /data-cart must be JSON/ }).waitFor();
  await page.close();
});

test('styles stay apart: the host\'s rules do not reach the checkout, the checkout\'s do not leak out', async () => {
  const { page } = await openHostPage();
  await heard(page, 'checkout:ready');
  const pay = checkout(page).getByRole('button', { name: `Pay ${CARD_TOTAL}` });
  const style = (locator, ...names) => locator.evaluate((el, names) => {
    const s = getComputedStyle(el);
    return Object.fromEntries(names.map((n) => [n, s.getPropertyValue(n)]));
  }, names);
  // The host styles every button, h2 and .page; the checkout's keep their own look.
  assert.deepEqual(await style(pay, 'text-transform', 'letter-spacing', 'background-color'),
    { 'text-transform': 'none', 'letter-spacing': 'normal', 'background-color': 'rgb(10, 124, 89)' }, 'the host\'s colorPrimary, not its button rule');
  assert.deepEqual(await style(checkout(page).locator('h2').first(), 'font-size'), { 'font-size': '18px' });
  assert.deepEqual(await style(checkout(page).locator('.page'), 'border-top-style', 'box-sizing'),
    { 'border-top-style': 'none', 'box-sizing': 'border-box' }, 'the checkout\'s own `*` rule survives its reset');
  // The checkout's rules (`a`, `h2`, `*`, its design tokens) stay inside it.
  assert.deepEqual(await style(page.locator('header a').first(), 'color'), { color: 'rgb(255, 210, 138)' });
  assert.deepEqual(await style(page.locator('body'), 'font-family', 'background-color'),
    { 'font-family': 'Georgia, serif', 'background-color': 'rgb(251, 247, 240)' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-primary')), '');
  await page.close();
});

test('the embed passes axe-core: the form, validation errors, paid', async () => {
  const { page, errors } = await openHostPage();
  await heard(page, 'checkout:ready');
  const violations = () => axeViolations(page, '#checkout');
  assert.deepEqual(await violations(), [], 'empty form');
  await checkout(page).getByRole('button', { name: `Pay ${CARD_TOTAL}` }).click();
  await cardFields(page).frame.getByText(/incomplete/i).first().waitFor();
  assert.deepEqual(await violations(), [], 'validation errors');
  await cardFields(page).fill('4242 4242 4242 4242');
  await checkout(page).getByRole('button', { name: `Pay ${CARD_TOTAL}` }).click();
  await checkout(page).getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.deepEqual(await violations(), [], 'paid');
  await checkout(page).getByRole('button', { name: /Konbini/ }).click();
  await checkout(page).getByRole('button', { name: YEN_PAY }).waitFor();
  assert.deepEqual(await violations(), [], 'konbini form');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the whole card payment with the keyboard only: Tab, typing and Enter, no clicks', async () => {
  const { page, errors } = await openHostPage();
  await heard(page, 'checkout:ready');
  // From the top of the host page, Tab until the card number field has the focus.
  const number = cardFields(page).number;
  for (let i = 0; !(await number.evaluate((el) => el === document.activeElement && document.hasFocus())); i += 1) {
    assert.ok(i < 40, 'the card number field is reachable with Tab');
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('4242424242424242');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1234');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  // On to the Pay button, and Enter.
  const pay = checkout(page).getByRole('button', { name: `Pay ${CARD_TOTAL}` });
  for (let i = 0; !(await pay.evaluate((el) => el === document.activeElement)); i += 1) {
    assert.ok(i < 20, 'the Pay button is reachable with Tab');
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  const paid = await heard(page, 'checkout:paid');
  assert.equal(paid.amount, 3997);
  // The focus lands on the result, where the keyboard user goes on from.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2' && document.activeElement.textContent === 'Payment succeeded');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a redirect-based 3-D Secure challenge comes back to the host page, which shows the result and hears checkout:paid', async () => {
  const { page, errors } = await openHostPage();
  await heard(page, 'checkout:ready');
  await cardFields(page).fill('4000 0027 6000 3184');
  await checkout(page).getByRole('button', { name: `Pay ${CARD_TOTAL}` }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/three_d_secure/'));
  await page.getByRole('button', { name: 'Complete' }).click();
  // Stripe's return_url is the host page itself (no data-return-url): the same path, Stripe's query.
  await page.waitForURL((url) => url.origin === host && url.pathname === '/' && url.searchParams.has('payment_intent_client_secret'));
  await checkout(page).getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  assert.match(await checkout(page).locator('.payment-result').innerText(), /We received your payment of \$39\.97/);
  const paid = await heard(page, 'checkout:paid');
  assert.equal(paid.amount, 3997);
  assert.match(paid.orderId, /\S/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('data-locale="ja": the embed in Japanese, on its element only, and axe-core finds nothing', async () => {
  const { page, errors } = await openHostPage({ variant: 'japanese' });
  const languages = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/cart')) languages.push(request.headers()['accept-language']);
  });
  await heard(page, 'checkout:ready');
  // The browser speaks English; the embed asks the server in its own language (refusals in Japanese).
  assert.deepEqual(languages, ['ja']);
  assert.equal(await checkout(page).getAttribute('lang'), 'ja');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the host page keeps its own language');
  await checkout(page).getByRole('heading', { name: 'ご注文内容' }).waitFor();
  const pay = checkout(page).getByRole('button', { name: `${CARD_TOTAL} を支払う` });
  const violations = () => axeViolations(page, '#checkout');
  assert.deepEqual(await violations(), [], 'empty form');
  await pay.click();
  // Stripe's Element speaks the embed's language too (the stand-in as Stripe.js).
  await cardFields(page).frame.getByText('カード番号が不完全です。').waitFor();
  assert.deepEqual(await violations(), [], 'validation errors');
  await cardFields(page).fill('4000 0000 0000 0002');
  await pay.click();
  await checkout(page).locator('.payment-error').filter({ hasText: 'カードが拒否されました。' }).waitFor();
  assert.deepEqual(await violations(), [], 'declined');
  await cardFields(page).fill('4242 4242 4242 4242');
  await pay.click();
  await checkout(page).getByRole('heading', { name: 'お支払いが完了しました' }).waitFor();
  assert.deepEqual(await violations(), [], 'paid');
  await checkout(page).getByRole('button', { name: 'コンビニ（日本円）' }).click();
  await checkout(page).getByRole('button', { name: /￥5,100 をコンビニで支払う/ }).waitFor();
  assert.deepEqual(await violations(), [], 'konbini form');
  assert.deepEqual(errors, []);
  await page.close();
});

test('data-locale="ja" before the configuration: a failure to load is said in Japanese, and Try again loads', async () => {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  let refuse = true;
  await page.route('**/api/config*', (route) => refuse
    ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"type":"api_error","message":"down"}}' })
    : route.continue());
  await page.goto(`${host}/japanese.html`);
  const failure = checkout(page).getByRole('alert');
  await failure.getByRole('heading', { name: 'お支払い画面を読み込めませんでした' }).waitFor();
  assert.equal(await checkout(page).getAttribute('lang'), 'ja');
  assert.deepEqual(await axeViolations(page, '#checkout'), [], 'the failure, in Japanese');
  refuse = false;
  await failure.getByRole('button', { name: 'もう一度試す' }).click();
  await checkout(page).getByRole('heading', { name: 'ご注文内容' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

/** The messages the parent page was posted. */
async function posted(page) {
  return page.locator('#messages li').evaluateAll((items) => items.map((li) => JSON.parse(li.textContent)));
}

test('inside an iframe, the events are also posted to data-parent-origin, and to no other', async () => {
  const page = await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(`${parentOrigin}/parent.html?child=${encodeURIComponent(`${host}/framed.html`)}`);
  const shop = page.frameLocator('iframe[title="Shop"]');
  await shop.locator('#order-events li[data-event="checkout:ready"]').waitFor();
  await cardFields(shop).fill('4242 4242 4242 4242');
  await shop.getByRole('button', { name: `Pay ${CARD_TOTAL}` }).click();
  await shop.locator('#order-events li[data-event="checkout:paid"]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#messages li').length >= 2);
  const messages = await posted(page);
  assert.deepEqual(messages.map((m) => m.data.type), ['checkout:ready', 'checkout:paid']);
  assert.ok(messages.every((m) => m.origin === host), 'posted by the framed shop page');
  assert.equal(messages[1].data.detail.amount, 3997);
  assert.match(messages[1].data.detail.orderId, /\S/);
  assert.deepEqual(errors, []);

  // A parent of another origin than data-parent-origin hears nothing, while the host page does.
  await page.goto(`${parentOrigin}/parent.html?child=${encodeURIComponent(`${host}/framed-elsewhere.html`)}`);
  await shop.locator('#order-events li[data-event="checkout:ready"]').waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await posted(page), []);
  await page.close();
});
