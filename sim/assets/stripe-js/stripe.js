// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- Stripe ------------------------------------------------------------------------------
  function Stripe(key, options) {
    if (!(this instanceof Stripe)) return new Stripe(key, options);
    if (typeof key !== 'string' || key === '') {
      throw IntegrationError('Please call Stripe() with your publishable key. You used an empty string.');
    }
    if (/^(sk|rk)_/.test(key)) {
      throw IntegrationError('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
    }
    if (!/^pk_(test|live)_\w+$/.test(key)) {
      throw IntegrationError('Invalid value for Stripe(): apiKey should be a publishable key. You specified: ' + key + '.');
    }
    this._key = key;
    this._options = options || {};
  }
  Stripe.version = RELEASE === 'v3' ? 3 : RELEASE;

  Stripe.prototype.elements = function (options) {
    return new Elements(this, options || {});
  };

  Stripe.prototype.createConfirmationToken = function (options) {
    var stripe = this;
    return new Promise(function (resolve, reject) {
      if (!options || !(options.elements instanceof Elements)) {
        return reject(IntegrationError('Invalid value for createConfirmationToken: elements should be an Elements group. You specified: ' + (options && options.elements) + '.'));
      }
      var elements = options.elements;
      if (!elements._submitted) {
        return reject(IntegrationError('elements.submit() must be called before stripe.createConfirmationToken(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work. Integration guide: https://stripe.com/docs/payments/accept-a-payment-deferred'));
      }
      elements._submitted = false;
      var payment = elements._elements.payment;
      if (!payment || !payment._mounted) {
        return reject(IntegrationError('createConfirmationToken: the Payment Element of this Elements group is not mounted.'));
      }
      withAddress(elements, options.params || {}).then(function (params) {
        return ask(payment, 'createConfirmationToken', { key: stripe._key, params: params });
      }, function (failed) { return { error: failed.error }; }).then(resolve);
    });
  };

  function intentId(clientSecret, method) {
    var match = typeof clientSecret === 'string' && clientSecret.match(/^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/);
    if (!match) {
      throw IntegrationError('Invalid value for ' + method + ': clientSecret should be a client secret of the form ${id}_secret_${secret}. You specified: ' + clientSecret + '.');
    }
    return match[1];
  }

  function retrieve(key, clientSecret) {
    var url = ORIGIN + '/v1/payment_intents/' + intentId(clientSecret, 'retrievePaymentIntent') +
      '?key=' + encodeURIComponent(key) + '&client_secret=' + encodeURIComponent(clientSecret);
    return api('GET', url);
  }

  // What the mounted Address Elements collected goes with the payment, as in Stripe.js: a
  // billing address into the payment method's billing details, a shipping address as `shipping`
  // (unless the integration passed its own).
  function withAddress(elements, params) {
    return Promise.all(elements._addressElements().map(function (address) {
      return ask(address, 'getValue').then(function (result) {
        if (result.error) throw result;
        return { mode: address._options.mode, value: result.value };
      });
    })).then(function (collected) {
      var merged = Object.assign({}, params);
      collected.forEach(function (entry) {
        var value = entry.value;
        if (entry.mode === 'billing') {
          var data = Object.assign({}, merged.payment_method_data || {});
          data.billing_details = Object.assign({ name: value.name, address: value.address, phone: value.phone }, data.billing_details || {});
          merged.payment_method_data = data;
        } else if (!merged.shipping) {
          merged.shipping = { name: value.name, address: value.address, phone: value.phone };
        }
      });
      return merged;
    });
  }

  Stripe.prototype.retrievePaymentIntent = function (clientSecret) {
    var key = this._key;
    return new Promise(function (resolve) {
      intentId(clientSecret, 'retrievePaymentIntent');
      retrieve(key, clientSecret).then(function (res) {
        resolve(res.error ? { error: res.error } : { paymentIntent: res.body });
      });
    });
  };

  // The result Stripe.js resolves with once a next action is over.
  function outcomeOf(res) {
    if (res.error) return { error: res.error };
    var intent = res.body;
    if (intent.status === 'requires_payment_method' && intent.last_payment_error) {
      return { error: Object.assign({}, intent.last_payment_error, { payment_intent: intent }) };
    }
    return { paymentIntent: intent };
  }

  Stripe.prototype.handleNextAction = function (options) {
    var key = this._key;
    return new Promise(function (resolve, reject) {
      var clientSecret = options && options.clientSecret;
      var id = intentId(clientSecret, 'handleNextAction');
      retrieve(key, clientSecret).then(function (res) {
        if (res.error) return resolve({ error: res.error });
        var intent = res.body;
        if (intent.status !== 'requires_action') {
          return reject(IntegrationError('handleNextAction: the PaymentIntent ' + id + ' has a status of ' + intent.status + '; only a PaymentIntent with status requires_action has a next action to handle.'));
        }
        var action = intent.next_action || {};
        if (action.type === 'redirect_to_url') {
          // The page leaves; the shopper comes back at the return_url.
          window.location.assign(action.redirect_to_url.url);
          return;
        }
        if (action.type === 'use_stripe_sdk') {
          return openModal(ORIGIN + '/three_d_secure/' + id, { client_secret: clientSecret }, 'Stripe 3D Secure authentication', 300, true)
            .then(function () { return retrieve(key, clientSecret); })
            .then(function (after) { resolve(outcomeOf(after)); });
        }
        resolve({ error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state',
          message: 'The Stripe stand-in cannot handle next_action type ' + action.type + '.', payment_intent: intent } });
      });
    });
  };

  // What wrappers and plugins tell Stripe.js about themselves (react-stripe-js calls the
  // private _registerWrapper); kept, as Stripe.js does, for its own logs.
  Stripe.prototype.registerAppInfo = function (info) {
    if (!info || typeof info.name !== 'string' || info.name === '') {
      throw IntegrationError('Invalid value for registerAppInfo: name should be a string. You specified: ' + (info && info.name) + '.');
    }
    this._appInfo = info;
  };
  Stripe.prototype._registerWrapper = function (wrapper) {
    this._wrapper = wrapper;
  };

  // Card Element calls. The stand-in has no Card Element (only the Payment and Address
  // Elements), so what needs one fails as Stripe.js fails for an Element that cannot do it;
  // what works without one (confirming with a saved PaymentMethod id) works.
  Stripe.prototype.createToken = function (elementOrType) {
    var what = elementOrType instanceof Element ? 'the ' + elementOrType._type + ' Element' : "'" + elementOrType + "' tokens";
    return Promise.reject(IntegrationError('createToken: the Stripe stand-in cannot create a token from ' + what +
      '. Use createConfirmationToken with the Payment Element.'));
  };

  Stripe.prototype.createPaymentMethod = function (options) {
    if (options && options.elements instanceof Elements) {
      return Promise.reject(IntegrationError('createPaymentMethod: the Stripe stand-in does not create PaymentMethods from Elements yet. Use createConfirmationToken.'));
    }
    return Promise.reject(IntegrationError('createPaymentMethod: the Stripe stand-in has no Card Element; pass {elements} of a Payment Element.'));
  };

  Stripe.prototype.confirmCardPayment = function (clientSecret, data, options) {
    var key = this._key;
    return new Promise(function (resolve, reject) {
      var id = intentId(clientSecret, 'confirmCardPayment');
      var method = data && data.payment_method;
      if (method !== undefined && typeof method !== 'string') {
        return reject(IntegrationError('confirmCardPayment: the Stripe stand-in has no Card Element; pass payment_method as a PaymentMethod id.'));
      }
      var body = { key: key, client_secret: clientSecret };
      if (method) body.payment_method = method;
      if (data && data.return_url) body.return_url = data.return_url;
      api('POST', ORIGIN + '/v1/payment_intents/' + id + '/confirm', encodeForm(body)).then(function (res) {
        if (res.error) return resolve({ error: res.error });
        var intent = res.body;
        if (intent.status !== 'requires_action' || (options && options.handleActions === false)) return resolve(outcomeOf(res));
        openModal(ORIGIN + '/three_d_secure/' + id, { client_secret: clientSecret }, 'Stripe 3D Secure authentication', 300, true)
          .then(function () { return retrieve(key, clientSecret); })
          .then(function (after) { resolve(outcomeOf(after)); });
      });
    });
  };

  Stripe.prototype.confirmKonbiniPayment = function (clientSecret, data, options) {
    var key = this._key;
    return new Promise(function (resolve, reject) {
      var id = intentId(clientSecret, 'confirmKonbiniPayment');
      data = data || {};
      if (typeof data.payment_method === 'string') {
        return reject(IntegrationError('confirmKonbiniPayment: the Stripe stand-in takes payment_method as {billing_details}.'));
      }
      var body = {
        key: key,
        client_secret: clientSecret,
        payment_method_data: { type: 'konbini', billing_details: (data.payment_method || {}).billing_details || {} },
        return_url: data.return_url,
      };
      var konbini = (data.payment_method_options || {}).konbini || {};
      if (konbini.confirmation_number) body.payment_method_options = { konbini: { confirmation_number: konbini.confirmation_number } };
      api('POST', ORIGIN + '/v1/payment_intents/' + id + '/confirm', encodeForm(body)).then(function (res) {
        if (res.error) return resolve({ error: res.error });
        var intent = res.body;
        var details = intent.next_action && intent.next_action.konbini_display_details;
        if ((options && options.handleActions === false) || !details) return resolve({ paymentIntent: intent });
        // The promise resolves when the shopper closes the instructions.
        // Opened on this script's origin, whose messages the modal listener trusts.
        var voucher = new URL(details.hosted_voucher_url);
        openModal(ORIGIN + voucher.pathname + voucher.search, {}, 'Konbini payment instructions', 460)
          .then(function () { return retrieve(key, clientSecret); })
          .then(function (after) { resolve({ paymentIntent: after.error ? intent : after.body }); });
      });
    });
  };
