//! "Which orders were cancelled, and from which status?"
//!
//! The model remembers every order's current status, so that when an `OrderCancelled` comes
//! it can say what the order was just before: the value the traditional table overwrites.

use super::ReadModel;
use crate::domain::{EventId, Money, OrderEvent, OrderId, OrderStatus, RecordedEvent};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// One cancelled order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation {
    pub order_id: OrderId,
    /// The status it was cancelled from. `None` only when the log holds no earlier event of
    /// the order (a what-if replay that skipped them).
    pub from: Option<OrderStatus>,
    pub cancelled_at: DateTime<Utc>,
    pub reason: String,
    /// The money given back, when the order had been paid.
    pub refund: Option<Money>,
    /// The `OrderCancelled` event, so the UI can point at it in the log.
    pub event_id: EventId,
}

/// Every cancellation, in log order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cancellations {
    statuses: BTreeMap<OrderId, OrderStatus>,
    cancelled: Vec<Cancellation>,
}

impl Cancellations {
    /// Every cancellation, in the order they happened.
    pub fn rows(&self) -> &[Cancellation] {
        &self.cancelled
    }
}

impl ReadModel for Cancellations {
    fn apply(&mut self, event: &RecordedEvent) {
        if let OrderEvent::OrderCancelled { reason, refund } = &event.event {
            self.cancelled.push(Cancellation {
                order_id: event.order_id,
                from: self.statuses.get(&event.order_id).copied(),
                cancelled_at: event.event_timestamp,
                reason: reason.clone(),
                refund: *refund,
                event_id: event.event_id,
            });
        }
        self.statuses
            .insert(event.order_id, event.event.status_after());
    }
}
