use serde::{Deserialize, Serialize};

/// Where an order stands. It moves only by Stripe's events (webhooks), never by what the page
/// reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Created at checkout; no event yet.
    Pending,
    /// The shopper has something to do: 3-D Secure, or pay at the konbini.
    RequiresAction,
    Processing,
    /// Stripe says the money is there; the order is fulfilled (once).
    Paid,
    Failed,
    Canceled,
    Refunded,
    /// Stripe's payment and the order disagree (another amount or currency, or a second
    /// PaymentIntent for one order): neither paid nor fulfilled until someone looks at it.
    NeedsReview,
    /// Pending for longer than the configured age without any event: the shopper left. Still
    /// moved by a late event (a payment that did go through is never lost).
    Abandoned,
}

impl OrderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::RequiresAction => "requires_action",
            Self::Processing => "processing",
            Self::Paid => "paid",
            Self::Failed => "failed",
            Self::Canceled => "canceled",
            Self::Refunded => "refunded",
            Self::NeedsReview => "needs_review",
            Self::Abandoned => "abandoned",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Pending,
            Self::RequiresAction,
            Self::Processing,
            Self::Paid,
            Self::Failed,
            Self::Canceled,
            Self::Refunded,
            Self::NeedsReview,
            Self::Abandoned,
        ]
        .into_iter()
        .find(|status| status.as_str() == s)
    }

    /// Nothing but a refund can follow these (and nothing automatic follows a review).
    pub fn is_settled(self) -> bool {
        matches!(self, Self::Paid | Self::Canceled | Self::Refunded | Self::NeedsReview)
    }

    /// Among statuses that can change back and forth, which wins when two events have the same
    /// time.
    fn rank(self) -> u8 {
        match self {
            Self::Pending | Self::Abandoned => 0,
            Self::RequiresAction => 1,
            Self::Processing => 2,
            Self::Failed => 3,
            Self::Paid | Self::Canceled | Self::Refunded | Self::NeedsReview => 4,
        }
    }

    /// The status after an event saying `target` at `event_at`, for an order now `self` since
    /// an event at `since`; `None` when the event changes nothing. Events come in any order and
    /// more than once, so: settled orders only move on to a refund; a payment or cancellation
    /// settles any unsettled order; other events apply only if not older than the last one.
    pub fn after(self, since: i64, target: OrderStatus, event_at: i64) -> Option<OrderStatus> {
        let next = match (self, target) {
            (current, target) if current == target => return None,
            // Only a person moves an order out of review.
            (Self::NeedsReview, _) | (_, Self::NeedsReview | Self::Abandoned) => return None,
            (Self::Refunded | Self::Canceled, _) => return None,
            (Self::Paid, Self::Refunded) => Self::Refunded,
            (Self::Paid, _) => return None,
            (_, Self::Paid | Self::Canceled | Self::Refunded) => target,
            (current, target) if event_at > since || (event_at == since && target.rank() >= current.rank()) => target,
            _ => return None,
        };
        Some(next)
    }
}

/// `GET /api/orders?paymentIntent=...`: the order a PaymentIntent pays for, asked by the holder
/// of its client secret (the return page after a redirect), which comes in the
/// `X-Client-Secret` header (or, from older pages, as `clientSecret` here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderForPaymentQuery {
    pub payment_intent: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
}

/// `GET /api/orders/{id}`: the order as the webhooks left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderView {
    pub id: String,
    pub status: OrderStatus,
    pub amount: i64,
    pub currency: String,
    #[serde(default)]
    pub payment_intent_id: Option<String>,
    /// Fulfilled (once) when it was paid.
    pub fulfilled: bool,
    pub amount_refunded: i64,
    /// A marketplace order's seller and the platform's fee; none for the shop's own products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller: Option<crate::OrderSeller>,
}

#[cfg(test)]
mod tests {
    use super::OrderStatus::*;

    #[test]
    fn a_late_requires_action_never_overwrites_a_payment() {
        assert_eq!(Paid.after(100, RequiresAction, 90), None);
        assert_eq!(Paid.after(100, RequiresAction, 200), None, "even if it claims to be newer");
        assert_eq!(Paid.after(100, Failed, 90), None);
    }

    #[test]
    fn payments_and_cancellations_settle_whatever_came_before() {
        assert_eq!(Pending.after(0, Paid, 50), Some(Paid));
        assert_eq!(Failed.after(100, Paid, 90), Some(Paid), "a success after a decline, delivered early");
        assert_eq!(RequiresAction.after(100, Canceled, 100), Some(Canceled));
        assert_eq!(Canceled.after(100, Paid, 200), None);
    }

    #[test]
    fn only_a_refund_follows_a_payment_and_nothing_follows_a_refund() {
        assert_eq!(Paid.after(100, Refunded, 150), Some(Refunded));
        assert_eq!(Refunded.after(150, Paid, 100), None);
        assert_eq!(Pending.after(0, Refunded, 150), Some(Refunded), "refund delivered before the payment");
    }

    #[test]
    fn unsettled_statuses_follow_the_newest_event() {
        assert_eq!(RequiresAction.after(100, Failed, 200), Some(Failed));
        assert_eq!(Failed.after(200, RequiresAction, 100), None, "older");
        assert_eq!(Failed.after(200, RequiresAction, 300), Some(RequiresAction), "a new voucher after an expiry");
        assert_eq!(RequiresAction.after(100, Failed, 100), Some(Failed), "same second: the later stage wins");
        assert_eq!(Failed.after(100, RequiresAction, 100), None);
        assert_eq!(Paid.after(100, Paid, 100), None, "nothing changes twice");
    }

    #[test]
    fn an_abandoned_order_still_takes_a_late_payment_and_a_review_takes_nothing() {
        assert_eq!(Abandoned.after(0, Paid, 50), Some(Paid));
        assert_eq!(Abandoned.after(0, RequiresAction, 50), Some(RequiresAction));
        assert_eq!(NeedsReview.after(0, Paid, 50), None);
        assert_eq!(NeedsReview.after(0, Refunded, 50), None);
        assert!(NeedsReview.is_settled() && !Abandoned.is_settled());
    }

    #[test]
    fn names_round_trip() {
        for status in [Pending, RequiresAction, Processing, Paid, Failed, Canceled, Refunded, NeedsReview, Abandoned] {
            assert_eq!(super::OrderStatus::parse(status.as_str()), Some(status));
        }
    }
}
