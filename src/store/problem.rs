//! What start-up can find wrong with the stored data, in words for the recovery banner.

use super::table_check::Disagreement;
use crate::domain::{EventId, OrderId};
use std::fmt;

/// One thing found wrong under the app's keys. The raw data is never changed because of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The head key holds something that is not a log head (corrupt, truncated or foreign JSON).
    HeadUnreadable { detail: String },
    /// Segments exist but no head says which of them are committed.
    HeadMissing { segments: usize },
    /// The head claims events whose segment is missing.
    SegmentMissing { index: u64, first_event: EventId },
    /// A segment is not a JSON array of events.
    SegmentUnreadable { index: u64, detail: String },
    /// A segment holds fewer events than the head claims (a gap at the end of the log).
    SegmentShort {
        index: u64,
        expected: usize,
        found: usize,
    },
    /// An event of a type this build does not know.
    UnknownEventType {
        position: EventId,
        event_type: String,
    },
    /// An event that cannot be read at all.
    EventUnreadable { position: EventId, detail: String },
    /// Event ids skip or repeat: the log has a gap.
    EventIdGap { expected: EventId, found: EventId },
    /// An order's stream skips or repeats a version.
    VersionGap {
        event_id: EventId,
        order_id: OrderId,
        expected: u32,
        found: u32,
    },
    /// The last event is not the one the head committed (two tabs wrote at the same instant,
    /// or the data was edited by hand).
    TailMismatch { event_id: EventId },
    /// A key under the app's prefix that this build never writes.
    UnknownKey { key: String },
    /// A row of the traditional table that is not an order row.
    RowUnreadable { key: String, detail: String },
    /// The traditional table does not hold what the log says it should (sorted by order id).
    TableDisagrees { orders: Vec<Disagreement> },
}

impl Problem {
    /// Whether the problem is in the event log (then the log is read-only until the user decides).
    pub fn damages_log(&self) -> bool {
        !matches!(
            self,
            Self::UnknownKey { .. } | Self::RowUnreadable { .. } | Self::TableDisagrees { .. }
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::HeadUnreadable { detail } => {
                write!(f, "The log's head record cannot be read: {detail}.")
            }
            Self::HeadMissing { segments } => write!(
                f,
                "{segments} log segment(s) were found but the head record that commits them is missing."
            ),
            Self::SegmentMissing { index, first_event } => write!(
                f,
                "Log segment {index} is missing: the log has a gap from event {first_event} on."
            ),
            Self::SegmentUnreadable { index, detail } => {
                write!(f, "Log segment {index} cannot be read: {detail}.")
            }
            Self::SegmentShort {
                index,
                expected,
                found,
            } => write!(
                f,
                "Log segment {index} holds {found} event(s) where the head claims {expected}: the log has a gap."
            ),
            Self::UnknownEventType {
                position,
                event_type,
            } => write!(
                f,
                "Event {position} has the unknown type \"{event_type}\" (written by a newer version of the app?)."
            ),
            Self::EventUnreadable { position, detail } => {
                write!(f, "Event {position} cannot be read: {detail}.")
            }
            Self::EventIdGap { expected, found } => write!(
                f,
                "The log has a gap: event {expected} was expected but event {found} was found."
            ),
            Self::VersionGap {
                event_id,
                order_id,
                expected,
                found,
            } => write!(
                f,
                "Event {event_id} is version {found} of order {order_id}, but version {expected} was expected: the order's history has a gap."
            ),
            Self::TailMismatch { event_id } => write!(
                f,
                "Event {event_id} is not the event the head committed (two tabs saved at the same instant, or the data was edited)."
            ),
            Self::UnknownKey { key } => write!(f, "Unexpected data under the app's key \"{key}\"."),
            Self::RowUnreadable { key, detail } => write!(
                f,
                "The traditional table's row \"{key}\" cannot be read: {detail}."
            ),
            Self::TableDisagrees { orders } => {
                const LISTED: usize = 5;
                write!(
                    f,
                    "The traditional table disagrees with the event log on {} order(s): ",
                    orders.len()
                )?;
                for (i, order) in orders.iter().take(LISTED).enumerate() {
                    write!(f, "{}{order}", if i == 0 { "" } else { "; " })?;
                }
                if orders.len() > LISTED {
                    write!(f, "; and {} more", orders.len() - LISTED)?;
                }
                f.write_str(".")
            }
        }
    }
}
