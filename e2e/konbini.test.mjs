// Konbini in Chromium: the yen cart, the form in the shopper's language and its rules, confirmKonbiniPayment
// with Stripe.js's instructions modal, the instructions page with the live status, every test
// email and confirmation number on the stand-in's clock, rate limits and outages, cancel and a
// new voucher.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, watchForPageErrors } from './harness.mjs';

let stack;
let context;
before(async () => {
  stack = await startStack({ serverEnv: { CHECKOUT_STATUS_POLL_SECONDS: '1' } });
  // A shopper outside Japan: the deadline also shows in their own time.
  context = await stack.browser.newContext({ timezoneId: 'America/New_York', locale: 'ja-JP' });
});
after(async () => { await stack?.stop(); });

// Intl's Japanese money: the full-width yen sign.
const PAY = /￥6,900 をコンビニで支払う/;
const instructionsModal = (page) => page.frameLocator('iframe[title="Konbini payment instructions"]');

async function open() {
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(`${stack.server}/konbini`);
  await page.getByRole('button', { name: PAY }).waitFor();
  return { page, errors };
}

async function fill(page, { name = '山田 花子', email = 'hanako@example.jp', phone = '' } = {}) {
  await page.getByLabel('お名前', { exact: true }).fill(name);
  await page.getByLabel('メールアドレス', { exact: true }).fill(email);
  await page.getByLabel('電話番号（任意）', { exact: true }).fill(phone);
}

/** Pays, closes Stripe's instructions, and returns the page's status line. */
async function payAndCloseInstructions(page, details) {
  await fill(page, details);
  await page.getByRole('button', { name: PAY }).click();
  await instructionsModal(page).getByRole('button', { name: '閉じる Close' }).click();
  await page.getByRole('heading', { name: /お支払い方法のご案内/ }).waitFor();
  return page.getByRole('status').filter({ hasText: /お支払い|payment/i }).first();
}

async function latestIntent() {
  const [intent] = await stack.stripe.list('payment_intents');
  return intent;
}

const WAITING = 'お支払いをお待ちしています';
const PAID = 'お支払いが完了しました';
const EXPIRED = 'お支払い期限が過ぎた';

test('the cart is priced in yen, zero-decimal', async () => {
  const { page, errors } = await open();
  assert.equal(await page.getByTestId('order-total').innerText(), '￥6,900');
  // A Japanese browser (this file's context) gets the page's shared words in Japanese.
  assert.match(await page.getByRole('region', { name: 'ご注文内容' }).innerText(), /2 × ￥1,800/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the form says what to fix before anything is sent', async () => {
  const { page } = await open();
  const before = (await stack.stripe.list('payment_intents')).length;
  await page.getByRole('button', { name: PAY }).click();
  await page.getByText('お名前を入力してください。').waitFor();
  await page.getByText('メールアドレスを入力してください。').waitFor();
  await fill(page, { email: 'hanako@', phone: '000-0000-0000' });
  await page.getByText('メールアドレスの形式が正しくありません。').waitFor();
  await page.getByText('この番号は確認番号として使えません。').waitFor();
  await fill(page, { phone: '090-1234' });
  await page.getByText('電話番号は10桁または11桁で入力してください').waitFor();
  assert.equal(await page.getByLabel('電話番号（任意）', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal((await stack.stripe.list('payment_intents')).length, before, 'nothing sent: 00000000000 never reaches Stripe');

  // Names are noted, not refused: the store prints 20 characters of Shift JIS.
  await fill(page, { name: '髙橋 一二三四五六七八九十一二三四五六七八九' });
  await page.getByText(/「髙」は店頭で表示できないため/).waitFor();
  await page.getByText(/最初の20文字/).waitFor();
  await page.close();
});

test('paying shows Stripe\'s instructions, then ours with the deadline in JST and local time, then the payment arriving', async () => {
  const { page, errors } = await open();
  await fill(page, { phone: '090-1234-5678' });
  await page.getByRole('button', { name: PAY }).click();
  // Stripe.js's modal, as Stripe's: stores, codes, deadline.
  const modal = instructionsModal(page);
  await modal.getByText('コンビニでのお支払い方法').waitFor();
  assert.match(await modal.locator('#stores').innerText(), /ローソン Lawson/);
  await modal.getByRole('button', { name: '閉じる Close' }).click();

  const status = page.locator('.konbini-status');
  await page.getByText(WAITING).waitFor();
  const intent = await latestIntent();
  assert.equal(intent.currency, 'jpy');
  assert.equal(intent.amount, 6900);
  const details = intent.next_action.konbini_display_details;
  const rows = page.locator('table.stores tbody tr');
  assert.equal(await rows.count(), 4);
  assert.match(await page.locator('tr[data-store="FamilyMart"]').innerText(), /^ファミリーマート/);
  assert.match(await page.locator('tr[data-store="FamilyMart"]').innerText(), new RegExp(`${details.stores.familymart.payment_code}\\s+09012345678`));

  const jst = new Date((details.expires_at + 9 * 3600) * 1000);
  const expected = `${jst.getUTCFullYear()}年${jst.getUTCMonth() + 1}月${jst.getUTCDate()}日`;
  assert.match(await page.getByTestId('expires-jst').innerText(), new RegExp(`${expected}\\(.\\) 23:59 \\(日本時間 JST\\)`));
  assert.match(await page.getByTestId('expires-local').innerText(), new RegExp(`${expected}\\(.\\) 09:59 GMT-5$`), 'New York, 14 hours behind JST');
  assert.equal(await page.getByRole('link', { name: /払込票を表示/ }).getAttribute('href'), details.hosted_voucher_url);

  // Three minutes later the stand-in has the payment; the page learns it without a reload.
  assert.equal(await page.getByTestId('order-status').getAttribute('data-status'), 'requires_action', 'the webhook said: awaiting payment');
  await stack.stripe.advance(181);
  await page.getByText(PAID).waitFor();
  assert.equal(await status.getAttribute('data-status'), 'succeeded');
  await page.locator('[data-testid="order-status"][data-status="paid"]').waitFor();
  assert.equal(await page.locator('table.stores').count(), 0);
  assert.equal((await latestIntent()).status, 'succeeded');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [label, details, wait, shows] of [
  ['succeed_immediately@', { email: 'hanako+succeed_immediately@example.jp' }, 0, PAID],
  ['expire_immediately@', { email: 'hanako+expire_immediately@example.jp' }, 0, EXPIRED],
  ['expire_with_delay@ (waiting)', { email: 'hanako+expire_with_delay@example.jp' }, 0, WAITING],
  ['expire_with_delay@ after 3 minutes', { email: 'hanako+expire_with_delay@example.jp' }, 181, EXPIRED],
  ['fill_never@ after 3 minutes', { email: 'hanako+fill_never@example.jp' }, 181, WAITING],
  ['11111111110 after 3 minutes', { phone: '11111111110' }, 181, PAID],
  ['22222222220', { phone: '22222222220', email: 'hanako+expire_immediately@example.jp' }, 0, PAID],
  ['33333333330', { phone: '33333333330' }, 0, EXPIRED],
  ['44444444440 after 3 minutes', { phone: '44444444440' }, 181, EXPIRED],
  ['55555555550 after 3 minutes', { phone: '55555555550' }, 181, WAITING],
]) {
  test(`test value ${label}: ${shows}`, async () => {
    const { page } = await open();
    await payAndCloseInstructions(page, details);
    if (wait) await stack.stripe.advance(wait);
    await page.getByText(shows).waitFor();
    // The status is the stand-in's: a waiting payment is asked again and still waits; a paid
    // or expired one is final at the stand-in, so the page has nothing left to ask.
    const expected = { [PAID]: 'succeeded', [EXPIRED]: 'requires_payment_method', [WAITING]: 'requires_action' }[shows];
    assert.equal((await latestIntent()).status, expected);
    if (shows === WAITING) await page.waitForResponse((r) => r.url().includes('/api/konbini/payments/'));
    assert.match(await page.locator('.konbini-status').innerText(), new RegExp(shows));
    await page.close();
  });
}

test('01234567890 is rejected by Stripe, shown at the phone field, and the form stays usable', async () => {
  const { page } = await open();
  await fill(page, { phone: '01234567890' });
  await page.getByRole('button', { name: PAY }).click();
  await page.getByText('この番号は現在、確認番号として使えません。').waitFor();
  assert.equal(await page.getByLabel('電話番号（任意）', { exact: true }).getAttribute('aria-invalid'), 'true');
  await page.getByLabel('電話番号（任意）', { exact: true }).fill('');
  await page.getByRole('button', { name: PAY }).click();
  await instructionsModal(page).getByRole('button', { name: '閉じる Close' }).click();
  await page.getByText(WAITING).waitFor();
  await page.close();
});

/** Counts the confirmations Stripe.js sends, and when. */
function countConfirms(page) {
  const times = [];
  page.on('request', (r) => { if (r.method() === 'POST' && /\/v1\/payment_intents\/[^/]+\/confirm$/.test(r.url())) times.push(Date.now()); });
  return times;
}

test('a rate limit is retried with backoff and then goes through', async () => {
  await stack.stripe.fault({ path: '/v1/payment_intents/*/confirm', status: 429, type: 'rate_limit_error',
    code: 'payment_method_rate_limit_exceeded', message: 'Too many konbini requests', count: 2 });
  const { page } = await open();
  const confirms = countConfirms(page);
  await payAndCloseInstructions(page, {});
  await page.getByText(WAITING).waitFor();
  assert.equal(confirms.length, 3, 'two refusals, then the confirmation that went through');
  assert.ok(confirms[2] - confirms[1] > confirms[1] - confirms[0], 'waiting longer each time');
  await page.close();
});

test('a rate limit that does not pass offers another way to pay', async () => {
  await stack.stripe.fault({ path: '/v1/payment_intents/*/confirm', status: 429, type: 'rate_limit_error',
    code: 'payment_method_rate_limit_exceeded', message: 'Too many konbini requests', count: 4 });
  const { page } = await open();
  const confirms = countConfirms(page);
  await fill(page);
  await page.getByRole('button', { name: PAY }).click();
  await page.getByText('コンビニ決済が混み合っています。').waitFor();
  assert.equal(await page.getByRole('link', { name: 'カードで支払う', exact: true }).getAttribute('href'), '/');
  assert.equal(await page.getByRole('button', { name: PAY }).isEnabled(), true);
  assert.equal(confirms.length, 4, 'bounded: the first try and three retries');
  await page.close();
});

test('konbini being unavailable says so and offers cards or later', async () => {
  await stack.stripe.fault({ path: '/v1/payment_intents/*/confirm', status: 400, type: 'invalid_request_error',
    code: 'payment_method_not_available', message: 'Konbini is not available right now', count: 1 });
  const { page } = await open();
  await fill(page);
  await page.getByRole('button', { name: PAY }).click();
  await page.getByText('コンビニ決済は現在ご利用いただけません。').waitFor();
  await page.getByRole('link', { name: 'カードで支払う', exact: true }).waitFor();
  await page.close();
});

test('a pending payment can be cancelled from the instructions', async () => {
  const { page } = await open();
  await payAndCloseInstructions(page, {});
  await page.getByText(WAITING).waitFor();
  await page.getByRole('button', { name: 'キャンセル', exact: true }).click();
  await page.getByText('お支払いはキャンセルされました。').waitFor();
  assert.equal((await latestIntent()).status, 'canceled');
  // Moving the clock settles what is due at once: nothing is.
  await stack.stripe.advance(181);
  assert.equal((await latestIntent()).status, 'canceled', 'a cancelled payment is never paid');
  // Paying again starts from the form, in place, with a new payment.
  await page.getByRole('button', { name: 'もう一度コンビニで支払う' }).click();
  await page.getByLabel('お名前', { exact: true }).waitFor();
  await payAndCloseInstructions(page, {});
  await page.getByText(WAITING).waitFor();
  const [newest, cancelled] = await stack.stripe.list('payment_intents');
  assert.equal(newest.status, 'requires_action', 'a new payment');
  assert.equal(cancelled.status, 'canceled', 'the cancelled one left alone');
  await page.close();
});

test('a browser in English gets the konbini page in English, its money and dates written by Intl', async () => {
  const english = await stack.browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
  const page = await english.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(`${stack.server}/konbini`);
  const pay = page.getByRole('button', { name: 'Pay ¥6,900 at a konbini' });
  await pay.waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('heading', { name: 'Pay at a convenience store' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Hanako Yamada');
  await page.getByLabel('Email', { exact: true }).fill('hanako@example.jp');
  await pay.click();
  await instructionsModal(page).getByRole('button', { name: '閉じる Close' }).click();
  await page.getByRole('heading', { name: 'How to pay at the store' }).waitFor();
  await page.getByText('Waiting for your payment at the store.').waitFor();
  assert.match(await page.getByTestId('expires-jst').innerText(), /^\w{3}, \w+ \d{1,2}, \d{4} at 11:59 PM \(Japan time, JST\)$/);
  assert.match(await page.getByTestId('expires-local').innerText(), /at 09:59 AM EST$/);
  assert.match(await page.locator('table.stores').innerText(), /FamilyMart/);
  assert.doesNotMatch(await page.locator('main').innerText(), /[\u3040-\u30ff]/, 'no Japanese left on the page');
  assert.deepEqual(errors, []);
  await english.close();
});

test('a new voucher replaces the old one, and the shopper is told the old one is void', async () => {
  const { page } = await open();
  await payAndCloseInstructions(page, {});
  const firstUrl = (await latestIntent()).next_action.konbini_display_details.hosted_voucher_url;
  await page.getByRole('button', { name: '払込票を再発行' }).click();
  await instructionsModal(page).getByRole('button', { name: '閉じる Close' }).click();
  await page.getByText('新しい払込票を発行しました。以前の払込票とお支払い番号は使えません。').waitFor();
  const secondUrl = (await latestIntent()).next_action.konbini_display_details.hosted_voucher_url;
  assert.notEqual(secondUrl, firstUrl);
  assert.equal(await page.getByRole('link', { name: /払込票を表示/ }).getAttribute('href'), secondUrl);
  const old = await context.newPage();
  await old.goto(firstUrl);
  await old.getByText('この払込票は無効です。').waitFor();
  await old.close();
  await page.close();
});
