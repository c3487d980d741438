// Shared by Stripe.js (the merchant's page) and the Element iframes: Stripe's form encoding and
// calls to the stand-in's API. sim/src/stripe_js.rs writes it into both scripts.

  // Stripe's form encoding: nested objects as bracketed keys.
  function encodeForm(value) {
    var out = [];
    (function walk(prefix, v) {
      if (v === undefined || v === null) return;
      if (typeof v === 'object') {
        Object.keys(v).forEach(function (k) { walk(prefix ? prefix + '[' + k + ']' : k, v[k]); });
      } else {
        out.push(encodeURIComponent(prefix) + '=' + encodeURIComponent(String(v)));
      }
    })('', value);
    return out.join('&');
  }

  // Who calls the API: the publishable key, and the connected account Stripe.js was made for
  // (`Stripe(pk, {stripeAccount})`), which Stripe.js sends beside the key as `_stripe_account`
  // on every call (the server side's Stripe-Account header).
  function credentials(key, account) {
    return account ? { key: key, _stripe_account: account } : { key: key };
  }

  // The stand-in's API, as {body} or {error} (Stripe's error object); a network failure is
  // Stripe.js's api_connection_error.
  function api(method, url, body) {
    return fetch(url, {
      method: method,
      headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {},
      body: body,
    }).then(function (response) {
      return response.json().then(function (json) {
        return response.ok ? { body: json } : { error: json.error };
      });
    }, function () {
      return { error: { type: 'api_connection_error', message: 'We could not connect to Stripe. Please check your connection and try again.' } };
    });
  }
