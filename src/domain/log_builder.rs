//! Building a log the way the app does: decide, record, apply. Used by scenarios and tests.

use super::{decide_and_record, Command, OrderId, Projections, RecordedEvent, Rejection};
use chrono::{DateTime, Utc};

/// A log under construction, with its projections kept up to date.
#[derive(Debug, Clone, Default)]
pub struct LogBuilder {
    events: Vec<RecordedEvent>,
    projections: Projections,
}

impl LogBuilder {
    /// An empty log.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sends `command` to order `order_id` at time `at`. Accepted: the new events are appended
    /// and returned. Refused: nothing changes.
    pub fn execute(
        &mut self,
        order_id: OrderId,
        command: &Command,
        at: DateTime<Utc>,
    ) -> Result<&[RecordedEvent], Rejection> {
        let order = self.projections.order(order_id);
        let recorded = decide_and_record(&order, command, self.projections.next_event_id(), at)?;
        let start = self.events.len();
        for event in recorded {
            self.projections.apply(&event);
            self.events.push(event);
        }
        Ok(&self.events[start..])
    }

    /// Places a new order (with the next free id) and returns its id.
    pub fn place(&mut self, command: &Command, at: DateTime<Utc>) -> Result<OrderId, Rejection> {
        let order_id = self.projections.next_order_id();
        self.execute(order_id, command, at)?;
        Ok(order_id)
    }

    /// The log so far.
    pub fn events(&self) -> &[RecordedEvent] {
        &self.events
    }

    /// The projections of the log so far.
    pub fn projections(&self) -> &Projections {
        &self.projections
    }

    /// The finished log.
    pub fn into_events(self) -> Vec<RecordedEvent> {
        self.events
    }
}
