// The same validation as crates/account-emails, written in plain JavaScript over papaparse (the
// most used CSV parser on npm): the benchmark's reference (bench/account-emails.mjs). Loaded as
// a classic script after papaparse.min.js; defines `validateEmailsCsv(file, known)`, which
// resolves to the same summary the Rust review gives: rows, new emails, replaced, unchanged,
// errors. `known` is the server's `[[id, email|null], ...]`, or a Map made of it.
//
// The rules, as in the crate: the header names "Account ID" and "Email Address (please add or
// replace)"; at most 500,000 data rows; an account ID is acct_ and letters or digits (at most
// 255 characters) and must be one offered; an empty email changes nothing; an email is RFC
// 5322's dot-atom form (ASCII, local part at most 64, two or more host-name labels, the last
// not all digits, at most 254 in all); an account twice is an error on its second row.
/* global Papa */
(function () {
  const MAX_ROWS = 500000;
  const ACCOUNT = /^acct_[A-Za-z0-9]+$/;
  const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  const LOCAL = new RegExp(`^${ATEXT}(\\.${ATEXT})*$`);
  const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

  function emailOk(email) {
    if (email.length > 254 || !/^[\x21-\x7e]+$/.test(email)) return false;
    const at = email.indexOf('@');
    if (at < 1 || email.indexOf('@', at + 1) !== -1) return false;
    const local = email.slice(0, at);
    const labels = email.slice(at + 1).split('.');
    return local.length <= 64 && LOCAL.test(local) && labels.length >= 2
      && labels.every((label) => LABEL.test(label)) && !/^[0-9]+$/.test(labels[labels.length - 1]);
  }

  globalThis.validateEmailsCsv = function validateEmailsCsv(file, known) {
    const current = known instanceof Map ? known : new Map(known);
    const seen = new Set();
    const summary = { rows: 0, newEmails: 0, replaced: 0, unchanged: 0, errors: 0, problems: [] };
    let idColumn = -1;
    let emailColumn = -1;
    let line = 0;
    return new Promise((resolve, reject) => {
      Papa.parse(file, {
        skipEmptyLines: true,
        step(result, parser) {
          const fields = result.data;
          line += 1;
          if (line === 1) {
            fields[0] = fields[0].replace(/^\uFEFF/, '');
            idColumn = fields.indexOf('Account ID');
            emailColumn = fields.indexOf('Email Address (please add or replace)');
            if (idColumn < 0 || emailColumn < 0) {
              parser.abort();
              reject(new Error('the header lacks Account ID or the email column'));
            }
            return;
          }
          summary.rows += 1;
          if (summary.rows > MAX_ROWS) {
            parser.abort();
            reject(new Error(`more than ${MAX_ROWS} rows`));
            return;
          }
          const id = (fields[idColumn] ?? '').trim();
          const email = (fields[emailColumn] ?? '').trim();
          const problem = (kind) => { summary.errors += 1; if (summary.problems.length < 100) summary.problems.push([line, kind]); };
          if (!ACCOUNT.test(id) || id.length > 255) return problem('account_id_invalid');
          if (!current.has(id)) return problem('account_unknown');
          if (seen.has(id)) return problem('duplicate_account');
          seen.add(id);
          if (email === '') { summary.unchanged += 1; return; }
          if (!emailOk(email)) return problem('email_invalid');
          const before = current.get(id);
          if (before === email) summary.unchanged += 1;
          else if (before) summary.replaced += 1;
          else summary.newEmails += 1;
        },
        complete() { resolve(summary); },
        error(error) { reject(error); },
      });
    });
  };
})();
