//! Buy now, pay later: Klarna, Afterpay / Clearpay, Affirm and Zip, as Stripe offers them. Each
//! is a redirect-based method (the shopper authorises the payment on the provider's page, then
//! comes back to the `return_url`), offered only where Stripe says it is eligible: for the
//! merchant's country, in the presentment currency of that country (Stripe's BNPL methods are
//! domestic), within the provider's amount limits. The Payment Element shows the eligible ones
//! (the elements session's `payment_method_preference`), a PaymentIntent with automatic payment
//! methods lists them in `payment_method_types`, and confirming checks them again.

use serde_json::{Value, json};

/// The stand-in's platform account is a US business (its PaymentIntents' domestic market).
pub const MERCHANT_COUNTRY: &str = "US";

/// A buy-now-pay-later payment method type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bnpl {
    Klarna,
    AfterpayClearpay,
    Affirm,
    Zip,
}

/// Where and for how much a method may be offered: the merchant's country, its currency, the
/// smallest and the largest amount (in the currency's minor unit).
struct Limit {
    method: Bnpl,
    country: &'static str,
    currency: &'static str,
    min: i64,
    max: i64,
}

const fn limit(method: Bnpl, country: &'static str, currency: &'static str, min: i64, max: i64) -> Limit {
    Limit { method, country, currency, min, max }
}

/// The limits as Stripe documents them (docs.stripe.com/payments/<method>, "Payment options"
/// and "Business locations", read 2026-12):
/// - Klarna: domestic in the customer's currency; US 0.50–10,000 USD (Pay in 4 from 35 USD,
///   Pay in full and financing across the range), GB 1–5,000 GBP, EUR markets 1–10,000 EUR.
/// - Afterpay / Clearpay: US 1–4,000 USD, CA 1–2,000 CAD, AU 1–2,000 AUD, NZ 1–2,000 NZD, GB
///   (Clearpay) 1–1,200 GBP.
/// - Affirm: "a minimum of 50 USD and maximum of 30,000 USD"; CA the same in CAD.
/// - Zip: US 35–1,500 USD (Pay in 4), AU 1–50,000 AUD (Zip Pay and Zip Money).
const LIMITS: &[Limit] = &[
    limit(Bnpl::Klarna, "US", "usd", 50, 1_000_000),
    limit(Bnpl::Klarna, "GB", "gbp", 100, 500_000),
    limit(Bnpl::Klarna, "DE", "eur", 100, 1_000_000),
    limit(Bnpl::Klarna, "FR", "eur", 100, 1_000_000),
    limit(Bnpl::AfterpayClearpay, "US", "usd", 100, 400_000),
    limit(Bnpl::AfterpayClearpay, "CA", "cad", 100, 200_000),
    limit(Bnpl::AfterpayClearpay, "AU", "aud", 100, 200_000),
    limit(Bnpl::AfterpayClearpay, "NZ", "nzd", 100, 200_000),
    limit(Bnpl::AfterpayClearpay, "GB", "gbp", 100, 120_000),
    limit(Bnpl::Affirm, "US", "usd", 5_000, 3_000_000),
    limit(Bnpl::Affirm, "CA", "cad", 5_000, 3_000_000),
    limit(Bnpl::Zip, "US", "usd", 3_500, 150_000),
    limit(Bnpl::Zip, "AU", "aud", 100, 5_000_000),
];

/// Every method, in the order the Payment Element lists them (after the card).
pub const ALL: [Bnpl; 4] = [Bnpl::Klarna, Bnpl::AfterpayClearpay, Bnpl::Affirm, Bnpl::Zip];

impl Bnpl {
    /// The payment method type, as Stripe's API names it.
    pub fn type_(self) -> &'static str {
        match self {
            Self::Klarna => "klarna",
            Self::AfterpayClearpay => "afterpay_clearpay",
            Self::Affirm => "affirm",
            Self::Zip => "zip",
        }
    }

    pub fn from_type(type_: &str) -> Option<Self> {
        ALL.into_iter().find(|m| m.type_() == type_)
    }

    /// How the provider's page and the Payment Element's tab name it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Klarna => "Klarna",
            Self::AfterpayClearpay => "Afterpay",
            Self::Affirm => "Affirm",
            Self::Zip => "Zip",
        }
    }

    /// The merchant of `country` may offer this method for `amount` of `currency`; or the
    /// reason it may not, as Stripe's error says it.
    pub fn check(self, country: &str, currency: &str, amount: i64) -> Result<(), String> {
        let Some(limit) = LIMITS.iter().find(|l| l.method == self && l.country == country && l.currency == currency)
        else {
            return Err(format!(
                "The payment method type \"{}\" is not available for {} payments from an account in {country}.",
                self.type_(),
                currency.to_ascii_uppercase()
            ));
        };
        let shown = |minor: i64| {
            let exponent = stripe_common::minor_unit_exponent(currency);
            let major = minor as f64 / 10_f64.powi(exponent as i32);
            format!("{major:.*} {}", exponent as usize, currency.to_ascii_uppercase())
        };
        if amount < limit.min || amount > limit.max {
            return Err(format!(
                "{} payments must be between {} and {}.",
                self.name(),
                shown(limit.min),
                shown(limit.max)
            ));
        }
        Ok(())
    }

    pub fn eligible(self, country: &str, currency: &str, amount: i64) -> bool {
        self.check(country, currency, amount).is_ok()
    }

    /// `payment_method.<type>`: what Stripe keeps of the method (Klarna the shopper's date of
    /// birth when given; the others nothing).
    pub fn payment_method_json(self) -> Value {
        match self {
            Self::Klarna => json!({"dob": null}),
            _ => json!({}),
        }
    }

    /// `charge.payment_method_details.<type>`.
    pub fn charge_details_json(self, charge_id: &str) -> Value {
        match self {
            Self::Klarna => {
                json!({"payer_details": {"address": {"country": "US"}}, "payment_method_category": "pay_later", "preferred_locale": "en-US"})
            }
            Self::AfterpayClearpay => json!({"order_id": null, "reference": null}),
            Self::Affirm => {
                json!({"location": null, "reader": null, "transaction_id": format!("AFF-{}", &charge_id[3..])})
            }
            Self::Zip => json!({}),
        }
    }
}

/// The payment method types automatic payment methods give a PaymentIntent of the platform
/// for `amount` of `currency`: the card, and the BNPL methods eligible unless redirects are
/// not allowed (`allow_redirects=never`: every BNPL method redirects).
pub fn automatic_types(currency: &str, amount: i64, redirects: bool) -> Vec<String> {
    let bnpl = eligible(MERCHANT_COUNTRY, currency, amount).into_iter().filter(|_| redirects);
    std::iter::once("card".to_owned()).chain(bnpl.map(|m| m.type_().to_owned())).collect()
}

/// The methods a merchant of `country` may offer for `amount` of `currency`.
pub fn eligible(country: &str, currency: &str, amount: i64) -> Vec<Bnpl> {
    ALL.into_iter().filter(|m| m.eligible(country, currency, amount)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eligibility_follows_currency_country_and_each_methods_limits() {
        assert_eq!(eligible("US", "usd", 5_098), ALL.to_vec());
        // Under Affirm's 50 USD and Zip's 35 USD.
        assert_eq!(eligible("US", "usd", 1_275), vec![Bnpl::Klarna, Bnpl::AfterpayClearpay]);
        assert_eq!(eligible("US", "usd", 3_500), vec![Bnpl::Klarna, Bnpl::AfterpayClearpay, Bnpl::Zip]);
        // Over Zip's 1,500 USD, then over Afterpay's 4,000 USD.
        assert_eq!(eligible("US", "usd", 150_001), vec![Bnpl::Klarna, Bnpl::AfterpayClearpay, Bnpl::Affirm]);
        assert_eq!(eligible("US", "usd", 400_001), vec![Bnpl::Klarna, Bnpl::Affirm]);
        // Domestic only: no yen, no euros from a US account.
        assert!(eligible("US", "jpy", 6_900).is_empty());
        assert!(eligible("US", "eur", 5_000).is_empty());
        assert_eq!(eligible("GB", "gbp", 120_001), vec![Bnpl::Klarna]);
        assert_eq!(
            Bnpl::Affirm.check("US", "usd", 4_999).unwrap_err(),
            "Affirm payments must be between 50.00 USD and 30000.00 USD."
        );
    }
}
