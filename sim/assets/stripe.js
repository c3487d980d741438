/*
 * Stripe.js stand-in (offline). Implements the browser API of Stripe.js as typed in the public
 * @stripe/stripe-js definitions, for the calls this project makes:
 *   Stripe(pk), stripe.elements(opts), elements.create('payment', opts), elements.getElement,
 *   elements.update, elements.fetchUpdates, elements.submit, element.mount/unmount/destroy/
 *   on/once/off/update/focus/blur/clear/collapse, stripe.createConfirmationToken,
 *   stripe.handleNextAction (3-D Secure in a modal, or by redirect), stripe.retrievePaymentIntent,
 *   stripe.confirmKonbiniPayment (with the instructions in a modal unless handleActions: false).
 * Like Stripe's, each Element is a cross-origin iframe served by the stand-in; card data stays
 * in that iframe, which creates the ConfirmationToken itself with the publishable key.
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
  var EVENTS = { payment: ELEMENT_EVENTS, address: ELEMENT_EVENTS };

  function IntegrationError(message) {
    var error = new Error(message);
    error.name = 'IntegrationError';
    return error;
  }

  function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  // ---- messaging with element iframes -------------------------------------------------------
  var frames = {};      // frameId -> Element
  var pending = {};     // requestId -> {frameId, resolve, timer}: asks awaiting an Element's reply
  var modals = {};      // frameId -> {iframe, resolve}: open modals (3-D Secure, konbini)
  var nextId = 1;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== ORIGIN || !isPlainObject(data) || data.__stripeStandIn !== true) return;
    var modal = modals[data.frameId];
    if (modal && (data.kind === 'three-d-secure' || data.kind === 'modal-closed') && event.source === modal.iframe.contentWindow) {
      delete modals[data.frameId];
      modal.resolve(data);
      return;
    }
    var element = frames[data.frameId];
    if (!element || event.source !== element._iframe.contentWindow) return;
    if (data.kind === 'reply') {
      settle(data.requestId, data.result);
    } else if (data.kind === 'event') {
      element._onFrameEvent(data.name, data.payload || {});
    }
  });

  // Asks an Element's iframe and resolves with its reply; never hangs: an Element that goes
  // away or stops answering resolves the ask with an error.
  var ASK_TIMEOUT_MS = 30000;
  function ask(element, method, args) {
    return new Promise(function (resolve) {
      var requestId = nextId++;
      var timer = setTimeout(function () {
        settle(requestId, { error: { type: 'api_connection_error', message: 'The ' + element._type + ' Element did not answer. Please try again.' } });
      }, ASK_TIMEOUT_MS);
      pending[requestId] = { frameId: element._frameId, resolve: resolve, timer: timer };
      element._post({ kind: 'request', requestId: requestId, method: method, args: args || {} });
    });
  }

  function settle(requestId, result) {
    var request = pending[requestId];
    if (!request) return;
    delete pending[requestId];
    clearTimeout(request.timer);
    request.resolve(result);
  }

  function abandonAsks(element) {
    Object.keys(pending).forEach(function (requestId) {
      if (pending[requestId].frameId === element._frameId) {
        settle(requestId, { error: { type: 'invalid_request_error', message: 'The ' + element._type + ' Element was unmounted before it answered.' } });
      }
    });
  }

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

  // What a mounted Address Element collected goes with the payment, as in Stripe.js: a billing
  // address into the payment method's billing details, a shipping address as `shipping` (unless
  // the integration passed its own).
  function withAddress(elements, params) {
    var address = elements._elements.address;
    if (!address || !address._mounted) return Promise.resolve(params);
    return ask(address, 'getValue').then(function (result) {
      if (result.error) throw result;
      var value = result.value;
      var merged = Object.assign({}, params);
      if (address._options.mode === 'billing') {
        var data = Object.assign({}, merged.payment_method_data || {});
        data.billing_details = Object.assign({ name: value.name, address: value.address, phone: value.phone }, data.billing_details || {});
        merged.payment_method_data = data;
      } else if (!merged.shipping) {
        merged.shipping = { name: value.name, address: value.address, phone: value.phone };
      }
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

  // A page of Stripe's (3-D Secure, konbini instructions) in a modal over the merchant's page;
  // resolves with the page's closing message. Its close button, as on Stripe's, closes
  // instructions; closing an authentication cancels it, which fails it (the page is asked to).
  function openModal(url, fragment, title, height, authentication) {
    return new Promise(function (resolve) {
      var frameId = 'm' + (nextId++);
      var overlay = document.createElement('div');
      overlay.className = '__PrivateStripeModal';
      overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;';
      var iframe = document.createElement('iframe');
      iframe.title = title;
      iframe.name = '__privateStripeFrame' + frameId;
      iframe.style.cssText = 'width:min(520px,94vw);height:' + height + 'px;max-height:90vh;border:0;border-radius:8px;background:#fff;box-shadow:0 8px 32px rgba(0,0,0,.3);';
      var params = new URLSearchParams(Object.assign({ frame_id: frameId, parent_origin: location.origin }, fragment));
      iframe.src = url + '#' + params.toString();
      var close = document.createElement('button');
      close.type = 'button';
      close.setAttribute('aria-label', 'Close');
      close.textContent = '\u00d7';
      close.style.cssText = 'position:absolute;top:12px;right:16px;font:28px/1 system-ui,sans-serif;color:#fff;background:none;border:0;cursor:pointer;';
      close.addEventListener('click', function () {
        var open = modals[frameId];
        if (!open) return;
        if (authentication) {
          iframe.contentWindow.postMessage({ __stripeStandIn: true, kind: 'cancel' }, ORIGIN);
        } else {
          delete modals[frameId];
          open.resolve({ kind: 'modal-closed' });
        }
      });
      overlay.appendChild(close);
      overlay.appendChild(iframe);
      document.body.appendChild(overlay);
      modals[frameId] = {
        iframe: iframe,
        resolve: function (message) {
          if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
          resolve(message);
        },
      };
    });
  }

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

  // ---- Elements ----------------------------------------------------------------------------
  function checkElementsOptions(options, method) {
    if (!options.clientSecret) {
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
  }

  Elements.prototype.create = function (type, options) {
    if (ELEMENT_TYPES.indexOf(type) < 0) {
      throw IntegrationError('A valid Element name must be provided. Valid Elements are: ' + ELEMENT_TYPES.join(', ') + '; you passed: ' + type + '.');
    }
    if (this._elements[type]) {
      throw IntegrationError('Can only create one Element of type ' + type + '.');
    }
    if (type === 'address' && ['shipping', 'billing'].indexOf((options || {}).mode) < 0) {
      throw IntegrationError("Invalid value for create('address'): mode should be one of the following strings: shipping, billing. You specified: " + (options || {}).mode + '.');
    }
    var element = new Element(this, type, options || {});
    this._elements[type] = element;
    return element;
  };

  Elements.prototype.getElement = function (type) {
    return this._elements[type] || null;
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
    var updates = Object.keys(this._elements).map(function (type) {
      var element = elements._elements[type];
      return element._mounted ? ask(element, 'updateGroup', { group: next }) : Promise.resolve();
    });
    return Promise.all(updates).then(function () { return undefined; });
  };

  Elements.prototype.fetchUpdates = function () {
    return Promise.resolve({});
  };

  Elements.prototype.submit = function () {
    var elements = this;
    var mounted = Object.keys(this._elements).map(function (t) { return elements._elements[t]; })
      .filter(function (e) { return e._mounted; });
    if (!elements._elements.payment || !elements._elements.payment._mounted) {
      return Promise.reject(IntegrationError('elements.submit(): a mounted Payment Element is required.'));
    }
    return Promise.all(mounted.map(function (e) { return ask(e, 'validate'); })).then(function (results) {
      var failed = results.filter(function (r) { return r && r.error; })[0];
      if (failed) return { error: failed.error };
      elements._submitted = true;
      var payment = results[mounted.indexOf(elements._elements.payment)];
      return { selectedPaymentMethod: payment && payment.selectedPaymentMethod || 'card' };
    });
  };

  // ---- Element -----------------------------------------------------------------------------
  var frameCounter = 0;

  function Element(group, type, options) {
    this._group = group;
    this._type = type;
    this._options = Object.assign({}, options);
    this._handlers = {};
    this._mounted = false;
    this._destroyed = false;
    this._queue = [];
    this._frameId = 'f' + (++frameCounter) + Math.random().toString(36).slice(2, 8);
  }

  Element.prototype._checkAlive = function () {
    if (this._destroyed) throw IntegrationError('This Element has already been destroyed. Please create a new one.');
  };

  Element.prototype.mount = function (target) {
    this._checkAlive();
    if (this._mounted) {
      throw IntegrationError('This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.');
    }
    var node = typeof target === 'string' ? document.querySelector(target) : target;
    if (!node || typeof node.appendChild !== 'function') {
      throw IntegrationError('The selector you specified (' + target + ') applies to no DOM elements that are currently on the page. Make sure the element exists on the page before calling mount().');
    }
    var wrapper = document.createElement('div');
    wrapper.className = '__PrivateStripeElement';
    var iframe = document.createElement('iframe');
    iframe.name = '__privateStripeFrame' + this._frameId;
    iframe.title = this._type === 'address' ? 'Secure address input frame' : 'Secure payment input frame';
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('allowtransparency', 'true');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('allow', 'payment *');
    iframe.style.cssText = 'border:none;margin:0;padding:0;width:1px;min-width:100%;overflow:hidden;display:block;height:1px;';
    var config = { frameId: this._frameId, parentOrigin: location.origin, key: this._group._stripe._key,
      options: this._options, group: this._group._options };
    iframe.src = ORIGIN + '/elements/' + this._type + '#' + encodeURIComponent(JSON.stringify(config));
    wrapper.appendChild(iframe);
    node.appendChild(wrapper);
    this._wrapper = wrapper;
    this._iframe = iframe;
    this._mounted = true;
    this._ready = false;
    this._queue = [];
    frames[this._frameId] = this;
    this._emit('loaderstart', { elementType: this._type });
    var element = this;
    this._loadTimer = setTimeout(function () {
      if (element._mounted && !element._ready) {
        element._emit('loaderror', { elementType: element._type, error: { type: 'api_connection_error', message: 'The Payment Element could not be loaded.' } });
      }
    }, 15000);
  };

  Element.prototype.unmount = function () {
    this._checkAlive();
    if (!this._mounted) return;
    clearTimeout(this._loadTimer);
    abandonAsks(this);
    this._queue = [];
    delete frames[this._frameId];
    if (this._wrapper.parentNode) this._wrapper.parentNode.removeChild(this._wrapper);
    this._mounted = false;
    this._wrapper = this._iframe = null;
  };

  Element.prototype.destroy = function () {
    this._checkAlive();
    if (this._mounted) this.unmount();
    this._destroyed = true;
    this._handlers = {};
    if (this._group._elements[this._type] === this) delete this._group._elements[this._type];
  };

  Element.prototype.on = function (name, handler) {
    if (EVENTS[this._type].indexOf(name) < 0) {
      throw IntegrationError('Invalid value for on(): event should be one of ' + EVENTS[this._type].join(', ') + '. You specified: ' + name + '.');
    }
    if (typeof handler !== 'function') throw IntegrationError('Invalid value for on(): handler should be a function.');
    (this._handlers[name] = this._handlers[name] || []).push({ fn: handler, once: false });
    return this;
  };

  Element.prototype.once = function (name, handler) {
    this.on(name, handler);
    this._handlers[name][this._handlers[name].length - 1].once = true;
    return this;
  };

  Element.prototype.off = function (name, handler) {
    if (!this._handlers[name]) return this;
    this._handlers[name] = handler ? this._handlers[name].filter(function (h) { return h.fn !== handler; }) : [];
    return this;
  };

  Element.prototype.update = function (options) {
    this._checkAlive();
    if (!isPlainObject(options)) throw IntegrationError('Invalid value for update(): options should be an object.');
    Object.assign(this._options, options);
    if (this._mounted) this._post({ kind: 'request', requestId: 0, method: 'update', args: { options: this._options } });
  };

  ['focus', 'blur', 'clear', 'collapse'].forEach(function (method) {
    Element.prototype[method] = function () {
      this._checkAlive();
      if (this._mounted) this._post({ kind: 'request', requestId: 0, method: method, args: {} });
      return this;
    };
  });

  // Address Element: `getValue()` resolves with {complete, isNewAddress, value}.
  Element.prototype.getValue = function () {
    this._checkAlive();
    if (this._type !== 'address') throw IntegrationError('getValue() is only available on the Address Element.');
    if (!this._mounted) return Promise.reject(IntegrationError('getValue(): the Address Element is not mounted.'));
    return ask(this, 'getValue');
  };

  // Until the iframe says it is ready its document may not be loaded, and a message posted
  // now would be lost: queue it.
  Element.prototype._post = function (message) {
    message.__stripeStandIn = true;
    message.frameId = this._frameId;
    if (!this._ready) { this._queue.push(message); return; }
    if (this._iframe && this._iframe.contentWindow) this._iframe.contentWindow.postMessage(message, ORIGIN);
  };

  Element.prototype._emit = function (name, payload) {
    var handlers = this._handlers[name] || [];
    this._handlers[name] = handlers.filter(function (h) { return !h.once; });
    handlers.forEach(function (h) {
      try { h.fn(payload); } catch (e) { setTimeout(function () { throw e; }); }
    });
  };

  Element.prototype._onFrameEvent = function (name, payload) {
    if (name === 'resize') {
      this._iframe.style.height = payload.height + 'px';
      return;
    }
    if (name === 'ready') {
      this._ready = true;
      clearTimeout(this._loadTimer);
      var queued = this._queue;
      this._queue = [];
      queued.forEach(this._post, this);
    }
    if (name === 'submit-request') {
      // Enter in an Element submits the form around it, as in Stripe's Elements.
      var form = this._wrapper && this._wrapper.closest('form');
      if (form) form.requestSubmit();
      return;
    }
    if (name === 'change') this._group._submitted = false;
    payload.elementType = this._type;
    this._emit(name, payload);
  };

  window.Stripe = Stripe;
})();
