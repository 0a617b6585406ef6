//! An event's `event_data` as JSON, both ways, written out field by field. Serde's derive for
//! an adjacently tagged enum is general and large (it was the biggest single function in the
//! download); events have a handful of plain fields, so reading and writing them by hand is
//! short, and the property tests hold it to the same round trip.

use super::{EventType, Money, OrderEvent, OrderStatus};
use serde_json::{Map, Value};

/// The `event_data` of `event`: its fields as a JSON object (`{}` when it has none).
pub fn to_json(event: &OrderEvent) -> Value {
    let mut data = Map::new();
    let mut put = |name: &str, value: Value| {
        data.insert(name.to_string(), value);
    };
    match event {
        OrderEvent::OrderPlaced {
            customer_id,
            total_amount,
        } => {
            put("customer_id", customer_id.as_str().into());
            put("total_amount", total_amount.0.into());
        }
        OrderEvent::OrderPaid { amount } => put("amount", amount.0.into()),
        OrderEvent::OrderShipped {
            carrier,
            tracking_number,
        } => {
            put("carrier", carrier.as_str().into());
            put("tracking_number", tracking_number.as_str().into());
        }
        OrderEvent::OrderDelivered {} => {}
        OrderEvent::OrderCancelled { reason, refund } => {
            put("reason", reason.as_str().into());
            put("refund", refund.map_or(Value::Null, |m| m.0.into()));
        }
        OrderEvent::PaymentProblemReported { source, detail } => {
            put("source", source.as_str().into());
            put("detail", detail.as_str().into());
        }
        OrderEvent::PaymentProblemRetracted {
            retracts,
            reason,
            status,
        } => {
            put("retracts", (*retracts).into());
            put("reason", reason.as_str().into());
            put("status", status.as_str().into());
        }
    }
    Value::Object(data)
}

/// Reads the `event_data` of an event of type `kind` (already in the current schema). Fields
/// the type does not have are ignored; a missing or mistyped one is an error in words.
pub fn from_json(kind: EventType, data: &Map<String, Value>) -> Result<OrderEvent, String> {
    let text = |name: &str| match data.get(name) {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(_) => Err(format!("`{name}` is not a text")),
        None => Err(format!("missing field `{name}`")),
    };
    let cents = |name: &str| match data.get(name) {
        Some(value) => value
            .as_i64()
            .map(Money)
            .ok_or_else(|| format!("`{name}` is not a whole number of cents")),
        None => Err(format!("missing field `{name}`")),
    };
    Ok(match kind {
        EventType::OrderPlaced => OrderEvent::OrderPlaced {
            customer_id: text("customer_id")?,
            total_amount: cents("total_amount")?,
        },
        EventType::OrderPaid => OrderEvent::OrderPaid {
            amount: cents("amount")?,
        },
        EventType::OrderShipped => OrderEvent::OrderShipped {
            carrier: text("carrier")?,
            tracking_number: text("tracking_number")?,
        },
        EventType::OrderDelivered => OrderEvent::OrderDelivered {},
        EventType::OrderCancelled => OrderEvent::OrderCancelled {
            reason: text("reason")?,
            refund: match data.get("refund") {
                None | Some(Value::Null) => None,
                Some(_) => Some(cents("refund")?),
            },
        },
        EventType::PaymentProblemReported => OrderEvent::PaymentProblemReported {
            source: text("source")?,
            detail: text("detail")?,
        },
        EventType::PaymentProblemRetracted => OrderEvent::PaymentProblemRetracted {
            retracts: data
                .get("retracts")
                .and_then(Value::as_u64)
                .ok_or("`retracts` is not an event id")?,
            reason: text("reason")?,
            status: OrderStatus::named(&text("status")?).ok_or("`status` is not a status")?,
        },
    })
}
