//! "How long did each order wait between payment and shipping?"
//!
//! Decisions:
//! - The wait starts at the `OrderPaid` event: when the money arrived, the parcel could go.
//!   A later `OrderPaid` before shipping (only possible in a what-if replay) starts it again.
//! - A payment problem does not stop the clock: a paid order flagged by mistake still waits,
//!   and that time is exactly what the bug story's mistake cost. While flagged, the row says
//!   since when; a correction (or a payment) clears that.
//! - An order cancelled while waiting stops waiting: its row says when, and how long it had
//!   waited. An order never paid has no row: there is no wait to measure.
//! - Events that cannot follow (shipping an order with no payment in the log, which only a
//!   what-if replay produces) are ignored.

use super::ReadModel;
use crate::domain::{OrderEvent, OrderId, RecordedEvent};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

/// How a paid order's wait for shipping ended, or that it has not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WaitEnd {
    /// Shipped `wait` after it was paid.
    Shipped {
        shipped_at: DateTime<Utc>,
        wait: Duration,
    },
    /// Paid and not shipped yet. `problem_since`: flagged with a payment problem since then,
    /// so it cannot ship until that is corrected.
    StillWaiting {
        problem_since: Option<DateTime<Utc>>,
    },
    /// Cancelled `waited` after it was paid, so it never shipped.
    Cancelled {
        cancelled_at: DateTime<Utc>,
        waited: Duration,
    },
}

/// One paid order: when it was paid, and how its wait ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippingWait {
    pub order_id: OrderId,
    pub paid_at: DateTime<Utc>,
    pub end: WaitEnd,
}

impl ShippingWait {
    /// How long the order waited: until shipped or cancelled, or until `now` if still waiting
    /// (the caller passes the time; the domain reads no clock).
    pub fn waited(&self, now: DateTime<Utc>) -> Duration {
        match self.end {
            WaitEnd::Shipped { wait, .. } => wait,
            WaitEnd::Cancelled { waited, .. } => waited,
            WaitEnd::StillWaiting { .. } => now - self.paid_at,
        }
    }

    /// Paid and not yet shipped or cancelled.
    pub fn is_waiting(&self) -> bool {
        matches!(self.end, WaitEnd::StillWaiting { .. })
    }
}

/// Every paid order's wait for shipping, by order id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShippingWaits {
    orders: BTreeMap<OrderId, ShippingWait>,
}

impl ShippingWaits {
    /// One row per order that was ever paid, by order id.
    pub fn rows(&self) -> impl Iterator<Item = &ShippingWait> + '_ {
        self.orders.values()
    }

    /// The row of `order_id`, if it was ever paid.
    pub fn get(&self, order_id: OrderId) -> Option<&ShippingWait> {
        self.orders.get(&order_id)
    }
}

impl ReadModel for ShippingWaits {
    fn apply(&mut self, event: &RecordedEvent) {
        let at = event.event_timestamp;
        let id = event.order_id;
        if let OrderEvent::OrderPaid { .. } = event.event {
            let shipped = matches!(
                self.orders.get(&id),
                Some(ShippingWait {
                    end: WaitEnd::Shipped { .. },
                    ..
                })
            );
            if !shipped {
                let waiting = WaitEnd::StillWaiting {
                    problem_since: None,
                };
                self.orders.insert(
                    id,
                    ShippingWait {
                        order_id: id,
                        paid_at: at,
                        end: waiting,
                    },
                );
            }
            return;
        }
        // Everything else only changes an order that is still waiting.
        let Some(row) = self.orders.get_mut(&id) else {
            return;
        };
        let WaitEnd::StillWaiting { problem_since } = &mut row.end else {
            return;
        };
        match &event.event {
            OrderEvent::OrderShipped { .. } => {
                row.end = WaitEnd::Shipped {
                    shipped_at: at,
                    wait: at - row.paid_at,
                }
            }
            OrderEvent::OrderCancelled { .. } => {
                row.end = WaitEnd::Cancelled {
                    cancelled_at: at,
                    waited: at - row.paid_at,
                }
            }
            // The first report counts: a second one does not make it flagged any later.
            OrderEvent::PaymentProblemReported { .. } => {
                problem_since.get_or_insert(at);
            }
            OrderEvent::PaymentProblemRetracted { .. } => *problem_since = None,
            _ => {}
        }
    }
}
