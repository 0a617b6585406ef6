#![cfg(target_arch = "wasm32")]
//! The store in real headless Chromium localStorage: append and reload, segments, O(1) writes,
//! a full quota, damaged data, two store instances (tabs), replace_all atomicity. The last test
//! is a benchmark that prints numbers and asserts nothing about time.

mod store_support;

use event_sourcing_demo::domain::{Projections, TraditionalTable};
use event_sourcing_demo::store::{
    entry_bytes, keys, AppendError, BackupStatus, EventStore, KeyValue, LocalStorageKv, LocalStore,
    Problem, Refresh, SegmentedStore, LOCAL_STORAGE_LIMIT_BYTES, SEGMENT_SIZE,
};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use store_support::browser::{
    fill_quota, free_junk, now_ms, ours, wipe, yield_to_browser, Instrumented, OtherDocument,
};
use store_support::{lifecycle_events, pay, place, placed_event};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn open() -> LocalStore {
    LocalStore::open(LocalStorageKv)
}

#[wasm_bindgen_test]
fn appended_events_survive_a_reload() {
    wipe();
    let mut store = open();
    place(&mut store, 1);
    pay(&mut store, 1).unwrap();
    place(&mut store, 2);
    let reloaded = open();
    assert_eq!(reloaded.events(), store.events());
    assert_eq!(reloaded.events().len(), 3);
    assert!(!reloaded.recovery().has_problems());
    assert!(LocalStorageKv.get(&keys::head()).is_some());
    assert!(LocalStorageKv
        .get(&keys::segment(store.epoch(), 0))
        .is_some());
    wipe();
}

#[wasm_bindgen_test]
fn segments_roll_over_at_segment_size() {
    wipe();
    let mut store = open();
    store
        .replace_all(&lifecycle_events(u64::from(SEGMENT_SIZE) - 1))
        .unwrap();
    place(&mut store, 500);
    place(&mut store, 501);
    let epoch = store.epoch().to_string();
    let length = |index| {
        let raw = LocalStorageKv.get(&keys::segment(&epoch, index)).unwrap();
        serde_json::from_str::<Vec<serde_json::Value>>(&raw)
            .unwrap()
            .len()
    };
    assert_eq!(length(0), SEGMENT_SIZE as usize);
    assert_eq!(length(1), 1);
    assert_eq!(open().events().len(), SEGMENT_SIZE as usize + 1);
    wipe();
}

#[wasm_bindgen_test]
fn an_append_writes_one_segment_the_head_and_the_row_at_10_and_at_10000_events() {
    // Whatever the log's length: the one segment the events go to, the order's row in the
    // traditional table, and last the head that commits both.
    for length in [10, 10_000] {
        wipe();
        let kv = Instrumented::default();
        let mut store = SegmentedStore::open(kv.clone());
        store.replace_all(&lifecycle_events(length)).unwrap();
        kv.written.borrow_mut().clear();
        place(&mut store, 100_000);
        let index = length / u64::from(SEGMENT_SIZE);
        assert_eq!(
            *kv.written.borrow(),
            vec![
                keys::segment(store.epoch(), index),
                keys::order_row(100_000),
                keys::head()
            ],
            "at {length} events"
        );
    }
    wipe();
}

#[wasm_bindgen_test]
fn a_full_quota_rejects_the_append_and_changes_nothing() {
    wipe();
    let mut store = open();
    place(&mut store, 1);
    let before = ours();
    fill_quota();
    assert_eq!(pay(&mut store, 1), Err(AppendError::QuotaExceeded));
    assert_eq!(ours(), before);
    assert_eq!(store.events().len(), 1);
    free_junk();
    pay(&mut store, 1).unwrap();
    assert_eq!(open().events().len(), 2);
    wipe();
}

#[wasm_bindgen_test]
fn a_refused_head_write_puts_the_segment_back() {
    wipe();
    let kv = Instrumented::default();
    let mut store = SegmentedStore::open(kv.clone());
    place(&mut store, 1);
    let before = ours();
    *kv.refuse_head.borrow_mut() = true;
    assert_eq!(pay(&mut store, 1), Err(AppendError::QuotaExceeded));
    assert_eq!(ours(), before);
    wipe();
}

#[wasm_bindgen_test]
fn replace_all_refused_by_the_quota_leaves_the_old_log_and_no_leftovers() {
    wipe();
    let mut store = open();
    store.replace_all(&lifecycle_events(200)).unwrap();
    let before = ours();
    fill_quota();
    assert_eq!(
        store.replace_all(&lifecycle_events(40)),
        Err(AppendError::QuotaExceeded)
    );
    assert_eq!(ours(), before);
    free_junk();
    assert_eq!(open().events(), &lifecycle_events(200)[..]);
    wipe();
}

#[wasm_bindgen_test]
fn a_stale_second_tab_gets_a_conflict_then_the_fresh_state() {
    wipe();
    let mut tab_a = open();
    place(&mut tab_a, 1);
    let mut tab_b = open();
    pay(&mut tab_a, 1).unwrap();
    let before = ours();
    let stale_payment = lifecycle_events(2)[1..].to_vec();
    assert_eq!(
        tab_b.append(1, 1, &stale_payment),
        Err(AppendError::Conflict {
            order_id: 1,
            expected_version: 1,
            actual_version: 2
        })
    );
    assert_eq!(ours(), before);
    assert_eq!(tab_b.events(), tab_a.events());
    place(&mut tab_b, 2);
    assert!(matches!(tab_a.refresh(), Refresh::Appended(ref new) if new.len() == 1));
    wipe();
}

#[wasm_bindgen_test]
async fn another_documents_append_arrives_as_a_storage_event_and_refresh_folds_it() {
    wipe();
    let mut this_tab = open();
    place(&mut this_tab, 1);
    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let listener = {
        let seen = seen.clone();
        gloo_events::EventListener::new(&web_sys::window().unwrap(), "storage", move |event| {
            let event: &web_sys::StorageEvent = event.unchecked_ref();
            seen.borrow_mut().extend(event.key());
        })
    };
    let mut other_tab = SegmentedStore::open(OtherDocument::new());
    assert_eq!(other_tab.events(), this_tab.events());
    let paid = pay(&mut other_tab, 1).unwrap();
    // Storage events are queued tasks: let them arrive (bounded, not timed).
    for _ in 0..100 {
        if seen.borrow().contains(&keys::head()) {
            break;
        }
        yield_to_browser().await;
    }
    drop(listener);
    assert!(seen.borrow().iter().all(|key| keys::is_ours(key)));
    assert!(
        seen.borrow().contains(&keys::head()),
        "saw {:?}",
        seen.borrow()
    );
    assert_eq!(this_tab.refresh(), Refresh::Appended(paid));
    assert_eq!(this_tab.events(), other_tab.events());
    wipe();
}

/// Damages the stored data with `damage`, reopens, and checks the shared promises.
fn open_damaged(damage: impl FnOnce(&str)) -> LocalStore {
    wipe();
    let mut store = open();
    let events = lifecycle_events(300);
    store.replace_all(&events).unwrap();
    store
        .replace_table(&TraditionalTable::rebuild(&events))
        .unwrap();
    damage(store.epoch());
    let before = ours();
    let mut damaged = open();
    let recovery = damaged.recovery().clone();
    assert!(recovery.has_problems());
    let BackupStatus::Written { key } = &recovery.backup else {
        panic!("no backup: {:?}", recovery.backup)
    };
    let backup: serde_json::Value =
        serde_json::from_str(&LocalStorageKv.get(key).unwrap()).unwrap();
    let entries: BTreeMap<String, String> =
        serde_json::from_value(backup["entries"].clone()).unwrap();
    assert_eq!(entries, before, "the backup holds the raw values verbatim");
    let mut now = ours();
    now.remove(key);
    assert_eq!(now, before, "the originals are untouched");
    assert_eq!(
        damaged.append(9999, 0, &placed_event(9999)),
        Err(AppendError::NeedsDecision)
    );
    damaged
}

#[wasm_bindgen_test]
fn a_corrupt_head_opens_empty_with_a_backup() {
    let store = open_damaged(|_| LocalStorageKv.set(&keys::head(), "{\"count\":").unwrap());
    assert!(store.events().is_empty());
    wipe();
}

#[wasm_bindgen_test]
fn foreign_json_in_a_segment_keeps_the_prefix() {
    let store = open_damaged(|epoch| {
        LocalStorageKv
            .set(&keys::segment(epoch, 1), "{\"theme\":\"dark\"}")
            .unwrap()
    });
    assert_eq!(store.events(), &lifecycle_events(128)[..]);
    wipe();
}

#[wasm_bindgen_test]
fn an_unknown_event_type_keeps_the_events_before_it() {
    let store = open_damaged(|epoch| {
        let key = keys::segment(epoch, 0);
        let raw = LocalStorageKv.get(&key).unwrap();
        LocalStorageKv
            .set(
                &key,
                &raw.replacen("\"OrderShipped\"", "\"OrderTeleported\"", 1),
            )
            .unwrap();
    });
    assert_eq!(store.events(), &lifecycle_events(2)[..]);
    assert!(matches!(
        store.recovery().problems[..],
        [Problem::UnknownEventType { position: 3, .. }]
    ));
    wipe();
}

#[wasm_bindgen_test]
fn a_missing_segment_is_a_gap_and_discarding_it_is_explicit() {
    let mut store = open_damaged(|epoch| LocalStorageKv.remove(&keys::segment(epoch, 1)));
    assert_eq!(store.events().len(), 128);
    store.discard_damaged().unwrap();
    place(&mut store, 9999);
    let reopened = open();
    assert!(!reopened.recovery().has_problems());
    assert_eq!(reopened.events().len(), 129);
    wipe();
}

#[wasm_bindgen_test]
fn quota_is_measured() {
    wipe();
    let used_before: usize = LocalStorageKv
        .keys()
        .iter()
        .map(|k| entry_bytes(k, &LocalStorageKv.get(k).unwrap_or_default()))
        .sum();
    let limit = fill_quota();
    free_junk();
    console_log!(
        "localStorage limit in headless Chromium: {limit} bytes (UTF-16), {} characters; {used_before} bytes were in use before",
        limit / 2
    );
    // The meter's constant must match the browser: within 1 KiB of what was measured.
    assert!(
        (limit as i64 - LOCAL_STORAGE_LIMIT_BYTES as i64).abs() < 1024,
        "measured {limit}, constant {LOCAL_STORAGE_LIMIT_BYTES}"
    );
}

/// Benchmark (prints, asserts nothing about time): append cost at 10 / 1,000 / 10,000 events,
/// start-up replay of 10,000 events, bytes per event and how many events fit in the quota.
/// Run it with `-- --include-ignored bench` (add `--release` for numbers worth quoting).
#[wasm_bindgen_test]
#[ignore = "benchmark: run with -- --include-ignored bench"]
async fn bench_store_costs() {
    const APPENDS: u64 = 50;
    for length in [10, 1_000, 10_000] {
        wipe();
        let mut store = open();
        store.replace_all(&lifecycle_events(length)).unwrap();
        yield_to_browser().await;
        let start = now_ms();
        for order_id in 0..APPENDS {
            place(&mut store, 1_000_000 + order_id);
        }
        let per_append = (now_ms() - start) / APPENDS as f64;
        console_log!(
            "append at {length} events: {per_append:.3} ms per append (mean of {APPENDS})"
        );
        yield_to_browser().await;
    }

    wipe();
    let events = lifecycle_events(10_000);
    open()
        .replace_all_with_table(&events, &TraditionalTable::rebuild(&events))
        .unwrap();
    yield_to_browser().await;
    let start = now_ms();
    let store = open();
    let opened = now_ms();
    let projections = Projections::rebuild(store.events());
    let replayed = now_ms();
    let table = store.load_table();
    let table_loaded = now_ms();
    assert_eq!(table.rows().count(), 2_500);
    assert_eq!(store.events().len(), 10_000);
    assert_eq!(projections.next_event_id(), 10_001);
    let usage = store.usage();
    let per_event = usage.log_bytes / 10_000;
    console_log!(
        "start-up with 10,000 events (2,500 orders): open (read, check, decode) {:.1} ms, replay {:.1} ms, load the table {:.1} ms; log {} bytes = {per_event} bytes per event (UTF-16)",
        opened - start,
        replayed - opened,
        table_loaded - replayed,
        usage.log_bytes
    );
    yield_to_browser().await;

    // How many fit: from the size per event, then checked for real with replace_all on an
    // otherwise empty origin (2% steps down until it fits).
    let mut probe = LOCAL_STORAGE_LIMIT_BYTES / per_event;
    let fits = loop {
        wipe();
        let result = open().replace_all(&lifecycle_events(probe));
        yield_to_browser().await;
        match result {
            Ok(()) => break probe,
            Err(AppendError::QuotaExceeded) => probe -= probe / 50,
            Err(other) => panic!("{other}"),
        }
    };
    wipe();
    let more = open().replace_all(&lifecycle_events(fits + fits / 50));
    console_log!(
        "events that fit in localStorage ({LOCAL_STORAGE_LIMIT_BYTES} bytes): {fits} fit; {} more: {}",
        fits / 50,
        if more.is_ok() { "also fit" } else { "refused" }
    );
    wipe();
}
