// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- Link Authentication Element ---------------------------------------------------------
  // elements.create('linkAuthentication', {defaultValues: {email}}) as link-authentication.d.ts
  // declares it: the shopper's email in its own iframe, with change events of {empty, complete,
  // value: {email}}, checked by elements.submit(). As Link prefills the Payment Element with it,
  // the email goes with the payment as the billing email (payment-source.js). There is no Link
  // account behind it: no one-time code, no saved Link payment methods.
  OPTION_CHECKS.linkAuthentication = function (options, method, updating) {
    // The declared element has no update(): nothing can be updated.
    allowOnly(options, updating ? [] : ['defaultValues'], method);
    var defaults = options.defaultValues;
    if (defaults !== undefined && (!isPlainObject(defaults) || typeof defaults.email !== 'string')) {
      throw IntegrationError('Invalid value for ' + method + ': defaultValues.email should be a string. You specified: ' +
        (isPlainObject(defaults) ? defaults.email : defaults) + '.');
    }
  };

  // The email in the group's mounted Link Authentication Element, or null (none, or empty).
  function linkEmail(elements) {
    var link = elements._elements.linkAuthentication;
    if (!link || !link._mounted) return Promise.resolve(null);
    return ask(link, 'getValue').then(function (result) {
      return (result.value && result.value.email) || null;
    });
  }
