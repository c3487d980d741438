// The checkout in the shopper's language: English, or Japanese for a browser that prefers it
// (Accept-Language), or as a page asks (`?lang=`). Its own words come from the server's
// catalogue with the configuration; Stripe's Elements are told the same locale; the document
// says its language; axe-core finds nothing in Japanese either.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations as violations, cardFields, startStack, watchForPageErrors } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

async function open(locale, path = '/') {
  const context = await stack.browser.newContext({ locale });
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(`${stack.server}${path}`);
  return { page, errors, context };
}

/** The locale the Payment Element's frame was created with (the stand-in's frame URL carries
 *  the Elements options, as Stripe's does its own). */
async function elementsLocale(page) {
  const src = await page.locator('iframe[title="Secure payment input frame"]').getAttribute('src');
  return JSON.parse(decodeURIComponent(new URL(src).hash.slice(1))).group.locale;
}

test('a Japanese browser gets the card checkout in Japanese, Stripe told the same, and pays', async () => {
  const { page, errors, context } = await open('ja-JP');
  const pay = page.getByRole('button', { name: '$50.98 を支払う' });
  await pay.waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  await page.getByRole('heading', { name: 'ご注文内容' }).waitFor();
  assert.match(await page.getByRole('region', { name: 'ご注文内容' }).innerText(), /合計\s+\$50\.98/);
  assert.equal(await elementsLocale(page), 'ja');
  // The Payment Element in Japanese too (the stand-in translates its Element as Stripe.js does).
  await cardFields(page).frame.getByText('カード番号', { exact: true }).waitFor();
  assert.equal(await cardFields(page).frame.locator('html').getAttribute('lang'), 'ja');
  assert.deepEqual(await violations(page), [], 'empty form, in Japanese');

  // Stripe's English decline, in the shopper's language.
  await cardFields(page).fill('4000 0000 0000 0002');
  await pay.click();
  await page.locator('.payment-error').filter({ hasText: 'カードが拒否されました。' }).waitFor();
  assert.deepEqual(await violations(page), [], 'declined, in Japanese');

  await cardFields(page).fill('4242 4242 4242 4242');
  await pay.click();
  await page.getByRole('heading', { name: 'お支払いが完了しました' }).waitFor();
  assert.match(await page.locator('.payment-result').innerText(), /金額: \$50\.98/);
  assert.deepEqual(await violations(page), [], 'paid, in Japanese');
  assert.deepEqual(errors, []);
  await context.close();
});

test('?lang= overrides the browser, and English is the default', async () => {
  const asked = await open('ja-JP', '/?lang=en');
  await asked.page.getByRole('button', { name: 'Pay $50.98' }).waitFor();
  assert.equal(await asked.page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await elementsLocale(asked.page), 'en');
  await asked.context.close();

  const french = await open('fr-FR');
  await french.page.getByRole('button', { name: 'Pay $50.98' }).waitFor();
  await french.page.getByRole('heading', { name: 'Order summary' }).waitFor();
  await french.context.close();

  const japanese = await open('en-US', '/?lang=ja');
  await japanese.page.getByRole('button', { name: '$50.98 を支払う' }).waitFor();
  await japanese.context.close();
});

test('the skeleton before the wasm runs is in the page\'s language too', async () => {
  for (const [locale, secure] of [['ja-JP', '安全なお支払い'], ['en-US', 'Secure checkout']]) {
    const response = await fetch(`${stack.server}/`, { headers: { 'accept-language': locale } });
    assert.match(response.headers.get('vary'), /accept-language/i);
    const html = await response.text();
    assert.ok(html.includes(`<span class="secure">${secure}</span>`), `${locale}: ${secure}`);
  }
  // The configuration's words follow the browser's languages too, and caches are told so.
  const config = await fetch(`${stack.server}/api/config`, { headers: { 'accept-language': 'fr-FR, ja;q=0.8' } });
  assert.match(config.headers.get('vary'), /accept-language/i);
  assert.equal((await config.json()).texts.Total, '合計');
});

test('the return page after a redirect speaks Japanese too', async () => {
  const { page, context } = await open('ja-JP');
  await page.getByRole('button', { name: '$50.98 を支払う' }).waitFor();
  await cardFields(page).fill('4000 0027 6000 3184');
  await page.getByRole('button', { name: '$50.98 を支払う' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/three_d_secure/'));
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.waitForURL((url) => url.pathname === '/complete');
  await page.getByRole('heading', { name: 'お支払いが完了しました' }).waitFor();
  assert.match(await page.locator('.payment-result').innerText(), /\$50\.98 のお支払いを受け付けました。/);
  assert.deepEqual(await violations(page), [], 'the return page, in Japanese');
  await context.close();
});

test('a language chosen with ?lang= stays through the links and Stripe\'s return_url', async () => {
  // An English browser that asked for Japanese.
  const { page, context, errors } = await open('en-US', '/?lang=ja');
  const pay = page.getByRole('button', { name: '$50.98 を支払う' });
  await pay.waitFor();
  const konbini = page.getByRole('link', { name: 'コンビニで支払う（日本円）' });
  assert.equal(await konbini.getAttribute('href'), '/konbini?lang=ja');
  assert.equal(await page.getByRole('link', { name: 'Ferris & Co.' }).getAttribute('href'), '/?lang=ja');
  // The redirect back from 3-D Secure keeps it: the result page in Japanese.
  await cardFields(page).fill('4000 0027 6000 3184');
  await pay.click();
  await page.waitForURL((url) => url.pathname.startsWith('/three_d_secure/'));
  await page.getByRole('button', { name: 'Complete' }).click();
  await page.waitForURL((url) => url.pathname === '/complete');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'ja');
  await page.getByRole('heading', { name: 'お支払いが完了しました' }).waitFor();
  // The konbini page that link opens is in Japanese for this English browser too.
  await page.goto(`${stack.server}/konbini?lang=ja`);
  await page.getByRole('button', { name: /￥6,900 をコンビニで支払う/ }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  assert.deepEqual(errors, []);
  await context.close();
});
