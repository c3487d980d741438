// The platform operator's page for connected accounts' emails, /operator/emails, in Chromium:
// sign in with the operator token (a wrong one first), download the template of the stand-in's
// connected accounts, fill in emails as an operator would, upload it, review, confirm, and see
// the job apply them at the stand-in. Then uploads that are refused or have problems, each with
// its message, and a file of 500,001 rows that the page offers to split (two downloads). The
// file is checked in a Web Worker; page errors, console errors (the worker's included) and CSP
// violations fail the file.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startStack, watchForPageErrors } from './harness.mjs';

const TOKEN = 'operator-token-e2e-0123456789';
// More than a page of changes (50).
const ACCOUNTS = 60;
const EMAIL_HEADER = 'Email Address (please add or replace)';
const HEADER = `Account ID,Business Name,First Name,Last Name,${EMAIL_HEADER},User has claimed primary user email address`;
const BOM = '\ufeff';

let stack;
let page;
let errors;
const consoleErrors = [];
/** The template as downloaded: its lines without the header. */
let templateRows;

before(async () => {
  stack = await startStack({
    serverEnv: async (_stripe, sim) => {
      const seeded = await fetch(`${sim}/_sim/accounts/seed`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ count: ACCOUNTS, email: false }),
      });
      assert.equal(seeded.status, 200, await seeded.text());
      return { CHECKOUT_OPERATOR_TOKEN: TOKEN };
    },
  });
  page = await stack.browser.newPage({ acceptDownloads: true });
  errors = watchForPageErrors(page);
  page.on('console', (message) => {
    // A refused request (the wrong token's 401) is logged by Chromium; that is the test's doing.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
  });
});

after(async () => {
  await page?.close();
  await stack?.stop();
});

/** Downloads what clicking `locator` saves: its suggested name and its text. */
async function download(locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

const lines = (text) => text.replace(/(\r?\n)+$/, '').split(/\r?\n/);

/** Uploads `text` as a CSV file through the page's file input. */
async function upload(text, name = 'Emails.csv') {
  await page.getByLabel('Upload the filled-in file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

const summary = () => page.getByTestId('review-summary');

/** The template with row `i`'s email set to `emails[i]` (as a spreadsheet would write it). */
function filledIn(emails) {
  const rows = templateRows.map((line, i) => {
    const fields = line.split(',');
    if (emails[i] !== undefined) fields[4] = emails[i];
    return fields.join(',');
  });
  return `${BOM}${HEADER}\r\n${rows.join('\r\n')}\r\n`;
}

const accountIds = () => templateRows.map((line) => line.split(',')[0]);

test('a wrong token is refused with the server\'s message; the right one signs in', async () => {
  await page.goto(`${stack.server}/operator/emails`);
  await page.getByLabel('Operator token').fill('not-the-operator-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('That operator token is not the one this server was started with.').waitFor();
  await page.getByLabel('Operator token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Download template' }).waitFor();
  // Signed in for the page's next load too (the cookie).
  await page.reload();
  await page.getByRole('link', { name: 'Download template' }).waitFor();
});

test('the template lists every connected account under Comms Center\'s header', async () => {
  const { name, text } = await download(page.getByRole('link', { name: 'Download template' }));
  assert.equal(name, 'Emails.csv');
  assert.ok(text.startsWith(BOM), 'a byte order mark, for spreadsheets');
  const [header, ...rows] = lines(text.slice(1));
  assert.equal(header, HEADER);
  assert.equal(rows.length, ACCOUNTS);
  const listed = (await stack.stripe.list('accounts')).map((a) => a.id).sort();
  assert.deepEqual(rows.map((r) => r.split(',')[0]).sort(), listed);
  templateRows = rows;
});

test('an upload with emails filled in is reviewed, confirmed and applied at Stripe', async () => {
  const ids = accountIds();
  const emails = ['first@example.com', 'second@example.com', 'third@example.com'];
  await upload(filledIn(emails));
  await summary().filter({ hasText: '3 new emails, 0 replaced, 57 unchanged, 0 errors' }).waitFor();
  const changes = page.getByRole('region', { name: 'Changes' });
  await changes.getByText('Changes 1–3 of 3').waitFor();
  for (const [i, email] of emails.entries()) {
    await changes.getByRole('row').filter({ hasText: ids[i] }).filter({ hasText: `(none) → ${email}` }).waitFor();
  }
  // Nothing was sent before the confirmation.
  for (const id of ids) assert.equal((await stack.stripe.get(`/v1/accounts/${id}`)).email ?? null, null);

  await page.getByRole('button', { name: 'Confirm and apply' }).click();
  await page.getByTestId('job-status').filter({ hasText: 'Done.' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('job-progress').innerText(), 'Updated 3 of 3, failed 0');
  assert.ok(await page.getByRole('button', { name: 'Confirm and apply' }).isDisabled(), 'confirmed once');
  const results = await download(page.getByRole('link', { name: 'Download results' }));
  assert.equal(lines(results.text.replace(BOM, '')).length, 1 + emails.length, results.text);
  for (const [i, id] of ids.entries()) {
    assert.equal((await stack.stripe.get(`/v1/accounts/${id}`)).email ?? null, emails[i] ?? null, id);
  }
});

test('the same file again replaces nothing: every email is already the one given', async () => {
  await upload(filledIn(['first@example.com', 'second@example.com', 'third@example.com']));
  await summary().filter({ hasText: '0 new emails, 0 replaced, 60 unchanged, 0 errors' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Confirm and apply' }).isDisabled(), 'nothing to apply');
  // A replacement is shown old → new.
  await upload(filledIn(['changed@example.com']));
  await summary().filter({ hasText: '0 new emails, 1 replaced, 59 unchanged, 0 errors' }).waitFor();
  await page.getByRole('row').filter({ hasText: 'first@example.com → changed@example.com' }).waitFor();
});

test('the changes are shown 50 at a time', async () => {
  await upload(filledIn(templateRows.map((_, i) => `page-${i + 1}@example.com`)));
  await summary().filter({ hasText: '57 new emails, 3 replaced, 0 unchanged, 0 errors' }).waitFor();
  const changes = page.getByRole('region', { name: 'Changes' });
  const previous = changes.getByRole('button', { name: 'Previous' });
  const next = changes.getByRole('button', { name: 'Next' });
  await changes.getByText('Changes 1–50 of 60').waitFor();
  assert.equal(await changes.locator('tbody tr').count(), 50);
  assert.ok(await previous.isDisabled());
  await next.click();
  await changes.getByText('Changes 51–60 of 60').waitFor();
  await changes.getByRole('row').filter({ hasText: '(none) → page-60@example.com' }).waitFor();
  assert.equal(await changes.locator('tbody tr').count(), 10);
  assert.ok(await next.isDisabled());
  await previous.click();
  await changes.getByText('Changes 1–50 of 60').waitFor();
  await changes.getByRole('row').filter({ hasText: 'first@example.com → page-1@example.com' }).waitFor();
});

test('a misspelled header refuses the file and names the expected spelling', async () => {
  await upload(filledIn(['a@example.com']).replace(EMAIL_HEADER, 'Email Adress (please add or replace)'));
  const refusal = page.locator('.operator-refusal');
  await refusal.getByText('Column 5 is headed "Email Adress (please add or replace)": spell it "Email Address (please add or replace)".').waitFor();
  assert.equal(await summary().count(), 0, 'no review');
});

test('bad account IDs, a bad email and a duplicate row are each listed with their row', async () => {
  const ids = accountIds();
  const file = [
    `${BOM}${HEADER}`,
    `acct-not-an-id,Seller,,,bad-id@example.com,`,
    `acct_unknown0000000000,Seller,,,unknown@example.com,`,
    `${ids[0]},Seller,,,not-an-email,`,
    `${ids[3]},Seller,,,ok@example.com,`,
    `${ids[3]},Seller,,,again@example.com,`,
  ].join('\r\n');
  await upload(`${file}\r\n`);
  await summary().filter({ hasText: '1 new emails, 0 replaced, 0 unchanged, 4 errors' }).waitFor();
  const problems = page.getByRole('region', { name: 'Problems' });
  const problem = (row, text) => problems.getByRole('row').filter({ hasText: text }).filter({ has: page.getByRole('cell', { name: String(row), exact: true }) });
  await problem(2, 'This is not an account ID').waitFor();
  await problem(3, 'None of your connected accounts has this ID.').waitFor();
  await problem(4, 'Emails have an @.').waitFor();
  await problem(6, 'This account is already in row 5: only that row is used.').waitFor();
  const all = await download(problems.getByRole('link', { name: 'Download all problems' }));
  assert.equal(all.name, 'Emails_problems.csv');
  const [header, ...rows] = lines(all.text.replace(BOM, ''));
  assert.equal(header, 'Row,Column,Problem,Value,Message');
  assert.deepEqual(rows.map((r) => r.split(',').slice(0, 3).join(',')), [
    '2,Account ID,account_id_malformed',
    '3,Account ID,account_unknown',
    '4,Email Address (please add or replace),email_invalid',
    '6,Account ID,account_duplicate',
  ]);
  // The good row can still be applied.
  assert.ok(await page.getByRole('button', { name: 'Confirm and apply' }).isEnabled());
});

test('a file of 500,001 rows is refused, and split into files of 500,000 and 1 rows', async () => {
  const rows = [];
  for (let n = 1; n <= 500_001; n += 1) rows.push(`acct_bulk${n},Seller ${n},,,,`);
  await upload(`${HEADER}\n${rows.join('\n')}\n`);
  // Checked in the page's Web Worker, its progress shown meanwhile.
  await page.locator('progress#check-progress').waitFor();
  assert.ok(page.workers().some((w) => w.url().endsWith('/operator/emails/operator_emails_worker_loader.js')), 'the worker');
  const refusal = page.locator('.operator-refusal');
  await refusal.getByText('The file has 500001 rows; Comms Center can only process CSV files of up to 500000 rows.').waitFor({ timeout: 60_000 });
  await refusal.getByRole('button', { name: 'Split into files of at most 500,000 rows' }).click();
  const first = await download(refusal.getByRole('link', { name: 'Download Emails_part1.csv (500000 rows)' }));
  const second = await download(refusal.getByRole('link', { name: 'Download Emails_part2.csv (1 rows)' }));
  assert.deepEqual([first.name, second.name], ['Emails_part1.csv', 'Emails_part2.csv']);
  const [firstHeader, ...firstRows] = lines(first.text);
  assert.equal(firstHeader, HEADER);
  assert.equal(firstRows.length, 500_000);
  assert.equal(firstRows[499_999], 'acct_bulk500000,Seller 500000,,,,');
  assert.deepEqual(lines(second.text), [HEADER, 'acct_bulk500001,Seller 500001,,,,']);
});

test('no page errors, console errors or CSP violations', () => {
  assert.deepEqual(errors, []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(stack.cspViolations, []);
});
