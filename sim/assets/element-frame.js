/*
 * Shared by the Stripe stand-in's Element iframes: the configuration Stripe.js put in the
 * fragment, messages to and from Stripe.js in the merchant's page (checked by origin and
 * source), the Appearance API, size reporting, amounts as shoppers read them, and API calls on
 * the stand-in's own origin.
 */
(function () {
  'use strict';
  var config = JSON.parse(decodeURIComponent(location.hash.slice(1)));

  function send(kind, extra) {
    var message = Object.assign({ __stripeStandIn: true, frameId: config.frameId, kind: kind }, extra);
    window.parent.postMessage(message, config.parentOrigin);
  }

  function emit(name, payload) { send('event', { name: name, payload: payload }); }

  // Answers Stripe.js's requests with `methods[name](args)` (a value or a promise).
  function serve(methods) {
    window.addEventListener('message', function (event) {
      var data = event.data;
      if (event.source !== window.parent || event.origin !== config.parentOrigin) return;
      if (!data || data.__stripeStandIn !== true || data.frameId !== config.frameId || data.kind !== 'request') return;
      var method = methods[data.method];
      Promise.resolve(method ? method(data.args || {}) : { error: { type: 'invalid_request_error', message: 'Unknown method ' + data.method } })
        .then(function (result) {
          if (data.requestId) send('reply', { requestId: data.requestId, result: result || {} });
        });
    });
  }

  var THEMES = {
    stripe: {},
    night: { colorPrimary: '#0085FF', colorBackground: '#30313d', colorText: '#ffffff', colorTextSecondary: '#a3a3ad', colorBorder: '#424353' },
    flat: { colorBackground: '#f6f8fa', colorBorder: '#f6f8fa' },
  };

  function applyAppearance(appearance) {
    appearance = appearance || {};
    var vars = Object.assign({}, THEMES[appearance.theme] || {}, appearance.variables || {});
    Object.keys(vars).forEach(function (name) {
      document.documentElement.style.setProperty('--' + name, vars[name]);
    });
  }

  function reportHeight() {
    emit('resize', { height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
  }

  // Size reporting from now on, then the `ready` event (with what the Element tells in it).
  function ready(payload) {
    new ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
    emit('ready', payload || {});
  }

  // An amount in the currency's smallest unit as shoppers read it ($12.75, £17.00) in `locale`
  // ('en-US'), with the currency's decimals as ISO 4217 has them.
  function formatAmount(amount, currency, locale) {
    var format = new Intl.NumberFormat(locale || 'en-US', { style: 'currency', currency: currency.toUpperCase() });
    return format.format(amount / Math.pow(10, format.resolvedOptions().maximumFractionDigits));
  }

  /*SHARED_JS*/

  window.StandInFrame = {
    config: config,
    emit: emit,
    serve: serve,
    applyAppearance: applyAppearance,
    ready: ready,
    formatAmount: formatAmount,
    encode: encodeForm,
    // The frame's Stripe.js's key (and connected account) for its calls.
    credentials: function (key) { return credentials(key || config.key, config.stripeAccount); },
    get: function (path) { return api('GET', location.origin + path); },
    post: function (path, body) { return api('POST', location.origin + path, body); },
  };
})();
