//! "Revenue per day": money received minus money refunded, per UTC calendar day.
//!
//! Decision: a refund counts on the day it was paid back (the day of the `OrderCancelled`
//! event), not on the day of the payment it returns. That is what the cash did that day, so a
//! day with only refunds has a negative net; past days never change when a refund comes later.
//! Days are UTC, like every time on the page. Days without payments or refunds have no row.

use super::ReadModel;
use crate::domain::{Money, OrderEvent, RecordedEvent};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One day's money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRevenue {
    pub day: NaiveDate,
    /// Money received that day.
    pub received: Money,
    /// Money paid back that day.
    pub refunded: Money,
    /// How many payments and refunds made those sums.
    pub payments: u32,
    pub refunds: u32,
}

impl DayRevenue {
    /// Received minus refunded: the day's revenue (negative when refunds outweigh payments).
    pub fn net(&self) -> Money {
        Money(self.received.0.saturating_sub(self.refunded.0))
    }
}

/// Revenue per day, in date order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RevenuePerDay {
    days: BTreeMap<NaiveDate, DayRevenue>,
}

impl RevenuePerDay {
    /// One row per day with a payment or a refund, oldest first.
    pub fn rows(&self) -> impl Iterator<Item = &DayRevenue> + '_ {
        self.days.values()
    }

    /// The row of `day`, if money moved that day.
    pub fn day(&self, day: NaiveDate) -> Option<&DayRevenue> {
        self.days.get(&day)
    }

    /// The net over all days: for any log the rules produce, `Projections::revenue`.
    pub fn total(&self) -> Money {
        Money(
            self.days
                .values()
                .map(|d| d.net().0)
                .fold(0, i64::saturating_add),
        )
    }

    fn slot(&mut self, day: NaiveDate) -> &mut DayRevenue {
        self.days.entry(day).or_insert(DayRevenue {
            day,
            received: Money(0),
            refunded: Money(0),
            payments: 0,
            refunds: 0,
        })
    }
}

impl ReadModel for RevenuePerDay {
    fn apply(&mut self, event: &RecordedEvent) {
        let day = event.event_timestamp.date_naive();
        match &event.event {
            OrderEvent::OrderPaid { amount } => {
                let slot = self.slot(day);
                slot.received = Money(slot.received.0.saturating_add(amount.0));
                slot.payments = slot.payments.saturating_add(1);
            }
            OrderEvent::OrderCancelled {
                refund: Some(refund),
                ..
            } => {
                let slot = self.slot(day);
                slot.refunded = Money(slot.refunded.0.saturating_add(refund.0));
                slot.refunds = slot.refunds.saturating_add(1);
            }
            _ => {}
        }
    }
}
