#![cfg(not(target_arch = "wasm32"))]
//! "Load an old log": events an earlier release wrote (schema version 1, amounts as decimal
//! strings) stay in that form wherever they are stored, and read as the current shape.

use event_sourcing_demo::domain::*;
use event_sourcing_demo::store::{self, EventStore, MemoryKv, MemoryStore};
use proptest::prelude::*;
use serde_json::json;

/// The first event exactly as the first release wrote it.
const FIRST_EVENT_AS_WRITTEN: &str = "{\"event_id\":1,\"order_id\":1,\"version\":1,\"schema_version\":1,\
     \"event_type\":\"OrderPlaced\",\"event_data\":{\"customer_id\":\"Ada Lovelace\",\"total_amount\":\"19.90\"},\
     \"event_timestamp\":\"2019-11-02T08:30:00Z\"}";

#[test]
fn the_old_log_is_a_valid_history_written_before_and_after_an_upgrade() {
    let log = old_log();
    assert_eq!(validate_log(&log), Ok(()));
    assert_eq!(log.len(), 9);
    let versions: Vec<u16> = log.iter().map(|e| e.schema_version).collect();
    assert_eq!(versions, [1, 1, 1, 1, 1, 1, 1, 2, 2]);
    for event in &log {
        assert_eq!(
            was_upcast(event),
            event.event_timestamp < old_log_upgraded_at(),
            "event {}",
            event.event_id
        );
    }
}

#[test]
fn an_old_event_is_written_back_exactly_as_the_old_release_wrote_it() {
    let log = old_log();
    assert_eq!(encode_event(&log[0]), FIRST_EVENT_AS_WRITTEN);
    // And what the old release wrote reads as the current shape: 19.90 is 1990 cents.
    let read = decode_event(FIRST_EVENT_AS_WRITTEN).unwrap();
    assert_eq!(read, log[0]);
    assert_eq!(
        read.event,
        OrderEvent::OrderPlaced {
            customer_id: "Ada Lovelace".into(),
            total_amount: Money(1990)
        }
    );
}

#[test]
fn stored_and_read_forms_differ_only_where_money_changed_shape() {
    let log = old_log();
    let forms = |i: usize| stored_and_read_forms(&log[i]);
    assert_eq!(
        forms(1),
        (json!({"amount": "19.90"}), json!({"amount": 1990}))
    );
    assert_eq!(
        forms(6),
        (
            json!({"reason": "out of stock", "refund": "120.00"}),
            json!({"reason": "out of stock", "refund": 12000})
        )
    );
    // Written by the old release, but it has no money: both forms are the same.
    let (stored, read) = forms(5);
    assert!(was_upcast(&log[5]));
    assert_eq!(stored, read);
    assert_eq!(read["carrier"], json!("Royal Mail"));
    // Written after the upgrade: stored in cents, not upcast.
    assert!(!was_upcast(&log[8]));
    assert_eq!(forms(8), (json!({"amount": 750}), json!({"amount": 750})));
}

#[test]
fn an_export_file_round_trip_keeps_every_event_in_its_own_schema() {
    let log = old_log();
    let file = encode_log(&log);
    assert!(file.contains(
        "\"schema_version\":1,\"event_type\":\"OrderPaid\",\"event_data\":{\"amount\":\"19.90\"}"
    ));
    assert!(file.contains(
        "\"schema_version\":2,\"event_type\":\"OrderPaid\",\"event_data\":{\"amount\":750}"
    ));
    let read = decode_log(&file).unwrap();
    assert_eq!(read, log);
    assert_eq!(
        encode_log(&read),
        file,
        "reading and writing again changes nothing"
    );
}

#[test]
fn the_store_keeps_old_events_in_the_old_form_and_upcasts_them_on_read() {
    let log = old_log();
    let stored = store::encode_event(&log[6]);
    assert_eq!(
        stored,
        json!([7, 3, 3, 1, "OrderCancelled", {"reason": "out of stock", "refund": "120.00"}, "2019-11-03T14:20:00Z"])
    );
    assert_eq!(store::decode_event(&stored).unwrap(), log[6]);

    let kv = MemoryKv::default();
    MemoryStore::open(kv.clone()).replace_all(&log).unwrap();
    let on_disk = kv.snapshot().into_values().collect::<Vec<_>>().join("\n");
    assert!(on_disk.contains("{\"amount\":\"19.90\"}"), "{on_disk}");
    assert!(!on_disk.contains("{\"amount\":1990}"), "{on_disk}");
    let reopened = MemoryStore::open(kv);
    assert_eq!(reopened.events(), log.as_slice());
}

#[test]
fn upcast_amounts_are_the_right_cents_for_every_read_model() {
    let state = Projections::rebuild(&old_log());
    assert_eq!(state.order(1).amount_paid, Money(1990));
    assert_eq!(state.order(1).status, Some(OrderStatus::Delivered));
    assert_eq!(state.order(2).total_amount, Money(750));
    assert_eq!(state.order(3).refunded, Money(12000));
    assert_eq!(state.order(3).amount_paid, Money(0));
    assert_eq!(state.revenue, Money(1990 + 750));
}

#[test]
fn the_postgres_script_inserts_old_events_in_their_old_form() {
    let script = event_sourced_script(&old_log());
    assert!(
        script.contains(
            ", 1, 'OrderPlaced', '{\"customer_id\":\"Ada Lovelace\",\"total_amount\":\"19.90\"}',"
        ),
        "{script}"
    );
    assert!(
        script.contains(", 2, 'OrderPaid', '{\"amount\":750}',"),
        "{script}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any valid log with any of its events stored as version 1 round-trips through the wire
    /// format and the store's form, keeping each event's version and meaning.
    #[test]
    fn any_log_with_old_events_round_trips(
        n in 0usize..80,
        seed in any::<u64>(),
        old in prop::collection::vec(any::<bool>(), 80),
    ) {
        let mut log = generate_log(n, seed);
        for (event, old) in log.iter_mut().zip(&old) {
            if *old {
                event.schema_version = 1;
            }
        }
        prop_assert_eq!(validate_log(&log), Ok(()));
        for event in &log {
            let text = encode_event(event);
            prop_assert_eq!(&decode_event(&text).unwrap(), event);
            prop_assert_eq!(&store::decode_event(&store::encode_event(event)).unwrap(), event);
            let stored: serde_json::Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&stored["event_data"], &stored_event_data(event));
            let (stored_form, read_form) = stored_and_read_forms(event);
            prop_assert_eq!(upcast(event.event.event_type(), event.schema_version, stored_form), Ok(read_form));
        }
        prop_assert_eq!(decode_log(&encode_log(&log)).unwrap(), log);
    }
}
