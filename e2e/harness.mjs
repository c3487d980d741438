// Starts the real stack for a test file: the Stripe stand-in and the checkout server (serving
// the Trunk-built dist/), each on a free loopback port, and Debian's Chromium via
// playwright-core. Each process is recorded and only those processes are stopped.

import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SECRET_KEY = 'sk_test_standin_e2e';
export const PUBLISHABLE_KEY = 'pk_test_standin_e2e';
export const WEBHOOK_SECRET = 'whsec_standin_e2e';
/** The Connect endpoint's own secret: connected accounts' events (the marketplace's direct charges). */
export const CONNECT_WEBHOOK_SECRET = 'whsec_standin_e2e_connect';

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

/** Where the stand-in's and server's binaries are: the debug build, or CHECKOUT_BIN_DIR (the
 *  benchmarks use the release build). */
const BIN_DIR = process.env.CHECKOUT_BIN_DIR ?? path.join(ROOT, 'target', 'debug');

/** The release artefact scripts/release.sh made (its directory), when CHECKOUT_RELEASE_DIR
 *  names it (scripts/test.sh does): then the server is its binary serving its own dist/. */
export const RELEASE_DIR = process.env.CHECKOUT_RELEASE_DIR;

/** The checkout server the tests run, and the app it serves. */
export const SERVER_BIN = RELEASE_DIR ? path.join(RELEASE_DIR, 'checkout-server') : path.join(BIN_DIR, 'checkout-server');
export const DIST = RELEASE_DIR ? path.join(RELEASE_DIR, 'dist') : path.join(ROOT, 'dist');

function start(binary, env, name) {
  const child = spawn(path.isAbsolute(binary) ? binary : path.join(BIN_DIR, binary), [], {
    cwd: ROOT,
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.name = name;
  return child;
}

/** Records every Content-Security-Policy violation in every page the browser opens (a page of
 *  its own context or of one made with newContext): the checkout must work under its CSP, so
 *  `stop()` fails the test file if there was any. */
function watchContentSecurityPolicy(browser) {
  const violations = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.exposeBinding('__cspViolation', ({ page }, text) => violations.push(`${page?.url()}: ${text}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolation?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => context.close().catch(() => {}));
    return page;
  };
  return violations;
}

/** Debian's Chromium, headless, as the machine allows it (no sandbox, GPU or background fetches). */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The stand-in, the checkout server and a browser. Call `stop()` when done.
 *  `serverPort`: a fixed port for the server (default: a free one).
 *  `serverEnv`: more environment for the server (CHECKOUT_ADDRESS, ...), or a function of the
 *  stand-in's API (`stripe`) and origin (`sim`) that returns it, for set-up that needs Stripe
 *  objects first. */
export async function startStack({ serverPort, serverEnv = {} } = {}) {
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
    // The stand-in sends its events to the server's webhook endpoint, as Stripe would.
    const simProcess = start('stripe-sim', {
      STRIPE_SIM_ADDR: `127.0.0.1:${simPort}`,
      STRIPE_SIM_WEBHOOK_URL: `${server}/api/webhooks/stripe`,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // The Connect endpoint at the same URL, with its own secret, as a platform may set it up.
      STRIPE_SIM_CONNECT_WEBHOOK_URL: `${server}/api/webhooks/stripe`,
      STRIPE_CONNECT_WEBHOOK_SECRET: CONNECT_WEBHOOK_SECRET,
      STRIPE_SIM_WEBHOOK_RETRY_MS: '200',
    }, 'stripe-sim');
    processes.push(simProcess);
    await waitFor(`${sim}/_sim/health`, simProcess, 'stripe-sim');
    const stripe = stripeApi(sim);
    const extraEnv = typeof serverEnv === 'function' ? await serverEnv(stripe, sim) : serverEnv;
    const serverProcess = start(SERVER_BIN, {
      CHECKOUT_ADDR: `127.0.0.1:${serverPort}`,
      CHECKOUT_DIST: DIST,
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      STRIPE_API_BASE: sim,
      STRIPE_JS_URL: `${sim}/endive/stripe.js`,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_CONNECT_WEBHOOK_SECRET: CONNECT_WEBHOOK_SECRET,
      ...(await database()),
      CHECKOUT_STATUS_POLL_SECONDS: '1',
      // Every test shopper comes from 127.0.0.1: limits for many shoppers, not one.
      CHECKOUT_RATE_LIMIT_CONFIRM: '200/m',
      CHECKOUT_RATE_LIMIT_KONBINI: '200/m',
      CHECKOUT_DECLINE_LIMIT: '200/15m',
      ...extraEnv,
    }, 'checkout-server');
    processes.push(serverProcess);
    await waitFor(`${server}/api/config`, serverProcess, 'checkout-server');
    const browser = await launchChromium();
    processes.push({ browser });
    const cspViolations = watchContentSecurityPolicy(browser);
    const track = (child) => processes.push(child);
    const stopAndCheck = async () => {
      await stop();
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
    };
    return { sim, server, browser, stop: stopAndCheck, track, stripe, cspViolations };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Where the server keeps its orders: a fresh SQLite file, or with CHECKOUT_E2E_POSTGRES_URL (an
 *  admin URL of a PostgreSQL cluster, as scripts/postgres.sh gives) a fresh database there. */
async function database() {
  const admin = process.env.CHECKOUT_E2E_POSTGRES_URL;
  if (!admin) return { CHECKOUT_DB_PATH: path.join(await mkdtemp(path.join(tmpdir(), 'checkout-e2e-')), 'orders.sqlite3') };
  const name = `checkout_e2e_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  execFileSync('psql', ['-q', admin, '-c', `CREATE DATABASE ${name}`]);
  return { DATABASE_URL: `${admin.slice(0, admin.lastIndexOf('/'))}/${name}` };
}

/** The stand-in's API with a secret key: to set up Stripe objects, and to check what Stripe
 *  holds after the shopper is done. */
function stripeApi(sim) {
  const auth = { Authorization: `Bearer ${SECRET_KEY}` };
  const api = {
    async get(path) {
      const response = await fetch(`${sim}${path}`, { headers: auth });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    /** GET on a connected account (`Stripe-Account`). */
    async getOn(account, path) {
      const response = await fetch(`${sim}${path}`, { headers: { ...auth, 'Stripe-Account': account } });
      if (!response.ok) throw new Error(`GET ${path} on ${account}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async post(path, form = {}) {
      const response = await fetch(`${sim}${path}`, { method: 'POST', headers: auth, body: new URLSearchParams(form) });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async list(resource) {
      return (await api.get(`/v1/${resource}${resource.includes('?') ? '&' : '?'}limit=100`)).data;
    },
    /** The stand-in's clock: unix seconds. */
    async now() {
      return (await (await fetch(`${sim}/_sim/health`)).json()).now;
    },
    /** Moves the stand-in's clock forward (konbini payments made or expired meanwhile). */
    async advance(seconds) {
      const response = await fetch(`${sim}/_sim/clock/advance?seconds=${seconds}`, { method: 'POST' });
      if (!response.ok) throw new Error(`clock advance: ${response.status}`);
    },
    /** Makes the stand-in answer the next `count` requests to `path` with a Stripe error. */
    async fault(fault) {
      const response = await fetch(`${sim}/_sim/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) });
      if (!response.ok) throw new Error(`POST /_sim/faults: ${response.status}`);
    },
  };
  return api;
}

/** The Address Element's fields, inside its cross-origin iframe. */
export function addressFields(page) {
  const frame = page.frameLocator('iframe[title="Secure address input frame"]');
  return {
    frame,
    async fill({ name, line1, city, state, postalCode, country = 'US' }) {
      await frame.getByLabel('Full name').fill(name);
      await frame.getByLabel('Country or region').selectOption(country);
      await frame.getByLabel('Address line 1').fill(line1);
      await frame.getByLabel('City').fill(city);
      if (state) await frame.getByLabel('State').fill(state);
      await frame.getByLabel(/ZIP|Postal code|Postcode/).fill(postalCode);
    },
  };
}

/** axe-core's violations (WCAG 2.1 A and AA rules) of the page as it is now, one line each
 *  (rule, impact, what, where); `include`: only inside that selector (an embedded checkout). */
export async function axeViolations(page, include) {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) axe = axe.include(include);
  const { violations } = await axe.analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The Payment Element's card fields, inside Stripe's cross-origin iframe. */
export function cardFields(page) {
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  return {
    frame,
    // By what the fields are, not their labels: the Element speaks the page's language.
    number: frame.locator('input[autocomplete="cc-number"]'),
    expiry: frame.locator('input[autocomplete="cc-exp"]'),
    cvc: frame.locator('input[autocomplete="cc-csc"]'),
    async fill(number, expiry = '12 / 34', cvc = '123') {
      await this.number.fill(number);
      await this.expiry.fill(expiry);
      await this.cvc.fill(cvc);
    },
  };
}

/** The default cart's total, as the server prices it. */
export const DEFAULT_TOTAL = '$50.98';

/** The checkout's Pay button for a cart of `total`. */
export function payButton(page, total = DEFAULT_TOTAL) {
  return page.getByRole('button', { name: `Pay ${total}` });
}

/** The checkout at `path` in `page` (a new one by default), once it can be paid: the page, its
 *  uncaught errors, and the Pay button. */
export async function openCheckout(stack, { page, path = '/' } = {}) {
  page ??= await stack.browser.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(`${stack.server}${path}`);
  const pay = payButton(page);
  await pay.waitFor();
  return { page, errors, pay };
}

/** Pays the open checkout (a cart of `total`) with `card` and waits for the success: the
 *  PaymentIntent shown. */
export async function payAndWait(page, card = '4242 4242 4242 4242', total = DEFAULT_TOTAL) {
  await cardFields(page).fill(card);
  await payButton(page, total).click();
  await page.getByRole('heading', { name: 'Payment succeeded' }).waitFor();
  return page.getByTestId('payment-intent-id').innerText();
}

/** A page that holds only the stand-in's Stripe.js (no app), for tests of Stripe.js itself,
 *  served from its own loopback origin (Chromium lets only loopback pages reach the loopback
 *  stand-in): `window.mount(elementsOptions, paymentElementOptions)` mounts a new Payment
 *  Element and returns {stripe, elements, element}; `window.outcome(promise)` is 'resolved' or
 *  the error a promise was rejected with. The page's server stops when the page closes. */
export async function stripeJsPage(stack) {
  const html = `<!doctype html><html lang="en"><head><title>Stripe.js</title><script src="${stack.sim}/endive/stripe.js"></script></head><body></body></html>`;
  const server = createHttpServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const page = await stack.browser.newPage();
  page.on('close', () => server.close());
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate((key) => {
    window.outcome = (promise) => promise.then(() => 'resolved', (e) => `${e.name}: ${e.message}`);
    window.mount = (elementsOptions, elementOptions) => {
      const stripe = Stripe(key);
      const elements = stripe.elements(elementsOptions);
      const element = elements.create('payment', elementOptions);
      const node = document.createElement('div');
      document.body.appendChild(node);
      element.mount(node);
      return { stripe, elements, element };
    };
  }, PUBLISHABLE_KEY);
  return page;
}

/** Fails the test on any uncaught page error (a panic in the app shows up here). */
export function watchForPageErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The React reference (bench/react-reference, built by its build.sh) as a dist/ for the server,
 *  with the stand-in's Stripe.js put before its bundle: deferred, so it runs first and
 *  @stripe/stripe-js's loadStripe finds `window.Stripe`, as it finds js.stripe.com's script. */
export async function reactReferenceDist(sim) {
  const from = path.join(ROOT, 'bench', 'react-reference', 'dist');
  const to = await mkdtemp(path.join(tmpdir(), 'react-reference-'));
  for (const name of await readdir(from)) await copyFile(path.join(from, name), path.join(to, name));
  const html = await readFile(path.join(from, 'index.html'), 'utf8');
  const tag = `<script defer src="${sim}/endive/stripe.js"></script>\n  `;
  await writeFile(path.join(to, 'index.html'), html.replace('<script type="module"', `${tag}<script type="module"`));
  return to;
}
