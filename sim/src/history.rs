//! What a data export reads: charges, refunds, balance transactions, customers, prices,
//! products and subscriptions, each listed in creation order (a [`Timeline`]), and a history
//! generated for them (`POST /_sim/history/seed`): months of a shop's payments with a realistic
//! mix of methods (cards and buy now, pay later), refunds, customers and subscriptions,
//! deterministic from a seed. The generated objects are kept apart from the live ones so that
//! the event machinery (which compares the live charges before and after each call) does not
//! carry tens of thousands of them: they happened before any webhook endpoint existed.

use std::collections::HashMap;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Map, Value, json};

use crate::bnpl::Bnpl;
use crate::objects::{
    BalanceTransaction, Card, Charge, Customer, PaymentMethod, Price, Product, Refund, Subscription, Timeline,
};

#[derive(Debug, Default)]
pub struct Timelines {
    pub charges: Timeline,
    pub refunds: Timeline,
    pub balance_transactions: Timeline,
    pub customers: Timeline,
    pub products: Timeline,
    pub prices: Timeline,
    pub subscriptions: Timeline,
}

#[derive(Debug, Default)]
pub struct History {
    pub timelines: Timelines,
    /// Generated charges and their PaymentMethods; the live ones are the store's.
    pub charges: HashMap<String, Charge>,
    pub payment_methods: HashMap<String, PaymentMethod>,
    pub customers: HashMap<String, Customer>,
    pub products: HashMap<String, Product>,
    pub prices: HashMap<String, Price>,
    pub subscriptions: HashMap<String, Subscription>,
    /// Every balance transaction, live or generated: derived from charges and refunds.
    pub balance_transactions: HashMap<String, BalanceTransaction>,
    /// Refund id -> its charge's id, live or generated.
    pub refund_charge: HashMap<String, String>,
}

/// Stripe's US list prices per payment method type (stripe.com/pricing): the fee on a charge.
pub fn stripe_fee(type_: &str, amount: i64) -> i64 {
    let (basis_points, fixed) = match type_ {
        "card" => (290, 30),
        "klarna" | "affirm" | "zip" => (599, 30),
        "afterpay_clearpay" => (600, 30),
        _ => (290, 30),
    };
    (amount * basis_points + 5_000) / 10_000 + fixed
}

/// A live charge's Radar score: stable for its PaymentIntent, mostly normal.
pub fn risk_score_of(seed: &str) -> i64 {
    let hash = seed.bytes().fold(7_i64, |h, b| (h * 31 + i64::from(b)) % 1_000_003);
    10 + hash % 50
}

impl History {
    /// A charge was made (live): listed, and its balance transaction when it succeeded.
    pub fn record_charge(&mut self, charge: &Charge, payment_method: Option<&PaymentMethod>) {
        self.timelines.charges.push(charge.created, charge.id.clone());
        if charge.succeeded() {
            let type_ = payment_method.map_or("card", PaymentMethod::type_);
            self.add_balance(
                charge.created,
                charge.amount,
                stripe_fee(type_, charge.amount),
                &charge.currency,
                "charge",
                &charge.id,
            );
        }
    }

    /// A refund was made (live): listed, and the money out of the balance.
    pub fn record_refund(&mut self, charge: &Charge, refund: &Refund) {
        self.timelines.refunds.push(refund.created, refund.id.clone());
        self.refund_charge.insert(refund.id.clone(), charge.id.clone());
        self.add_balance(refund.created, -refund.amount, 0, &charge.currency, "refund", &refund.id);
    }

    pub fn record_customer(&mut self, customer: &Customer) {
        self.timelines.customers.push(customer.created, customer.id.clone());
    }

    fn add_balance(&mut self, created: i64, amount: i64, fee: i64, currency: &str, type_: &'static str, source: &str) {
        let id = format!("txn_{}", &source[source.find('_').map_or(0, |i| i + 1)..]);
        self.timelines.balance_transactions.push(created, id.clone());
        let txn = BalanceTransaction {
            id: id.clone(),
            created,
            amount,
            fee,
            currency: currency.into(),
            type_,
            source: source.into(),
        };
        self.balance_transactions.insert(id, txn);
    }
}

/// What `POST /_sim/history/seed` makes.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SeedRequest {
    #[serde(default = "default_seed")]
    pub seed: u64,
    #[serde(default = "default_charges")]
    pub charges: usize,
    #[serde(default = "default_days")]
    pub days: i64,
    /// The end of the history (unix seconds; the stand-in's clock by default): the same seed and
    /// end make the same objects.
    pub until: Option<i64>,
}

fn default_seed() -> u64 {
    42
}

fn default_charges() -> usize {
    50_000
}

fn default_days() -> i64 {
    90
}

pub const MAX_CHARGES: usize = 500_000;

/// How many of each were made, and their totals, for a test to check an export against.
#[derive(Debug, Default, serde::Serialize)]
pub struct Seeded {
    pub charges: usize,
    pub succeeded_amount: i64,
    pub refunds: usize,
    pub refunded_amount: i64,
    pub balance_transactions: usize,
    pub customers: usize,
    pub products: usize,
    pub prices: usize,
    /// Of them, archived.
    pub prices_inactive: usize,
    pub subscriptions: usize,
    /// Of them, canceled.
    pub subscriptions_canceled: usize,
    /// Charges per payment method type.
    pub by_method: std::collections::BTreeMap<String, usize>,
    pub from: i64,
    pub until: i64,
}

/// The share of payments per method in the generated history: cards most, then the four buy
/// now, pay later methods (each only where its amount limits allow).
const METHOD_MIX: [(&str, u32); 5] =
    [("card", 70), ("klarna", 11), ("afterpay_clearpay", 8), ("affirm", 6), ("zip", 5)];

/// Typical basket sizes per method (median in cents, spread): BNPL baskets are larger.
fn typical_amount(type_: &str) -> (f64, f64) {
    match type_ {
        "card" => (4_500.0, 0.7),
        "klarna" => (9_000.0, 0.6),
        "afterpay_clearpay" => (11_000.0, 0.6),
        "affirm" => (32_000.0, 0.7),
        _ => (14_000.0, 0.6),
    }
}

struct Gen {
    rng: StdRng,
}

impl Gen {
    fn id(&mut self, prefix: &str) -> String {
        const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        let tail: String = (0..24).map(|_| ALPHABET[self.rng.random_range(0..ALPHABET.len())] as char).collect();
        format!("{prefix}_{tail}")
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.rng.random_range(0..100) < percent
    }

    /// A log-normal amount around `median`, by Box-Muller.
    fn amount(&mut self, (median, sigma): (f64, f64)) -> i64 {
        let (u1, u2): (f64, f64) = (self.rng.random_range(1e-9..1.0), self.rng.random_range(0.0..1.0));
        let normal = (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
        (median * (sigma * normal).exp()).round() as i64
    }

    /// A payment method type by its share of the mix.
    fn method(&mut self) -> &'static str {
        let roll = self.rng.random_range(0..100);
        let mut sum = 0;
        for (type_, share) in METHOD_MIX {
            sum += share;
            if roll < sum {
                return type_;
            }
        }
        "card"
    }
}

/// Makes the history into `history`: `request.charges` charges over `request.days` days ending at
/// `until`, with their customers, refunds, balance transactions, products, prices and
/// subscriptions.
pub fn seed(history: &mut History, request: &SeedRequest, until: i64) -> Seeded {
    let mut g = Gen { rng: StdRng::seed_from_u64(request.seed) };
    let from = until - request.days * 86_400;
    let mut seeded = Seeded { from, until, ..Seeded::default() };

    // The catalogue: one-time products and two subscriptions, a month or a year.
    // (name, unit amount, interval, active): the last is the coffee club's monthly price before
    // it went up, archived (listed by Stripe only with `active=false`).
    let catalogue: [(&str, i64, Option<&'static str>, bool); 9] = [
        ("Lumen organic T-shirt", 2_500, None, true),
        ("Ferris enamel mug", 1_299, None, true),
        ("Rust sticker pack", 499, None, true),
        ("Borrow-checker hoodie", 5_900, None, true),
        ("Trait-bound backpack", 12_900, None, true),
        ("Coffee club", 1_800, Some("month"), true),
        ("Coffee club", 18_000, Some("year"), true),
        ("Sticker club", 700, Some("month"), true),
        ("Coffee club", 1_500, Some("month"), false),
    ];
    let catalogue_at = from - 30 * 86_400;
    let mut recurring = Vec::new();
    let mut products: HashMap<&str, String> = HashMap::new();
    for (i, (name, unit_amount, interval, active)) in catalogue.into_iter().enumerate() {
        let created = catalogue_at + i as i64 * 60;
        let product_id = match products.get(name) {
            Some(id) => id.clone(),
            None => {
                let id = g.id("prod");
                products.insert(name, id.clone());
                history.timelines.products.push(created, id.clone());
                history
                    .products
                    .insert(id.clone(), Product { id: id.clone(), created, name: name.into(), default_price: None });
                seeded.products += 1;
                id
            }
        };
        let price = Price {
            id: g.id("price"),
            created,
            product: product_id.clone(),
            currency: "usd".into(),
            unit_amount,
            interval,
            nickname: interval.map(|i| format!("{name} ({i}ly)")),
            active,
        };
        if let Some(product) = history.products.get_mut(&product_id).filter(|_| active) {
            product.default_price.get_or_insert_with(|| price.id.clone());
        }
        history.timelines.prices.push(created, price.id.clone());
        if interval.is_some() && active {
            recurring.push(price.clone());
        }
        history.prices.insert(price.id.clone(), price);
        seeded.prices += 1;
        seeded.prices_inactive += usize::from(!active);
    }

    // Customers: one for every five charges, signed up over the months before and during.
    let customer_count = (request.charges / 5).max(1);
    let mut customers = Vec::with_capacity(customer_count);
    let mut timeline = Vec::with_capacity(customer_count);
    for n in 0..customer_count {
        let created = from - 30 * 86_400 + g.rng.random_range(0..(request.days + 30) * 86_400);
        let id = g.id("cus");
        let customer = Customer {
            id: id.clone(),
            account: None,
            created,
            email: Some(format!("customer-{n}@example.com")),
            name: Some(format!("Customer {n}")),
            invoice_prefix: format!("{:08X}", n),
            metadata: Map::new(),
        };
        timeline.push((created, id.clone()));
        customers.push((created, id.clone()));
        history.customers.insert(id, customer);
    }
    history.timelines.customers.extend(timeline);
    seeded.customers = customer_count;

    // Charges, each with its PaymentMethod; some refunded later.
    let mut charge_times: Vec<i64> =
        (0..request.charges).map(|_| from + g.rng.random_range(0..request.days * 86_400)).collect();
    charge_times.sort_unstable();
    let (mut charge_timeline, mut refund_timeline, mut balance_timeline) = (Vec::new(), Vec::new(), Vec::new());
    for created in charge_times {
        let type_ = g.method();
        let amount = match Bnpl::from_type(type_) {
            // Within the method's limits: its typical basket, drawn again until it fits.
            Some(bnpl) => {
                let mut amount = g.amount(typical_amount(type_));
                while !bnpl.eligible(crate::bnpl::MERCHANT_COUNTRY, "usd", amount) {
                    amount = g.amount(typical_amount(type_));
                }
                amount
            }
            None => g.amount(typical_amount("card")).clamp(50, 99_999_999),
        };
        let failed = type_ == "card" && g.chance(4);
        let customer = g.chance(80).then(|| customers[g.rng.random_range(0..customers.len())].1.clone());
        let pm_id = g.id("pm");
        let payment_method = PaymentMethod {
            id: pm_id.clone(),
            account: None,
            created,
            card: (type_ == "card").then(|| Card {
                number: ["4242424242424242", "5555555555554444", "378282246310005"][g.rng.random_range(0..3)].into(),
                exp_month: g.rng.random_range(1..=12),
                exp_year: 2028 + g.rng.random_range(0..5),
            }),
            bnpl: Bnpl::from_type(type_),
            billing_details: json!({"address": {"city": null, "country": "US", "line1": null, "line2": null, "postal_code": null, "state": null},
                                    "email": null, "name": null, "phone": null, "tax_id": null}),
            customer: customer.clone(),
            allow_redisplay: "unspecified".into(),
            metadata: Map::new(),
            spent: false,
        };
        let id = g.id("ch");
        let mut metadata = Map::new();
        metadata.insert("order_id".into(), Value::String(format!("ord_{}", &id[3..15])));
        if Bnpl::from_type(type_).is_some() {
            let variant = if g.chance(50) { "addon" } else { "control" };
            metadata.insert("offer_variant".into(), Value::String(variant.into()));
        }
        let risk_score = match g.rng.random_range(0..100) {
            0..93 => g.rng.random_range(5..65),
            93..98 => g.rng.random_range(65..75),
            _ => g.rng.random_range(75..100),
        };
        let mut charge = Charge {
            id: id.clone(),
            account: None,
            created,
            amount,
            currency: "usd".into(),
            payment_intent: g.id("pi"),
            payment_method: Some(pm_id.clone()),
            customer,
            receipt_email: None,
            failure: failed.then(|| {
                let codes = [
                    ("card_declined", "Your card was declined."),
                    ("insufficient_funds", "Your card has insufficient funds."),
                ];
                let (code, message) = codes[g.rng.random_range(0..codes.len())];
                (code.to_owned(), message.to_owned())
            }),
            refunds: Vec::new(),
            application_fee_amount: None,
            application_fee: None,
            on_behalf_of: None,
            transfer_data: None,
            risk_score,
            metadata,
        };
        charge_timeline.push((created, id.clone()));
        seeded.charges += 1;
        *seeded.by_method.entry(type_.to_owned()).or_default() += 1;
        if charge.succeeded() {
            seeded.succeeded_amount += amount;
            let txn = BalanceTransaction {
                id: format!("txn_{}", &id[3..]),
                created,
                amount,
                fee: stripe_fee(type_, amount),
                currency: "usd".into(),
                type_: "charge",
                source: id.clone(),
            };
            balance_timeline.push((created, txn.id.clone()));
            history.balance_transactions.insert(txn.id.clone(), txn);
            // Refunds: about one in sixteen payments, more for BNPL; some partial.
            let refund_percent = if type_ == "card" { 6 } else { 8 };
            let refunded_at = created + g.rng.random_range(3_600..20 * 86_400);
            if g.chance(refund_percent) && refunded_at < until {
                let refund_amount = if g.chance(70) { amount } else { (amount / 2).max(1) };
                let refund = Refund {
                    id: g.id("re"),
                    created: refunded_at,
                    amount: refund_amount,
                    reason: Some(["requested_by_customer", "duplicate", "fraudulent"][g.rng.random_range(0..3)].into()),
                };
                let txn = BalanceTransaction {
                    id: format!("txn_{}", &refund.id[3..]),
                    created: refunded_at,
                    amount: -refund_amount,
                    fee: 0,
                    currency: "usd".into(),
                    type_: "refund",
                    source: refund.id.clone(),
                };
                refund_timeline.push((refunded_at, refund.id.clone()));
                balance_timeline.push((refunded_at, txn.id.clone()));
                history.balance_transactions.insert(txn.id.clone(), txn);
                history.refund_charge.insert(refund.id.clone(), id.clone());
                seeded.refunds += 1;
                seeded.refunded_amount += refund_amount;
                charge.refunds.push(refund);
            }
        }
        history.payment_methods.insert(pm_id, payment_method);
        history.charges.insert(id, charge);
    }
    seeded.balance_transactions = balance_timeline.len();
    history.timelines.charges.extend(charge_timeline);
    history.timelines.refunds.extend(refund_timeline);
    history.timelines.balance_transactions.extend(balance_timeline);

    // Subscriptions: one for every thirty charges, on the recurring prices.
    let mut subscription_timeline = Vec::new();
    for _ in 0..(request.charges / 30).max(1) {
        let created = from + g.rng.random_range(0..request.days * 86_400);
        let price = recurring[g.rng.random_range(0..recurring.len())].clone();
        let period_length = if price.interval == Some("year") { 365 * 86_400 } else { 30 * 86_400 };
        let elapsed = (until - created).max(0) % period_length;
        let status = match g.rng.random_range(0..100) {
            0..70 => "active",
            70..80 => "trialing",
            80..85 => "past_due",
            _ => "canceled",
        };
        let id = g.id("sub");
        let subscription = Subscription {
            id: id.clone(),
            created,
            customer: customers[g.rng.random_range(0..customers.len())].1.clone(),
            price,
            quantity: if g.chance(90) { 1 } else { 2 },
            status,
            canceled_at: (status == "canceled").then(|| created + (until - created) / 2),
            trial_end: (status == "trialing").then_some(created + 14 * 86_400),
            period: (until - elapsed, until - elapsed + period_length),
        };
        subscription_timeline.push((created, id.clone()));
        seeded.subscriptions_canceled += usize::from(status == "canceled");
        history.subscriptions.insert(id, subscription);
    }
    seeded.subscriptions = subscription_timeline.len();
    history.timelines.subscriptions.extend(subscription_timeline);
    seeded
}
