#![cfg(not(target_arch = "wasm32"))]
//! The segmented log over an in-memory map: appends, reloads, segments, O(1) writes, quota,
//! optimistic concurrency between two "tabs", replace_all.

mod store_support;

use event_sourcing_demo::domain::OrderStatus;
use event_sourcing_demo::store::{
    keys, AppendError, EventStore, KeyValue, MemoryKv, MemoryStore, Refresh, SEGMENT_SIZE,
};
use store_support::{lifecycle_events, pay, place};

fn reopen(kv: &MemoryKv) -> MemoryStore {
    MemoryStore::open(kv.clone())
}

#[test]
fn given_appends_when_reopened_then_the_same_events_come_back() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    place(&mut store, 1);
    pay(&mut store, 1).unwrap();
    place(&mut store, 2);
    let reloaded = reopen(&kv);
    assert_eq!(reloaded.events(), store.events());
    assert_eq!(reloaded.events().len(), 3);
    assert!(!reloaded.recovery().has_problems());
    assert_eq!(reloaded.stream_version(1), 2);
    assert_eq!(reloaded.epoch(), store.epoch());
}

#[test]
fn events_are_numbered_once_by_the_caller_and_must_continue_the_log() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    place(&mut store, 1);
    let mut events = lifecycle_events(2)[1..].to_vec();
    assert_eq!(events[0].event_id, 2);
    let before = kv.snapshot();
    events[0].event_id = 999;
    // Never renumbered: an id that does not continue the log means it was decided on another log.
    assert_eq!(
        store.append_with_row(1, 1, &events, None),
        Err(AppendError::LogGrew {
            expected_event_id: 999,
            next_event_id: 2
        })
    );
    assert_eq!(kv.snapshot(), before);
    events[0].event_id = 2;
    store.append_with_row(1, 1, &events, None).unwrap();
    assert_eq!(reopen(&kv).events()[1], events[0]);
}

#[test]
fn an_append_numbered_before_another_tab_appended_elsewhere_is_refused_not_renumbered() {
    let kv = MemoryKv::default();
    let mut tab_a = reopen(&kv);
    place(&mut tab_a, 1);
    let mut tab_b = reopen(&kv);
    // Tab B numbers order 1's payment as event 2; meanwhile tab A places order 2 as event 2.
    let payment = lifecycle_events(2)[1..].to_vec();
    place(&mut tab_a, 2);
    let before = kv.snapshot();
    assert_eq!(
        tab_b.append(1, 1, &payment),
        Err(AppendError::LogGrew {
            expected_event_id: 2,
            next_event_id: 3
        })
    );
    assert_eq!(kv.snapshot(), before, "nothing written");
    assert_eq!(tab_b.events(), tab_a.events(), "but tab B has caught up");
}

#[test]
fn segments_roll_over_at_segment_size() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    let size = SEGMENT_SIZE as u64;
    for order_id in 1..=size + 1 {
        place(&mut store, order_id);
    }
    let epoch = store.epoch().to_string();
    let first: Vec<serde_json::Value> =
        serde_json::from_str(&kv.snapshot()[&keys::segment(&epoch, 0)]).unwrap();
    let second: Vec<serde_json::Value> =
        serde_json::from_str(&kv.snapshot()[&keys::segment(&epoch, 1)]).unwrap();
    assert_eq!(first.len() as u64, size);
    assert_eq!(second.len(), 1);
    assert_eq!(reopen(&kv).events().len() as u64, size + 1);
}

#[test]
fn an_append_writes_one_segment_the_row_and_the_head_whatever_the_log_length() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    store.replace_all(&lifecycle_events(1000)).unwrap();
    kv.take_touched();
    place(&mut store, 10_000);
    let touched = kv.take_touched();
    let epoch = store.epoch().to_string();
    // Event 1001 is the 105th entry of segment 7 (events 897..=1024); the traditional table's
    // row goes in the same all-or-nothing write, and the head, written last, commits both.
    assert_eq!(
        touched,
        vec![
            keys::segment(&epoch, 7),
            keys::order_row(10_000),
            keys::head()
        ]
    );
}

#[test]
fn an_append_that_spans_two_segments_writes_both_then_the_row_and_the_head() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    store
        .replace_all(&lifecycle_events(SEGMENT_SIZE as u64 - 1))
        .unwrap();
    kv.take_touched();
    let mut pair = lifecycle_events(SEGMENT_SIZE as u64 + 1)[SEGMENT_SIZE as usize - 1..].to_vec();
    // Events 128 and 129 are versions 4 of order 32 and 1 of order 33: make them one stream.
    pair[1].order_id = pair[0].order_id;
    pair[1].version = pair[0].version + 1;
    store.append(pair[0].order_id, 3, &pair).unwrap();
    let epoch = store.epoch().to_string();
    let touched = kv.take_touched();
    assert_eq!(
        touched,
        vec![
            keys::segment(&epoch, 0),
            keys::segment(&epoch, 1),
            keys::order_row(pair[0].order_id),
            keys::head()
        ]
    );
    assert_eq!(reopen(&kv).events().len() as u64, SEGMENT_SIZE as u64 + 1);
}

#[test]
fn quota_full_rejects_the_append_as_a_whole_and_changes_nothing() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    place(&mut store, 1);
    kv.set_quota_bytes(Some(kv.used_bytes() + 10));
    let before = kv.snapshot();
    assert_eq!(pay(&mut store, 1), Err(AppendError::QuotaExceeded));
    assert_eq!(kv.snapshot(), before);
    assert_eq!(store.events().len(), 1);
    assert_eq!(store.stream_version(1), 1);
    kv.set_quota_bytes(None);
    assert!(pay(&mut store, 1).is_ok());
}

#[test]
fn a_refused_head_write_rolls_the_segment_back() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    place(&mut store, 1);
    let before = kv.snapshot();
    kv.fail_next_write_to(&keys::head());
    assert_eq!(pay(&mut store, 1), Err(AppendError::QuotaExceeded));
    assert_eq!(kv.snapshot(), before, "the segment got its old value back");
    assert_eq!(store.events().len(), 1);
}

#[test]
fn a_refused_row_write_rolls_back_the_log_too() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    let placed = place(&mut store, 1);
    let table = event_sourcing_demo::domain::TraditionalTable::rebuild(&placed);
    store.replace_table(&table).unwrap();
    let before = kv.snapshot();
    let mut row = table.row(1).unwrap().clone();
    row.status = OrderStatus::Paid;
    kv.fail_next_write_to(&keys::order_row(1));
    let paid = lifecycle_events(2)[1..].to_vec();
    let result = store.append_with_row(1, 1, &paid, Some(&row));
    assert_eq!(result, Err(AppendError::QuotaExceeded));
    assert_eq!(kv.snapshot(), before);
    assert_eq!(store.events().len(), 1);
}

#[test]
fn a_second_tab_sees_appends_on_refresh() {
    let kv = MemoryKv::default();
    let mut tab_a = reopen(&kv);
    let mut tab_b = reopen(&kv);
    let placed = place(&mut tab_a, 1);
    assert_eq!(tab_b.refresh(), Refresh::Appended(placed));
    assert_eq!(tab_b.refresh(), Refresh::UpToDate);
    assert_eq!(tab_b.events(), tab_a.events());
}

#[test]
fn a_command_decided_on_a_stale_state_is_a_conflict_and_writes_nothing() {
    let kv = MemoryKv::default();
    let mut tab_a = reopen(&kv);
    place(&mut tab_a, 1);
    let mut tab_b = reopen(&kv);
    pay(&mut tab_a, 1).unwrap();
    // Tab B still believes order 1 is at version 1 (Placed) and decides a payment on it.
    let stale = lifecycle_events(2)[1..].to_vec();
    let before = kv.snapshot();
    let result = tab_b.append(1, 1, &stale);
    assert_eq!(
        result,
        Err(AppendError::Conflict {
            order_id: 1,
            expected_version: 1,
            actual_version: 2
        })
    );
    assert_eq!(kv.snapshot(), before);
    assert_eq!(
        tab_b.events(),
        tab_a.events(),
        "B caught up: the fresh state"
    );
}

#[test]
fn an_append_after_another_tab_wrote_another_order_catches_up_first() {
    let kv = MemoryKv::default();
    let mut tab_a = reopen(&kv);
    let mut tab_b = reopen(&kv);
    place(&mut tab_a, 1);
    let stored = place(&mut tab_b, 2);
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].event_id, 2, "numbered after A's event");
    assert_eq!(
        tab_b.events(),
        tab_a
            .events()
            .iter()
            .chain(&stored)
            .cloned()
            .collect::<Vec<_>>()
    );
    assert_eq!(reopen(&kv).events().len(), 2);
}

#[test]
fn a_replaced_log_is_recognised_by_its_epoch() {
    let kv = MemoryKv::default();
    let mut tab_a = reopen(&kv);
    place(&mut tab_a, 1);
    let mut tab_b = reopen(&kv);
    // Tab A decides a payment on its log, then tab B replaces the log before A appends.
    let payment = lifecycle_events(2)[1..].to_vec();
    tab_b.replace_all(&lifecycle_events(8)).unwrap();
    assert_ne!(tab_a.epoch(), tab_b.epoch());
    assert_eq!(tab_a.append(1, 1, &payment), Err(AppendError::LogReplaced));
    assert_eq!(tab_a.events().len(), 8, "A reloaded the new log");
    let mut tab_c = reopen(&kv);
    place(&mut tab_a, 3);
    assert!(matches!(tab_c.refresh(), Refresh::Appended(_)));
    tab_a.replace_all(&[]).unwrap();
    assert_eq!(tab_c.refresh(), Refresh::Reloaded);
    assert!(tab_c.events().is_empty());
}

#[test]
fn an_overwritten_own_event_makes_the_tab_reload() {
    // Two tabs appended event 2 at the same instant; B's write won, then B appended event 3.
    let kv = MemoryKv::default();
    let mut tab_a = reopen(&kv);
    place(&mut tab_a, 1);
    let mut tab_b = reopen(&kv);
    let before_a = kv.snapshot();
    place(&mut tab_a, 2);
    let a_state = kv.snapshot();
    for (key, value) in &before_a {
        kv.set(key, value).unwrap();
    }
    place(&mut tab_b, 3);
    place(&mut tab_b, 4);
    assert_ne!(kv.snapshot(), a_state);
    assert_eq!(tab_a.refresh(), Refresh::Reloaded);
    assert_eq!(tab_a.events(), tab_b.events());
}

#[test]
fn replace_all_refused_by_quota_keeps_the_old_log() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    store.replace_all(&lifecycle_events(300)).unwrap();
    kv.set_quota_bytes(Some(kv.used_bytes() + 30_000));
    let before = kv.snapshot();
    assert_eq!(
        store.replace_all(&lifecycle_events(600)),
        Err(AppendError::QuotaExceeded)
    );
    assert_eq!(kv.snapshot(), before);
    assert_eq!(store.events().len(), 300);
    assert_eq!(reopen(&kv).events().len(), 300);
}

#[test]
fn replace_all_removes_the_old_generation() {
    let kv = MemoryKv::default();
    let mut store = reopen(&kv);
    store.replace_all(&lifecycle_events(300)).unwrap();
    let old_epoch = store.epoch().to_string();
    store.replace_all(&lifecycle_events(4)).unwrap();
    let segments: Vec<String> = kv
        .keys()
        .into_iter()
        .filter(|k| k.contains("/log/seg/"))
        .collect();
    assert_eq!(segments, vec![keys::segment(store.epoch(), 0)]);
    assert!(!segments[0].contains(&old_epoch));
}

#[test]
fn replace_all_refuses_a_log_with_gaps() {
    let mut store = MemoryStore::new();
    let mut events = lifecycle_events(4);
    events.remove(1);
    assert!(matches!(
        store.replace_all(&events),
        Err(AppendError::InvalidEvents(_))
    ));
}

#[test]
fn events_for_another_order_or_version_are_refused() {
    let mut store = MemoryStore::new();
    place(&mut store, 1);
    let mut paid = lifecycle_events(2)[1..].to_vec();
    assert!(matches!(
        store.append(2, 0, &paid),
        Err(AppendError::InvalidEvents(_))
    ));
    paid[0].version = 5;
    assert!(matches!(
        store.append(1, 1, &paid),
        Err(AppendError::InvalidEvents(_))
    ));
    assert_eq!(store.events().len(), 1);
}
