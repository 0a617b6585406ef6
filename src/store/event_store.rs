//! The contract every event store keeps.

use crate::domain::{OrderId, RecordedEvent};
use std::fmt;

/// Why an append, a replace or a row write was refused. In every case nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppendError {
    /// The order's stream is no longer at the version the command was decided on
    /// (another tab appended first). The store has caught up: show `events()` and let the
    /// user try again.
    Conflict {
        order_id: OrderId,
        expected_version: u32,
        actual_version: u32,
    },
    /// Another tab replaced the whole log (import, example, reset). The store has reloaded it:
    /// rebuild everything from `events()`.
    LogReplaced,
    /// The stored log is damaged and the user has not yet chosen what to do with it
    /// (see the recovery banner); nothing is written until then.
    NeedsDecision,
    /// Other tabs appended to other orders after the events were decided and numbered: they no
    /// longer continue the log. The store has caught up: decide again (the application layer
    /// does this by itself).
    LogGrew {
        /// The id the caller gave the first event.
        expected_event_id: u64,
        /// The id it must have now.
        next_event_id: u64,
    },
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// The events handed in do not continue the log (wrong order id, version or numbering).
    InvalidEvents(String),
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
                "Order {order_id} was changed in another tab (you saw version {expected_version}, it is now at version {actual_version}). Nothing was saved: the fresh state is shown, try again."
            ),
            Self::LogReplaced => f.write_str(
                "The event log was replaced in another tab (import, example or reset). Nothing was saved: the new log is shown.",
            ),
            Self::NeedsDecision => f.write_str(
                "The stored log is damaged: download the backup or keep the valid events (see the banner) before making changes. Nothing was saved.",
            ),
            Self::LogGrew { .. } => f.write_str(
                "Another tab added events while this change was being decided. Nothing was saved: the fresh log is shown, try again.",
            ),
            Self::QuotaExceeded => f.write_str(
                "The browser's storage is full, so nothing was saved and nothing changed. Export the log, then reset or delete old backups to free space.",
            ),
            Self::InvalidEvents(why) => write!(f, "These events cannot be saved: {why}. Nothing changed."),
            Self::Storage(why) => write!(f, "The change could not be saved ({why}). Nothing changed."),
        }
    }
}

impl std::error::Error for AppendError {}

/// What `refresh` found when another tab may have written (after a `storage` event).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refresh {
    /// Nothing new in the log.
    UpToDate,
    /// These events were appended elsewhere: fold just them into the derived state.
    Appended(Vec<RecordedEvent>),
    /// The log was replaced or changed in a way that is not a plain append (import, reset,
    /// damage): rebuild everything from `events()` and show the store's recovery report.
    Reloaded,
}

/// An append-only log of events with optimistic concurrency per order stream.
pub trait EventStore {
    /// Every event in the log, in `event_id` order.
    fn events(&self) -> &[RecordedEvent];

    /// How many events `order_id`'s stream holds: the expected version for its next append.
    fn stream_version(&self, order_id: OrderId) -> u32 {
        self.events()
            .iter()
            .rev()
            .find(|e| e.order_id == order_id)
            .map_or(0, |e| e.version)
    }

    /// The log's generation id; it changes whenever the whole log is replaced (a UI that folds
    /// `events()` incrementally rebuilds from scratch when it changes).
    fn epoch(&self) -> &str {
        ""
    }

    /// Appends `events` (all for `order_id`, versions `expected_version + 1, + 2, ...`, event ids
    /// continuing the log) as a whole, or nothing at all. The store first catches up with other
    /// tabs, then fails with `Conflict` when the stream is no longer at `expected_version`, or
    /// `LogGrew` when other orders' events took the ids.
    ///
    /// Afterwards (success or not) `events()` may hold more than before: other tabs' events,
    /// then the caller's. Fold `events()[already_folded..]`.
    fn append(
        &mut self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
    ) -> Result<(), AppendError>;

    /// Replaces the whole log (import, examples, reset) as a whole, or nothing at all.
    /// `events` must be numbered 1, 2, ... with gapless versions per order.
    fn replace_all(&mut self, events: &[RecordedEvent]) -> Result<(), AppendError>;

    /// Catches up with what other tabs wrote (call it on every `storage` event for our keys).
    fn refresh(&mut self) -> Refresh {
        Refresh::UpToDate
    }
}
