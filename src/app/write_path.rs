//! The one write path: every command from the page comes through [`Databases::execute`].
//!
//! It is the critical section the page runs under the cross-tab write lock: catch up with what
//! other tabs stored, decide on that fresh state, number the events and stamp their time once,
//! append them and the traditional table's row in one all-or-nothing write, then fold them into
//! the projections and the table. The store re-reads the head before writing and refuses events
//! that no longer continue the log; the command is then decided again on the fresh log, so
//! nothing is lost and nothing is recorded twice.
//!
//! What only the lock prevents: localStorage has no transactions, so two tabs that decide on the
//! same log and write in the same instant can overwrite each other's segment. Without Web Locks
//! (the storage panel then says cross-tab safety is off) the losing tab notices on its next
//! catch-up and reloads, and start-up reports any order the two databases then disagree on.

use super::databases::Databases;
use super::outcome::{Accepted, Refused, Target};
use crate::domain::{
    decide, record, Command, Order, OrderId, Rejection, RowChange, TraditionalTable,
};
use crate::store::{AppendError, Refresh};
use chrono::{DateTime, Utc};

/// How often a command is decided again when other tabs keep appending in between (only
/// without the lock): enough for any human, and a bound against a runaway tab.
const ATTEMPTS: usize = 5;

impl Databases {
    /// Runs `command` for `target` through both databases at time `now`.
    pub fn execute(
        &mut self,
        target: Target,
        command: &Command,
        now: DateTime<Utc>,
    ) -> Result<Accepted, Refused> {
        let mut caught_up = 0;
        let mut last_error = None;
        for _ in 0..ATTEMPTS {
            caught_up += self.catch_up_before_deciding()?;
            let order = self.order_for(target)?;
            let order_id = order.order_id;
            let events = decide(&order, command).map_err(Refused::Rule)?;
            let next_event_id = self.index.event_count() as u64 + 1;
            let events = record(&order, events, next_event_id, now);
            // The row as the table's INSERT/UPDATE leaves it, worked out on a copy of the one
            // row: the table itself changes only once the store has accepted both.
            let mut scratch = TraditionalTable::from_rows(self.table.row(order_id).cloned());
            let row_changes: Vec<RowChange> = events.iter().map(|e| scratch.apply(e)).collect();
            let row = scratch.row(order_id).cloned();
            let stored = self
                .store
                .append_with_row(order_id, order.version, &events, row.as_ref());
            match stored {
                Ok(()) => {
                    self.own_events.extend(events.iter().map(|e| e.event_id));
                    self.resync();
                    return Ok(Accepted {
                        order_id,
                        events,
                        row_changes,
                        caught_up,
                    });
                }
                // Another tab appended after the catch-up (no lock): decide again on its events.
                Err(error @ AppendError::LogGrew { .. }) => last_error = Some(error),
                Err(error @ AppendError::Conflict { .. }) if target == Target::NewOrder => {
                    last_error = Some(error);
                }
                Err(error) => {
                    // The store reloaded a replaced log: derive it afresh, not as an extension.
                    if error == AppendError::LogReplaced {
                        self.rederive();
                    } else {
                        self.resync();
                    }
                    return Err(Refused::Store(error));
                }
            }
        }
        self.resync();
        Err(Refused::Store(last_error.unwrap_or(AppendError::LogGrew {
            expected_event_id: 0,
            next_event_id: 0,
        })))
    }

    /// Folds in what other tabs stored since we last looked; returns how many events that was.
    /// A log replaced meanwhile means the command was meant for a log that is gone.
    fn catch_up_before_deciding(&mut self) -> Result<usize, Refused> {
        if self.needs_decision() {
            return Err(Refused::Store(AppendError::NeedsDecision));
        }
        if self.store.refresh() == Refresh::Reloaded {
            self.rederive();
            return Err(Refused::Store(AppendError::LogReplaced));
        }
        self.resync()
            .ok_or(Refused::Store(AppendError::LogReplaced))
    }

    /// The state the command is decided on: a new order under the next free id, or the order the
    /// learner saw, unless another tab has changed it since.
    fn order_for(&self, target: Target) -> Result<Order, Refused> {
        match target {
            Target::NewOrder => Ok(Order::new(self.next_order_id())),
            Target::Order {
                order_id,
                seen_version,
            } => {
                let order = self.index.projections.order(order_id);
                if self.changed_elsewhere(order_id, seen_version, order.version) {
                    return Err(Refused::Rule(Rejection::StaleState {
                        order_id,
                        expected_version: seen_version,
                        actual_version: order.version,
                    }));
                }
                Ok(order)
            }
        }
    }

    /// Whether `order_id` moved from `seen` to `now` through events this tab did not append.
    /// (A command queued behind this tab's own earlier ones saw the version before them.)
    fn changed_elsewhere(&self, order_id: OrderId, seen: u32, now: u32) -> bool {
        if now == seen {
            return false;
        }
        let events = self.events();
        let positions = self.positions_of(order_id);
        now < seen
            || positions
                .iter()
                .map(|&at| &events[at])
                .filter(|e| e.version > seen)
                .any(|e| !self.own_events.contains(&e.event_id))
    }
}
