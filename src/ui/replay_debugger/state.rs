//! The replay debugger's state: which step of the selected order's history is open, and which
//! events the what-if replay leaves out. Skipping never touches the stored log.
//!
//! Pure Rust (no browser calls), so the reducer and native tests can use it.

use crate::domain::{
    command_for, decide, evolve, EventId, Order, OrderId, RecordedEvent, Rejection,
};
use std::collections::BTreeMap;
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

/// An order replayed without some of its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// The state the remaining events lead to.
    pub order: Order,
    /// The events skipped, oldest first.
    pub skipped: Vec<EventId>,
    /// Remaining events the rules would then have refused, with why. They are still applied:
    /// replay applies facts, it does not re-decide them.
    pub refused: Vec<(EventId, Rejection)>,
}

/// Replays `order_events` (one order's events, oldest first) leaving out those the debugger
/// skips. `None` when none of them is skipped: then there is no "what if".
pub fn what_if(order_events: &[RecordedEvent], debugger: &Debugger) -> Option<WhatIf> {
    let first = order_events.first()?;
    let mut result = WhatIf {
        order: Order::new(first.order_id),
        skipped: Vec::new(),
        refused: Vec::new(),
    };
    for event in order_events {
        if debugger.is_skipped(event) {
            result.skipped.push(event.event_id);
            continue;
        }
        if let Err(rejection) = decide(&result.order, &command_for(&event.event)) {
            result.refused.push((event.event_id, rejection));
        }
        result.order = evolve(result.order, event);
    }
    (!result.skipped.is_empty()).then_some(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{bug_story, bug_story_culprit, history, OrderStatus};

    fn order_events(log: &[RecordedEvent], order_id: OrderId) -> Vec<RecordedEvent> {
        log.iter()
            .filter(|e| e.order_id == order_id)
            .cloned()
            .collect()
    }

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

    #[test]
    fn skipping_the_culprit_shows_the_order_as_it_should_be() {
        let log = bug_story();
        let culprit = bug_story_culprit();
        let order_id = log[culprit as usize - 1].order_id;
        let events = order_events(&log, order_id);
        let real = history(&log, order_id).last().unwrap().after.clone();
        assert_eq!(real.status, Some(OrderStatus::PaymentProblem));
        let mut debugger = Debugger::default();
        assert_eq!(what_if(&events, &debugger), None);
        debugger.apply(DebuggerAction::ToggleSkip(culprit), &log);
        let fixed = what_if(&events, &debugger).unwrap();
        assert_eq!(fixed.order.status, Some(OrderStatus::Paid));
        assert_eq!(fixed.skipped, [culprit]);
        assert!(fixed.refused.is_empty());
    }

    #[test]
    fn events_the_rules_would_then_refuse_are_named() {
        let log = crate::domain::blog_example();
        let events = order_events(&log, 1);
        // Without its payment, order 1 could not have been shipped (nor delivered after).
        let mut debugger = Debugger::default();
        debugger.apply(DebuggerAction::ToggleSkip(events[1].event_id), &log);
        let result = what_if(&events, &debugger).unwrap();
        assert_eq!(result.refused.len(), 1);
        assert_eq!(result.refused[0].0, events[2].event_id);
        assert_eq!(result.order.status, Some(OrderStatus::Delivered));
    }
}
