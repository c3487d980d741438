// The embedded checkout's part of the release build (scripts/post-build.mjs calls these for the
// `embed` page, dist/embed/):
//
// - `scopeCss`: the shop's stylesheet made to live inside a merchant's page. Every rule hangs
//   from the host element's class (`.stripe-checkout`, src/embed/mod.rs), so nothing leaks into
//   the host; `:root` and `body` become that element; keyframes get prefixed names. Inside it, a
//   reset (`all: revert` on every descendant) drops what the host's element and class rules
//   would otherwise pass in (a host's `button { text-transform: uppercase }`, `div { margin }`),
//   and the shop's own rules, one class more specific, apply over it. Why not a shadow root:
//   Stripe.js refuses to mount Elements in one ("Elements cannot be mounted in a ShadowRoot"),
//   and the stand-in does the same (sim/). Only a host rule with an id or `!important` can
//   still reach in (README, Embedding).
// - `writeLoader`: `embed.js`, the one file a merchant's page includes, by a stable name the
//   server sends with no-cache: it imports the content-named JS and wasm beside it (by URLs
//   relative to itself, so the folder may be served under any path and from any origin),
//   adds the stylesheets, and mounts every `[data-stripe-checkout]` element and
//   `<stripe-checkout>` custom element.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = '.stripe-checkout';

/** The page's CSS, scoped under ROOT (nesting, which esbuild then lowers to plain selectors);
 *  `withReset` for the first of the embed's sheets only: a later sheet's reset would revert the
 *  earlier sheets' rules of the same specificity (`* { box-sizing }`). */
export function scopeCss(css, { withReset }) {
  const names = [];
  // Keyframes cannot nest: kept at the top level, named for the embed.
  const keyframes = [];
  let body = css.replace(/@keyframes\s+([\w-]+)\s*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, (whole, name) => {
    names.push(name);
    keyframes.push(whole.replace(name, `stripe-checkout-${name}`));
    return '';
  });
  for (const name of names) {
    body = body.replace(new RegExp(`(animation(?:-name)?\\s*:[^;}]*?)\\b${name}\\b`, 'g'), `$1stripe-checkout-${name}`);
  }
  // The page's root and body are the host element here; so is where `data-theme` is set.
  body = body
    .replace(/(^|[}\s,;])(?::root|body)(?=\s*[{,])/g, '$1&')
    .replace(/(^|[}\s,;])\[data-theme=/g, '$1&[data-theme=');
  const reset = `
  /* What the host page's rules would pass in stops here (see scripts/embed-build.mjs). */
  & *, & *::before, & *::after { all: revert; }
  & { display: block; letter-spacing: normal; word-spacing: normal; text-transform: none; text-align: start;
      text-indent: 0; font-style: normal; font-weight: 400; white-space: normal; }
  & .method-choice { display: flex; gap: calc(var(--space) * 2); margin: 0 0 calc(var(--space) * 4); }
  & .method-choice button { padding: calc(var(--space) * 2) calc(var(--space) * 4); font: inherit; color: var(--color-primary);
      background: var(--color-surface); border: 1px solid var(--color-primary); border-radius: var(--radius); cursor: pointer; }
  & .method-choice button[aria-pressed="true"] { color: #fff; background: var(--color-primary); }
  & .method-choice button:focus-visible { outline: 3px solid color-mix(in srgb, var(--color-primary) 40%, transparent); outline-offset: 2px; }
  & .embedded-shop { padding: calc(var(--space) * 4); }
`;
  return `${keyframes.join('\n')}\n${ROOT} {${withReset ? reset : ''}\n${body}\n}\n`;
}

/** Writes `embed.js` beside the page's built files, naming them as `index.html` does. */
export function writeLoader(dir) {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const find = (pattern, what) => {
    const found = html.match(pattern);
    if (!found) throw new Error(`embed-build: index.html names no ${what}`);
    return path.basename(found[1]);
  };
  const js = find(/href="([^"]*embed-[0-9a-f]{16}\.js)"/, 'embed JS');
  const wasm = find(/href="([^"]*embed-[0-9a-f]{16}_bg\.wasm)"/, 'embed wasm');
  const css = [...html.matchAll(/href="([^"]*-[0-9a-f]{16}\.css)"/g)].map((m) => path.basename(m[1]));
  if (!css.length) throw new Error('embed-build: index.html names no stylesheet');
  const loader = `// The embedded checkout (README, Embedding). Include as a module, then either
//   <div data-stripe-checkout data-api="https://checkout.example/api"></div>
// or <stripe-checkout data-api="..."></stripe-checkout>. Files are found beside this one.
const files = ${JSON.stringify({ js, wasm, css })};
const at = (name) => new URL(name, import.meta.url).href;
let app;
function load() {
  app ??= (async () => {
    const styled = files.css.map((name) => new Promise((done) => {
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = at(name);
      style.onload = style.onerror = done;
      document.head.append(style);
    }));
    const module = await import(at(files.js));
    await module.default({ module_or_path: at(files.wasm) });
    await Promise.all(styled);
    return module;
  })();
  return app;
}
/** Mounts the checkout into \`element\` (once), configured by its data-* attributes. */
export async function mount(element) {
  if (element.hasAttribute('data-checkout-mounted')) return;
  element.setAttribute('data-checkout-mounted', '');
  try {
    (await load()).mount(element);
  } catch (error) {
    console.error('stripe-checkout: could not load', error);
    const detail = { code: 'load_failed', message: 'The checkout could not be loaded. Check your connection and reload the page.' };
    element.dispatchEvent(new CustomEvent('checkout:failed', { bubbles: true, composed: true, detail }));
    element.textContent = detail.message;
    element.setAttribute('role', 'alert');
  }
}
if (!customElements.get('stripe-checkout')) {
  customElements.define('stripe-checkout', class extends HTMLElement {
    connectedCallback() { mount(this); }
  });
}
const mountAll = () => document.querySelectorAll('[data-stripe-checkout]').forEach(mount);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
else mountAll();
`;
  writeFileSync(path.join(dir, 'embed.js'), loader);
  return loader;
}
