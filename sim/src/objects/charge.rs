use serde_json::{Map, Value, json};

use super::{PaymentMethod, TransferData};

/// A charge: one attempt to collect a PaymentIntent's amount, succeeded or failed, and what
/// was refunded of it.
#[derive(Debug, Clone)]
pub struct Charge {
    pub id: String,
    /// The account the payment was made on (its PaymentIntent's).
    pub account: Option<String>,
    pub created: i64,
    pub amount: i64,
    pub currency: String,
    pub payment_intent: String,
    pub payment_method: Option<String>,
    pub customer: Option<String>,
    pub receipt_email: Option<String>,
    /// `None`: succeeded; `Some((code, message))`: failed.
    pub failure: Option<(String, String)>,
    pub refunds: Vec<Refund>,
    /// A direct charge's fee for the platform: what was asked, and the ApplicationFee taken.
    pub application_fee_amount: Option<i64>,
    pub application_fee: Option<String>,
    pub on_behalf_of: Option<String>,
    pub transfer_data: Option<TransferData>,
    /// Radar's score, 0-99: `risk_level` normal below 65, elevated below 75, else highest.
    pub risk_score: i64,
    /// The PaymentIntent's, as Stripe copies it to the charge.
    pub metadata: Map<String, Value>,
}

#[derive(Debug, Clone)]
pub struct Refund {
    pub id: String,
    pub created: i64,
    pub amount: i64,
    pub reason: Option<String>,
}

impl Charge {
    pub fn risk_level(&self) -> &'static str {
        match self.risk_score {
            ..65 => "normal",
            65..75 => "elevated",
            _ => "highest",
        }
    }

    pub fn succeeded(&self) -> bool {
        self.failure.is_none()
    }

    pub fn amount_refunded(&self) -> i64 {
        self.refunds.iter().map(|r| r.amount).sum()
    }

    /// Stripe's Charge, with the PaymentMethod it was made with (for the billing and method
    /// details).
    pub fn to_json(&self, payment_method: Option<&PaymentMethod>) -> Value {
        let paid = self.succeeded();
        let billing_details = payment_method.map_or(Value::Null, |pm| pm.billing_details.clone());
        let method_details = match payment_method {
            Some(pm) => {
                let mut details = json!({"type": pm.type_()});
                details[pm.type_()] = match &pm.card {
                    Some(card) => {
                        let preview = card.to_json();
                        json!({
                            "amount_authorized": if paid { json!(self.amount) } else { Value::Null },
                            "authorization_code": null,
                            "brand": card.brand(),
                            "checks": preview["checks"],
                            "country": "US",
                            "exp_month": card.exp_month,
                            "exp_year": card.exp_year,
                            "extended_authorization": {"status": "disabled"},
                            "fingerprint": preview["fingerprint"],
                            "funding": "credit",
                            "incremental_authorization": {"status": "unavailable"},
                            "installments": null,
                            "last4": card.last4(),
                            "mandate": null,
                            "multicapture": {"status": "unavailable"},
                            "network": card.brand(),
                            "network_token": {"used": false},
                            "network_transaction_id": null,
                            "overcapture": {"maximum_amount_capturable": self.amount, "status": "unavailable"},
                            "regulated_status": "unregulated",
                            "three_d_secure": null,
                            "transaction_link_id": null,
                            "wallet": null,
                        })
                    }
                    None => match pm.bnpl {
                        Some(bnpl) => bnpl.charge_details_json(&self.id),
                        None => json!({"store": {"chain": null}}),
                    },
                };
                details
            }
            None => Value::Null,
        };
        json!({
            "id": self.id,
            "object": "charge",
            "amount": self.amount,
            "amount_captured": if paid { self.amount } else { 0 },
            "amount_refunded": self.amount_refunded(),
            "application": self.account.as_ref().map(|_| super::APPLICATION),
            "application_fee": self.application_fee,
            "application_fee_amount": self.application_fee_amount,
            "balance_transaction": if paid { json!(format!("txn_{}", &self.id[3..])) } else { Value::Null },
            "billing_details": billing_details,
            "calculated_statement_descriptor": "FERRIS & CO",
            "captured": paid,
            "created": self.created,
            "currency": self.currency,
            "customer": self.customer,
            "description": null,
            "disputed": false,
            "failure_balance_transaction": null,
            "failure_code": self.failure.as_ref().map(|f| f.0.clone()),
            "failure_message": self.failure.as_ref().map(|f| f.1.clone()),
            "fraud_details": {},
            "livemode": false,
            "metadata": self.metadata,
            "on_behalf_of": self.on_behalf_of,
            "outcome": {
                "advice_code": null,
                "network_advice_code": null,
                "network_decline_code": null,
                "network_status": if paid { "approved_by_network" } else { "declined_by_network" },
                "reason": self.failure.as_ref().map(|f| f.0.clone()),
                "risk_level": self.risk_level(),
                "risk_score": self.risk_score,
                "seller_message": if paid { "Payment complete." } else { "The bank did not return any further details with this decline." },
                "type": if paid { "authorized" } else { "issuer_declined" },
            },
            "paid": paid,
            "payment_intent": self.payment_intent,
            "payment_method": self.payment_method,
            "payment_method_details": method_details,
            "receipt_email": self.receipt_email,
            "receipt_number": null,
            "receipt_url": null,
            "refunded": paid && self.amount_refunded() == self.amount,
            "refunds": {
                "object": "list",
                "data": self.refunds.iter().map(|r| r.to_json(self)).collect::<Vec<_>>(),
                "has_more": false,
                "url": format!("/v1/charges/{}/refunds", self.id),
            },
            "review": null,
            "shipping": null,
            "source": null,
            "source_transfer": null,
            "statement_descriptor": null,
            "statement_descriptor_suffix": null,
            "status": if paid { "succeeded" } else { "failed" },
            "transfer_data": self.transfer_data.as_ref().map(TransferData::to_json),
            "transfer_group": null,
        })
    }
}

impl Refund {
    pub fn to_json(&self, charge: &Charge) -> Value {
        json!({
            "id": self.id,
            "object": "refund",
            "amount": self.amount,
            "balance_transaction": format!("txn_{}", &self.id[3..]),
            "charge": charge.id,
            "created": self.created,
            "currency": charge.currency,
            "customer": charge.customer,
            "customer_account": null,
            "destination_details": null,
            "metadata": {},
            "payment_intent": charge.payment_intent,
            "payment_method": charge.payment_method,
            "reason": self.reason,
            "receipt_number": null,
            "source_transfer_reversal": null,
            "status": "succeeded",
            "transfer_reversal": null,
        })
    }
}
