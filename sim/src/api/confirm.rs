//! Confirming an intent, a PaymentIntent or a SetupIntent alike: the state machine
//! `requires_payment_method -> requires_action -> succeeded`, or back to
//! `requires_payment_method` with the last error when the card is declined. What the kinds do
//! differently (a PaymentIntent charges the card, a SetupIntent saves it for its customer) is
//! their [`Confirmable`].

use axum::http::StatusCode;
use serde_json::{Value, json};
use stripe_common::{ErrorType, StripeError};

use super::confirmation_tokens::{PaymentData, payment_data};
use crate::bnpl::Bnpl;
use crate::cards::{self, Outcome};
use crate::error::ApiError;
use crate::ids;
use crate::objects::{
    Card, ConfirmationToken, Intent, NextAction, Paying, PaymentError, PaymentIntent, PaymentMethod, Shipping, Status,
    Within, billing_details_from, shipping_from,
};
use crate::params::Params;
use crate::store::{Kept, Store};

/// Where the payment method comes from, and what else the confirm call set.
#[derive(Debug, Default)]
pub struct ConfirmWith {
    confirmation_token: Option<String>,
    payment_method: Option<String>,
    /// New payment method details: `payment_method_data[...]`.
    data: Option<PaymentData>,
    return_url: Option<String>,
    shipping: Option<Shipping>,
}

impl ConfirmWith {
    /// The card details are checked as of `now`, as Stripe checks them.
    pub fn from_params(p: &Params, now: i64) -> Result<Self, ApiError> {
        let with = Self {
            confirmation_token: p.str("confirmation_token")?.map(str::to_owned),
            payment_method: p.str("payment_method")?.map(str::to_owned),
            data: p.hash("payment_method_data")?.map(|data| payment_data(data, now)).transpose()?,
            return_url: p.str("return_url")?.map(str::to_owned),
            shipping: shipping_from(p.hash("shipping")?)?,
        };
        let sources = [
            ("confirmation_token", with.confirmation_token.is_some()),
            ("payment_method", with.payment_method.is_some()),
            ("payment_method_data", with.data.is_some()),
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

    /// The PaymentMethod given by its details or by id (a test id such as `pm_card_visa`
    /// makes a new one, as at Stripe), if any, and what it pays with; on account `scope`.
    pub fn given_payment_method(
        &self,
        store: &mut Store,
        now: i64,
        scope: Option<&str>,
    ) -> Result<Option<(String, Paying)>, ApiError> {
        match (&self.data, &self.payment_method) {
            (Some(data), _) => Ok(Some(new_payment_method(store, now, scope, data.clone()))),
            (None, Some(id)) => existing_payment_method(store, now, scope, id).map(Some),
            (None, None) => Ok(None),
        }
    }

    /// The buy-now-pay-later method this confirmation asks for, if any (new details or a token;
    /// a PaymentMethod given by id is checked once found).
    fn bnpl(&self, token: Option<&ConfirmationToken>) -> Option<Bnpl> {
        let paying = token.map(|t| &t.paying).or(self.data.as_ref().map(|d| &d.paying));
        match paying {
            Some(Paying::Bnpl(bnpl)) => Some(*bnpl),
            _ => None,
        }
    }
}

/// What confirming does differently for each kind of intent.
pub trait Confirmable: Kept {
    /// Whether the intent may be paid with `bnpl`: a PaymentIntent whose payment method types
    /// include it, in an amount the provider takes. SetupIntents here save cards only.
    fn allows(&self, bnpl: Bnpl) -> Result<(), ApiError> {
        Err(ApiError::param_invalid(
            "payment_method_data[type]",
            format!("The payment method type \"{}\" cannot be set up for future use here.", bnpl.type_()),
        ))
    }

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
    if let Some(bnpl) = with.bnpl(token.as_ref()) {
        check_bnpl(&intent, bnpl, return_url.as_deref())?;
    }
    let (payment_method, paying) = choose_payment_method(store, now, &intent, &with, token.as_ref())?;
    if let Paying::Bnpl(bnpl) = paying {
        // A saved or given PaymentMethod of a BNPL type: checked now that it is known.
        check_bnpl(&intent, bnpl, return_url.as_deref())?;
    }
    intent.prepare(store, &with, token.as_ref(), &payment_method)?;
    // The token is spent once the confirmation is attempted, whatever the outcome.
    if let Some(token) = token.and_then(|token| store.confirmation_tokens.get_mut(&token.id)) {
        token.used_by = Some(id.to_owned());
    }

    intent.attempt(payment_method, return_url);
    let declined = match next_step(&paying, public_url, &intent) {
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

/// A buy-now-pay-later method needs a `return_url` to bring the shopper back from the
/// provider's page, and must be one the intent may be paid with.
fn check_bnpl<T: Confirmable>(intent: &T, bnpl: Bnpl, return_url: Option<&str>) -> Result<(), ApiError> {
    intent.allows(bnpl)?;
    if return_url.is_none() {
        return Err(ApiError::param_missing("return_url").with_message(format!(
            "You must provide a `return_url` when confirming a {} with the payment method type {}.",
            T::NAME,
            bnpl.type_()
        )));
    }
    Ok(())
}

/// The page a redirect sends the shopper to: `page` (`three_d_secure` or `bnpl`) for the intent,
/// with what it needs to come back. A connected account's intent is named as Stripe's hosted
/// pages name it (`merchant=acct_...`).
fn redirect(public_url: &str, page: &str, intent: &impl Intent, return_url: &str, extra: &str) -> Step {
    let url = format!(
        "{public_url}/{page}/{}?client_secret={}&return_url={}{}{extra}",
        intent.id(),
        intent.client_secret(),
        form_urlencoded::byte_serialize(return_url.as_bytes()).collect::<String>(),
        intent.account().map(|account| format!("&merchant={account}")).unwrap_or_default()
    );
    Step::Authenticate(NextAction::RedirectToUrl { url, return_url: return_url.to_owned() })
}

/// What the payment method leads to. A buy-now-pay-later method: the provider's page, to
/// authorise the payment or not (`check_bnpl` made sure there is a return_url). A card: its
/// outcome (Stripe's test cards), with 3-D Secure as the stand-in asks for it: on the challenge
/// page by redirect when the card does that and there is a return_url to come back to, else in
/// Stripe.js's modal.
fn next_step(paying: &Paying, public_url: &str, intent: &impl Intent) -> Step {
    let card = match paying {
        Paying::Card(card) => card,
        Paying::Bnpl(bnpl) => {
            let return_url = intent.return_url().unwrap_or_default();
            return redirect(public_url, "bnpl", intent, return_url, &format!("&method={}", bnpl.type_()));
        }
    };
    match (cards::outcome(&card.number), intent.return_url()) {
        (Outcome::Succeed, _) => Step::Succeed,
        (Outcome::AuthenticateByRedirect, Some(return_url)) => {
            redirect(public_url, "three_d_secure", intent, return_url, "")
        }
        // Without a return_url there is nowhere to come back to: Stripe.js authenticates in a modal.
        (Outcome::Authenticate | Outcome::AuthenticateByRedirect, _) => {
            Step::Authenticate(NextAction::UseStripeSdk { source: ids::new_id("src") })
        }
        // The error is about the card, not about a parameter of this call.
        (Outcome::Decline(error), _) => Step::Decline(StripeError { param: None, ..*error }),
    }
}

/// The PaymentMethod a confirmation of `intent` uses, and what it pays with: the
/// ConfirmationToken's (a saved PaymentMethod of the intent's customer, or a new one for the
/// card the shopper typed or the BNPL method chosen), the one given by details or id, or else
/// the one the intent already has.
fn choose_payment_method<T: Intent>(
    store: &mut Store,
    now: i64,
    intent: &T,
    with: &ConfirmWith,
    token: Option<&ConfirmationToken>,
) -> Result<(String, Paying), ApiError> {
    let scope = intent.account();
    if let Some(token) = token {
        if let (Some(saved), Some(owner)) = (&token.saved_payment_method, &token.customer) {
            return saved_payment_method(store, intent, saved, owner).map(|(id, card)| (id, Paying::Card(card)));
        }
        let data = PaymentData {
            paying: token.paying.clone(),
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
    existing_payment_method(store, now, scope, id)
}

/// An existing PaymentMethod of account `scope` (a card or a BNPL method), or a new card there
/// for a test id such as `pm_card_visa`.
fn existing_payment_method(
    store: &mut Store,
    now: i64,
    scope: Option<&str>,
    id: &str,
) -> Result<(String, Paying), ApiError> {
    if let Some(pm) = store.payment_methods.get(id).within(scope)
        && let Some(bnpl) = pm.bnpl
    {
        return Ok((pm.id.clone(), Paying::Bnpl(bnpl)));
    }
    card_payment_method(store, now, scope, id).map(|(id, card)| (id, Paying::Card(card)))
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
    let data = PaymentData {
        paying: Paying::Card(card.clone()),
        billing_details: billing_details_from(None)?,
        allow_redisplay: "unspecified".into(),
    };
    Ok((new_payment_method(store, now, scope, data).0, card))
}

fn new_payment_method(store: &mut Store, now: i64, scope: Option<&str>, data: PaymentData) -> (String, Paying) {
    let id = store.new_payment_method(now, scope, data.paying.card().cloned(), data.billing_details);
    if let Some(pm) = store.payment_methods.get_mut(&id) {
        pm.allow_redisplay = data.allow_redisplay;
        if let Paying::Bnpl(bnpl) = data.paying {
            pm.bnpl = Some(bnpl);
        }
    }
    (id, data.paying)
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
    /// The type must be one of the intent's (automatic payment methods list the eligible ones
    /// when it was created), and the amount within the provider's limits for the merchant.
    fn allows(&self, bnpl: Bnpl) -> Result<(), ApiError> {
        if !self.payment_method_types.iter().any(|t| t == bnpl.type_()) {
            return Err(ApiError::param_invalid(
                "payment_method_data[type]",
                format!(
                    "The PaymentIntent's payment method types do not include \"{}\": it was not eligible or not allowed \
                     when the PaymentIntent was created (payment_method_types: {}).",
                    bnpl.type_(),
                    self.payment_method_types.join(", ")
                ),
            ));
        }
        bnpl.check(crate::bnpl::MERCHANT_COUNTRY, &self.currency, self.amount)
            .map_err(|message| ApiError::param_invalid("amount", message))
    }

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
