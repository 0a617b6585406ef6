//! What the learner has typed in the action area.

use crate::domain::OrderId;

/// A text input of the action area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Customer,
    Total,
    Carrier,
    Tracking,
    Reason,
}

/// What the learner has typed (or the defaults, so one click always works).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drafts {
    pub customer: String,
    pub total: String,
    pub carrier: String,
    pub tracking: String,
    pub reason: String,
}

impl Default for Drafts {
    fn default() -> Self {
        Drafts {
            customer: "alice".into(),
            total: "49.90".into(),
            carrier: "DHL".into(),
            tracking: default_tracking(1),
            reason: "Customer changed their mind".into(),
        }
    }
}

/// A made-up tracking number per order, so Ship works with one click.
pub fn default_tracking(order_id: OrderId) -> String {
    format!("DHL-{order_id:04}")
}
