#![cfg(not(target_arch = "wasm32"))]
//! Bad data never loses data, part 1: damage inside the event log (head, segments, events).
//! Each case opens, keeps the valid prefix, backs the raw data up, leaves the originals
//! untouched and refuses to append until the user decides.

mod store_support;

use event_sourcing_demo::store::{
    encode_event, keys, EventStore, KeyValue, MemoryKv, MemoryStore, Note, Problem,
};
use serde_json::Value;
use store_support::damage::{healthy, open_damaged};
use store_support::{lifecycle_events, place};

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
    // Read in the current shape (cents), and still known as a v1 event, so that writing it
    // again (an export, say) keeps the form it was stored in.
    let mut expected = lifecycle_events(10);
    expected[0].schema_version = 1;
    assert_eq!(store.events(), &expected[..]);
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
