// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- Express Checkout Element ------------------------------------------------------------
  // elements.create('expressCheckout', options) as express-checkout.d.ts declares it. The
  // stand-in has one wallet, "Stand-in Pay", holding the test card Visa 4242 4242 4242 4242 and
  // a test shopper's details. It takes Google Pay's place (expressPaymentType 'google_pay',
  // availablePaymentMethods.googlePay, the googlePay button type and theme), Google Pay being
  // the wallet Chromium shows; the other wallets are never available. Its button is in the
  // Element's iframe. A click goes to the integrator's `click` handlers, whose
  // event.resolve(details) opens the wallet's sheet (wallet-sheet.js); the sheet's Pay is the
  // `confirm` event, after which the group's elements.submit() and createConfirmationToken,
  // createPaymentMethod, confirmPayment and confirmSetup pay with the wallet instead of the
  // Payment Element (payment-source.js) and close the sheet; event.paymentFailed() fails it.
  var EXPRESS_PAYMENT_TYPE = 'google_pay';
  var WALLET_OPTIONS = ['allowedShippingCountries', 'applePay', 'billingAddressRequired', 'business', 'buttonHeight',
    'buttonTheme', 'buttonType', 'emailRequired', 'layout', 'lineItems', 'paymentMethodOrder', 'paymentMethods',
    'phoneNumberRequired', 'shippingAddressRequired', 'shippingRates', 'wallets'];
  // StripeExpressCheckoutElementUpdateOptions.
  var WALLET_UPDATE_OPTIONS = ['allowedShippingCountries', 'billingAddressRequired', 'buttonHeight', 'emailRequired',
    'layout', 'paymentMethodOrder', 'phoneNumberRequired', 'shippingAddressRequired'];
  // What event.resolve() takes from `click` (ClickResolveDetails) and from the shipping changes
  // (ChangeResolveDetails), and what of the element's options the sheet uses.
  var CLICK_DETAILS = ['allowedShippingCountries', 'applePay', 'billingAddressRequired', 'business', 'emailRequired',
    'lineItems', 'phoneNumberRequired', 'shippingAddressRequired', 'shippingRates'];
  var CHANGE_DETAILS = ['applePay', 'lineItems', 'shippingRates'];
  var BUTTON_TYPES = {
    applePay: ['add-money', 'book', 'buy', 'check-out', 'contribute', 'donate', 'order', 'plain', 'reload', 'rent',
      'subscribe', 'support', 'tip', 'top-up'],
    googlePay: ['book', 'buy', 'checkout', 'donate', 'order', 'pay', 'plain', 'subscribe'],
    paypal: ['paypal', 'buynow', 'checkout', 'pay'],
  };
  var BUTTON_THEMES = {
    applePay: ['black', 'white', 'white-outline'],
    googlePay: ['black', 'white'],
    paypal: ['gold', 'blue', 'silver', 'white', 'black'],
  };
  // paymentMethods (and the deprecated wallets): Apple Pay and Google Pay may also be 'always'.
  var WALLET_DISPLAY = {
    amazonPay: ['auto', 'never'], applePay: ['always', 'auto', 'never'], googlePay: ['always', 'auto', 'never'],
    link: ['auto', 'never'], paypal: ['auto', 'never'], klarna: ['auto', 'never'],
  };
  var DELIVERY_UNITS = ['hour', 'day', 'business_day', 'week', 'month'];
  var FAILURE_REASONS = ['fail', 'invalid_shipping_address', 'invalid_billing_address', 'invalid_payment_data', 'address_unserviceable'];
  // Stripe.js waits 1 second for a click handler's resolve(): a wallet's sheet must open close
  // to the shopper's gesture.
  var CLICK_RESOLVE_MS = 1000;

  OPTION_CHECKS.expressCheckout = function (options, method, updating) {
    allowOnly(options, updating ? WALLET_UPDATE_OPTIONS : WALLET_OPTIONS, method);
    checkSheetDetails(options, method);
    var height = options.buttonHeight;
    if (height !== undefined && !(typeof height === 'number' && height >= 40 && height <= 55)) {
      throw IntegrationError('Invalid value for ' + method + ': buttonHeight should be a number between 40 and 55 (px). You specified: ' + height + '.');
    }
    checkPerWallet(options.buttonType, 'buttonType', BUTTON_TYPES, method);
    checkPerWallet(options.buttonTheme, 'buttonTheme', BUTTON_THEMES, method);
    checkPerWallet(options.paymentMethods, 'paymentMethods', WALLET_DISPLAY, method);
    checkPerWallet(options.wallets, 'wallets', { applePay: WALLET_DISPLAY.applePay, googlePay: WALLET_DISPLAY.googlePay }, method);
    var layout = options.layout;
    if (layout !== undefined) {
      if (!isPlainObject(layout)) throw IntegrationError('Invalid value for ' + method + ': layout should be an object. You specified: ' + layout + '.');
      allowOnly(layout, ['maxColumns', 'maxRows', 'overflow'], method + ' layout');
      ['maxColumns', 'maxRows'].forEach(function (name) {
        if (layout[name] !== undefined && !(Number.isInteger(layout[name]) && layout[name] >= 0)) {
          throw IntegrationError('Invalid value for ' + method + ': layout.' + name + ' should be a non-negative integer. You specified: ' + layout[name] + '.');
        }
      });
      checkOneOf(layout.overflow, ['auto', 'never'], 'layout.overflow', method);
    }
    var order = options.paymentMethodOrder;
    if (order !== undefined && !(Array.isArray(order) && order.every(function (m) { return typeof m === 'string'; }))) {
      throw IntegrationError('Invalid value for ' + method + ': paymentMethodOrder should be an array of strings. You specified: ' + order + '.');
    }
  };

  // {applePay, googlePay, ...}: an object of the wallets in `table`, each one of its values.
  function checkPerWallet(value, name, table, method) {
    if (value === undefined) return;
    if (!isPlainObject(value)) throw IntegrationError('Invalid value for ' + method + ': ' + name + ' should be an object. You specified: ' + value + '.');
    allowOnly(value, Object.keys(table), method + ' ' + name);
    Object.keys(value).forEach(function (wallet) { checkOneOf(value[wallet], table[wallet], name + '.' + wallet, method); });
  }

  // What the wallet's sheet shows and collects, wherever the integration gives it: create(),
  // update(), and the resolve() of `click` and of the shipping changes.
  function checkSheetDetails(details, method) {
    var fail = function (what, should, value) {
      throw IntegrationError('Invalid value for ' + method + ': ' + what + ' should be ' + should + '. You specified: ' + JSON.stringify(value) + '.');
    };
    ['billingAddressRequired', 'emailRequired', 'phoneNumberRequired', 'shippingAddressRequired'].forEach(function (name) {
      if (details[name] !== undefined && typeof details[name] !== 'boolean') fail(name, 'a boolean', details[name]);
    });
    var countries = details.allowedShippingCountries;
    if (countries !== undefined && !(Array.isArray(countries) && countries.every(function (c) { return /^[A-Z]{2}$/.test(c); }))) {
      fail('allowedShippingCountries', 'an array of two-letter country codes', countries);
    }
    if (details.business !== undefined && !(isPlainObject(details.business) && typeof details.business.name === 'string')) {
      fail('business', 'an object with a name', details.business);
    }
    if (details.applePay !== undefined && !isPlainObject(details.applePay)) fail('applePay', 'an object', details.applePay);
    checkList(details.lineItems, 'lineItems', fail, function (item, what) {
      if (typeof item.name !== 'string') fail(what + '.name', 'a string', item.name);
      if (!Number.isInteger(item.amount)) fail(what + '.amount', 'an integer in the smallest currency unit', item.amount);
    });
    checkList(details.shippingRates, 'shippingRates', fail, function (rate, what) {
      if (typeof rate.id !== 'string' || rate.id === '') fail(what + '.id', 'a non-empty string', rate.id);
      if (typeof rate.displayName !== 'string') fail(what + '.displayName', 'a string', rate.displayName);
      if (!(Number.isInteger(rate.amount) && rate.amount >= 0)) fail(what + '.amount', 'a non-negative integer in the smallest currency unit', rate.amount);
      var estimate = rate.deliveryEstimate;
      if (estimate === undefined || typeof estimate === 'string') return;
      if (!isPlainObject(estimate)) fail(what + '.deliveryEstimate', 'a string or an object with minimum and maximum', estimate);
      ['minimum', 'maximum'].forEach(function (end) {
        var bound = estimate[end];
        if (bound !== undefined && !(isPlainObject(bound) && DELIVERY_UNITS.indexOf(bound.unit) >= 0 && Number.isInteger(bound.value))) {
          fail(what + '.deliveryEstimate.' + end, 'an object with a unit (' + DELIVERY_UNITS.join(', ') + ') and an integer value', bound);
        }
      });
    });
  }

  function checkList(list, name, fail, checkItem) {
    if (list === undefined) return;
    if (!Array.isArray(list)) fail(name, 'an array', list);
    list.forEach(function (item, i) {
      if (!isPlainObject(item)) fail(name + '[' + i + ']', 'an object', item);
      checkItem(item, name + '[' + i + ']');
    });
  }

  // What the sheet collects and shows: the element's options, with what resolve() gave over
  // them. Shipping needs rates to choose from, as Stripe.js requires.
  function sheetOptions(element, details) {
    var sheet = {};
    CLICK_DETAILS.forEach(function (name) {
      var value = details[name] !== undefined ? details[name] : element._options[name];
      if (value !== undefined) sheet[name] = value;
    });
    if (sheet.shippingAddressRequired && !(sheet.shippingRates && sheet.shippingRates.length)) {
      throw IntegrationError('When `shippingAddressRequired` is true, you must specify `shippingRates`.');
    }
    return sheet;
  }

  // The shopper pressed the wallet's button. With `click` handlers, the sheet waits for one of
  // them to call event.resolve(details) within 1 second; after that, or after event.reject(),
  // nothing opens (and Stripe.js says why in the console). Without a handler, it opens with
  // the element's options.
  function walletClicked(element, payload) {
    if (element._walletSheet) return;  // its sheet is open already
    if (!(element._handlers.click || []).length) return openWallet(element, sheetOptions(element, {}));
    var answered = false;
    var timer = setTimeout(function () {
      if (answered) return;
      answered = true;
      console.warn('[Stripe.js] Timed out waiting for a call to resolve(). If you listen to the "click" event, then you must call event.resolve in the "click" handler within 1 second.');
    }, CLICK_RESOLVE_MS);
    element._emit('click', {
      elementType: 'expressCheckout',
      expressPaymentType: payload.expressPaymentType,
      resolve: function (details) {
        if (answered) return;
        if (details !== undefined && !isPlainObject(details)) {
          throw IntegrationError('Invalid value for resolve(): details should be an object. You specified: ' + details + '.');
        }
        details = details || {};
        allowOnly(details, CLICK_DETAILS, 'resolve()');
        checkSheetDetails(details, 'resolve()');
        var sheet = sheetOptions(element, details);
        answered = true;
        clearTimeout(timer);
        openWallet(element, sheet);
      },
      reject: function () {
        answered = true;
        clearTimeout(timer);
      },
    });
  }

  // The sheet's Pay: the `confirm` event, and from now on the wallet pays for the group.
  function walletConfirmed(element, sheet, chosen) {
    var group = element._group;
    var express = { element: element, details: chosen, sheet: sheet };
    group._express = express;
    group._submitted = false;
    var event = { elementType: 'expressCheckout', expressPaymentType: EXPRESS_PAYMENT_TYPE, billingDetails: chosen.billingDetails };
    if (chosen.shippingAddress) event.shippingAddress = chosen.shippingAddress;
    if (chosen.shippingRate) event.shippingRate = chosen.shippingRate;
    event.paymentFailed = function (failure) {
      failure = failure || {};
      checkOneOf(failure.reason, FAILURE_REASONS, 'reason', 'paymentFailed()');
      walletFailed(group, express, failure);
    };
    element._emit('confirm', event);
  }

  // event.paymentFailed({reason, message}): the wallet no longer pays. An address the shopper
  // can change (an invalid or unserviceable shipping address, an invalid billing address)
  // keeps the sheet open with the failure shown, as wallets do; any other failure closes it.
  function walletFailed(group, express, failure) {
    if (group._express !== express) return;
    group._express = null;
    group._submitted = false;
    if (['invalid_shipping_address', 'address_unserviceable', 'invalid_billing_address'].indexOf(failure.reason) >= 0) {
      express.sheet.request('paymentFailed', { reason: failure.reason, message: failure.message });
    } else {
      express.sheet.close('wallet-failed');
    }
  }

  // The wallet paid (a ConfirmationToken or PaymentMethod was made with it, or an intent
  // confirmed, whatever came of it): its sheet closes, and the next payment needs a new confirm.
  function walletPaid(group, express) {
    if (group._express === express) group._express = null;
    express.sheet.close('wallet-paid');
  }
