#![cfg(not(target_arch = "wasm32"))]
//! Bad data never loses data: every kind of damage opens, keeps the valid prefix, backs the raw
//! data up, leaves the originals untouched and refuses to write until the user decides.

mod store_support;

use event_sourcing_demo::domain::TraditionalTable;
use event_sourcing_demo::store::{
    encode_event, keys, AppendError, BackupStatus, EventStore, KeyValue, MemoryKv, MemoryStore,
    Note, Problem, Refresh,
};
use serde_json::Value;
use std::collections::BTreeMap;
use store_support::{lifecycle_events, place, placed_event};

/// A healthy log of `count` events and its table, in a fresh map.
fn healthy(count: u64) -> (MemoryKv, String) {
    let kv = MemoryKv::default();
    let mut store = MemoryStore::open(kv.clone());
    let events = lifecycle_events(count);
    store.replace_all(&events).unwrap();
    store
        .replace_table(&TraditionalTable::rebuild(&events))
        .unwrap();
    let epoch = store.epoch().to_string();
    (kv, epoch)
}

fn backup_entries(store: &MemoryStore) -> BTreeMap<String, String> {
    let text = store.backup_download_text().expect("a backup document");
    let doc: Value = serde_json::from_str(text).unwrap();
    serde_json::from_value(doc["entries"].clone()).unwrap()
}

/// Everything except backups, as it was before.
fn without_backups(kv: &MemoryKv) -> BTreeMap<String, String> {
    kv.snapshot()
        .into_iter()
        .filter(|(k, _)| !k.contains("/backup/"))
        .collect()
}

/// Opens damaged data and checks the promises every kind of damage shares.
fn open_damaged(kv: &MemoryKv) -> MemoryStore {
    let before = kv.snapshot();
    let mut store = MemoryStore::open(kv.clone());
    let recovery = store.recovery().clone();
    assert!(recovery.has_problems());
    assert!(!recovery.summary().is_empty());
    let BackupStatus::Written { key } = &recovery.backup else {
        panic!("expected a new backup, got {:?}", recovery.backup);
    };
    assert_eq!(kv.get(key).as_deref(), store.backup_download_text());
    assert_eq!(
        backup_entries(&store),
        before,
        "the backup holds every raw value"
    );
    assert_eq!(without_backups(kv), before, "the originals are untouched");
    if recovery.log_damaged() {
        let snapshot = kv.snapshot();
        let new_order = placed_event(9999);
        assert_eq!(
            store.append(9999, 0, &new_order),
            Err(AppendError::NeedsDecision)
        );
        assert_eq!(kv.snapshot(), snapshot);
    }
    store
}

#[test]
fn a_truncated_head_opens_empty_and_keeps_everything() {
    let (kv, _) = healthy(10);
    let head = kv.get(&keys::head()).unwrap();
    kv.set(&keys::head(), &head[..head.len() / 2]).unwrap();
    let store = open_damaged(&kv);
    assert!(store.events().is_empty());
    assert!(matches!(
        store.recovery().problems[0],
        Problem::HeadUnreadable { .. }
    ));
}

#[test]
fn foreign_json_under_the_head_is_not_trusted() {
    let (kv, _) = healthy(10);
    kv.set(&keys::head(), r#"{"todos":["milk"]}"#).unwrap();
    let store = open_damaged(&kv);
    assert!(store.events().is_empty());
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::HeadUnreadable { .. }]
    ));
}

#[test]
fn a_truncated_segment_keeps_the_segments_before_it() {
    let (kv, epoch) = healthy(300);
    let key = keys::segment(&epoch, 1);
    let raw = kv.get(&key).unwrap();
    kv.set(&key, &raw[..raw.len() - 40]).unwrap();
    let store = open_damaged(&kv);
    assert_eq!(store.events(), &lifecycle_events(128)[..]);
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::SegmentUnreadable { index: 1, .. }]
    ));
    assert_eq!(store.recovery().claimed_events, 300);
    assert_eq!(store.recovery().kept_events, 128);
}

#[test]
fn a_missing_segment_is_a_gap() {
    let (kv, epoch) = healthy(300);
    kv.remove(&keys::segment(&epoch, 1));
    let store = open_damaged(&kv);
    assert_eq!(store.events().len(), 128);
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::SegmentMissing {
            index: 1,
            first_event: 129
        }]
    ));
}

#[test]
fn a_head_claiming_more_events_than_stored_is_a_gap() {
    let (kv, _) = healthy(10);
    let head = kv.get(&keys::head()).unwrap();
    kv.set(&keys::head(), &head.replace("\"count\":10", "\"count\":12"))
        .unwrap();
    let store = open_damaged(&kv);
    assert_eq!(store.events().len(), 10);
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::SegmentShort {
            index: 0,
            expected: 12,
            found: 10
        }]
    ));
}

// Positions in a stored event: [event_id, order_id, version, schema_version, event_type,
// event_data, event_timestamp].
const ID: usize = 0;
const VERSION: usize = 2;
const SCHEMA: usize = 3;
const TYPE: usize = 4;
const DATA: usize = 5;
const TIMESTAMP: usize = 6;

fn edit_event(kv: &MemoryKv, epoch: &str, position: usize, edit: impl FnOnce(&mut Value)) {
    let key = keys::segment(epoch, 0);
    let mut values: Vec<Value> = serde_json::from_str(&kv.get(&key).unwrap()).unwrap();
    edit(&mut values[position]);
    kv.set(&key, &serde_json::to_string(&values).unwrap())
        .unwrap();
}

#[test]
fn an_unknown_event_type_stops_the_log_before_it() {
    let (kv, epoch) = healthy(10);
    edit_event(&kv, &epoch, 4, |event| {
        event[TYPE] = "OrderTeleported".into();
    });
    let store = open_damaged(&kv);
    assert_eq!(store.events(), &lifecycle_events(4)[..]);
    assert_eq!(
        store.recovery().problems,
        vec![Problem::UnknownEventType {
            position: 5,
            event_type: "OrderTeleported".into()
        }]
    );
}

#[test]
fn a_stored_event_of_the_wrong_shape_is_unreadable() {
    let (kv, epoch) = healthy(10);
    edit_event(&kv, &epoch, 2, |event| {
        *event = serde_json::json!({"event_id": 3})
    });
    let store = open_damaged(&kv);
    assert_eq!(store.events().len(), 2);
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::EventUnreadable { position: 3, .. }]
    ));
}

#[test]
fn an_event_stored_by_the_first_release_is_upcast_on_read() {
    let (kv, epoch) = healthy(10);
    // Schema v1 wrote money as decimal text.
    edit_event(&kv, &epoch, 0, |event| {
        event[SCHEMA] = 1.into();
        event[DATA]["total_amount"] = "49.91".into();
    });
    // Event 1 is not the last one, so the head's tail fingerprint still holds.
    let store = MemoryStore::open(kv);
    assert!(!store.recovery().has_problems());
    assert_eq!(store.events(), &lifecycle_events(10)[..]);
}

#[test]
fn an_event_id_gap_inside_a_segment_is_found() {
    let (kv, epoch) = healthy(10);
    edit_event(&kv, &epoch, 6, |event| event[ID] = 9.into());
    let store = open_damaged(&kv);
    assert_eq!(store.events().len(), 6);
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::EventIdGap {
            expected: 7,
            found: 9
        }]
    ));
}

#[test]
fn a_version_gap_in_an_order_stream_is_found() {
    let (kv, epoch) = healthy(10);
    edit_event(&kv, &epoch, 5, |event| event[VERSION] = 3.into());
    let store = open_damaged(&kv);
    assert_eq!(store.events().len(), 5);
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::VersionGap { event_id: 6, .. }]
    ));
}

#[test]
fn an_edited_last_event_does_not_match_the_head() {
    let (kv, epoch) = healthy(10);
    edit_event(&kv, &epoch, 9, |event| {
        event[TIMESTAMP] = "2030-01-01T00:00:00Z".into()
    });
    let store = open_damaged(&kv);
    assert_eq!(store.events().len(), 9);
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::TailMismatch { event_id: 10 }]
    ));
}

#[test]
fn a_missing_head_with_segments_is_damage_not_an_empty_log() {
    let (kv, _) = healthy(10);
    kv.remove(&keys::head());
    let store = open_damaged(&kv);
    assert!(store.events().is_empty());
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::HeadMissing { segments: 1 }]
    ));
}

#[test]
fn an_interrupted_append_is_ignored_and_overwritten_by_the_next() {
    let (kv, epoch) = healthy(10);
    // A tab closed between the segment write and the head write: the segment holds event 11,
    // the head still says 10.
    let segment = keys::segment(&epoch, 0);
    let mut values: Vec<Value> = serde_json::from_str(&kv.get(&segment).unwrap()).unwrap();
    values.push(encode_event(&lifecycle_events(11)[10]));
    kv.set(&segment, &serde_json::to_string(&values).unwrap())
        .unwrap();

    let mut reopened = MemoryStore::open(kv.clone());
    assert!(!reopened.recovery().has_problems());
    assert_eq!(reopened.events().len(), 10);
    assert_eq!(
        reopened.recovery().notes,
        vec![Note::UncommittedTail { events: 1 }]
    );
    place(&mut reopened, 1000);
    let stored: Vec<Value> = serde_json::from_str(&kv.get(&segment).unwrap()).unwrap();
    assert_eq!(
        stored.len(),
        11,
        "the uncommitted entry was replaced, not kept"
    );
    let events = MemoryStore::open(kv).events().to_vec();
    assert_eq!(events.len(), 11);
    assert_eq!(events[10].order_id, 1000);
}

#[test]
fn an_unknown_key_is_reported_but_does_not_block_the_log() {
    let (kv, _) = healthy(4);
    let odd = format!("{}notes", keys::PREFIX);
    kv.set(&odd, "hello").unwrap();
    let mut store = open_damaged(&kv);
    assert!(!store.recovery().log_damaged());
    place(&mut store, 2);
    assert_eq!(kv.get(&odd).as_deref(), Some("hello"));
    store.discard_damaged().unwrap();
    assert_eq!(kv.get(&odd), None);
}

#[test]
fn other_apps_keys_are_neither_reported_nor_touched() {
    let (kv, _) = healthy(4);
    kv.set("someone-else/settings", "{oops").unwrap();
    kv.set("event-sourcing-demo/v2/log/head", "future").unwrap();
    let store = MemoryStore::open(kv.clone());
    assert!(!store.recovery().has_problems());
    assert_eq!(store.events().len(), 4);
}

#[test]
fn an_unreadable_row_is_kept_and_not_overwritten() {
    let (kv, _) = healthy(8);
    kv.set(&keys::order_row(2), "[1,2,3]").unwrap();
    let mut store = open_damaged(&kv);
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::RowUnreadable { .. }]
    ));
    let table = store.load_table();
    assert_eq!(table.rows().count(), 1, "order 1's row only");
    let row = TraditionalTable::rebuild(&lifecycle_events(8))
        .row(2)
        .unwrap()
        .clone();
    assert_eq!(store.save_row(&row), Err(AppendError::NeedsDecision));
    assert_eq!(kv.get(&keys::order_row(2)).as_deref(), Some("[1,2,3]"));
}

#[test]
fn a_missing_table_is_rebuilt_from_the_events() {
    let (kv, _) = healthy(8);
    kv.remove(&keys::order_row(1));
    kv.remove(&keys::order_row(2));
    let store = MemoryStore::open(kv.clone());
    assert_eq!(
        store.recovery().notes,
        vec![Note::TraditionalRebuilt { rows: 2 }]
    );
    let rebuilt = TraditionalTable::rebuild(&lifecycle_events(8));
    assert!(store.load_table().rows().eq(rebuilt.rows()));
}

#[test]
fn the_same_damage_is_backed_up_once() {
    let (kv, _) = healthy(10);
    kv.set(&keys::head(), "garbage").unwrap();
    let first = open_damaged(&kv);
    let second = MemoryStore::open(kv.clone());
    let BackupStatus::Written { key } = &first.recovery().backup else {
        unreachable!()
    };
    assert_eq!(
        second.recovery().backup,
        BackupStatus::AlreadyKept { key: key.clone() }
    );
    let backups = kv
        .keys()
        .into_iter()
        .filter(|k| k.contains("/backup/"))
        .count();
    assert_eq!(backups, 1);
}

#[test]
fn when_the_backup_cannot_be_written_nothing_is_touched_and_the_download_still_works() {
    let (kv, _) = healthy(10);
    kv.set(&keys::head(), "garbage").unwrap();
    kv.set_quota_bytes(Some(kv.used_bytes()));
    let before = kv.snapshot();
    let mut store = MemoryStore::open(kv.clone());
    assert!(matches!(
        store.recovery().backup,
        BackupStatus::Failed { .. }
    ));
    assert_eq!(kv.snapshot(), before);
    assert_eq!(backup_entries(&store), before);
    assert_eq!(
        store.replace_all(&lifecycle_events(4)),
        Err(AppendError::NeedsDecision)
    );
}

#[test]
fn discarding_keeps_the_valid_prefix_and_the_backup_then_appends_work() {
    let (kv, epoch) = healthy(300);
    kv.remove(&keys::segment(&epoch, 1));
    let mut store = open_damaged(&kv);
    let backup = kv
        .keys()
        .into_iter()
        .find(|k| k.contains("/backup/"))
        .unwrap();
    store.discard_damaged().unwrap();
    assert!(!store.recovery().has_problems());
    assert!(kv.get(&backup).is_some(), "the backup stays");
    assert!(
        kv.get(&keys::segment(&epoch, 2)).is_none(),
        "damaged generation removed"
    );
    place(&mut store, 1000);
    let reopened = MemoryStore::open(kv);
    assert!(!reopened.recovery().has_problems());
    assert_eq!(reopened.events().len(), 129);
}

#[test]
fn another_tab_discarding_the_damage_reloads_this_one() {
    let (kv, _) = healthy(10);
    kv.set(&keys::head(), "garbage").unwrap();
    let mut tab_a = open_damaged(&kv);
    assert_eq!(tab_a.refresh(), Refresh::UpToDate);
    let mut tab_b = MemoryStore::open(kv.clone());
    tab_b.discard_damaged().unwrap();
    assert_eq!(tab_a.refresh(), Refresh::Reloaded);
    assert!(!tab_a.needs_decision());
    place(&mut tab_a, 1);
}

#[test]
fn loading_an_example_over_a_damaged_log_is_an_explicit_replacement() {
    let (kv, _) = healthy(10);
    kv.set(&keys::head(), "garbage").unwrap();
    let mut store = open_damaged(&kv);
    store.replace_all(&lifecycle_events(4)).unwrap();
    assert!(!store.needs_decision());
    assert_eq!(MemoryStore::open(kv).events().len(), 4);
}
