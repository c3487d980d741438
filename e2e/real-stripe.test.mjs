// Opt-in: the bindings against Stripe's real Stripe.js, with real test keys. Skipped unless
// STRIPE_PUBLISHABLE_KEY is a pk_test_ key and js.stripe.com answers from this machine (CI and
// the offline stand-in never reach Stripe). Runs the checkout page (our bindings and
// components) with Stripe.js from js.stripe.com: Elements are created, the Payment Element
// mounts, an empty form is refused with Stripe's own validation_error at the field, and a test
// card gives a real ConfirmationToken (captured on its way to our server; with
// STRIPE_SECRET_KEY set too, the server confirms it at Stripe).
//
//   STRIPE_PUBLISHABLE_KEY=pk_test_... [STRIPE_SECRET_KEY=sk_test_...] node --test e2e/real-stripe.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cardFields, payButton, startStack } from './harness.mjs';

const STRIPE_JS = 'https://js.stripe.com/endive/stripe.js';
const publishable = process.env.STRIPE_PUBLISHABLE_KEY ?? '';
const secret = process.env.STRIPE_SECRET_KEY ?? '';

async function reachable(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return response.ok;
  } catch {
    return false;
  }
}

const skip = !publishable.startsWith('pk_test_')
  ? 'STRIPE_PUBLISHABLE_KEY is not a pk_test_ key'
  : !(await reachable(STRIPE_JS)) ? `${STRIPE_JS} is not reachable from here` : false;

let stack;
before(async () => {
  if (skip) return;
  stack = await startStack({
    serverEnv: {
      STRIPE_PUBLISHABLE_KEY: publishable,
      // Without a secret key the confirm is intercepted below; the server never calls Stripe.
      STRIPE_SECRET_KEY: secret.startsWith('sk_test_') ? secret : 'sk_test_unused_by_this_test',
      STRIPE_JS_URL: STRIPE_JS,
      STRIPE_API_BASE: 'https://api.stripe.com',
    },
  });
});
after(async () => { await stack?.stop(); });

test('real Stripe.js: the Payment Element mounts, refuses an empty form, and makes a ConfirmationToken from a test card', { skip }, async () => {
  const page = await stack.browser.newPage();
  let confirm = null;
  if (!secret.startsWith('sk_test_')) {
    await page.route('**/api/checkout/confirm', async (route) => {
      confirm = JSON.parse(route.request().postData());
      await route.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ error: { type: 'api_error', message: 'not confirmed by this test' } }) });
    });
  }
  await page.goto(stack.server);
  const card = cardFields(page);
  await card.number.waitFor({ timeout: 30_000 });
  const pay = payButton(page);
  await pay.click();
  // Stripe's own validation, shown by its iframe at the field.
  await card.frame.getByText(/Your card number is incomplete/).waitFor();
  assert.equal(confirm, null, 'nothing reaches the server before the form is complete');

  await card.fill('4242 4242 4242 4242', '12 / 34', '123');
  const zip = card.frame.getByLabel(/ZIP|Postal/);
  if (await zip.count()) await zip.fill('94107');
  await pay.click();
  if (secret.startsWith('sk_test_')) {
    await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor({ timeout: 30_000 });
  } else {
    await page.waitForFunction(() => document.querySelector('.payment-error')?.textContent !== '', null, { timeout: 30_000 });
    assert.match(confirm?.confirmationTokenId ?? '', /^ctoken_/, JSON.stringify(confirm));
  }
  await page.close();
});
