//! The replay debugger's state: which step of the selected order's history is open, and which
//! events the what-if replay leaves out. Skipping never touches the stored log.
//!
//! Pure Rust (no browser calls), so the reducer and native tests can use it.

use crate::domain::{EventId, OrderId, RecordedEvent};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Debugger {
    /// The order whose step is open; any other order opens at its latest event.
    order_id: Option<OrderId>,
    step: usize,
    /// Events left out of the what-if replay, by id, with the event itself: after the log is
    /// replaced, an id names another event, which is not skipped. (Shared: the app state is
    /// copied on every action.)
    skipped: Rc<BTreeMap<EventId, RecordedEvent>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DebuggerAction {
    /// Open step `step` (from 0) of order `order_id`'s history.
    Open { order_id: OrderId, step: usize },
    /// Leave the event out of the what-if replay, or put it back.
    ToggleSkip(EventId),
    /// Put every skipped event back.
    ClearSkips,
}

impl Debugger {
    /// The open step of `order_id`'s history of `steps` events (`steps` > 0).
    pub fn step(&self, order_id: OrderId, steps: usize) -> usize {
        let last = steps.saturating_sub(1);
        if self.order_id == Some(order_id) {
            self.step.min(last)
        } else {
            last
        }
    }

    /// Whether the what-if replay leaves `event` out.
    pub fn is_skipped(&self, event: &RecordedEvent) -> bool {
        self.skipped.get(&event.event_id) == Some(event)
    }

    /// The ids of the events among `events` that the what-if replay leaves out.
    pub fn skipped_among(&self, events: &[RecordedEvent]) -> BTreeSet<EventId> {
        events
            .iter()
            .filter(|e| self.is_skipped(e))
            .map(|e| e.event_id)
            .collect()
    }

    /// Applies `action`; `events` is the whole log, where skipped events are looked up.
    pub fn apply(&mut self, action: DebuggerAction, events: &[RecordedEvent]) {
        match action {
            DebuggerAction::Open { order_id, step } => {
                self.order_id = Some(order_id);
                self.step = step;
            }
            DebuggerAction::ToggleSkip(event_id) => {
                let Some(event) = events.iter().find(|e| e.event_id == event_id) else {
                    return;
                };
                let skipped = Rc::make_mut(&mut self.skipped);
                if skipped.get(&event_id) == Some(event) {
                    skipped.remove(&event_id);
                } else {
                    skipped.insert(event_id, event.clone());
                }
            }
            DebuggerAction::ClearSkips => self.skipped = Rc::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bug_story;

    #[test]
    fn another_order_opens_at_its_latest_event() {
        let mut debugger = Debugger::default();
        assert_eq!(debugger.step(2, 4), 3);
        debugger.apply(
            DebuggerAction::Open {
                order_id: 2,
                step: 1,
            },
            &[],
        );
        assert_eq!(debugger.step(2, 4), 1);
        assert_eq!(debugger.step(3, 2), 1);
        assert_eq!(
            debugger.step(2, 1),
            0,
            "clamped when the history is shorter"
        );
    }

    #[test]
    fn skipping_toggles_and_clears_and_forgets_events_of_another_log() {
        let log = crate::domain::blog_example();
        let mut debugger = Debugger::default();
        debugger.apply(DebuggerAction::ToggleSkip(8), &log);
        assert!(debugger.is_skipped(&log[7]));
        debugger.apply(DebuggerAction::ToggleSkip(8), &log);
        assert!(!debugger.is_skipped(&log[7]));
        debugger.apply(DebuggerAction::ToggleSkip(3), &log);
        // Event 3 of another log is another event: not skipped.
        assert!(!debugger.is_skipped(&bug_story()[2]));
        debugger.apply(DebuggerAction::ToggleSkip(99), &log);
        debugger.apply(DebuggerAction::ClearSkips, &log);
        assert!(!debugger.is_skipped(&log[2]));
    }
}
