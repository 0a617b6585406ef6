//! Facts that happened. Events are past tense and never change once recorded.

use super::{EventId, Money, OrderId, OrderStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What happened to an order: the `event_type` and `event_data` columns of `order_events`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event_type", content = "event_data")]
pub enum OrderEvent {
    /// A customer placed an order.
    OrderPlaced {
        customer_id: String,
        total_amount: Money,
    },
    /// Money was received for the order.
    OrderPaid { amount: Money },
    /// The parcel left with a carrier.
    OrderShipped {
        carrier: String,
        tracking_number: String,
    },
    /// The parcel arrived.
    OrderDelivered {},
    /// The order was cancelled before shipping.
    OrderCancelled {
        reason: String,
        /// The money given back, when the order had been paid.
        refund: Option<Money>,
    },
    /// Recorded by the faulty packaging step of the bug story.
    PaymentProblemReported { source: String, detail: String },
    /// A correction: the payment problem reported by event `retracts` was wrong, and the order
    /// is really in `status`. The wrong event stays in the log, as every event does: the log
    /// keeps both the mistake and its correction.
    PaymentProblemRetracted {
        retracts: EventId,
        reason: String,
        status: OrderStatus,
    },
}

/// The kind of an event: the `event_type` column, typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    OrderPlaced,
    OrderPaid,
    OrderShipped,
    OrderDelivered,
    OrderCancelled,
    PaymentProblemReported,
    PaymentProblemRetracted,
}

impl EventType {
    /// Every event type, in the order a learner meets them.
    pub const ALL: [EventType; 7] = [
        Self::OrderPlaced,
        Self::OrderPaid,
        Self::OrderShipped,
        Self::OrderDelivered,
        Self::OrderCancelled,
        Self::PaymentProblemReported,
        Self::PaymentProblemRetracted,
    ];

    /// The name stored in `event_type`.
    pub fn name(self) -> &'static str {
        match self {
            Self::OrderPlaced => "OrderPlaced",
            Self::OrderPaid => "OrderPaid",
            Self::OrderShipped => "OrderShipped",
            Self::OrderDelivered => "OrderDelivered",
            Self::OrderCancelled => "OrderCancelled",
            Self::PaymentProblemReported => "PaymentProblemReported",
            Self::PaymentProblemRetracted => "PaymentProblemRetracted",
        }
    }

    /// The type stored under `name`, if this build knows it.
    pub fn named(name: &str) -> Option<EventType> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl OrderEvent {
    /// The event's type.
    pub fn kind(&self) -> EventType {
        match self {
            Self::OrderPlaced { .. } => EventType::OrderPlaced,
            Self::OrderPaid { .. } => EventType::OrderPaid,
            Self::OrderShipped { .. } => EventType::OrderShipped,
            Self::OrderDelivered {} => EventType::OrderDelivered,
            Self::OrderCancelled { .. } => EventType::OrderCancelled,
            Self::PaymentProblemReported { .. } => EventType::PaymentProblemReported,
            Self::PaymentProblemRetracted { .. } => EventType::PaymentProblemRetracted,
        }
    }

    /// The `event_type` column.
    pub fn event_type(&self) -> &'static str {
        self.kind().name()
    }

    /// The status an order has after this event (the traditional table's `status` column).
    pub fn status_after(&self) -> OrderStatus {
        match self {
            Self::OrderPlaced { .. } => OrderStatus::Placed,
            Self::OrderPaid { .. } => OrderStatus::Paid,
            Self::OrderShipped { .. } => OrderStatus::Shipped,
            Self::OrderDelivered {} => OrderStatus::Delivered,
            Self::OrderCancelled { .. } => OrderStatus::Cancelled,
            Self::PaymentProblemReported { .. } => OrderStatus::PaymentProblem,
            Self::PaymentProblemRetracted { status, .. } => *status,
        }
    }

    /// The `event_data` column: this event's fields as a JSON object (`{}` when it has none).
    pub fn event_data(&self) -> serde_json::Value {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(mut tagged)) => tagged
                .remove("event_data")
                .unwrap_or_else(|| serde_json::json!({})),
            // Unreachable: every variant serializes to {"event_type": .., "event_data": {..}}.
            _ => serde_json::json!({}),
        }
    }
}

/// The schema version every newly recorded event is written with.
///
/// Version 1 stored amounts as decimal strings ("49.90"); version 2 stores integer cents.
/// Older events are upcast on read (see `upcast`).
pub const CURRENT_SCHEMA_VERSION: u16 = 2;

/// An event as stored in the log: the fact plus where and when it was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedEvent {
    /// Position in the whole log, from 1, without gaps.
    pub event_id: EventId,
    pub order_id: OrderId,
    /// Position in this order's stream, from 1, without gaps.
    pub version: u32,
    /// The shape of `event_data` this event was stored with (see `upcast`). `event` is always in
    /// the current shape; this says how to write the event back (`stored_event_data`), which
    /// is why the derived `Serialize` is not a storage format: use the codec.
    pub schema_version: u16,
    pub event_timestamp: DateTime<Utc>,
    #[serde(flatten)]
    pub event: OrderEvent,
}
