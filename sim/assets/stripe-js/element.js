// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- Element -----------------------------------------------------------------------------
  var frameCounter = 0;
  // Each Element's iframe title, as Stripe's (screen readers announce them).
  var FRAME_TITLES = {
    payment: 'Secure payment input frame',
    address: 'Secure address input frame',
    linkAuthentication: 'Secure email input frame',
    expressCheckout: 'Secure express checkout frame',
    paymentMethodMessaging: 'Secure payment method messaging frame',
  };

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
    // As Stripe.js (since 2024): its frames talk to the light DOM, so a shadow root is refused.
    if (typeof ShadowRoot !== 'undefined' && node.getRootNode && node.getRootNode() instanceof ShadowRoot) {
      throw IntegrationError('Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.');
    }
    var wrapper = document.createElement('div');
    wrapper.className = '__PrivateStripeElement';
    var iframe = document.createElement('iframe');
    iframe.name = '__privateStripeFrame' + this._frameId;
    iframe.title = FRAME_TITLES[this._type];
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('allowtransparency', 'true');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('allow', 'payment *');
    iframe.style.cssText = 'border:none;margin:0;padding:0;width:1px;min-width:100%;overflow:hidden;display:block;height:1px;';
    var config = { frameId: this._frameId, parentOrigin: location.origin, key: this._group._stripe._key,
      stripeAccount: this._group._stripe._account, options: this._options, group: this._group._options };
    iframe.src = ORIGIN + '/elements/' + this._type + '#' + encodeURIComponent(JSON.stringify(config));
    wrapper.appendChild(iframe);
    node.appendChild(wrapper);
    this._wrapper = wrapper;
    this._iframe = iframe;
    this._mounted = true;
    this._ready = false;
    this._queue = [];
    frames[this._frameId] = this;
    // The loader UI (and its event) unless the group asked for none (`loader: 'never'`).
    if (this._group._options.loader !== 'never') this._emit('loaderstart', { elementType: this._type });
    var element = this;
    // The Elements that need the group's intent render only once the group's elements session
    // has loaded (its intent, its CustomerSession); until then the frame's events wait
    // (_onFrameEvent), and if it cannot load, this is the Element's loaderror.
    this._loaded = INTENT_ELEMENT_TYPES.indexOf(this._type) < 0 ? Promise.resolve(true) :
      this._group._session().then(function (res) {
        if (element._iframe !== iframe) return false;  // unmounted meanwhile
        if (!res.error) return true;
        element._loadFailed(res.error);
        return false;
      });
    this._loadTimer = setTimeout(function () {
      if (element._mounted && !element._ready) {
        element._loadFailed({ type: 'api_connection_error', message: 'The ' + element._type + ' Element could not be loaded.' });
      }
    }, 15000);
  };

  // Stripe.js cannot load the Element: its `loaderror` ({elementType, error}: the elements
  // session's error as the API gave it), then Stripe.js destroys the Element itself, so it is
  // gone from the page and from its group (react-stripe-js#409: "When the Payment Element
  // destroys itself, React doesn't always know about it"). A later destroy() or unmount() by the
  // integrator throws, as Stripe.js's does (react-stripe-js#291: an invalid clientSecret, then
  // "IntegrationError: This Element has already been destroyed"; react-stripe-js wraps its
  // destroy() in a try/catch since #409). Nobody listening is said in the console, as Stripe.js
  // says it ("Unhandled payment Element loaderror", richnologies/ngx-stripe#167).
  Element.prototype._loadFailed = function (error) {
    if (!this._mounted) return;
    this._group._loadError = error;
    if (!(this._handlers.loaderror || []).length) {
      console.error('Unhandled ' + this._type + ' Element loaderror', { error: error });
    }
    this._emit('loaderror', { elementType: this._type, error: error });
    if (!this._destroyed) this.destroy();  // unless a loaderror handler destroyed it already
  };

  Element.prototype.unmount = function () {
    this._checkAlive();
    if (!this._mounted) return;
    clearTimeout(this._loadTimer);
    abandonAsks(this);
    // A wallet's sheet goes with its Express Checkout Element.
    if (this._walletSheet) this._walletSheet.close('wallet-unmounted');
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
    if (this._group._elements[this._key] === this) delete this._group._elements[this._key];
  };

  // Stripe.js refuses an event the Element does not have, in on(), once() and off() alike, naming
  // the method and the Element's events (stripe/stripe-js#778: "Invalid value for eventType of
  // expressCheckoutElement.on(): value should be one of the following strings: ready, focus, ...
  // You specified: click."). The stand-in words it in its own older form.
  Element.prototype._checkEvent = function (method, name) {
    if (EVENTS[this._type].indexOf(name) < 0) {
      throw IntegrationError('Invalid value for ' + method + '(): event should be one of ' + EVENTS[this._type].join(', ') + '. You specified: ' + name + '.');
    }
  };

  Element.prototype.on = function (name, handler) {
    this._listen('on', name, handler, false);
    return this;
  };

  Element.prototype.once = function (name, handler) {
    this._listen('once', name, handler, true);
    return this;
  };

  Element.prototype._listen = function (method, name, handler, once) {
    this._checkEvent(method, name);
    if (typeof handler !== 'function') throw IntegrationError('Invalid value for ' + method + '(): handler should be a function.');
    (this._handlers[name] = this._handlers[name] || []).push({ fn: handler, once: once });
  };

  Element.prototype.off = function (name, handler) {
    this._checkEvent('off', name);
    if (!this._handlers[name]) return this;
    this._handlers[name] = handler ? this._handlers[name].filter(function (h) { return h.fn !== handler; }) : [];
    return this;
  };

  Element.prototype.update = function (options) {
    this._checkAlive();
    if (!isPlainObject(options)) throw IntegrationError('Invalid value for update(): options should be an object.');
    if (OPTION_CHECKS[this._type]) OPTION_CHECKS[this._type](options, 'update()', true);
    Object.assign(this._options, options);
    if (this._mounted) this._post({ kind: 'request', requestId: 0, method: 'update', args: { options: this._options } });
    return this;
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
    // The integrator hears from the frame (ready first) once the group's session has loaded, in
    // the order the frame said it; an Element that failed to load is never ready.
    var element = this, iframe = this._iframe;
    this._loaded.then(function (loaded) {
      if (loaded && element._iframe === iframe) element._frameEvent(name, payload);
    });
  };

  Element.prototype._frameEvent = function (name, payload) {
    if (name === 'change') this._group._submitted = false;
    // The wallet's click waits for the integrator's resolve() before its sheet opens.
    if (name === 'click' && this._type === 'expressCheckout') return walletClicked(this, payload);
    payload.elementType = this._type;
    this._emit(name, payload);
  };

  window.Stripe = Stripe;
})();
