//! Why a command was refused, in words a student understands.

use super::{EventId, Money, OrderId, OrderStatus};
use std::fmt;

/// A command the rules forbid. Display gives the sentence shown to the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// The order was never placed.
    UnknownOrder {
        order_id: OrderId,
    },
    AlreadyPlaced {
        order_id: OrderId,
    },
    /// The action needs another status: "Order 2 cannot be shipped: it is Placed, not Paid".
    WrongStatus {
        order_id: OrderId,
        /// Past participle of the action: "paid", "shipped".
        action: &'static str,
        status: OrderStatus,
        /// The status (or statuses) the action needs, as prose: "Paid", "Placed or Paid".
        needs: &'static str,
    },
    /// Cancelling is only possible before the parcel leaves.
    TooLateToCancel {
        order_id: OrderId,
        status: OrderStatus,
    },
    /// A required text field was empty.
    Missing {
        field: &'static str,
    },
    /// A text field was longer than the schema allows.
    TooLong {
        field: &'static str,
        max: usize,
    },
    /// The total is zero, negative or absurdly large.
    InvalidAmount {
        reason: &'static str,
    },
    /// Paying again would charge twice: the order has received its whole total.
    AlreadyPaid {
        order_id: OrderId,
        amount: Money,
    },
    /// A correction must cite the event it corrects.
    WrongCitation {
        order_id: OrderId,
        cited: EventId,
        /// The event that did report the order's payment problem, if one did.
        actual: Option<EventId>,
    },
    /// The command was decided on a state another tab has since changed (optimistic concurrency).
    StaleState {
        order_id: OrderId,
        expected_version: u32,
        actual_version: u32,
    },
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownOrder { order_id } => {
                write!(f, "Order {order_id} does not exist: place an order first.")
            }
            Self::AlreadyPlaced { order_id } => write!(f, "Order {order_id} has already been placed."),
            Self::WrongStatus {
                order_id,
                action,
                status,
                needs,
            } => write!(
                f,
                "Order {order_id} cannot be {action}: it is {status}, not {needs}."
            ),
            Self::TooLateToCancel { order_id, status } => write!(
                f,
                "Order {order_id} cannot be cancelled: it is already {status}. Orders can only be cancelled before shipping."
            ),
            Self::Missing { field } => write!(f, "Please enter a {field}."),
            Self::TooLong { field, max } => {
                write!(f, "The {field} is too long: at most {max} characters.")
            }
            Self::InvalidAmount { reason } => write!(f, "The total amount {reason}."),
            Self::AlreadyPaid { order_id, amount } => write!(
                f,
                "Order {order_id} is already paid in full ({amount}): paying again would charge the customer twice. If its status is wrong, record a correction instead."
            ),
            Self::WrongCitation {
                order_id,
                cited,
                actual: Some(actual),
            } => write!(
                f,
                "Event {cited} did not report order {order_id}'s payment problem: a correction must cite the event it corrects (event {actual})."
            ),
            Self::WrongCitation {
                order_id, cited, ..
            } => write!(
                f,
                "Event {cited} did not report order {order_id}'s payment problem, and no event did."
            ),
            Self::StaleState {
                order_id,
                expected_version,
                actual_version,
            } => write!(
                f,
                "Order {order_id} was changed in another tab (you saw version {expected_version}, it is now at version {actual_version}). Nothing was saved: the fresh state is shown, try again."
            ),
        }
    }
}

impl std::error::Error for Rejection {}
