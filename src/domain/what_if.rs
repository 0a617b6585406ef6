//! What-if: one order replayed without some of its events, asked two different ways.
//!
//! - **As facts**: the remaining events are applied exactly as recorded. Replay never re-decides
//!   anything, so this shows only the effect of removing the skipped events (skip an
//!   `OrderPaid` and the later `OrderShipped` still ships).
//! - **Checked against today's rules**: each remaining event is re-decided on the state before
//!   it; an event the rules would refuse is left out too, with why. This answers "what would
//!   have happened", rather than "what do the other facts add up to".

use super::{command_for, decide, evolve, EventId, Order, RecordedEvent, Rejection};
use std::collections::BTreeSet;

/// An event the rules would have refused in the checked replay, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WouldRefuse {
    pub event_id: EventId,
    pub event_type: &'static str,
    pub why: Rejection,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    /// The skipped events of this order, oldest first.
    pub skipped: Vec<EventId>,
    /// The order with the other events applied as the facts they are.
    pub as_facts: Order,
    /// The order with the other events re-checked against the rules.
    pub checked: Order,
    /// Events the checked replay left out because the rules would have refused them.
    pub refused: Vec<WouldRefuse>,
    /// Whether the checked replay accepted any event after its first refusal (if not, the
    /// order stayed as it was when the first event was refused).
    pub moved_on_after_refusal: bool,
}

/// Replays `order_events` (one order's events, oldest first) without those in `skip`, both ways.
/// `None` when none of them is skipped: then there is no "what if".
pub fn what_if(order_events: &[RecordedEvent], skip: &BTreeSet<EventId>) -> Option<WhatIf> {
    let first = order_events.first()?;
    let mut result = WhatIf {
        skipped: Vec::new(),
        as_facts: Order::new(first.order_id),
        checked: Order::new(first.order_id),
        refused: Vec::new(),
        moved_on_after_refusal: false,
    };
    for event in order_events {
        if skip.contains(&event.event_id) {
            result.skipped.push(event.event_id);
            continue;
        }
        result.as_facts = evolve(std::mem::take(&mut result.as_facts), event);
        match decide(&result.checked, &command_for(&event.event)) {
            Ok(_) => {
                result.moved_on_after_refusal |= !result.refused.is_empty();
                result.checked = evolve(std::mem::take(&mut result.checked), event);
            }
            Err(why) => result.refused.push(WouldRefuse {
                event_id: event.event_id,
                event_type: event.event.event_type(),
                why,
            }),
        }
    }
    (!result.skipped.is_empty()).then_some(result)
}
