//! What a learner asks for. Commands are imperative and may be refused.

use super::{EventId, Money};
use serde::{Deserialize, Serialize};

/// A request to change one order. Ids and times are not in here: the caller passes them in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    /// Place a new order for `customer_id` worth `total_amount`.
    PlaceOrder {
        customer_id: String,
        total_amount: Money,
    },
    /// Pay the order's total.
    PayOrder,
    /// Hand the parcel to a carrier.
    ShipOrder {
        carrier: String,
        tracking_number: String,
    },
    /// The carrier delivered the parcel.
    DeliverOrder,
    /// Cancel before shipping; a paid order is refunded.
    CancelOrder { reason: String },
    /// Sent by the packaging service in the bug story: it claims the payment has a problem.
    ReportPaymentProblem { source: String, detail: String },
    /// Corrects a wrong payment problem: cites the event that reported it, and says why.
    RetractPaymentProblem { retracts: EventId, reason: String },
}

impl Command {
    /// A short imperative name, as on the buttons.
    pub fn name(&self) -> &'static str {
        match self {
            Self::PlaceOrder { .. } => "place",
            Self::PayOrder => "pay",
            Self::ShipOrder { .. } => "ship",
            Self::DeliverOrder => "deliver",
            Self::CancelOrder { .. } => "cancel",
            Self::ReportPaymentProblem { .. } => "report a payment problem on",
            Self::RetractPaymentProblem { .. } => "correct",
        }
    }
}
