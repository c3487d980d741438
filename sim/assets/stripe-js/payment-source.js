// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- What pays for an Elements group -----------------------------------------------------
  // stripe.createConfirmationToken, createPaymentMethod, confirmPayment and confirmSetup with
  // {elements} pay with this: after an Express Checkout Element's `confirm`, its wallet (the
  // card it holds, with the billing details and shipping chosen in its sheet); otherwise the
  // Payment Element, with what the Address Elements collected. The Link Authentication
  // Element's email is the billing email when neither has one, and the integration's own
  // params win over all of them, as in Stripe.js.
  // `billing` is where billing details go: 'payment_method_data' (ConfirmationTokens, intents)
  // or 'billing_details' (a PaymentMethod); `shipping` whether a shipping address goes too (not
  // for a PaymentMethod or a SetupIntent). null when nothing can pay (no wallet payment and no
  // mounted Payment Element).
  // {params(params): a promise of the params to send (rejected with {error}), ask(method, args):
  // asks the paying Element's frame, which holds the card data}.
  function paymentSource(elements, billing, shipping) {
    var express = elements._express;
    if (express) {
      return {
        params: function (params) {
          return linkEmail(elements).then(function (email) { return walletParams(express.details, params, billing, shipping, email); });
        },
        ask: function (method, args) {
          return ask(express.element, method, args).then(function (result) {
            walletPaid(elements, express);
            return result;
          });
        },
      };
    }
    var payment = elements._elements.payment;
    if (!payment || !payment._mounted) return null;
    return {
      params: function (params) {
        var merged = billing === 'billing_details' ? withBillingAddress(elements, params) : withAddress(elements, params, shipping);
        return Promise.all([merged, linkEmail(elements)]).then(function (both) {
          return withBillingDetails(both[0], billing, both[1] ? { email: both[1] } : {});
        });
      },
      ask: function (method, args) { return ask(payment, method, args); },
    };
  }

  // `params` with `details` under its billing details, where the integration gave none of them.
  function withBillingDetails(params, billing, details) {
    var merged = Object.assign({}, params);
    if (billing === 'billing_details') {
      merged.billing_details = Object.assign({}, details, merged.billing_details || {});
    } else {
      var data = Object.assign({}, merged.payment_method_data || {});
      data.billing_details = Object.assign({}, details, data.billing_details || {});
      merged.payment_method_data = data;
    }
    return merged;
  }

  // What the wallet's sheet confirmed, as Stripe's API takes it: its billing details (with the
  // Link email when the sheet collected none) and the shipping address chosen.
  function walletParams(chosen, params, billing, shipping, email) {
    var details = Object.assign(email ? { email: email } : {}, chosen.billingDetails);
    var merged = withBillingDetails(params, billing, details);
    if (shipping && chosen.shippingAddress && !merged.shipping) {
      merged.shipping = { name: chosen.shippingAddress.name, address: chosen.shippingAddress.address };
    }
    return merged;
  }
