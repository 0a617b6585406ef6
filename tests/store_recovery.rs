#![cfg(not(target_arch = "wasm32"))]
//! Bad data never loses data, part 2: backups, unknown keys, unreadable rows, the traditional
//! table's rebuild, and what the user may decide (discard, replace) in this tab or another.

mod store_support;

use event_sourcing_demo::domain::TraditionalTable;
use event_sourcing_demo::store::{
    keys, AppendError, BackupStatus, EventStore, KeyValue, MemoryStore, Note, Problem, Refresh,
};
use store_support::damage::{backup_entries, healthy, open_damaged};
use store_support::{lifecycle_events, place};

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

#[test]
fn backups_can_be_listed_downloaded_and_deleted_and_nothing_else_can() {
    let (kv, _) = healthy(10);
    kv.set(&keys::head(), "garbage").unwrap();
    let mut store = open_damaged(&kv);
    let listed = store.backup_keys();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        store.backup_text(&listed[0]).as_deref(),
        store.backup_download_text()
    );
    store.delete_backup(&keys::head());
    assert_eq!(kv.get(&keys::head()).as_deref(), Some("garbage"));
    assert_eq!(store.backup_text(&keys::head()), None);
    store.delete_backup(&listed[0]);
    assert!(store.backup_keys().is_empty());
}

#[test]
fn a_missing_table_beside_a_damaged_log_is_rebuilt_only_after_the_decision() {
    let (kv, epoch) = healthy(300);
    for order_id in 1..=75 {
        kv.remove(&keys::order_row(order_id));
    }
    kv.remove(&keys::segment(&epoch, 2));
    let mut store = open_damaged(&kv);
    assert_eq!(store.load_table().rows().count(), 0, "nothing written yet");
    store.discard_damaged().unwrap();
    assert_eq!(
        store.recovery().notes,
        vec![Note::TraditionalRebuilt { rows: 64 }]
    );
    let rebuilt = TraditionalTable::rebuild(&lifecycle_events(256));
    assert!(store.load_table().rows().eq(rebuilt.rows()));
}
