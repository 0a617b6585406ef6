//! Helpers shared by the store tests (native and browser): events that follow the rules.
#![allow(dead_code)]

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod damage;

use chrono::{DateTime, TimeZone, Utc};
use event_sourcing_demo::domain::{
    decide_and_record, fold, Command, Money, OrderEvent, OrderId, RecordedEvent,
    CURRENT_SCHEMA_VERSION,
};
use event_sourcing_demo::store::{AppendError, EventStore};

/// A fixed instant, `minute` minutes after 2024-05-01 09:00 UTC.
pub fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 5, 1, 9, 0, 0).unwrap() + chrono::Duration::minutes(minute)
}

/// Catches up with other tabs, decides `command` for `order_id` on what `store` then holds,
/// numbers the events and appends them (the order of the application layer's write path).
pub fn act(
    store: &mut dyn EventStore,
    order_id: OrderId,
    command: Command,
) -> Result<Vec<RecordedEvent>, AppendError> {
    store.refresh();
    let order = fold(
        order_id,
        store.events().iter().filter(|e| e.order_id == order_id),
    );
    let next_id = store.events().len() as u64 + 1;
    let events = decide_and_record(&order, &command, next_id, at(next_id as i64))
        .expect("the command follows the rules");
    let before = store.events().len();
    store.append(order_id, order.version, &events)?;
    Ok(store.events()[before..].to_vec())
}

pub fn place(store: &mut dyn EventStore, order_id: OrderId) -> Vec<RecordedEvent> {
    act(
        store,
        order_id,
        Command::PlaceOrder {
            customer_id: format!("customer-{order_id}"),
            total_amount: Money(4990),
        },
    )
    .expect("placing a new order is accepted")
}

pub fn pay(
    store: &mut dyn EventStore,
    order_id: OrderId,
) -> Result<Vec<RecordedEvent>, AppendError> {
    act(store, order_id, Command::PayOrder)
}

/// The `OrderPlaced` event of a new order `order_id` (its event id is left for the store).
pub fn placed_event(order_id: OrderId) -> Vec<RecordedEvent> {
    let mut event = lifecycle_events(1);
    event[0].order_id = order_id;
    event
}

/// `count` valid events: orders placed, paid, shipped and delivered, four events per order.
pub fn lifecycle_events(count: u64) -> Vec<RecordedEvent> {
    (0..count)
        .map(|i| {
            let order_id = i / 4 + 1;
            let event = match i % 4 {
                0 => OrderEvent::OrderPlaced {
                    customer_id: format!("customer-{order_id}"),
                    total_amount: Money(4990 + order_id as i64),
                },
                1 => OrderEvent::OrderPaid {
                    amount: Money(4990 + order_id as i64),
                },
                2 => OrderEvent::OrderShipped {
                    carrier: "DHL".into(),
                    tracking_number: format!("TRK-{order_id:06}"),
                },
                _ => OrderEvent::OrderDelivered {},
            };
            RecordedEvent {
                event_id: i + 1,
                order_id,
                version: (i % 4) as u32 + 1,
                schema_version: CURRENT_SCHEMA_VERSION,
                event_timestamp: at(i as i64),
                event,
            }
        })
        .collect()
}
