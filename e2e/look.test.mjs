// Theme and layout come from the server's configuration and reach both Stripe's Elements and
// the page's own style.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, payButton } from './harness.mjs';

let stack;
before(async () => { stack = await startStack({ serverEnv: { CHECKOUT_THEME: 'night', CHECKOUT_LAYOUT: 'accordion' } }); });
after(async () => { await stack?.stop(); });

test('the night theme and accordion layout reach Elements and the page', async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.server}/`);
  await payButton(page).waitFor();
  const pageStyle = await page.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    return { surface: root.getPropertyValue('--color-surface').trim(), theme: document.documentElement.dataset.theme };
  });
  assert.deepEqual(pageStyle, { surface: '#30313d', theme: 'night' });
  const card = await page.locator('.payment').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(card, 'rgb(48, 49, 61)');

  // The Element's document may still be loading when the page's button shows.
  await page.frameLocator('iframe[title="Secure payment input frame"]').locator('#method').waitFor({ state: 'attached' });
  const frame = page.frames().find((f) => f.url().includes('/elements/payment'));
  const inside = await frame.evaluate(() => ({
    background: getComputedStyle(document.documentElement).getPropertyValue('--colorBackground').trim(),
    layout: document.getElementById('method').dataset.layout,
  }));
  assert.deepEqual(inside, { background: '#30313d', layout: 'accordion' });
  await page.close();
});
