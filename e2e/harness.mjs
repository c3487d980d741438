// Starts the real stack for a test file: the Stripe stand-in and the checkout server (serving
// the Trunk-built dist/), each on a free loopback port, and Debian's Chromium via
// playwright-core. Each process is recorded and only those processes are stopped.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SECRET_KEY = 'sk_test_standin_e2e';
export const PUBLISHABLE_KEY = 'pk_test_standin_e2e';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url, child, name, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Fails when something already listens on `port`. */
export async function assertPortFree(port, why) {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
  } catch {
    return;
  }
  throw new Error(`port ${port} is in use; ${why}`);
}

function start(binary, env, name) {
  const child = spawn(path.join(ROOT, 'target', 'debug', binary), [], {
    cwd: ROOT,
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.name = name;
  return child;
}

/** The stand-in, the checkout server and a browser. Call `stop()` when done.
 *  `serverPort`: a fixed port for the server (default: a free one). */
export async function startStack({ serverPort } = {}) {
  const simPort = await freePort();
  serverPort ??= await freePort();
  const sim = `http://127.0.0.1:${simPort}`;
  const server = `http://127.0.0.1:${serverPort}`;
  const processes = [];
  const stop = async () => {
    await Promise.allSettled(processes.map((p) => p.browser?.close()));
    for (const child of processes.filter((p) => p.pid)) child.kill('SIGTERM');
  };
  try {
    const simProcess = start('stripe-sim', { STRIPE_SIM_ADDR: `127.0.0.1:${simPort}` }, 'stripe-sim');
    processes.push(simProcess);
    await waitFor(`${sim}/_sim/health`, simProcess, 'stripe-sim');
    const serverProcess = start('checkout-server', {
      CHECKOUT_ADDR: `127.0.0.1:${serverPort}`,
      CHECKOUT_DIST: path.join(ROOT, 'dist'),
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      STRIPE_API_BASE: sim,
      STRIPE_JS_URL: `${sim}/endive/stripe.js`,
    }, 'checkout-server');
    processes.push(serverProcess);
    await waitFor(`${server}/api/config`, serverProcess, 'checkout-server');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    processes.push({ browser });
    const track = (child) => processes.push(child);
    return { sim, server, browser, stop, track, stripe: stripeApi(sim) };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Reads what the stand-in holds, with a secret key, as a test of what Stripe would hold. */
function stripeApi(sim) {
  return {
    async list(resource) {
      const response = await fetch(`${sim}/v1/${resource}?limit=100`, { headers: { Authorization: `Bearer ${SECRET_KEY}` } });
      if (!response.ok) throw new Error(`GET /v1/${resource}: ${response.status}`);
      return (await response.json()).data;
    },
  };
}

/** The Payment Element's card fields, inside Stripe's cross-origin iframe. */
export function cardFields(page) {
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  return {
    frame,
    number: frame.getByLabel('Card number'),
    expiry: frame.getByLabel('Expiration date'),
    cvc: frame.getByLabel('Security code'),
    async fill(number, expiry = '12 / 34', cvc = '123') {
      await this.number.fill(number);
      await this.expiry.fill(expiry);
      await this.cvc.fill(cvc);
    },
  };
}

/** Fails the test on any uncaught page error (a panic in the app shows up here). */
export function watchForPageErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
