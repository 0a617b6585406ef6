//! Replay: the log read back to any point, one order's history step by step, and what-if.

use super::{evolve, EventId, Order, OrderId, Projections, RecordedEvent};
use std::collections::BTreeSet;

/// Every order as of global event number `n`: the projections of the first `n` events
/// (all of them when `n` is past the end).
pub fn state_at(events: &[RecordedEvent], n: usize) -> Projections {
    Projections::rebuild(&events[..n.min(events.len())])
}

/// One event of an order's history, with the order just before and just after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryStep {
    pub before: Order,
    pub event: RecordedEvent,
    pub after: Order,
    /// Names of the `Order` fields that differ between `before` and `after`.
    pub changed: Vec<&'static str>,
}

/// The history of order `order_id`: each of its events with the state before and after.
pub fn history(events: &[RecordedEvent], order_id: OrderId) -> Vec<HistoryStep> {
    let mut state = Order::new(order_id);
    events
        .iter()
        .filter(|event| event.order_id == order_id)
        .map(|event| {
            let before = state.clone();
            state = evolve(state.clone(), event);
            HistoryStep {
                changed: changed_fields(&before, &state),
                before,
                event: event.clone(),
                after: state.clone(),
            }
        })
        .collect()
}

/// The `Order` fields (by name) whose values differ between `a` and `b`.
pub fn changed_fields(a: &Order, b: &Order) -> Vec<&'static str> {
    let differs = [
        ("order_id", a.order_id != b.order_id),
        ("status", a.status != b.status),
        ("customer_id", a.customer_id != b.customer_id),
        ("total_amount", a.total_amount != b.total_amount),
        ("order_date", a.order_date != b.order_date),
        ("amount_paid", a.amount_paid != b.amount_paid),
        ("carrier", a.carrier != b.carrier),
        ("tracking_number", a.tracking_number != b.tracking_number),
        ("cancel_reason", a.cancel_reason != b.cancel_reason),
        ("refunded", a.refunded != b.refunded),
        ("version", a.version != b.version),
        ("updated_at", a.updated_at != b.updated_at),
    ];
    differs
        .into_iter()
        .filter_map(|(name, differs)| differs.then_some(name))
        .collect()
}

/// What-if: the projections had the events in `skip` never happened.
///
/// Decision: the remaining events are re-applied with `evolve` as the facts they are, not
/// re-decided. Replay never re-runs business rules, so a what-if shows exactly the effect of
/// removing those events, even when a later event would then have been refused (skip an
/// `OrderPaid` and the later `OrderShipped` still ships). One order's what-if, asked both as
/// facts and against the rules, is `what_if` (what_if.rs).
pub fn replay_skipping(events: &[RecordedEvent], skip: &BTreeSet<EventId>) -> Projections {
    let mut projections = Projections::default();
    for event in events.iter().filter(|e| !skip.contains(&e.event_id)) {
        projections.apply(event);
    }
    projections
}

/// The log without the events in `skip` (ids unchanged, so it may have gaps).
pub fn without(events: &[RecordedEvent], skip: &BTreeSet<EventId>) -> Vec<RecordedEvent> {
    events
        .iter()
        .filter(|e| !skip.contains(&e.event_id))
        .cloned()
        .collect()
}
