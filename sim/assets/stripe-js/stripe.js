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
    if (options !== undefined && options !== null && options.stripeAccount !== undefined && typeof options.stripeAccount !== 'string') {
      throw IntegrationError('Invalid value for Stripe(): stripeAccount should be a string. You specified: ' + options.stripeAccount + '.');
    }
    this._key = key;
    this._options = options || {};
    // Connect: every call is made on this connected account (and its Elements' calls too).
    this._account = this._options.stripeAccount || undefined;
  }

  // What identifies this Stripe instance's calls: its key, and its connected account.
  Stripe.prototype._credentials = function () {
    return credentials(this._key, this._account);
  };
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
      // The Payment Element, or the Express Checkout Element's wallet after its confirm.
      var source = paymentSource(elements, 'payment_method_data', true);
      if (!source) {
        return reject(IntegrationError('createConfirmationToken: the Payment Element of this Elements group is not mounted.'));
      }
      source.params(options.params || {}).then(function (params) {
        return source.ask('createConfirmationToken', { key: stripe._key, params: params });
      }, function (failed) { return { error: failed.error }; }).then(resolve);
    });
  };

  // What the mounted Address Elements collected goes with the payment, as in Stripe.js: a
  // billing address into the payment method's billing details, a shipping address as `shipping`
  // (unless the integration passed its own).
  function addresses(elements) {
    return Promise.all(elements._addressElements().map(function (address) {
      return ask(address, 'getValue').then(function (result) {
        if (result.error) throw result;
        var value = result.value;
        return { mode: address._options.mode, details: { name: value.name, address: value.address, phone: value.phone } };
      });
    }));
  }

  function withAddress(elements, params, shipping) {
    return addresses(elements).then(function (collected) {
      var merged = Object.assign({}, params);
      collected.forEach(function (entry) {
        if (entry.mode === 'billing') {
          var data = Object.assign({}, merged.payment_method_data || {});
          data.billing_details = Object.assign(entry.details, data.billing_details || {});
          merged.payment_method_data = data;
        } else if (shipping !== false && !merged.shipping) {
          merged.shipping = entry.details;
        }
      });
      return merged;
    });
  }

  // A PaymentMethod has billing details and no shipping: only a billing Address Element counts.
  function withBillingAddress(elements, params) {
    return addresses(elements).then(function (collected) {
      var merged = Object.assign({}, params);
      collected.forEach(function (entry) {
        if (entry.mode === 'billing') merged.billing_details = Object.assign(entry.details, merged.billing_details || {});
      });
      return merged;
    });
  }

  // What wrappers and plugins tell Stripe.js about themselves (react-stripe-js calls the
  // private _registerWrapper); kept, as Stripe.js does, for its own logs. Nothing else.
  Stripe.prototype.registerAppInfo = function (info) {
    if (!isPlainObject(info) || typeof info.name !== 'string' || info.name === '') {
      throw IntegrationError('Invalid value for registerAppInfo: name should be a string. You specified: ' + (info && info.name) + '.');
    }
    ['version', 'url', 'partner_id'].forEach(function (field) {
      if (info[field] !== undefined && typeof info[field] !== 'string') {
        throw IntegrationError('Invalid value for registerAppInfo: ' + field + ' should be a string. You specified: ' + info[field] + '.');
      }
    });
    this._appInfo = pick(info, ['name', 'version', 'url', 'partner_id']);
  };
  Stripe.prototype._registerWrapper = function (wrapper) {
    this._wrapper = pick(isPlainObject(wrapper) ? wrapper : {}, ['name', 'version']);
  };
  function pick(object, names) {
    var out = {};
    names.forEach(function (name) { if (object[name] !== undefined) out[name] = object[name]; });
    return out;
  }

  // ---- Card Element calls ----------------------------------------------------------------
  // The stand-in has the Payment and Address Elements only, no Card Element: what needs one
  // fails as an IntegrationError that says so; what works without one (a PaymentMethod from the
  // Payment Element, confirming with a PaymentMethod id) works.
  function noCardElement(method, what) {
    return IntegrationError(method + ': the Stripe stand-in has no Card Element (only the Payment and Address Elements), so it cannot ' +
      what + '. Create a PaymentMethod from the Payment Element with stripe.createPaymentMethod({elements}) after elements.submit(), and pass its id.');
  }

  // Token types Stripe.js makes from data rather than an Element.
  var TOKEN_TYPES = ['pii', 'bank_account', 'cvc_update', 'account', 'person'];

  Stripe.prototype.createToken = function (elementOrType) {
    return new Promise(function (resolve, reject) {
      if (elementOrType instanceof Element) {
        // As Stripe.js: Tokens come from the card and bank Elements, never from these.
        var type = elementOrType._type;
        return reject(IntegrationError('Invalid value for createToken: the ' + type + ' Element cannot be used to create a Token. ' +
          (type === 'payment'
            ? 'Use stripe.createPaymentMethod({elements}) or stripe.createConfirmationToken({elements}) with the Payment Element.'
            : 'The Address Element collects an address for the Payment Element; use stripe.createPaymentMethod({elements}) or stripe.createConfirmationToken({elements}).')));
      }
      if (TOKEN_TYPES.indexOf(elementOrType) >= 0) {
        return reject(IntegrationError("createToken: the Stripe stand-in does not make '" + elementOrType + "' tokens."));
      }
      reject(IntegrationError('You must provide a Stripe Element or a valid token type to create a Token.'));
    });
  };

  // stripe.createPaymentMethod({elements, params}): the Payment Element's frame creates the
  // PaymentMethod (POST /v1/payment_methods with the publishable key), after elements.submit()
  // and with the group made for it (paymentMethodCreation: 'manual'), as in Stripe.js.
  Stripe.prototype.createPaymentMethod = function (options) {
    var stripe = this;
    return new Promise(function (resolve, reject) {
      if (typeof options === 'string') {
        // The old createPaymentMethod(type, cardElement, data) form.
        return reject(noCardElement('createPaymentMethod', "create a '" + options + "' PaymentMethod from a Card Element"));
      }
      if (!isPlainObject(options)) {
        return reject(IntegrationError('Invalid value for createPaymentMethod: paymentMethodData should be an object. You specified: ' + options + '.'));
      }
      if (options.elements === undefined) {
        if (options.element !== undefined) {
          return reject(IntegrationError('createPaymentMethod: the Stripe stand-in creates PaymentMethods from the Payment Element through its Elements group: pass {elements}, not {element}.'));
        }
        if (options.type === 'card') return reject(noCardElement('createPaymentMethod', 'create a PaymentMethod from {type: \'card\', card}'));
        return reject(IntegrationError('createPaymentMethod: the Stripe stand-in creates card PaymentMethods from the Payment Element only; it does not create ' +
          (options.type ? "'" + options.type + "' PaymentMethods" : 'PaymentMethods without {elements}') + '. Pass {elements}.'));
      }
      var elements = options.elements;
      if (!(elements instanceof Elements)) {
        return reject(IntegrationError('Invalid value for createPaymentMethod: elements should be an Elements group. You specified: ' + elements + '.'));
      }
      if (elements._options.paymentMethodCreation !== 'manual') {
        return reject(IntegrationError("createPaymentMethod: creating a PaymentMethod from Elements needs paymentMethodCreation: 'manual' when the Elements group is created (stripe.elements({paymentMethodCreation: 'manual', ...}))."));
      }
      if (!elements._submitted) {
        return reject(IntegrationError('elements.submit() must be called before stripe.createPaymentMethod(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work. Integration guide: https://stripe.com/docs/payments/accept-a-payment-deferred'));
      }
      elements._submitted = false;
      var source = paymentSource(elements, 'billing_details', false);
      if (!source) {
        return reject(IntegrationError('createPaymentMethod: the Payment Element of this Elements group is not mounted.'));
      }
      var params = Object.assign({}, options.params || {});
      if (options.metadata) params.metadata = Object.assign({}, params.metadata || {}, options.metadata);
      source.params(params).then(function (merged) {
        return source.ask('createPaymentMethod', { key: stripe._key, params: merged });
      }, function (failed) { return { error: failed.error }; }).then(resolve);
    });
  };

  // stripe.confirmCardPayment(clientSecret, {payment_method: 'pm_...'}, {handleActions}):
  // confirms with the publishable key and the client secret, then does the next action (the
  // 3-D Secure modal) unless handleActions is false.
  Stripe.prototype.confirmCardPayment = function (clientSecret, data, options) {
    var stripe = this;
    return new Promise(function (resolve, reject) {
      var id = intentId(clientSecret, 'confirmCardPayment');
      if (data !== undefined && !isPlainObject(data)) {
        return reject(IntegrationError('Invalid value for confirmCardPayment: data should be an object. You specified: ' + data + '.'));
      }
      data = data || {};
      var method = data.payment_method;
      if (method !== undefined && typeof method !== 'string') {
        return reject(noCardElement('confirmCardPayment', 'confirm with payment_method as card details or a Card Element'));
      }
      var card = (data.payment_method_options || {}).card || {};
      if (card.cvc !== undefined) {
        return reject(IntegrationError('confirmCardPayment: the Stripe stand-in has no Card CVC Element; payment_method_options.card.cvc cannot be used.'));
      }
      // The rest of data goes to the API, as Stripe.js sends it.
      var body = Object.assign({}, data, stripe._credentials(), { client_secret: clientSecret });
      api('POST', ORIGIN + '/v1/payment_intents/' + id + '/confirm', encodeForm(body)).then(function (res) {
        if (res.error) return resolve({ error: res.error });
        var intent = res.body;
        if (intent.status !== 'requires_action' || (options && options.handleActions === false)) return resolve(outcomeOf(res));
        doNextAction(stripe, clientSecret, intent).then(resolve);
      });
    });
  };

  Stripe.prototype.confirmKonbiniPayment = function (clientSecret, data, options) {
    var stripe = this;
    return new Promise(function (resolve, reject) {
      var id = intentId(clientSecret, 'confirmKonbiniPayment');
      data = data || {};
      if (typeof data.payment_method === 'string') {
        return reject(IntegrationError('confirmKonbiniPayment: the Stripe stand-in takes payment_method as {billing_details}.'));
      }
      var body = Object.assign(stripe._credentials(), {
        client_secret: clientSecret,
        payment_method_data: { type: 'konbini', billing_details: (data.payment_method || {}).billing_details || {} },
        return_url: data.return_url,
      });
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
          .then(function () { return retrieve(stripe, clientSecret); })
          .then(function (after) { resolve({ paymentIntent: after.error ? intent : after.body }); });
      });
    });
  };
