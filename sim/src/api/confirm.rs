//! Confirming an intent, a PaymentIntent or a SetupIntent alike: the state machine
//! `requires_payment_method -> requires_action -> succeeded`, or back to
//! `requires_payment_method` with the last error when the card is declined. What the kinds do
//! differently (a PaymentIntent charges the card, a SetupIntent saves it for its customer) is
//! their [`Confirmable`].

use axum::http::StatusCode;
use serde_json::{Value, json};
use stripe_common::{ErrorType, StripeError};

use super::confirmation_tokens::{CardData, card_data};
use crate::cards::{self, Outcome};
use crate::error::ApiError;
use crate::ids;
use crate::objects::{
    Card, ConfirmationToken, Intent, NextAction, PaymentError, PaymentIntent, PaymentMethod, Shipping, Status, Within,
    billing_details_from, shipping_from,
};
use crate::params::Params;
use crate::store::{Kept, Store};

/// Where the payment method comes from, and what else the confirm call set.
#[derive(Debug, Default)]
pub struct ConfirmWith {
    confirmation_token: Option<String>,
    payment_method: Option<String>,
    /// New card details: `payment_method_data[...]`.
    card: Option<CardData>,
    return_url: Option<String>,
    shipping: Option<Shipping>,
}

impl ConfirmWith {
    /// The card details are checked as of `now`, as Stripe checks them.
    pub fn from_params(p: &Params, now: i64) -> Result<Self, ApiError> {
        let with = Self {
            confirmation_token: p.str("confirmation_token")?.map(str::to_owned),
            payment_method: p.str("payment_method")?.map(str::to_owned),
            card: p.hash("payment_method_data")?.map(|data| card_data(data, now)).transpose()?,
            return_url: p.str("return_url")?.map(str::to_owned),
            shipping: shipping_from(p.hash("shipping")?)?,
        };
        let sources = [
            ("confirmation_token", with.confirmation_token.is_some()),
            ("payment_method", with.payment_method.is_some()),
            ("payment_method_data", with.card.is_some()),
        ];
        let given: Vec<&str> = sources.iter().filter(|(_, given)| *given).map(|(name, _)| *name).collect();
        if given.len() > 1 {
            return Err(ApiError::invalid_request(format!(
                "You may only specify one of these parameters: {}.",
                given.join(", ")
            )));
        }
        Ok(with)
    }

    /// The ConfirmationToken given, if any, as long as it can still be used; it must be of the
    /// intent's account (`scope`).
    fn token(&self, store: &Store, now: i64, scope: Option<&str>) -> Result<Option<ConfirmationToken>, ApiError> {
        let Some(id) = &self.confirmation_token else { return Ok(None) };
        let token = store
            .confirmation_tokens
            .get(id)
            .within(scope)
            .ok_or_else(|| ApiError::no_such("confirmation_token", id, "confirmation_token"))?;
        if token.used_by.is_some() {
            return Err(ApiError::param_invalid(
                "confirmation_token",
                "This ConfirmationToken has already been used to confirm a PaymentIntent or SetupIntent. Create a new ConfirmationToken.",
            ));
        }
        if now >= token.expires_at() {
            return Err(ApiError::param_invalid(
                "confirmation_token",
                "This ConfirmationToken has expired. Create a new ConfirmationToken.",
            ));
        }
        Ok(Some(token.clone()))
    }

    /// The PaymentMethod given by card details or by id (a test id such as `pm_card_visa`
    /// makes a new one, as at Stripe), if any, and its card; on account `scope`.
    pub fn given_payment_method(
        &self,
        store: &mut Store,
        now: i64,
        scope: Option<&str>,
    ) -> Result<Option<(String, Card)>, ApiError> {
        match (&self.card, &self.payment_method) {
            (Some(data), _) => Ok(Some(new_payment_method(store, now, scope, data.clone()))),
            (None, Some(id)) => card_payment_method(store, now, scope, id).map(Some),
            (None, None) => Ok(None),
        }
    }
}

/// What confirming does differently for each kind of intent.
pub trait Confirmable: Kept {
    /// What else the confirmation sets before the card is tried, from the call and its token;
    /// or why `payment_method` (already chosen, and new unless it existed) cannot be used.
    fn prepare(
        &mut self,
        store: &Store,
        with: &ConfirmWith,
        token: Option<&ConfirmationToken>,
        payment_method: &str,
    ) -> Result<(), ApiError>;

    /// The card went through, at once or after 3-D Secure.
    fn succeed(&mut self, store: &mut Store, now: i64);

    /// What a decline leaves besides the error: a PaymentIntent's failed charge (its id).
    fn record_decline(&mut self, _store: &mut Store, _now: i64, _error: &StripeError) -> Option<String> {
        None
    }
}

/// Confirms intent `id` and answers what Stripe answers: the intent, or a 402 card error
/// carrying it.
pub fn run<T: Confirmable>(
    store: &mut Store,
    now: i64,
    public_url: &str,
    id: &str,
    with: ConfirmWith,
) -> Result<Value, ApiError> {
    let mut intent = store.intent::<T>(id).cloned().ok_or_else(|| ApiError::no_such(T::NO_SUCH, id, "intent"))?;
    if !matches!(intent.status(), Status::RequiresPaymentMethod | Status::RequiresConfirmation | Status::RequiresAction)
    {
        return Err(unexpected_state(&intent));
    }
    // Checked before anything is created: a refused confirmation leaves no PaymentMethod behind.
    let token = with.token(store, now, intent.account())?;
    let return_url = with
        .return_url
        .clone()
        .or_else(|| intent.return_url().map(str::to_owned))
        .or_else(|| token.as_ref().and_then(|token| token.return_url.clone()));
    if intent.allows_redirects() && return_url.is_none() {
        return Err(ApiError::param_missing("return_url").with_message(format!(
            "This {} is configured to accept payment methods enabled in your Dashboard. Because some of these \
             payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't \
             want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and \
             `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
            T::NAME
        )));
    }
    let (payment_method, card) = choose_payment_method(store, now, &intent, &with, token.as_ref())?;
    intent.prepare(store, &with, token.as_ref(), &payment_method)?;
    // The token is spent once the confirmation is attempted, whatever the outcome.
    if let Some(token) = token.and_then(|token| store.confirmation_tokens.get_mut(&token.id)) {
        token.used_by = Some(id.to_owned());
    }

    intent.attempt(payment_method, return_url);
    let declined = match next_step(&card, public_url, &intent) {
        Step::Succeed => {
            intent.succeed(store, now);
            None
        }
        Step::Authenticate(action) => {
            intent.require_action(action);
            None
        }
        Step::Decline(error) => {
            let charge = intent.record_decline(store, now, &error);
            let payment_method = payment_method_json(store, &intent);
            intent.fail(PaymentError {
                error: error.clone(),
                charge: charge.clone(),
                payment_method: payment_method.clone(),
            });
            let declined = ApiError::new(StatusCode::PAYMENT_REQUIRED, error)
                .attach("payment_method", payment_method.unwrap_or(Value::Null));
            Some(match charge {
                Some(charge) => declined.attach("charge", json!(charge)),
                None => declined,
            })
        }
    };
    let rendered = intent.to_json();
    if let Some(stored) = store.intent_mut::<T>(id) {
        *stored = intent;
    }
    match declined {
        None => Ok(rendered),
        Some(err) => Err(err.attach(T::OBJECT, rendered)),
    }
}

/// A new intent confirmed at once (`confirm=true`). A card decline leaves it behind (the 402
/// carries it); an invalid request has no effect at all, as at Stripe.
pub fn create_confirmed<T: Confirmable>(
    store: &mut Store,
    now: i64,
    public_url: &str,
    intent: T,
    with: ConfirmWith,
) -> Result<Value, ApiError> {
    let id = intent.id().to_owned();
    T::kept_mut(store).push(intent);
    let confirmed = run::<T>(store, now, public_url, &id, with);
    if confirmed.as_ref().is_err_and(|err| err.status != StatusCode::PAYMENT_REQUIRED) {
        T::kept_mut(store).retain(|intent| intent.id() != id);
    }
    confirmed
}

/// What a confirmation's card leads to.
enum Step {
    Succeed,
    Authenticate(NextAction),
    Decline(StripeError),
}

/// The card's outcome (Stripe's test cards), with 3-D Secure as the stand-in asks for it: on
/// the challenge page by redirect when the card does that and there is a return_url to come
/// back to, else in Stripe.js's modal. The page of a connected account's intent names it as
/// Stripe's hosted 3-D Secure pages do (`merchant=acct_...`).
fn next_step(card: &Card, public_url: &str, intent: &impl Intent) -> Step {
    match (cards::outcome(&card.number), intent.return_url()) {
        (Outcome::Succeed, _) => Step::Succeed,
        (Outcome::AuthenticateByRedirect, Some(return_url)) => {
            let url = format!(
                "{public_url}/three_d_secure/{}?client_secret={}&return_url={}{}",
                intent.id(),
                intent.client_secret(),
                form_urlencoded::byte_serialize(return_url.as_bytes()).collect::<String>(),
                intent.account().map(|account| format!("&merchant={account}")).unwrap_or_default()
            );
            Step::Authenticate(NextAction::RedirectToUrl { url, return_url: return_url.to_owned() })
        }
        // Without a return_url there is nowhere to come back to: Stripe.js authenticates in a modal.
        (Outcome::Authenticate | Outcome::AuthenticateByRedirect, _) => {
            Step::Authenticate(NextAction::UseStripeSdk { source: ids::new_id("src") })
        }
        // The error is about the card, not about a parameter of this call.
        (Outcome::Decline(error), _) => Step::Decline(StripeError { param: None, ..*error }),
    }
}

/// The PaymentMethod a confirmation of `intent` uses, and its card: the ConfirmationToken's (a
/// saved PaymentMethod of the intent's customer, or a new one for the card the shopper typed),
/// the one given by card details or id, or else the one the intent already has.
fn choose_payment_method<T: Intent>(
    store: &mut Store,
    now: i64,
    intent: &T,
    with: &ConfirmWith,
    token: Option<&ConfirmationToken>,
) -> Result<(String, Card), ApiError> {
    let scope = intent.account();
    if let Some(token) = token {
        if let (Some(saved), Some(owner)) = (&token.saved_payment_method, &token.customer) {
            return saved_payment_method(store, intent, saved, owner);
        }
        let data = CardData {
            card: token.card.clone(),
            billing_details: token.billing_details.clone(),
            allow_redisplay: token.allow_redisplay.clone(),
        };
        return Ok(new_payment_method(store, now, scope, data));
    }
    if let Some(given) = with.given_payment_method(store, now, scope)? {
        return Ok(given);
    }
    let id = intent.payment_method().ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            StripeError::new(
                ErrorType::InvalidRequestError,
                format!(
                    "You cannot confirm this {name} because it's missing a payment method. You can either update the \
                     {name} with a payment method and then confirm it again, or confirm it again directly with a payment \
                     method or ConfirmationToken.",
                    name = T::NAME
                ),
            )
            .with_code(format!("{}_unexpected_state", T::OBJECT)),
        )
    })?;
    card_payment_method(store, now, scope, id)
}

/// A saved PaymentMethod is used with its customer, or not at all.
fn saved_payment_method(
    store: &Store,
    intent: &impl Intent,
    id: &str,
    owner: &str,
) -> Result<(String, Card), ApiError> {
    let pm = store
        .payment_methods
        .get(id)
        .within(intent.account())
        .filter(|pm| pm.customer.as_deref() == Some(owner))
        .ok_or_else(|| ApiError::no_such("PaymentMethod", id, "payment_method"))?;
    check_owner(intent, pm)?;
    let card = pm.card.clone().ok_or_else(|| ApiError::no_such("PaymentMethod", id, "payment_method"))?;
    Ok((pm.id.clone(), card))
}

/// A PaymentMethod saved on a customer can only be used with that customer.
pub fn check_owner<T: Intent>(intent: &T, pm: &PaymentMethod) -> Result<(), ApiError> {
    match pm.customer.as_deref() {
        Some(owner) if intent.customer() != Some(owner) => Err(ApiError::param_invalid(
            "customer",
            format!(
                "The PaymentMethod {} belongs to the Customer {owner}. Please include the Customer in the `customer` parameter on the {}.",
                pm.id,
                T::NAME
            ),
        )),
        _ => Ok(()),
    }
}

/// An existing card PaymentMethod of account `scope`, or a new one there for a test id such as
/// `pm_card_visa`.
pub fn card_payment_method(
    store: &mut Store,
    now: i64,
    scope: Option<&str>,
    id: &str,
) -> Result<(String, Card), ApiError> {
    if let Some(pm) = store.payment_methods.get(id).within(scope) {
        super::cloning::check_not_spent(pm)?;
        let card = pm
            .card
            .clone()
            .ok_or_else(|| ApiError::param_invalid("payment_method", "This PaymentMethod is not a card."))?;
        return Ok((pm.id.clone(), card));
    }
    let number = cards::test_payment_method_number(id)
        .ok_or_else(|| ApiError::no_such("PaymentMethod", id, "payment_method"))?;
    let card = Card { number: number.into(), exp_month: 12, exp_year: 2034 };
    let data = CardData { card, billing_details: billing_details_from(None)?, allow_redisplay: "unspecified".into() };
    Ok(new_payment_method(store, now, scope, data))
}

fn new_payment_method(store: &mut Store, now: i64, scope: Option<&str>, data: CardData) -> (String, Card) {
    let id = store.new_payment_method(now, scope, Some(data.card.clone()), data.billing_details);
    if let Some(pm) = store.payment_methods.get_mut(&id) {
        pm.allow_redisplay = data.allow_redisplay;
    }
    (id, data.card)
}

/// The intent's PaymentMethod as errors carry it.
pub fn payment_method_json(store: &Store, intent: &impl Intent) -> Option<Value> {
    intent.payment_method().and_then(|pm| store.payment_methods.get(pm)).map(PaymentMethod::to_json)
}

fn unexpected_state<T: Intent>(intent: &T) -> ApiError {
    let (name, status) = (T::NAME, intent.status().as_str());
    ApiError::new(
        StatusCode::BAD_REQUEST,
        StripeError::new(
            ErrorType::InvalidRequestError,
            format!("You cannot confirm this {name} because it has a status of {status}. Only a {name} with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action."),
        )
        .with_code(format!("{}_unexpected_state", T::OBJECT)),
    )
    .attach(T::OBJECT, intent.to_json())
}

impl Confirmable for PaymentIntent {
    /// The shipping given, else the token's; the token's `setup_future_usage` unless set.
    fn prepare(
        &mut self,
        _store: &Store,
        with: &ConfirmWith,
        token: Option<&ConfirmationToken>,
        _payment_method: &str,
    ) -> Result<(), ApiError> {
        if let Some(token) = token {
            if self.shipping.is_none() {
                self.shipping = token.shipping.clone();
            }
            if self.setup_future_usage.is_none() {
                self.setup_future_usage = token.setup_future_usage.clone();
            }
        }
        if let Some(shipping) = &with.shipping {
            self.shipping = Some(shipping.clone());
        }
        Ok(())
    }

    fn succeed(&mut self, store: &mut Store, now: i64) {
        succeed(store, now, self);
    }

    fn record_decline(&mut self, store: &mut Store, now: i64, error: &StripeError) -> Option<String> {
        let failure = (error.code.clone().unwrap_or_default(), error.message.clone().unwrap_or_default());
        let charge = store.charge(now, self, Some(failure));
        self.latest_charge = Some(charge.clone());
        Some(charge)
    }
}

/// The payment went through: record the charge, and keep the card for the customer when the
/// shopper asked to save it (`setup_future_usage`).
pub fn succeed(store: &mut Store, now: i64, intent: &mut PaymentIntent) {
    intent.status = Status::Succeeded;
    intent.latest_charge = Some(store.charge(now, intent, None));
    intent.next_action = None;
    if let (Some(_), Some(customer)) = (&intent.setup_future_usage, &intent.customer)
        && let Some(pm) = intent.payment_method.as_ref().and_then(|id| store.payment_methods.get_mut(id))
    {
        pm.customer.get_or_insert_with(|| customer.clone());
    }
}
