//! Damaging a healthy store and checking what every kind of damage must keep.

use super::lifecycle_events;
use event_sourcing_demo::domain::TraditionalTable;
use event_sourcing_demo::store::{
    AppendError, BackupStatus, EventStore, KeyValue, MemoryKv, MemoryStore,
};
use serde_json::Value;
use std::collections::BTreeMap;

/// A healthy log of `count` events and its table, in a fresh map.
pub fn healthy(count: u64) -> (MemoryKv, String) {
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

pub fn backup_entries(store: &MemoryStore) -> BTreeMap<String, String> {
    let text = store.backup_download_text().expect("a backup document");
    let doc: Value = serde_json::from_str(text).unwrap();
    serde_json::from_value(doc["entries"].clone()).unwrap()
}

/// Everything except backups, as it was before.
pub fn without_backups(kv: &MemoryKv) -> BTreeMap<String, String> {
    kv.snapshot()
        .into_iter()
        .filter(|(k, _)| !k.contains("/backup/"))
        .collect()
}

/// Opens damaged data and checks the promises every kind of damage shares.
pub fn open_damaged(kv: &MemoryKv) -> MemoryStore {
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
        let new_order = super::placed_event(9999);
        assert_eq!(
            store.append(9999, 0, &new_order),
            Err(AppendError::NeedsDecision)
        );
        assert_eq!(kv.snapshot(), snapshot);
    }
    store
}
