//! The contract every event store keeps.

use crate::domain::{OrderId, RecordedEvent};
use std::fmt;

/// Why an append (or a replace) was refused. In every case nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppendError {
    /// The order's stream is no longer at the version the command was decided on
    /// (another tab appended first). The caller should reload and show the fresh state.
    Conflict {
        order_id: OrderId,
        expected_version: u32,
        actual_version: u32,
    },
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// Any other storage failure, with the browser's words.
    Storage(String),
}

impl fmt::Display for AppendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Conflict {
                order_id,
                expected_version,
                actual_version,
            } => write!(
                f,
                "Order {order_id} was changed in another tab (you saw version {expected_version}, it is now at version {actual_version}). Nothing was saved."
            ),
            Self::QuotaExceeded => f.write_str(
                "The browser's storage is full, so the event was not saved and nothing changed. Export the log, then reset to free space.",
            ),
            Self::Storage(why) => write!(f, "The event could not be saved ({why}). Nothing changed."),
        }
    }
}

/// An append-only log of events with optimistic concurrency per order stream.
pub trait EventStore {
    /// Every event in the log, in `event_id` order.
    fn events(&self) -> &[RecordedEvent];

    /// Appends `events` (all for `order_id`, versions following `expected_version`) as a whole,
    /// or nothing at all. Fails with `Conflict` when the stream is not at `expected_version`.
    fn append(
        &mut self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
    ) -> Result<(), AppendError>;

    /// Replaces the whole log (import, examples, reset) as a whole, or nothing at all.
    fn replace_all(&mut self, events: &[RecordedEvent]) -> Result<(), AppendError>;
}
