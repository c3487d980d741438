// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- The wallet's sheet ------------------------------------------------------------------
  // What a wallet shows over the merchant's page once its button is pressed: the stand-in's page
  // /elements/wallet-sheet in a modal (as 3-D Secure is). It shows the total (the group's amount
  // and currency, or its intent's; elements.update() changes it while open), the line items,
  // the wallet's card, the shipping addresses it holds and the rates to choose from. Each choice
  // of address or rate is the Element's shippingaddresschange or shippingratechange event, whose
  // resolve({shippingRates, lineItems}) updates the sheet and reject() refuses the choice; Pay
  // is `confirm`; closing it is `cancel`.
  // Stripe.js gives the integrator 20 seconds to answer a shipping change; after that it fails.
  var CHANGE_RESOLVE_MS = 20000;
  var WALLET_SHEET_HEIGHT = 560;

  function openWallet(element, sheetOptions) {
    var group = element._group;
    walletTotal(group).then(function (total) {
      if (!element._mounted) return;
      var config = function (frameId) {
        return { frameId: frameId, parentOrigin: location.origin, key: group._stripe._key, group: group._options,
          options: Object.assign({ total: total }, sheetOptions) };
      };
      var sheet = showModal(function (frameId) {
        return ORIGIN + '/elements/wallet-sheet#' + encodeURIComponent(JSON.stringify(config(frameId)));
      }, 'Stand-in Pay', WALLET_SHEET_HEIGHT, false, function (data) {
        if (data.kind === 'event') sheetEvent(element, handle, data.name, data.payload || {});
      });
      var handle = {
        request: function (method, args) { sheet.post({ kind: 'request', requestId: 0, method: method, args: args }); },
        close: function (why) { sheet.close({ kind: why }); },
        resize: function (height) { sheet.iframe.style.height = height + 'px'; },
        // elements.update() while the sheet is open: its new total.
        groupUpdated: function (options) {
          walletTotal(group, options).then(function (next) { handle.request('total', { total: next }); });
        },
      };
      element._walletSheet = handle;
      sheet.closed.then(function (message) {
        if (element._walletSheet === handle) element._walletSheet = null;
        if (group._express && group._express.sheet === handle) group._express = null;
        if (message.kind === 'modal-closed') element._emit('cancel', { elementType: 'expressCheckout' });
      });
    });
  }

  // What the sheet charges: {amount, currency} of the group (or of its intent, for a group made
  // with a client secret; a SetupIntent's has no amount), or null when it sets up a card. The
  // intent is the one the group's elements session read (at mount, or at the last
  // elements.fetchUpdates()), as in Stripe.js, where an amount changed on the server shows once
  // fetchUpdates() fetched it (stripe/react-stripe-js#506).
  function walletTotal(group, options) {
    options = options || group._options;
    if (!options.clientSecret) {
      return Promise.resolve(options.mode === 'setup' ? null : { amount: options.amount, currency: options.currency });
    }
    return group._session().then(function (res) {
      var intent = (res.body || {}).payment_intent || {};
      return intent.amount === undefined ? null : { amount: intent.amount, currency: intent.currency };
    });
  }

  function sheetEvent(element, sheet, name, payload) {
    if (name === 'resize') return sheet.resize(payload.height);
    if (name === 'shippingaddresschange') {
      return askChange(element, name, { name: payload.name, address: payload.address }, function (ok, details) {
        sheet.request('changeAnswered', { changeId: payload.changeId, ok: ok, details: details });
      });
    }
    if (name === 'shippingratechange') {
      return askChange(element, name, { shippingRate: payload.shippingRate }, function (ok, details) {
        sheet.request('changeAnswered', { changeId: payload.changeId, ok: ok, details: details });
      });
    }
    if (name === 'confirm') walletConfirmed(element, sheet, payload);
  }

  // A shipping change for the integrator's handlers, with resolve(details) and reject(); `answer`
  // gets the first of them (or a failure after 20 seconds). Without a handler the choice stands.
  function askChange(element, name, event, answer) {
    if (!(element._handlers[name] || []).length) return answer(true, {});
    var answered = false;
    var settle = function (ok, details) {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      answer(ok, details);
    };
    var timer = setTimeout(function () {
      console.warn('[Stripe.js] Timed out waiting for a call to resolve() in the "' + name + '" handler: the change failed.');
      settle(false, {});
    }, CHANGE_RESOLVE_MS);
    event.elementType = 'expressCheckout';
    event.resolve = function (details) {
      if (answered) return;
      if (details !== undefined && !isPlainObject(details)) {
        throw IntegrationError('Invalid value for resolve(): details should be an object. You specified: ' + details + '.');
      }
      details = details || {};
      allowOnly(details, CHANGE_DETAILS, 'resolve()');
      checkSheetDetails(details, 'resolve()');
      settle(true, details);
    };
    event.reject = function () { settle(false, {}); };
    element._emit(name, event);
  }
