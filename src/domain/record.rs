//! Turning decided events into recorded ones: numbering them and stamping the time.

use super::CURRENT_SCHEMA_VERSION;
use super::{decide, Command, EventId, Order, OrderEvent, RecordedEvent, Rejection};
use chrono::{DateTime, Utc};

/// Records `events` (just decided for `order`) as log entries.
///
/// Event ids are `first_event_id`, `first_event_id + 1`, ...; per-order versions continue
/// from `order.version`; every event gets the current schema version and the same timestamp
/// (they are one decision, made at one moment).
pub fn record(
    order: &Order,
    events: Vec<OrderEvent>,
    first_event_id: EventId,
    at: DateTime<Utc>,
) -> Vec<RecordedEvent> {
    events
        .into_iter()
        .zip(0u32..)
        .map(|(event, offset)| RecordedEvent {
            // Saturating: an absurd imported version must not panic the page.
            event_id: first_event_id.saturating_add(u64::from(offset)),
            order_id: order.order_id,
            version: order.version.saturating_add(1).saturating_add(offset),
            schema_version: CURRENT_SCHEMA_VERSION,
            event_timestamp: at,
            event,
        })
        .collect()
}

/// `decide` then `record`: the events a command adds to the log, or why it was refused.
pub fn decide_and_record(
    order: &Order,
    command: &Command,
    first_event_id: EventId,
    at: DateTime<Utc>,
) -> Result<Vec<RecordedEvent>, Rejection> {
    decide(order, command).map(|events| record(order, events, first_event_id, at))
}
