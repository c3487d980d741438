//! Stripe Connect calls of the marketplace (`crate::marketplace`): the sellers' connected
//! accounts, the platform customer's saved cards, sharing (cloning) one onto a seller's account
//! and charging it there. A call on a connected account sends `Stripe-Account` (async-stripe's
//! `account_id`); every call that makes something carries an Idempotency-Key naming what it
//! makes, so a retry after a lost answer is the same request.

use checkout_api::{Cart, SavedCard};
use stripe::StripeRequest;
use stripe_connect::account::{CreateAccount, CreateAccountBusinessProfile, CreateAccountType};
use stripe_core::customer::{
    CreateCustomer, ListPaymentMethodsCustomer, ListPaymentMethodsCustomerAllowRedisplay,
    ListPaymentMethodsCustomerType,
};
use stripe_core::payment_intent::{ConfirmPaymentIntent, CreatePaymentIntent, RetrievePaymentIntent};
use stripe_payment::payment_method::{AttachPaymentMethod, CreatePaymentMethod, RetrievePaymentMethod};
use stripe_shared::{AccountId, PaymentIntentAllowedPaymentMethodTypes};

use super::card::{CREATE, RETRIEVE};
use super::{Confirmed, Payments, StripeFailure, card::confirmed, idempotent, order_metadata, upstream_error};
use crate::error::AppError;

const CONFIRM: &str = "POST /v1/payment_intents/{id}/confirm";

/// A seller's direct charge with a shared card: what the PaymentIntent on the seller's account
/// is made of.
#[derive(Debug, Clone, Copy)]
pub struct DirectCharge<'a> {
    pub order_id: &'a str,
    /// The seller's connected account.
    pub account: &'a str,
    /// The shopper's customer on that account, and the card shared to it.
    pub customer: &'a str,
    pub payment_method: &'a str,
    /// The platform card it was shared from: with the order, it names the create request.
    pub platform_payment_method: &'a str,
    pub application_fee_amount: i64,
}

/// A new card's destination charge: made on the platform (so the card, once saved, is the
/// platform customer's), for the seller (`on_behalf_of`: the seller is the merchant of record;
/// `transfer_data[destination]`: the money goes to the seller), less the platform's fee.
#[derive(Debug, Clone, Copy)]
pub struct DestinationCharge<'a> {
    pub account: &'a str,
    pub application_fee_amount: i64,
}

impl Payments {
    /// A connected account for a seller of the demo marketplace (offline only: see
    /// `crate::marketplace::accounts`).
    pub async fn create_seller_account(&self, seller: &str, name: &str) -> Result<String, AppError> {
        let mut profile = CreateAccountBusinessProfile::new();
        profile.name = Some(name.to_owned());
        let account = CreateAccount::new()
            .type_(CreateAccountType::Standard)
            .country("US")
            .business_profile(profile)
            .metadata(std::collections::HashMap::from([("seller".to_owned(), seller.to_owned())]))
            .customize()
            .request_strategy(idempotent(&format!("seller-account-{seller}")).map_err(|f| f.error)?)
            .send(&self.client.at("POST /v1/accounts"))
            .await
            .map_err(upstream_error)?;
        Ok(account.id.to_string())
    }

    /// The customer's cards saved on the platform to be offered again, as Stripe lists them
    /// (newest first): those saved with the shopper's consent to show them again
    /// (`allow_redisplay=always`, what the Payment Element's save checkbox records), as Stripe
    /// asks of a page that lists saved methods itself.
    pub async fn saved_cards(&self, customer: &str) -> Result<Vec<SavedCard>, AppError> {
        let list = ListPaymentMethodsCustomer::new(customer)
            .type_(ListPaymentMethodsCustomerType::Card)
            .allow_redisplay(ListPaymentMethodsCustomerAllowRedisplay::Always)
            .limit(20)
            .send(&self.client.at("GET /v1/customers/{id}/payment_methods"))
            .await
            .map_err(upstream_error)?;
        Ok(list
            .data
            .into_iter()
            .filter_map(|pm| {
                let card = pm.card?;
                Some(SavedCard {
                    id: pm.id.to_string(),
                    brand: card.brand,
                    last4: card.last4,
                    exp_month: u32::try_from(card.exp_month).unwrap_or_default(),
                    exp_year: u32::try_from(card.exp_year).unwrap_or_default(),
                })
            })
            .collect())
    }

    /// The platform customer a platform PaymentMethod is attached to; `None` for one that is
    /// not there (Stripe's "No such PaymentMethod") or attached to nobody.
    pub async fn payment_method_owner(&self, payment_method: &str) -> Result<Option<String>, AppError> {
        match RetrievePaymentMethod::new(payment_method).send(&self.client.at("GET /v1/payment_methods/{id}")).await {
            Ok(pm) => Ok(pm.customer.map(|c| c.id().to_string())),
            Err(stripe::StripeError::Stripe(api, 404)) if api.type_.as_str() == "invalid_request_error" => Ok(None),
            Err(err) => Err(upstream_error(err)),
        }
    }

    /// The shopper's own customer on `account`, made once for the platform customer.
    pub async fn create_connected_customer(&self, account: &str, platform_customer: &str) -> Result<String, AppError> {
        let customer = CreateCustomer::new()
            .metadata(std::collections::HashMap::from([("platform_customer".to_owned(), platform_customer.to_owned())]))
            .customize()
            .account_id(AccountId::from(account))
            .request_strategy(idempotent(&format!("connected-customer-{platform_customer}")).map_err(|f| f.error)?)
            .send(&self.client.at("POST /v1/customers"))
            .await
            .map_err(upstream_error)?;
        Ok(customer.id.to_string())
    }

    /// Shares the platform customer's `payment_method` with `account` (a clone there, without a
    /// customer), then attaches the clone to the shopper's `connected_customer` there, so it can
    /// be charged again without being cloned again. The clone's id.
    pub async fn share_payment_method(
        &self,
        account: &str,
        platform_customer: &str,
        payment_method: &str,
        connected_customer: &str,
    ) -> Result<String, AppError> {
        // Idempotency keys are per account: these name only what they make there.
        let clone = CreatePaymentMethod::new()
            .customer(platform_customer)
            .payment_method(payment_method)
            .customize()
            .account_id(AccountId::from(account))
            .request_strategy(idempotent(&format!("share-{payment_method}")).map_err(|f| f.error)?)
            .send(&self.client.at("POST /v1/payment_methods"))
            .await
            .map_err(upstream_error)?;
        let clone = clone.id.to_string();
        AttachPaymentMethod::new(clone.as_str())
            .customer(connected_customer)
            .customize()
            .account_id(AccountId::from(account))
            .request_strategy(idempotent(&format!("attach-{clone}-{connected_customer}")).map_err(|f| f.error)?)
            .send(&self.client.at("POST /v1/payment_methods/{id}/attach"))
            .await
            .map_err(upstream_error)?;
        Ok(clone)
    }

    /// Creates and confirms the order's PaymentIntent on the seller's account with the shared
    /// card, the platform's fee taken from it. The Idempotency-Key names the order and the
    /// platform card, so pressing again after a lost answer replays the same request.
    pub async fn direct_charge(&self, cart: &Cart, charge: DirectCharge<'_>) -> Result<Confirmed, StripeFailure> {
        let currency = cart.currency.parse::<stripe_types::Currency>().unwrap_or_else(|never| match never {});
        let strategy = idempotent(&format!("checkout-{}-{}", charge.order_id, charge.platform_payment_method))?;
        let intent = CreatePaymentIntent::new(cart.total, currency)
            .metadata(order_metadata(charge.order_id))
            .customer(charge.customer)
            .payment_method(charge.payment_method)
            // The shopper is here to authenticate (3-D Secure in the page, by the seller's
            // Stripe.js): a card payment, nothing that redirects elsewhere.
            .allowed_payment_method_types(vec![PaymentIntentAllowedPaymentMethodTypes::Card])
            .application_fee_amount(charge.application_fee_amount)
            .confirm(true)
            .customize()
            .account_id(AccountId::from(charge.account))
            .request_strategy(strategy)
            .send(&self.client.at(CREATE))
            .await;
        on_account(charge.account, intent)
    }

    /// A PaymentIntent of `account` (`None`: the platform's) as Stripe holds it now.
    pub async fn retrieve_in(&self, account: Option<&str>, payment_intent: &str) -> Result<Confirmed, StripeFailure> {
        match account {
            Some(account) => self.retrieve_on(account, payment_intent).await,
            None => self.retrieve(payment_intent).await,
        }
    }

    /// A seller's PaymentIntent as Stripe holds it now.
    pub async fn retrieve_on(&self, account: &str, payment_intent: &str) -> Result<Confirmed, StripeFailure> {
        let intent = RetrievePaymentIntent::new(payment_intent)
            .customize()
            .account_id(AccountId::from(account))
            .send(&self.client.at(RETRIEVE))
            .await;
        on_account(account, intent)
    }

    /// Confirms a seller's declined PaymentIntent again with the shared card (the shopper
    /// pressed again): the order keeps one PaymentIntent.
    pub async fn confirm_again_on(
        &self,
        account: &str,
        payment_intent: &str,
        payment_method: &str,
    ) -> Result<Confirmed, StripeFailure> {
        let strategy = idempotent(&format!("checkout-{payment_intent}-{payment_method}-again"))?;
        let intent = ConfirmPaymentIntent::new(payment_intent)
            .payment_method(payment_method)
            .customize()
            .account_id(AccountId::from(account))
            .request_strategy(strategy)
            .send(&self.client.at(CONFIRM))
            .await;
        on_account(account, intent)
    }
}

/// A PaymentIntent of `account` as the checkout reads it; a decline keeps the account too (the
/// page's Stripe.js must act for it).
fn on_account(
    account: &str,
    intent: Result<stripe_shared::PaymentIntent, stripe::StripeError>,
) -> Result<Confirmed, StripeFailure> {
    let confirmed = confirmed(intent.map_err(StripeFailure::from_stripe)?)?;
    Ok(Confirmed { account: Some(account.to_owned()), ..confirmed })
}
