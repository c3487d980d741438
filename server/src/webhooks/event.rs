//! The parts of a Stripe event the orders need. Everything else is ignored, so new fields and
//! new object versions never fail an event.

use checkout_api::OrderStatus;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub type_: String,
    pub created: i64,
    pub data: EventData,
    /// The connected account it happened on (a Connect event); `None`: the platform's own.
    #[serde(default)]
    pub account: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EventData {
    pub object: Value,
}

impl Event {
    fn object_type(&self) -> Option<&str> {
        self.data.object["object"].as_str()
    }

    /// The `order_id` our checkout put in the PaymentIntent's metadata.
    pub fn order_id(&self) -> Option<&str> {
        self.data.object["metadata"]["order_id"].as_str()
    }

    /// The PaymentIntent the event is about: the object itself, or the charge's.
    pub fn payment_intent_id(&self) -> Option<&str> {
        match self.object_type()? {
            "payment_intent" => self.data.object["id"].as_str(),
            "charge" => self.data.object["payment_intent"].as_str(),
            _ => None,
        }
    }

    /// The amount of the PaymentIntent or charge, in the currency's smallest unit.
    pub fn amount(&self) -> Option<i64> {
        self.payment_intent_id().and(self.data.object["amount"].as_i64())
    }

    pub fn currency(&self) -> Option<&str> {
        self.payment_intent_id().and(self.data.object["currency"].as_str())
    }

    /// What the event says about an order; `None` for events we do not act on.
    pub fn target(&self) -> Option<OrderStatus> {
        Some(match self.type_.as_str() {
            "payment_intent.succeeded" => OrderStatus::Paid,
            "payment_intent.processing" => OrderStatus::Processing,
            "payment_intent.requires_action" => OrderStatus::RequiresAction,
            "payment_intent.payment_failed" => OrderStatus::Failed,
            "payment_intent.canceled" => OrderStatus::Canceled,
            // A refund implies the payment: partly refunded is still paid.
            "charge.refunded" if self.data.object["refunded"] == true => OrderStatus::Refunded,
            "charge.refunded" => OrderStatus::Paid,
            _ => return None,
        })
    }

    /// How much of the charge is refunded (`charge.refunded`).
    pub fn amount_refunded(&self) -> Option<i64> {
        (self.type_ == "charge.refunded").then(|| self.data.object["amount_refunded"].as_i64()).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: &str, object: Value) -> Event {
        serde_json::from_value(
            serde_json::json!({"id": "evt_1", "type": kind, "created": 1, "data": {"object": object},
            "api_version": "2099-01-01.future", "brand_new_field": {"x": 1}}),
        )
        .unwrap()
    }

    #[test]
    fn reads_payment_intent_events_and_tolerates_unknown_fields() {
        let e = event(
            "payment_intent.succeeded",
            serde_json::json!({"id": "pi_1", "object": "payment_intent", "metadata": {"order_id": "ord_1"}, "new": true}),
        );
        assert_eq!(
            (e.order_id(), e.payment_intent_id(), e.target()),
            (Some("ord_1"), Some("pi_1"), Some(OrderStatus::Paid))
        );
    }

    #[test]
    fn a_full_refund_refunds_and_a_partial_one_keeps_the_order_paid() {
        let full = event(
            "charge.refunded",
            serde_json::json!({"object": "charge", "payment_intent": "pi_1", "refunded": true, "amount_refunded": 5098}),
        );
        assert_eq!(
            (full.payment_intent_id(), full.target(), full.amount_refunded()),
            (Some("pi_1"), Some(OrderStatus::Refunded), Some(5098))
        );
        let partial = event(
            "charge.refunded",
            serde_json::json!({"object": "charge", "payment_intent": "pi_1", "refunded": false, "amount_refunded": 500}),
        );
        assert_eq!(partial.target(), Some(OrderStatus::Paid));
    }

    #[test]
    fn other_types_are_not_acted_on() {
        assert_eq!(event("customer.created", serde_json::json!({"object": "customer"})).target(), None);
        assert_eq!(event("charge.succeeded", serde_json::json!({"object": "charge"})).target(), None);
    }

    /// Property tests: any body (once its signature passed) parses as an event or is refused,
    /// and whatever an event's object holds, reading it never panics; the fields we read come
    /// back as they were sent.
    mod properties {
        use super::super::*;
        use super::event;
        use proptest::prelude::*;

        fn json() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
                "[a-z_.]{0,12}".prop_map(Value::from),
            ];
            leaf.prop_recursive(4, 40, 5, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                    prop::collection::btree_map("(id|object|metadata|order_id|payment_intent|amount|currency|refunded|amount_refunded|[a-z]{1,6})", inner, 0..6)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #[test]
            fn any_bytes_parse_as_an_event_or_are_refused(body in prop::collection::vec(any::<u8>(), 0..300)) {
                let _ = serde_json::from_slice::<Event>(&body);
            }

            #[test]
            fn any_object_is_read_without_panicking(kind in "(payment_intent|charge|customer)\\.[a-z_]{1,20}", object in json(), created in any::<i64>()) {
                let body = serde_json::json!({"id": "evt_1", "type": kind, "created": created, "data": {"object": object}});
                let event: Event = serde_json::from_value(body).unwrap();
                let _ = (event.order_id(), event.payment_intent_id(), event.amount(), event.currency(), event.target(), event.amount_refunded());
            }

            #[test]
            fn the_fields_we_read_are_the_ones_sent(id in "pi_[A-Za-z0-9]{1,24}", order in "ord_[A-Za-z0-9]{1,24}", amount in any::<i64>(), currency in "[a-z]{3}") {
                let object = serde_json::json!({"id": id, "object": "payment_intent", "amount": amount, "currency": currency, "metadata": {"order_id": order}});
                let event = event("payment_intent.succeeded", object);
                prop_assert_eq!(
                    (event.payment_intent_id(), event.order_id(), event.amount(), event.currency()),
                    (Some(id.as_str()), Some(order.as_str()), Some(amount), Some(currency.as_str()))
                );
            }
        }
    }
}
