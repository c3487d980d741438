
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
  var ELEMENT_TYPES = ['payment', 'address'];
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
  };

  function IntegrationError(message) {
    var error = new Error(message);
    error.name = 'IntegrationError';
    return error;
  }

  function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }
