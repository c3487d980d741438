// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- messaging with element iframes -------------------------------------------------------
  var frames = {};      // frameId -> Element
  var pending = {};     // requestId -> {frameId, resolve, timer}: asks awaiting an Element's reply
  var modals = {};      // frameId -> {iframe, resolve, onMessage}: open modals (3-D Secure, konbini, the wallet's sheet)
  var nextId = 1;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== ORIGIN || !isPlainObject(data) || data.__stripeStandIn !== true) return;
    var modal = modals[data.frameId];
    if (modal && event.source === modal.iframe.contentWindow) {
      if (data.kind === 'three-d-secure' || data.kind === 'modal-closed') {
        delete modals[data.frameId];
        modal.resolve(data);
      } else if (modal.onMessage) {
        modal.onMessage(data);
      }
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
