// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- Elements ----------------------------------------------------------------------------
  // A group with neither a clientSecret nor a mode is one for the Elements that need no intent
  // (Address, Payment Method Messaging); the others refuse to be created in it.
  function hasNoIntent(options) {
    return !options.clientSecret && options.mode === undefined && options.amount === undefined && options.currency === undefined;
  }

  // What only a deferred-intent group has: elements-group.d.ts declares these on
  // StripeElementsOptionsMode alone (StripeElementsOptionsClientSecret has `mode?: never` and no
  // amount). A group made with a clientSecret takes them from its intent, which the server
  // changes and elements.fetchUpdates() re-reads (as Stripe advises in
  // stripe/react-stripe-js#506: update the PaymentIntent's amount server side, then
  // "elements.fetchUpdates() instead of elements.update(...)"). Its `currency` is declared, for
  // SetupIntents with automatic payment methods.
  var DEFERRED_ONLY_OPTIONS = ['mode', 'amount', 'setupFutureUsage', 'setup_future_usage', 'captureMethod', 'capture_method',
    'onBehalfOf', 'on_behalf_of', 'excludedPaymentMethodTypes', 'allowedPaymentMethodTypes', 'paymentMethodConfiguration',
    'payment_method_configuration', 'paymentMethodOptions', 'payment_method_options', 'externalPaymentMethodTypes',
    'adaptivePricing'];

  function checkElementsOptions(options, method) {
    if (options.clientSecret) {
      DEFERRED_ONLY_OPTIONS.forEach(function (key) {
        if (options[key] === undefined) return;
        throw IntegrationError('Invalid value for ' + method + ': ' + key + ' is not an accepted parameter in an Elements group created with a clientSecret; ' +
          'it is for Elements groups created with a mode (deferred intent). The group takes it from its ' +
          (/^seti_/.test(options.clientSecret) ? 'SetupIntent' : 'PaymentIntent') +
          ': update that on your server, then call elements.fetchUpdates().');
      });
    }
    if (!options.clientSecret && !hasNoIntent(options)) {
      if (['payment', 'setup', 'subscription'].indexOf(options.mode) < 0) {
        throw IntegrationError('Invalid value for ' + method + ': mode should be one of the following strings: payment, setup, subscription. You specified: ' + options.mode + '.');
      }
      if (typeof options.currency !== 'string' || !/^[a-z]{3}$/.test(options.currency)) {
        throw IntegrationError('Invalid value for ' + method + ': currency should be a lowercase three-letter ISO currency code. You specified: ' + options.currency + '.');
      }
      if (options.mode !== 'setup' && !(Number.isInteger(options.amount) && options.amount >= 0)) {
        throw IntegrationError('Invalid value for ' + method + ': amount should be a non-negative integer in the smallest currency unit. You specified: ' + options.amount + '.');
      }
    }
    if (options.paymentMethodCreation !== undefined && options.paymentMethodCreation !== 'manual') {
      throw IntegrationError('Invalid value for ' + method + ': paymentMethodCreation should be "manual". You specified: ' + options.paymentMethodCreation + '.');
    }
  }

  function Elements(stripe, options) {
    Object.keys(options).forEach(function (key) {
      if (ELEMENTS_OPTIONS.indexOf(key) < 0) {
        console.warn('Unrecognized elements() parameter: ' + key + ' is not a recognized parameter. This may cause issues with your integration in the future.');
      }
    });
    checkElementsOptions(options, 'elements()');
    this._stripe = stripe;
    this._options = Object.assign({}, options);
    this._elements = {};
    this._submitted = false;
    this._sessionLoad = null;  // a promise of the group's elements session ({body} or {error})
    this._loadError = null;    // the error of the last Element of the group that failed to load
  }

  Elements.prototype.create = function (type, options) {
    if (ELEMENT_TYPES.indexOf(type) < 0) {
      throw IntegrationError('A valid Element name must be provided. Valid Elements are: ' + ELEMENT_TYPES.join(', ') + '; you passed: ' + type + '.');
    }
    if (options !== undefined && !isPlainObject(options)) {
      throw IntegrationError("Invalid value for create('" + type + "'): options should be an object. You specified: " + options + '.');
    }
    if (type === 'address' && ['shipping', 'billing'].indexOf((options || {}).mode) < 0) {
      throw IntegrationError("Invalid value for create('address'): mode should be one of the following strings: shipping, billing. You specified: " + (options || {}).mode + '.');
    }
    if (INTENT_ELEMENT_TYPES.indexOf(type) >= 0 && hasNoIntent(this._options)) {
      throw IntegrationError('In order to create ' + (/^[aeiou]/i.test(type) ? 'an ' : 'a ') + type + ' element, you must pass a clientSecret or mode when creating the Elements group.\n\n' +
        '  e.g. stripe.elements({clientSecret: "{{CLIENT_SECRET}}"})');
    }
    if (OPTION_CHECKS[type]) OPTION_CHECKS[type](options || {}, "create('" + type + "')", false);
    // One Element of each type, but an Address Element for each mode (shipping and billing).
    var key = elementKey(type, options);
    if (this._elements[key]) {
      throw IntegrationError('Can only create one Element of type ' + type + (type === 'address' ? ' with mode ' + options.mode : '') + '.');
    }
    var element = new Element(this, type, options || {});
    element._key = key;
    this._elements[key] = element;
    return element;
  };

  function elementKey(type, options) {
    return type === 'address' ? 'address:' + options.mode : type;
  }

  // getElement('address', {mode}) picks the Address Element of that mode; without a mode, the
  // group's only (or first) Address Element.
  Elements.prototype.getElement = function (type, options) {
    if (type === 'address' && !(options && options.mode)) {
      return this._elements['address:shipping'] || this._elements['address:billing'] || null;
    }
    return this._elements[elementKey(type, options || {})] || null;
  };

  // Every mounted Address Element of the group.
  Elements.prototype._addressElements = function () {
    var elements = this;
    return ['address:shipping', 'address:billing'].map(function (key) { return elements._elements[key]; })
      .filter(function (element) { return element && element._mounted; });
  };

  Elements.prototype.update = function (options) {
    var elements = this;
    Object.keys(options || {}).forEach(function (key) {
      if (UPDATABLE_ELEMENTS_OPTIONS.indexOf(key) < 0) {
        throw IntegrationError('Invalid value for elements.update(): ' + key + ' is not an accepted parameter.');
      }
    });
    var next = Object.assign({}, this._options, options);
    checkElementsOptions(next, 'elements.update()');
    this._options = next;
    this._submitted = false;
    // Another CustomerSession is another elements session.
    if ((options || {}).customerSessionClientSecret !== undefined) this._sessionLoad = null;
    var updates = Object.keys(this._elements).map(function (type) {
      var element = elements._elements[type];
      // An open wallet sheet shows the new amount too.
      if (element._walletSheet) element._walletSheet.groupUpdated(next);
      return element._mounted ? ask(element, 'updateGroup', { group: next }) : Promise.resolve();
    });
    return Promise.all(updates).then(function () { return undefined; });
  };

  // The group's elements session, which Stripe.js loads before the group's intent Elements
  // render, in one request (GET /v1/elements/sessions, as Stripe's elements/sessions): the
  // group's intent (a clientSecret group) and its CustomerSession's saved payment methods. Either
  // failing is the Elements' loaderror (element.js). A group with neither has nothing to load.
  // A promise of {body} or {error}; read once for the group, and a failure is not kept, so the
  // next mount tries again.
  Elements.prototype._session = function () {
    var elements = this;
    if (!this._sessionLoad) {
      var loading = this._sessionLoad = this._fetchSession().then(function (res) {
        if (res.error && elements._sessionLoad === loading) elements._sessionLoad = null;
        if (!res.error) elements._loadError = null;
        return res;
      });
    }
    return this._sessionLoad;
  };

  Elements.prototype._fetchSession = function () {
    var options = this._options, query = [];
    if (options.clientSecret) query.push('client_secret=' + encodeURIComponent(options.clientSecret));
    if (options.customerSessionClientSecret) {
      query.push('customer_session_client_secret=' + encodeURIComponent(options.customerSessionClientSecret));
    }
    if (!query.length) return Promise.resolve({ body: {} });
    return api('GET', ORIGIN + '/v1/elements/sessions?' + encodeForm(this._stripe._credentials()) + '&' + query.join('&'));
  };

  // elements.fetchUpdates(): Stripe.js "fetches updates from the associated PaymentIntent or
  // SetupIntent ... and reflects these updates in the Payment Element" (docs.stripe.com/js/
  // elements_object/fetch_updates): the session is read again, and what the group shows (the
  // wallet's total, wallet-sheet.js) is the intent as read then. Resolves {} or, when the
  // session cannot be read (the intent is gone, a network error), {error: {message}} as
  // elements-group.d.ts declares it, the group keeping what it had. A deferred-intent group has
  // no intent to fetch (Stripe documents nothing for it; its amount comes from
  // elements.update()): {}.
  Elements.prototype.fetchUpdates = function () {
    var elements = this;
    if (!this._options.clientSecret) return Promise.resolve({});
    return this._fetchSession().then(function (res) {
      if (res.error) return { error: { message: res.error.message } };
      elements._sessionLoad = Promise.resolve(res);
      return {};
    });
  };

  Elements.prototype.submit = function () {
    var elements = this;
    // A Payment Element that failed to load is gone (Stripe.js destroyed it): submit() answers
    // with why, rather than asking a frame that is no longer there.
    if (!elements._express && elements._loadError && !elements._elements.payment) {
      return Promise.resolve({ error: elements._loadError });
    }
    // After an Express Checkout Element's `confirm` its wallet pays: no Payment Element needed.
    if (!elements._express && (!elements._elements.payment || !elements._elements.payment._mounted)) {
      return Promise.reject(IntegrationError('elements.submit(): a mounted Payment Element is required.'));
    }
    return this._validate().then(function (result) {
      if (!result.error) elements._submitted = true;
      return result;
    });
  };

  // Every mounted Element checks what the shopper entered (showing errors at the fields):
  // {error} of the first that fails, or the payment method type chosen.
  Elements.prototype._validate = function () {
    var elements = this;
    // The wallet's payment details are complete once its sheet confirmed them: nothing to check.
    if (elements._express) return Promise.resolve({ selectedPaymentMethod: 'card' });
    var mounted = Object.keys(this._elements).map(function (t) { return elements._elements[t]; })
      .filter(function (e) { return e._mounted; });
    // Elements still loading are waited for: one that fails to load fails the submit with its
    // load error.
    return Promise.all(mounted.map(function (e) { return e._loaded; })).then(function (loaded) {
      if (loaded.indexOf(false) >= 0) {
        return [{ error: elements._loadError || { type: 'invalid_request_error', message: 'An Element of this group was unmounted before it loaded.' } }];
      }
      return Promise.all(mounted.map(function (e) { return ask(e, 'validate'); }));
    }).then(function (results) {
      var failed = results.filter(function (r) { return r && r.error; })[0];
      if (failed) return { error: failed.error };
      var payment = results[mounted.indexOf(elements._elements.payment)];
      return { selectedPaymentMethod: payment && payment.selectedPaymentMethod || 'card' };
    });
  };
