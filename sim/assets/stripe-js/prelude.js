
/*
 * Stripe.js stand-in (offline). Implements the browser API of Stripe.js as typed in the public
 * @stripe/stripe-js definitions, for the calls this project makes:
 *   Stripe(pk), stripe.elements(opts), elements.create('payment', opts), elements.getElement,
 *   elements.update, elements.fetchUpdates, elements.submit, element.mount/unmount/destroy/
 *   on/once/off/update/focus/blur/clear/collapse, stripe.createConfirmationToken,
 *   stripe.handleNextAction (3-D Secure in a modal, or by redirect), stripe.retrievePaymentIntent,
 *   stripe.confirmKonbiniPayment (with the instructions in a modal unless handleActions: false),
 *   stripe.createPaymentMethod({elements}), stripe.confirmCardPayment with a PaymentMethod id
 *   (3-D Secure in the modal unless handleActions: false), stripe.registerAppInfo and the
 *   private stripe._registerWrapper (react-stripe-js's); stripe.createToken and the Card
 *   Element forms reject, as there is no Card Element.
 *   elements.create('linkAuthentication' | 'expressCheckout' | 'paymentMethodMessaging'): an
 *   email field whose email goes with the payment, one test wallet ("Stand-in Pay", in the
 *   Google Pay slot) with its sheet, and buy now, pay later messaging.
 * Connect: `Stripe(pk, {stripeAccount})` makes every call (its Elements' included) on that
 * connected account, sending it as `_stripe_account` beside the key, as Stripe.js does.
 * Like Stripe's, each Element is a cross-origin iframe served by the stand-in; card data stays
 * in that iframe, which creates the ConfirmationToken or PaymentMethod itself with the
 * publishable key.
 * Misuse throws (or rejects with) an Error named IntegrationError, as Stripe.js does.
 */
(function () {
  'use strict';
  if (window.Stripe) return;

  var scriptUrl = new URL(document.currentScript.src);
  var ORIGIN = scriptUrl.origin;
  var RELEASE = scriptUrl.pathname.split('/')[1] || 'v3';
  var ELEMENT_TYPES = ['payment', 'address', 'linkAuthentication', 'expressCheckout', 'paymentMethodMessaging'];
  // The Elements that need the group's intent (a clientSecret, or a mode with its amount).
  var INTENT_ELEMENT_TYPES = ['payment', 'linkAuthentication', 'expressCheckout'];
  // Option names of the endive train's types (allowedPaymentMethodTypes replaced paymentMethodTypes).
  var ELEMENTS_OPTIONS = ['mode', 'amount', 'currency', 'paymentMethodCreation', 'appearance', 'loader', 'fonts',
    'locale', 'setupFutureUsage', 'captureMethod', 'onBehalfOf', 'allowedPaymentMethodTypes',
    'excludedPaymentMethodTypes', 'paymentMethodConfiguration', 'paymentMethodOptions', 'customerSessionClientSecret',
    'clientSecret', 'customPaymentMethods', 'externalPaymentMethodTypes'];
  var UPDATABLE_ELEMENTS_OPTIONS = ['mode', 'amount', 'currency', 'appearance', 'locale', 'fonts', 'setupFutureUsage',
    'captureMethod', 'excludedPaymentMethodTypes', 'allowedPaymentMethodTypes', 'paymentMethodConfiguration',
    'onBehalfOf', 'customerSessionClientSecret', 'customPaymentMethods'];
  var ELEMENT_EVENTS = ['change', 'ready', 'focus', 'blur', 'escape', 'loaderror', 'loaderstart'];
  var EVENTS = {
    payment: ELEMENT_EVENTS.concat(['carddetailschange', 'savedpaymentmethodupdate', 'savedpaymentmethodremove',
      'availablepaymentmethodschange']),
    address: ELEMENT_EVENTS,
    linkAuthentication: ELEMENT_EVENTS,
    // As express-checkout.d.ts declares them: no change or loaderstart, and the wallet's own.
    expressCheckout: ['ready', 'click', 'focus', 'blur', 'escape', 'loaderror', 'confirm', 'cancel',
      'shippingaddresschange', 'shippingratechange', 'availablepaymentmethodschange'],
    paymentMethodMessaging: ['ready'],
  };
  // type -> function (options, method, updating): throws the IntegrationError Stripe.js throws
  // for options it refuses in create(type, options) or element.update(options). Each Element's
  // fragment adds its own (the Payment and Address Elements have none).
  var OPTION_CHECKS = {};

  function IntegrationError(message) {
    var error = new Error(message);
    error.name = 'IntegrationError';
    return error;
  }

  function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  // Options of only these names, as Stripe.js accepts them.
  function allowOnly(options, names, method) {
    Object.keys(options).forEach(function (key) {
      if (names.indexOf(key) < 0) throw IntegrationError('Invalid value for ' + method + ': ' + key + ' is not an accepted parameter.');
    });
  }

  // `value` when it is one of `allowed` (or undefined), else Stripe.js's IntegrationError.
  function checkOneOf(value, allowed, what, method) {
    if (value !== undefined && allowed.indexOf(value) < 0) {
      throw IntegrationError('Invalid value for ' + method + ': ' + what + ' should be one of the following strings: ' +
        allowed.join(', ') + '. You specified: ' + value + '.');
    }
  }
