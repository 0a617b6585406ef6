#![cfg(not(target_arch = "wasm32"))]
//! The traditional table beside the log: rows overwritten in place, loaded back, and replaced
//! together with the log as a whole or not at all.

mod store_support;

use event_sourcing_demo::domain::{OrderStatus, TraditionalTable};
use event_sourcing_demo::store::{
    entry_bytes, keys, AppendError, EventStore, KeyValue, MemoryKv, MemoryStore,
};
use store_support::lifecycle_events;

#[test]
fn a_saved_row_is_overwritten_in_place_and_loads_back() {
    let kv = MemoryKv::default();
    let mut store = MemoryStore::open(kv.clone());
    let table = TraditionalTable::rebuild(&lifecycle_events(1));
    let mut row = table.row(1).unwrap().clone();
    store.save_row(&row).unwrap();
    row.status = OrderStatus::Paid;
    kv.take_touched();
    store.save_row(&row).unwrap();
    assert_eq!(kv.take_touched(), vec![keys::order_row(1)]);
    let loaded = MemoryStore::open(kv).load_table();
    assert_eq!(loaded.row(1), Some(&row));
    assert_eq!(loaded.rows().count(), 1);
}

#[test]
fn replacing_log_and_table_together_replaces_both_and_drops_old_rows() {
    let kv = MemoryKv::default();
    let mut store = MemoryStore::open(kv.clone());
    let big = lifecycle_events(40);
    store
        .replace_all_with_table(&big, &TraditionalTable::rebuild(&big))
        .unwrap();
    let small = lifecycle_events(8);
    store
        .replace_all_with_table(&small, &TraditionalTable::rebuild(&small))
        .unwrap();
    let reopened = MemoryStore::open(kv);
    assert_eq!(reopened.events(), &small[..]);
    assert!(reopened
        .load_table()
        .rows()
        .eq(TraditionalTable::rebuild(&small).rows()));
}

#[test]
fn replacing_log_and_table_refused_by_the_quota_changes_neither() {
    let kv = MemoryKv::default();
    let mut store = MemoryStore::open(kv.clone());
    let old = lifecycle_events(40);
    store
        .replace_all_with_table(&old, &TraditionalTable::rebuild(&old))
        .unwrap();
    let new = lifecycle_events(400);
    let table = TraditionalTable::rebuild(&new);
    // Room for the new log but not for all of its rows: the rows are written last.
    let log_only = {
        let probe = MemoryKv::default();
        MemoryStore::open(probe.clone()).replace_all(&new).unwrap();
        let rows: usize = table
            .rows()
            .map(|row| {
                let value = serde_json::to_string(row).unwrap();
                entry_bytes(&keys::order_row(row.order_id), &value)
            })
            .sum();
        probe.used_bytes() - rows
    };
    kv.set_quota_bytes(Some(kv.used_bytes() + log_only + 1_000));
    let before = kv.snapshot();
    assert_eq!(
        store.replace_all_with_table(&new, &table),
        Err(AppendError::QuotaExceeded)
    );
    assert_eq!(kv.snapshot(), before);
    assert_eq!(store.events(), &old[..]);
}

#[test]
fn the_table_survives_an_odd_row_key_of_another_shape() {
    let kv = MemoryKv::default();
    let mut store = MemoryStore::open(kv.clone());
    let events = lifecycle_events(8);
    store
        .replace_table(&TraditionalTable::rebuild(&events))
        .unwrap();
    // Order 2's row stored under order 1's key: not trusted as order 1.
    let row_two = kv.get(&keys::order_row(2)).unwrap();
    kv.set(&keys::order_row(1), &row_two).unwrap();
    let reopened = MemoryStore::open(kv);
    assert_eq!(reopened.load_table().rows().count(), 1);
    assert!(reopened.recovery().has_problems());
}
