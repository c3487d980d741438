// Accessibility as axe-core judges it (@axe-core/playwright, WCAG 2.1 A and AA rules), on every
// page and state a shopper meets: the card checkout empty, with validation errors, processing,
// with the 3-D Secure modal open, declined and paid; the konbini page empty, with its form's
// errors and with the payment's instructions. Stripe's frames (the stand-in's) are analysed too,
// as axe does by default: what the shopper's assistive technology reads is the whole page.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations as violations, cardFields, openCheckout, payButton, startStack, watchForPageErrors } from './harness.mjs';

let stack;
before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });

/** The card checkout with its extras (signing in, the discount code) in place. */
async function checkout() {
  const { page, errors } = await openCheckout(stack);
  await page.getByLabel('Discount code').and(page.locator(':enabled')).waitFor();
  return { page, errors };
}

test('the card checkout: empty, with validation errors, processing, declined', async () => {
  const { page, errors } = await checkout();
  // axe sees what is wrong on this page: a field without a label, planted and then removed.
  await page.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input id="planted">'));
  assert.ok((await violations(page)).some((v) => v.startsWith('label ') && v.includes('#planted')), 'a planted violation is found');
  await page.evaluate(() => document.getElementById('planted').remove());
  assert.deepEqual(await violations(page), [], 'empty form');

  await payButton(page).click();
  await cardFields(page).frame.getByText(/incomplete/i).first().waitFor();
  assert.deepEqual(await violations(page), [], 'validation errors');

  // Processing: the confirm held until axe has looked.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/api/checkout/confirm', async (route) => { await held; await route.continue(); });
  await cardFields(page).fill('4000 0000 0000 0002');
  await payButton(page).click();
  await page.getByRole('button', { name: 'Processing…' }).waitFor();
  assert.deepEqual(await violations(page), [], 'processing');
  release();
  await page.locator('.payment-error').filter({ hasText: /declined/i }).waitFor();
  assert.deepEqual(await violations(page), [], 'declined');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the card checkout: the 3-D Secure modal open, then paid', async () => {
  const { page, errors } = await checkout();
  await cardFields(page).fill('4000 0025 0000 3155');
  await payButton(page).click();
  const modal = page.frameLocator('iframe[title="Stripe 3D Secure authentication"]');
  await modal.getByRole('button', { name: 'Complete' }).waitFor();
  assert.deepEqual(await violations(page), [], '3-D Secure modal');
  await modal.getByRole('button', { name: 'Complete' }).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  await page.locator('[data-testid="order-status"][data-status="paid"]').waitFor();
  assert.deepEqual(await violations(page), [], 'paid');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [locale, words] of [
  ['en-US', { pay: /^Pay ¥[\d,]+ at a konbini$/, name: 'Name', email: 'Email', heading: 'How to pay at the store' }],
  ['ja-JP', { pay: /をコンビニで支払う/, name: 'お名前', email: 'メールアドレス', heading: 'お支払い方法のご案内' }],
]) {
  test(`the konbini page in ${locale}: empty, with its form's errors, and with the instructions`, async () => {
    const context = await stack.browser.newContext({ locale });
    const page = await context.newPage();
    const errors = watchForPageErrors(page);
    await page.goto(`${stack.server}/konbini`);
    const pay = page.getByRole('button', { name: words.pay });
    await pay.waitFor();
    assert.deepEqual(await violations(page), [], 'empty form');
    await pay.click();
    await page.locator('.konbini-field .field-error').first().waitFor();
    assert.deepEqual(await violations(page), [], 'form errors');
    await page.getByLabel(words.name, { exact: true }).fill('山田 花子');
    await page.getByLabel(words.email, { exact: true }).fill('hanako@example.jp');
    await pay.click();
    const instructions = page.frameLocator('iframe[title="Konbini payment instructions"]');
    await instructions.getByRole('button', { name: '閉じる Close' }).click();
    await page.getByRole('heading', { name: words.heading }).waitFor();
    assert.deepEqual(await violations(page), [], 'instructions');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
