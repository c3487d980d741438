use serde_json::{Value, json};

/// The platform's Connect application: what `application` names on the objects it makes on
/// connected accounts (the PaymentIntents and charges of direct charges) and on its fees.
pub const APPLICATION: &str = "ca_StandInPlatformConnectApp000001";

/// What the platform took of a charge for a connected account (`application_fee_amount`): a
/// direct charge on the account, or a destination charge on the platform for it. It lives on
/// the platform; `account` is the connected account it came from.
#[derive(Debug, Clone)]
pub struct ApplicationFee {
    pub id: String,
    pub created: i64,
    /// The connected account the charge was made on.
    pub account: String,
    pub amount: i64,
    pub currency: String,
    /// The charge it was taken from: a direct charge's, on the connected account; a destination
    /// charge's, on the platform (the stand-in makes no transfer, so no `py_` payment on the
    /// account stands between them).
    pub charge: String,
    /// A destination charge's fee: the platform's charge it originates from.
    pub originating_transaction: Option<String>,
    pub refunds: Vec<FeeRefund>,
}

/// A part of an application fee given back (refunding the charge with
/// `refund_application_fee=true`).
#[derive(Debug, Clone)]
pub struct FeeRefund {
    pub id: String,
    pub created: i64,
    pub amount: i64,
}

impl ApplicationFee {
    pub fn amount_refunded(&self) -> i64 {
        self.refunds.iter().map(|r| r.amount).sum()
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "application_fee",
            "account": self.account,
            "amount": self.amount,
            "amount_refunded": self.amount_refunded(),
            "application": APPLICATION,
            "balance_transaction": format!("txn_{}", &self.id[4..]),
            "charge": self.charge,
            "created": self.created,
            "currency": self.currency,
            "fee_source": {"charge": self.charge, "type": "charge"},
            "livemode": false,
            "originating_transaction": self.originating_transaction,
            "refunded": self.amount_refunded() == self.amount,
            "refunds": {
                "data": self.refunds.iter().rev().map(|r| r.to_json(self)).collect::<Vec<_>>(),
                "has_more": false,
                "object": "list",
                "url": format!("/v1/application_fees/{}/refunds", self.id),
            },
        })
    }
}

impl FeeRefund {
    pub fn to_json(&self, fee: &ApplicationFee) -> Value {
        json!({
            "id": self.id,
            "object": "fee_refund",
            "amount": self.amount,
            "balance_transaction": null,
            "created": self.created,
            "currency": fee.currency,
            "fee": fee.id,
            "metadata": {},
        })
    }
}
