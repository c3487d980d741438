// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // A page of Stripe's (3-D Secure, konbini instructions) in a modal over the merchant's page;
  // resolves with the page's closing message. Its close button, as on Stripe's, closes
  // instructions; closing an authentication cancels it, which fails it (the page is asked to).
  function openModal(url, fragment, title, height, authentication) {
    return showModal(function (frameId) {
      var params = new URLSearchParams(Object.assign({ frame_id: frameId, parent_origin: location.origin }, fragment));
      return url + '#' + params.toString();
    }, title, height, authentication).closed;
  }

  // The modal itself, for a page that talks with Stripe.js while it is open (the wallet's
  // sheet): `src(frameId)` is the page's address, `onMessage(data)` gets its messages other than
  // the closing one. {iframe, closed (a promise of the closing message), post(message),
  // close(message): closes it as if the page had sent `message`}.
  function showModal(src, title, height, authentication, onMessage) {
    var handle = {};
    handle.closed = new Promise(function (resolve) {
      var frameId = 'm' + (nextId++);
      var overlay = document.createElement('div');
      overlay.className = '__PrivateStripeModal';
      overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;';
      var iframe = document.createElement('iframe');
      iframe.title = title;
      iframe.name = '__privateStripeFrame' + frameId;
      iframe.style.cssText = 'width:min(520px,94vw);height:' + height + 'px;max-height:90vh;border:0;border-radius:8px;background:#fff;box-shadow:0 8px 32px rgba(0,0,0,.3);';
      iframe.src = src(frameId);
      var close = document.createElement('button');
      close.type = 'button';
      close.setAttribute('aria-label', 'Close');
      close.textContent = '\u00d7';
      close.style.cssText = 'position:absolute;top:12px;right:16px;font:28px/1 system-ui,sans-serif;color:#fff;background:none;border:0;cursor:pointer;';
      close.addEventListener('click', function () {
        if (!modals[frameId]) return;
        if (authentication) {
          iframe.contentWindow.postMessage({ __stripeStandIn: true, kind: 'cancel' }, ORIGIN);
        } else {
          handle.close({ kind: 'modal-closed' });
        }
      });
      overlay.appendChild(close);
      overlay.appendChild(iframe);
      document.body.appendChild(overlay);
      modals[frameId] = {
        iframe: iframe,
        onMessage: onMessage,
        resolve: function (message) {
          if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
          resolve(message);
        },
      };
      handle.iframe = iframe;
      handle.post = function (message) {
        message.__stripeStandIn = true;
        message.frameId = frameId;
        if (modals[frameId]) iframe.contentWindow.postMessage(message, ORIGIN);
      };
      handle.close = function (message) {
        var open = modals[frameId];
        if (!open) return;
        delete modals[frameId];
        open.resolve(message);
      };
    });
    return handle;
  }
