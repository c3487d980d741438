// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- Embedded Checkout ---------------------------------------------------------------------
  // stripe.createEmbeddedCheckoutPage(options) as @stripe/stripe-js 10.2.1 declares it
  // (embedded-checkout.d.ts): Stripe's Checkout page for a Checkout Session made with
  // ui_mode embedded_page, in a cross-origin iframe the stand-in serves (/checkout/embedded).
  // The page loads the session with the publishable key and the client secret, sizes its
  // iframe, and once paid asks for the shopper to be sent to the session's return_url, or for
  // onComplete when the session does not redirect.
  var EMBEDDED_CHECKOUT_OPTIONS = ['clientSecret', 'fetchClientSecret', 'onComplete', 'onShippingDetailsChange',
    'onLineItemsChange', 'onAnalyticsEvent'];
  // Stripe.js runs one Embedded Checkout at a time on a page, until it is destroyed.
  var liveEmbeddedCheckout = null;

  Stripe.prototype.createEmbeddedCheckoutPage = function (options) {
    var stripe = this;
    return new Promise(function (resolve, reject) {
      var problem = embeddedCheckoutProblem(options);
      if (problem) return reject(IntegrationError(problem));
      if (liveEmbeddedCheckout) return reject(IntegrationError('You cannot have multiple Embedded Checkout objects.'));
      var checkout = new EmbeddedCheckout(stripe, options);
      liveEmbeddedCheckout = checkout;
      checkoutSecret(options).then(function (secret) {
        checkout._clientSecret = secret;
        resolve(checkout);
      }, function (error) {
        if (liveEmbeddedCheckout === checkout) liveEmbeddedCheckout = null;
        reject(error);
      });
    });
  };

  // Renamed to createEmbeddedCheckoutPage by 2026-03-25.dahlia, after which calling it throws.
  Stripe.prototype.initEmbeddedCheckout = function () {
    throw IntegrationError('stripe.initEmbeddedCheckout() has been removed. Please use stripe.createEmbeddedCheckoutPage() instead.');
  };

  function embeddedCheckoutProblem(options) {
    if (!isPlainObject(options)) {
      return 'Invalid value for createEmbeddedCheckoutPage: options should be an object. You specified: ' + options + '.';
    }
    Object.keys(options).forEach(function (key) {
      if (EMBEDDED_CHECKOUT_OPTIONS.indexOf(key) < 0) {
        console.warn('Unrecognized createEmbeddedCheckoutPage() parameter: ' + key + ' is not a recognized parameter. This may cause issues with your integration in the future.');
      }
    });
    if (options.fetchClientSecret === undefined && options.clientSecret === undefined) {
      return 'Invalid value for createEmbeddedCheckoutPage: fetchClientSecret should be a function that returns a Promise of the client secret of a Checkout Session. You specified: undefined.';
    }
    if (options.fetchClientSecret !== undefined && options.clientSecret !== undefined) {
      return 'createEmbeddedCheckoutPage: pass either fetchClientSecret or clientSecret, not both.';
    }
    var callbacks = ['fetchClientSecret', 'onComplete', 'onShippingDetailsChange', 'onLineItemsChange', 'onAnalyticsEvent'];
    for (var i = 0; i < callbacks.length; i++) {
      var value = options[callbacks[i]];
      if (value !== undefined && typeof value !== 'function') {
        return 'Invalid value for createEmbeddedCheckoutPage: ' + callbacks[i] + ' should be a function. You specified: ' + value + '.';
      }
    }
    return null;
  }

  // The client secret: fetchClientSecret's (a promise of it), or the deprecated clientSecret.
  function checkoutSecret(options) {
    var given = options.fetchClientSecret ? Promise.resolve().then(options.fetchClientSecret) : Promise.resolve(options.clientSecret);
    return given.then(function (secret) {
      if (typeof secret !== 'string' || !/^cs_(test|live)_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/.test(secret)) {
        throw IntegrationError('Invalid value for createEmbeddedCheckoutPage: ' + (options.fetchClientSecret ? 'fetchClientSecret should resolve with' : 'clientSecret should be') +
          ' the client secret of a Checkout Session, of the form ${id}_secret_${secret}. You specified: ' + secret + '.');
      }
      return secret;
    });
  }

  function EmbeddedCheckout(stripe, options) {
    this._stripe = stripe;
    this._options = Object.assign({}, options);
    this._mounted = false;
    this._destroyed = false;
    this._frameId = 'ec' + (nextId++) + Math.random().toString(36).slice(2, 8);
  }

  EmbeddedCheckout.prototype._checkAlive = function () {
    if (this._destroyed) {
      throw IntegrationError('This Embedded Checkout object has been destroyed. Create a new one with stripe.createEmbeddedCheckoutPage().');
    }
  };

  EmbeddedCheckout.prototype.mount = function (target) {
    this._checkAlive();
    if (this._mounted) {
      throw IntegrationError('Embedded Checkout is already mounted. Call unmount() before mounting it again.');
    }
    var node = typeof target === 'string' ? document.querySelector(target) : target;
    if (!node || typeof node.appendChild !== 'function') {
      throw IntegrationError('The selector you specified (' + target + ') applies to no DOM elements that are currently on the page. Make sure the element exists on the page before calling mount().');
    }
    var iframe = document.createElement('iframe');
    iframe.name = 'embedded-checkout';
    iframe.title = 'Embedded Checkout';
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('allowtransparency', 'true');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('allow', 'payment *; clipboard-write');
    iframe.style.cssText = 'border:none;margin:0;padding:0;width:1px;min-width:100%;overflow:hidden;display:block;height:400px;';
    var config = { frameId: this._frameId, parentOrigin: location.origin, key: this._stripe._key,
      stripeAccount: this._stripe._account, clientSecret: this._clientSecret };
    iframe.src = ORIGIN + '/checkout/embedded#' + encodeURIComponent(JSON.stringify(config));
    node.appendChild(iframe);
    this._iframe = iframe;
    this._mounted = true;
    // rpc.js's listener hands the page's messages to _onFrameEvent, as it does an Element's.
    frames[this._frameId] = this;
  };

  EmbeddedCheckout.prototype.unmount = function () {
    this._checkAlive();
    if (!this._mounted) return;
    delete frames[this._frameId];
    if (this._iframe.parentNode) this._iframe.parentNode.removeChild(this._iframe);
    this._iframe = null;
    this._mounted = false;
  };

  EmbeddedCheckout.prototype.destroy = function () {
    this._checkAlive();
    this.unmount();
    this._destroyed = true;
    if (liveEmbeddedCheckout === this) liveEmbeddedCheckout = null;
  };

  EmbeddedCheckout.prototype._onFrameEvent = function (name, payload) {
    if (name === 'resize') {
      this._iframe.style.height = payload.height + 'px';
    } else if (name === 'complete') {
      this._complete(payload.redirectUrl);
    }
  };

  // Paid: the top window goes to the return_url (the page put the session's id in it), else
  // onComplete is called.
  EmbeddedCheckout.prototype._complete = function (redirectUrl) {
    if (typeof redirectUrl === 'string' && /^https?:$/.test(new URL(redirectUrl, location.href).protocol)) {
      // A merchant's page framed by another site may only set the top window's href.
      try { window.top.location.href = redirectUrl; } catch (e) { window.location.assign(redirectUrl); }
      return;
    }
    var onComplete = this._options.onComplete;
    if (!onComplete) return;
    try { onComplete(); } catch (e) { setTimeout(function () { throw e; }); }
  };
