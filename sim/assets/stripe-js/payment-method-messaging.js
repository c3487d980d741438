// A fragment of the Stripe.js stand-in: sim/src/stripe_js.rs joins the fragments into one script.

  // ---- Payment Method Messaging Element ----------------------------------------------------
  // elements.create('paymentMethodMessaging', {amount, currency, ...}) as
  // payment-method-messaging.d.ts declares it, in any group (one without a mode too): buy now,
  // pay later messaging for the amount, worked out in its iframe (which methods are offered for
  // the currency and amount, and in how many payments); element.update({amount}) redoes it.
  var MESSAGING_OPTIONS = ['amount', 'currency', 'paymentMethodTypes', 'paymentMethodOrder', 'paymentMethods', 'countryCode',
    'logoColor', 'metaData'];
  var MESSAGING_CURRENCIES = ['AUD', 'CAD', 'CHF', 'CZK', 'DKK', 'EUR', 'GBP', 'NOK', 'NZD', 'PLN', 'RON', 'SEK', 'USD'];
  var MESSAGING_COUNTRIES = ['AT', 'AU', 'BE', 'CA', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'GR', 'IE', 'IT', 'NL',
    'NO', 'NZ', 'PL', 'PT', 'RO', 'SE', 'US'];
  var MESSAGING_METHODS = ['afterpay_clearpay', 'klarna', 'affirm'];

  OPTION_CHECKS.paymentMethodMessaging = function (options, method, updating) {
    allowOnly(options, MESSAGING_OPTIONS, method);
    var amount = options.amount;
    if ((!updating || amount !== undefined) && !(Number.isInteger(amount) && amount >= 0)) {
      throw IntegrationError('Invalid value for ' + method + ': amount should be a non-negative integer in the smallest currency unit. You specified: ' + amount + '.');
    }
    var currency = options.currency;
    if ((!updating || currency !== undefined) && !(typeof currency === 'string' && MESSAGING_CURRENCIES.indexOf(currency.toUpperCase()) >= 0)) {
      throw IntegrationError('Invalid value for ' + method + ': currency should be one of the following strings: ' +
        MESSAGING_CURRENCIES.join(', ') + '. You specified: ' + currency + '.');
    }
    ['paymentMethodTypes', 'paymentMethodOrder', 'paymentMethods'].forEach(function (name) {
      var list = options[name];
      if (list !== undefined && !(Array.isArray(list) && list.every(function (m) { return MESSAGING_METHODS.indexOf(m) >= 0; }))) {
        throw IntegrationError('Invalid value for ' + method + ': ' + name + ' should be an array of the following strings: ' +
          MESSAGING_METHODS.join(', ') + '. You specified: ' + JSON.stringify(list) + '.');
      }
    });
    checkOneOf(options.countryCode, MESSAGING_COUNTRIES, 'countryCode', method);
    checkOneOf(options.logoColor, ['black', 'white', 'color'], 'logoColor', method);
    if (options.metaData !== undefined && !isPlainObject(options.metaData)) {
      throw IntegrationError('Invalid value for ' + method + ': metaData should be an object. You specified: ' + options.metaData + '.');
    }
  };
