// The release artefact (scripts/release.sh: the release checkout-server beside its dist/) as a
// shop runs it: it is a release build, answers the probes, serves the checkout that a shopper
// pays with 4242 in Chromium, and its metrics count that payment and its webhook. Every other
// e2e file runs against the same artefact when CHECKOUT_RELEASE_DIR names it (scripts/test.sh).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RELEASE_DIR, SERVER_BIN, openCheckout, payAndWait, startStack } from './harness.mjs';

const skip = !RELEASE_DIR && 'no release artefact: run scripts/release.sh and set CHECKOUT_RELEASE_DIR (scripts/test.sh does)';
const TOKEN = 'e2e-metrics-token-0123456789';

let stack;
before(async () => {
  if (!skip) stack = await startStack({ serverEnv: { CHECKOUT_METRICS_TOKEN: TOKEN, CHECKOUT_LOG_FORMAT: 'json' } });
});
after(async () => { await stack?.stop(); });

/** The value of `name{labels}` (labels in any order) in Prometheus' text; 0 when absent. */
function metric(text, name, labels = {}) {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  for (const line of text.split('\n')) {
    const match = line.match(/^([a-z_]+)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const found = [...(match[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]).sort();
    if (JSON.stringify(found) === wanted) return Number(match[3]);
  }
  return 0;
}

async function scrape() {
  const response = await fetch(`${stack.server}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  return response.text();
}

test('the artefact is a release build of the server beside its app, and answers the probes', { skip }, async () => {
  assert.equal(SERVER_BIN, path.join(RELEASE_DIR, 'checkout-server'));
  for (const page of ['index.html', 'konbini/index.html', 'complete/index.html']) {
    assert.ok(existsSync(path.join(RELEASE_DIR, 'dist', page)), page);
  }
  assert.match(readFileSync(path.join(RELEASE_DIR, 'BUILD'), 'utf8'), /^checkout-server \d+\.\d+\.\d+\ncommit /);

  const health = await fetch(`${stack.server}/healthz`);
  assert.deepEqual([health.status, await health.json()], [200, { status: 'ok' }]);
  const ready = await (await fetch(`${stack.server}/readyz`)).json();
  assert.equal(ready.status, 'ready', JSON.stringify(ready));
  assert.deepEqual(ready.checks, { database: 'ok', migrations: 'ok', stripe: 'ok: test mode, the stand-in' });

  const refused = await fetch(`${stack.server}/metrics`);
  assert.equal(refused.status, 401, 'the token guards the metrics');
  assert.equal((await refused.json()).error.type, 'invalid_request_error');
  assert.equal(metric(await scrape(), 'checkout_build_info', { version: '0.1.0', profile: 'release' }), 1);
});

test('a 4242 payment in Chromium through the artefact is counted: confirm, Stripe call, webhook, order', { skip }, async () => {
  const before = await scrape();
  const { page, errors } = await openCheckout(stack);
  const confirmed = page.waitForResponse('**/api/checkout/confirm');
  const paymentIntent = await payAndWait(page);
  const answer = await confirmed;
  assert.match(answer.headers()['x-request-id'], /^req_\w{20}$/, 'the answer names its request');
  await page.locator('[data-testid="order-status"][data-status="paid"]').waitFor();
  assert.match(paymentIntent, /^pi_/);
  assert.deepEqual(errors, []);
  await page.close();

  const after = await scrape();
  const moved = (name, labels) => metric(after, name, labels) - metric(before, name, labels);
  assert.equal(moved('checkout_confirms_total', { outcome: 'succeeded' }), 1);
  assert.equal(moved('checkout_stripe_requests_total', { endpoint: 'POST /v1/payment_intents', status: '200' }), 1);
  assert.equal(moved('checkout_webhook_events_total', { type: 'payment_intent.succeeded', outcome: 'applied' }), 1);
  assert.equal(metric(after, 'checkout_orders', { method: 'card', status: 'paid' }), 1);
  assert.ok(moved('checkout_http_requests_total', { route: '/', method: 'GET', status: '200' }) >= 1, 'the page was served');
});
