//! The state of one order, as derived by folding its events.

use super::{EventId, Money, OrderId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where an order is in its life. The same names appear in the traditional table's `status` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OrderStatus {
    Placed,
    Paid,
    /// Set only by the faulty packaging step in the bug story.
    PaymentProblem,
    Shipped,
    Delivered,
    Cancelled,
}

impl OrderStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [OrderStatus; 6] = [
        Self::Placed,
        Self::Paid,
        Self::PaymentProblem,
        Self::Shipped,
        Self::Delivered,
        Self::Cancelled,
    ];

    /// The status stored under `name`, if there is one.
    pub fn named(name: &str) -> Option<OrderStatus> {
        Self::ALL.into_iter().find(|status| status.as_str() == name)
    }

    /// The name stored in the `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Placed => "Placed",
            Self::Paid => "Paid",
            Self::PaymentProblem => "PaymentProblem",
            Self::Shipped => "Shipped",
            Self::Delivered => "Delivered",
            Self::Cancelled => "Cancelled",
        }
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One order as its events say it is. `Order::default()` is an order nobody placed yet
/// (`status == None`, `version == 0`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Order {
    pub order_id: OrderId,
    /// `None` until `OrderPlaced` has been applied.
    pub status: Option<OrderStatus>,
    pub customer_id: String,
    pub total_amount: Money,
    pub order_date: Option<DateTime<Utc>>,
    /// Money received and not refunded.
    pub amount_paid: Money,
    pub carrier: Option<String>,
    pub tracking_number: Option<String>,
    pub cancel_reason: Option<String>,
    pub refunded: Money,
    /// How many events this order's stream holds: the expected version for the next append.
    pub version: u32,
    /// When the last event was applied.
    pub updated_at: Option<DateTime<Utc>>,
    /// The event that reported the payment problem the order is in (a correction cites it).
    #[serde(default)]
    pub payment_problem: Option<EventId>,
}

impl Order {
    /// What is still to be paid: the total less what was received (zero or less once paid in
    /// full).
    pub fn amount_due(&self) -> Money {
        Money(self.total_amount.0.saturating_sub(self.amount_paid.0))
    }

    /// An order not yet placed, with its id.
    pub fn new(order_id: OrderId) -> Order {
        Order {
            order_id,
            ..Order::default()
        }
    }

    /// The status, or "not placed" for an order that does not exist yet.
    pub fn status_label(&self) -> &'static str {
        self.status.map_or("NotPlaced", OrderStatus::as_str)
    }
}
