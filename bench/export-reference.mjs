// The export benchmark's reference (bench/export.py runs it beside `checkout-server export`):
// what a data engineer would write without our export, with Stripe's own Node client. The same
// lists with the same filters (stripe-node's auto-pagination, 100 per page), each object written
// as a line of JSON. Prints {"objects", "bytes"}; the caller measures time and memory.
// Usage: node bench/export-reference.mjs <api base> <secret key> <out file>
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import Stripe from 'stripe';

const [base, key, out] = process.argv.slice(2);
const url = new URL(base);
const stripe = new Stripe(key, {
  host: url.hostname,
  port: Number(url.port),
  protocol: url.protocol.replace(':', ''),
  maxNetworkRetries: 8,
});

// The export's listings (server/src/export/schema.rs): every subscription, active and archived
// prices.
const lists = [
  [stripe.charges, {}],
  [stripe.subscriptions, { status: 'all' }],
  [stripe.refunds, {}],
  [stripe.balanceTransactions, {}],
  [stripe.customers, {}],
  [stripe.prices, { active: true }],
  [stripe.prices, { active: false }],
];

const file = createWriteStream(out);
let objects = 0;
let bytes = 0;
for (const [resource, filters] of lists) {
  for await (const object of resource.list({ ...filters, limit: 100 })) {
    const line = JSON.stringify(object) + '\n';
    bytes += Buffer.byteLength(line);
    objects += 1;
    if (!file.write(line)) await once(file, 'drain');
  }
}
file.end();
await once(file, 'finish');
console.log(JSON.stringify({ objects, bytes }));
