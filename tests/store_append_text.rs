#![cfg(not(target_arch = "wasm32"))]
//! A tab extends the segment it wrote last without parsing it back. These tests pin what that
//! shortcut must never change: the bytes stored, and the careful path whenever storage holds
//! anything but exactly what this tab wrote.

mod store_support;

use event_sourcing_demo::store::{
    encode_event, keys, EventStore, KeyValue, MemoryKv, MemoryStore, SEGMENT_SIZE,
};
use serde_json::Value;
use store_support::{lifecycle_events, pay, place};

fn segment_values(kv: &MemoryKv, key: &str) -> Vec<Value> {
    serde_json::from_str(&kv.get(key).unwrap()).expect("a segment is a JSON array")
}

/// A store over fresh storage that placed orders 1 and 2, and the key of the segment it wrote.
fn tab_that_wrote_two_orders() -> (MemoryKv, MemoryStore, String) {
    let kv = MemoryKv::default();
    let mut tab = MemoryStore::open(kv.clone());
    place(&mut tab, 1);
    place(&mut tab, 2);
    let key = keys::segment(tab.epoch(), 0);
    (kv, tab, key)
}

#[test]
fn every_append_stores_the_bytes_a_full_rewrite_would() {
    let kv = MemoryKv::default();
    let mut store = MemoryStore::open(kv.clone());
    // Enough orders to fill the first segment and start the next, each placed then paid.
    for order_id in 1..=SEGMENT_SIZE as u64 / 2 + 3 {
        place(&mut store, order_id);
        pay(&mut store, order_id).unwrap();
        let epoch = store.epoch().to_string();
        let count = store.events().len() as u64;
        let last = (count - 1) / SEGMENT_SIZE as u64;
        for index in 0..=last {
            let key = keys::segment(&epoch, index);
            let values = segment_values(&kv, &key);
            let expected: Vec<Value> = store.events()[(index * SEGMENT_SIZE as u64) as usize..]
                .iter()
                .take(SEGMENT_SIZE as usize)
                .map(encode_event)
                .collect();
            assert_eq!(values, expected, "segment {index} after {count} events");
            assert_eq!(
                kv.get(&key).unwrap(),
                serde_json::to_string(&expected).unwrap(),
                "the same bytes as serialising the segment afresh"
            );
        }
    }
    assert_eq!(MemoryStore::open(kv).events(), store.events());
}

#[test]
fn leftovers_of_another_tabs_interrupted_append_are_dropped_by_this_tabs_next_append() {
    let (kv, mut tab, key) = tab_that_wrote_two_orders();
    // Another tab wrote event 3 into the segment and closed before writing the head: the
    // segment no longer holds what this tab wrote, though the head still counts its entries.
    let mut values = segment_values(&kv, &key);
    values.push(encode_event(&lifecycle_events(3)[2]));
    kv.set(&key, &serde_json::to_string(&values).unwrap())
        .unwrap();

    pay(&mut tab, 1).unwrap();

    let stored = segment_values(&kv, &key);
    assert_eq!(
        stored.len(),
        3,
        "the uncommitted entry was replaced, not kept"
    );
    assert_eq!(stored[2], encode_event(&tab.events()[2]));
    let reopened = MemoryStore::open(kv);
    assert!(!reopened.recovery().has_problems());
    assert_eq!(reopened.events(), tab.events());
}

#[test]
fn what_storage_holds_wins_over_what_this_tab_wrote_there() {
    let (kv, mut tab, key) = tab_that_wrote_two_orders();
    // Someone edited a committed entry in place (devtools, another build): the count and the
    // last event are unchanged, only the text differs from what this tab wrote.
    let edited = kv.get(&key).unwrap().replace("customer-1", "customer-x");
    kv.set(&key, &edited).unwrap();

    pay(&mut tab, 2).unwrap();

    let stored = kv.get(&key).unwrap();
    assert!(
        stored.contains("customer-x") && !stored.contains("customer-1"),
        "the stored entries were extended, not rewritten from memory: {stored}"
    );
    assert_eq!(segment_values(&kv, &key).len(), 3);
}

#[test]
fn a_tab_extends_what_another_tab_appended_after_its_own_write() {
    let kv = MemoryKv::default();
    let mut tab_a = MemoryStore::open(kv.clone());
    let mut tab_b = MemoryStore::open(kv.clone());
    place(&mut tab_a, 1);
    place(&mut tab_b, 2);
    pay(&mut tab_a, 1).unwrap();
    pay(&mut tab_b, 2).unwrap();
    let reopened = MemoryStore::open(kv);
    assert_eq!(reopened.events(), tab_b.events());
    assert_eq!(reopened.events().len(), 4);
    assert_eq!(
        reopened
            .events()
            .iter()
            .map(|e| e.order_id)
            .collect::<Vec<_>>(),
        vec![1, 2, 1, 2]
    );
}
