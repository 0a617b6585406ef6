//! Read models derived from the log: every order's state, counts by status, revenue.
//!
//! Nothing here is stored: it can always be thrown away and rebuilt from the events.

use super::{evolve, Money, Order, OrderId, OrderStatus, RecordedEvent};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// All projections of the log, kept up to date one event at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Projections {
    /// The current state of every order that has at least one event.
    pub orders: BTreeMap<OrderId, Order>,
    /// How many orders are in each status. Statuses with no order are absent.
    pub counts: BTreeMap<OrderStatus, usize>,
    /// Money paid minus money refunded, over all orders.
    pub revenue: Money,
    /// How many events have been applied.
    pub event_count: u64,
}

impl Projections {
    /// Applies one more event: one map lookup, O(log n) in the number of orders.
    pub fn apply(&mut self, event: &RecordedEvent) {
        let slot = self
            .orders
            .entry(event.order_id)
            .or_insert_with(|| Order::new(event.order_id));
        let (status_before, paid_before) = (slot.status, slot.amount_paid);
        *slot = evolve(std::mem::take(slot), event);
        let (status_after, paid_after) = (slot.status, slot.amount_paid);
        if status_before != status_after {
            if let Some(status) = status_before {
                self.uncount(status);
            }
            if let Some(status) = status_after {
                *self.counts.entry(status).or_insert(0) += 1;
            }
        }
        let delta = paid_after.0.saturating_sub(paid_before.0);
        self.revenue = Money(self.revenue.0.saturating_add(delta));
        self.event_count += 1;
    }

    /// Throws nothing away because there is nothing stored: folds every event from scratch.
    pub fn rebuild(events: &[RecordedEvent]) -> Self {
        let mut projections = Self::default();
        for event in events {
            projections.apply(event);
        }
        projections
    }

    /// The state of order `order_id`: `Order::new(order_id)` when it has no events.
    pub fn order(&self, order_id: OrderId) -> Order {
        self.orders
            .get(&order_id)
            .cloned()
            .unwrap_or_else(|| Order::new(order_id))
    }

    /// How many orders are in `status`.
    pub fn count(&self, status: OrderStatus) -> usize {
        self.counts.get(&status).copied().unwrap_or(0)
    }

    /// The id the next placed order gets: one more than the largest id seen, from 1.
    pub fn next_order_id(&self) -> OrderId {
        self.orders.keys().next_back().map_or(1, |id| id + 1)
    }

    /// The id the next recorded event gets: one more than the number of events applied.
    pub fn next_event_id(&self) -> u64 {
        self.event_count + 1
    }

    fn uncount(&mut self, status: OrderStatus) {
        if let Some(count) = self.counts.get_mut(&status) {
            *count -= 1;
            if *count == 0 {
                self.counts.remove(&status);
            }
        }
    }
}
