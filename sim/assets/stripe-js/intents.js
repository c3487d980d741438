// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- PaymentIntents and SetupIntents -----------------------------------------------------
  // What differs between the two kinds of intent, by the prefix of their ids.
  var INTENTS = {
    pi: { name: 'PaymentIntent', path: '/v1/payment_intents/', result: 'paymentIntent', field: 'payment_intent', lastError: 'last_payment_error' },
    seti: { name: 'SetupIntent', path: '/v1/setup_intents/', result: 'setupIntent', field: 'setup_intent', lastError: 'last_setup_error' },
  };

  // A client secret `${id}_secret_${secret}` of one of `kinds` ('pi', 'seti'): {id, kind}.
  // Anything else is the IntegrationError Stripe.js throws for it.
  function parseSecret(clientSecret, method, kinds) {
    var match = typeof clientSecret === 'string' && clientSecret.match(/^((pi|seti)_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/);
    if (!match || kinds.indexOf(match[2]) < 0) {
      throw IntegrationError('Invalid value for ' + method + ': clientSecret should be a client secret of the form ${id}_secret_${secret}' +
        (kinds.length === 1 ? ' of a ' + INTENTS[kinds[0]].name : '') + '. You specified: ' + clientSecret + '.');
    }
    return { id: match[1], kind: INTENTS[match[2]] };
  }

  // A PaymentIntent's id from its client secret (the calls that take only PaymentIntents).
  function intentId(clientSecret, method) {
    return parseSecret(clientSecret, method, ['pi']).id;
  }

  function kindOf(intent) {
    return INTENTS[intent.id.split('_')[0]];
  }

  // The intent as Stripe.js may see it: with the publishable key (and connected account) of
  // `stripe`, and the client secret.
  function retrieve(stripe, clientSecret) {
    var intent = parseSecret(clientSecret, 'retrieve', ['pi', 'seti']);
    var url = ORIGIN + intent.kind.path + intent.id + '?' + encodeForm(stripe._credentials()) +
      '&client_secret=' + encodeURIComponent(clientSecret);
    return api('GET', url);
  }

  function retrieveAs(stripe, clientSecret, method, kind) {
    return new Promise(function (resolve) {
      parseSecret(clientSecret, method, [kind]);
      retrieve(stripe, clientSecret).then(function (res) {
        var result = {};
        if (res.error) result.error = res.error; else result[INTENTS[kind].result] = res.body;
        resolve(result);
      });
    });
  }

  Stripe.prototype.retrievePaymentIntent = function (clientSecret) {
    return retrieveAs(this, clientSecret, 'retrievePaymentIntent', 'pi');
  };

  Stripe.prototype.retrieveSetupIntent = function (clientSecret) {
    return retrieveAs(this, clientSecret, 'retrieveSetupIntent', 'seti');
  };

  // The result Stripe.js resolves with for an intent: {paymentIntent} or {setupIntent}, or the
  // error that sent it back to requires_payment_method, carrying the intent.
  function outcomeOf(res) {
    if (res.error) return { error: res.error };
    var intent = res.body, kind = kindOf(intent);
    var result = {};
    if (intent.status === 'requires_payment_method' && intent[kind.lastError]) {
      result.error = Object.assign({}, intent[kind.lastError]);
      result.error[kind.field] = intent;
    } else {
      result[kind.result] = intent;
    }
    return result;
  }

  // Does an intent's next action as Stripe.js does: the 3-D Secure modal (resolving with the
  // outcome once it closes), or a redirect (the page leaves; the shopper comes back at the
  // return_url, and the promise never settles). The challenge page of a connected account's
  // intent is told the account (`merchant`, as Stripe's hosted 3-D Secure URLs carry it).
  function doNextAction(stripe, clientSecret, intent) {
    var action = intent.next_action || {};
    if (action.type === 'redirect_to_url') {
      window.location.assign(action.redirect_to_url.url);
      return new Promise(function () {});
    }
    if (action.type === 'use_stripe_sdk') {
      var fragment = stripe._account ? { client_secret: clientSecret, merchant: stripe._account } : { client_secret: clientSecret };
      return openModal(ORIGIN + '/three_d_secure/' + intent.id, fragment, 'Stripe 3D Secure authentication', 300, true)
        .then(function () { return retrieve(stripe, clientSecret); })
        .then(outcomeOf);
    }
    var kind = kindOf(intent);
    var error = { type: 'invalid_request_error', code: kind.field + '_unexpected_state',
      message: 'The Stripe stand-in cannot handle next_action type ' + action.type + '.' };
    error[kind.field] = intent;
    return Promise.resolve({ error: error });
  }

  // An intent the server confirmed: its next action (PaymentIntents and SetupIntents alike).
  Stripe.prototype.handleNextAction = function (options) {
    var stripe = this;
    return new Promise(function (resolve, reject) {
      var clientSecret = options && options.clientSecret;
      var parsed = parseSecret(clientSecret, 'handleNextAction', ['pi', 'seti']);
      retrieve(stripe, clientSecret).then(function (res) {
        if (res.error) return resolve({ error: res.error });
        var intent = res.body;
        if (intent.status !== 'requires_action') {
          return reject(IntegrationError('handleNextAction: the ' + parsed.kind.name + ' ' + parsed.id + ' has a status of ' + intent.status +
            '; only a ' + parsed.kind.name + ' with status requires_action has a next action to handle.'));
        }
        doNextAction(stripe, clientSecret, intent).then(resolve);
      });
    });
  };

  // stripe.confirmPayment / stripe.confirmSetup: confirm an intent with what the Payment
  // Element collected ({elements}: the group's client secret, or `clientSecret` with a
  // deferred-intent group after elements.submit()), or with `confirmParams.payment_method`
  // alone. Then the next action, and by default (`redirect: 'always'`) the return_url with the
  // intent's id and client secret, as Stripe.js does; `redirect: 'if_required'` resolves with
  // the intent instead unless the payment method needs a redirect.
  Stripe.prototype.confirmPayment = function (options) {
    return confirmIntent(this, options, 'confirmPayment', 'pi');
  };

  Stripe.prototype.confirmSetup = function (options) {
    return confirmIntent(this, options, 'confirmSetup', 'seti');
  };

  function confirmIntent(stripe, options, method, kind) {
    return new Promise(function (resolve, reject) {
      if (!isPlainObject(options)) {
        return reject(IntegrationError('Invalid value for ' + method + ': options should be an object. You specified: ' + options + '.'));
      }
      var elements = options.elements;
      if (elements !== undefined && !(elements instanceof Elements)) {
        return reject(IntegrationError('Invalid value for ' + method + ': elements should be an Elements group. You specified: ' + elements + '.'));
      }
      var deferred = !!elements && !elements._options.clientSecret;
      var clientSecret = options.clientSecret;
      if (elements && !deferred) {
        if (clientSecret !== undefined && clientSecret !== elements._options.clientSecret) {
          return reject(IntegrationError(method + '(): the clientSecret passed does not match the one the Elements group was created with.'));
        }
        clientSecret = elements._options.clientSecret;
      }
      if (clientSecret === undefined) {
        return reject(IntegrationError('Invalid value for ' + method + ': clientSecret is required ' +
          (elements ? 'when the Elements group was created without one (deferred intent).' : 'without an Elements group.')));
      }
      var intent = parseSecret(clientSecret, method, [kind]);
      var redirect = options.redirect === undefined ? 'always' : options.redirect;
      if (redirect !== 'always' && redirect !== 'if_required') {
        return reject(IntegrationError('Invalid value for ' + method + ': redirect should be one of the following strings: always, if_required. You specified: ' + redirect + '.'));
      }
      var params = options.confirmParams === undefined ? {} : options.confirmParams;
      if (!isPlainObject(params)) {
        return reject(IntegrationError('Invalid value for ' + method + ': confirmParams should be an object. You specified: ' + params + '.'));
      }
      if (redirect === 'always' && !params.return_url) {
        return reject(IntegrationError('stripe.' + method + "(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`"));
      }
      var confirmed;
      if (elements) {
        if (deferred && !elements._submitted) {
          return reject(IntegrationError('elements.submit() must be called before stripe.' + method + '(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work. Integration guide: https://stripe.com/docs/payments/accept-a-payment-deferred'));
        }
        elements._submitted = false;
        // A SetupIntent has no shipping: only billing details go with it.
        var source = paymentSource(elements, 'payment_method_data', kind === 'pi');
        if (!source) {
          return reject(IntegrationError(method + ': the Payment Element of this Elements group is not mounted.'));
        }
        // A group created with the client secret is validated here (there was no submit()).
        var validated = deferred ? Promise.resolve({}) : elements._validate();
        confirmed = validated.then(function (checked) {
          if (checked.error) return checked;
          return source.params(params).then(function (merged) {
            return source.ask('confirmIntent', { key: stripe._key, clientSecret: clientSecret, path: intent.kind.path, params: merged });
          }, function (failed) { return { error: failed.error }; });
        });
      } else {
        if (typeof params.payment_method !== 'string') {
          return reject(IntegrationError(method + ': without elements, pass the PaymentMethod to confirm with as confirmParams.payment_method (its id).'));
        }
        var body = Object.assign({}, params, stripe._credentials(), { client_secret: clientSecret });
        confirmed = api('POST', ORIGIN + intent.kind.path + intent.id + '/confirm', encodeForm(body));
      }
      confirmed.then(function (res) {
        if (res.error) return { error: res.error };
        return res.body.status === 'requires_action' ? doNextAction(stripe, clientSecret, res.body) : outcomeOf(res);
      }).then(function (outcome) {
        var done = outcome[intent.kind.result];
        if (!done || redirect === 'if_required') return resolve(outcome);
        window.location.assign(returnUrl(params.return_url, intent.kind, done, clientSecret));
      });
    });
  }

  // Where Stripe.js sends the shopper after a confirmation: the return_url with the intent's
  // id, its client secret and how it went.
  function returnUrl(base, kind, intent, clientSecret) {
    var url = new URL(base, location.href);
    url.searchParams.set(kind.field, intent.id);
    url.searchParams.set(kind.field + '_client_secret', clientSecret);
    url.searchParams.set('redirect_status', intent.status === 'succeeded' || intent.status === 'processing' ? 'succeeded' : 'failed');
    return url.toString();
  }
