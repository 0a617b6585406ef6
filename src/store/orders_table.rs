//! The traditional `orders` table in localStorage: one key per row, `UPDATE`d in place, exactly
//! as a CRUD app keeps it. No history, no log: whatever a row held before is overwritten.
//!
//! Key: `event-sourcing-demo/v1/orders/{order_id}`; value: the `OrderRow` as JSON.

use super::keys::{self, KeyKind};
use super::kv::KeyValue;
use super::log_writer::{append_error, commit};
use super::recovery::Note;
use super::AppendError;
use crate::domain::{OrderRow, RecordedEvent, TraditionalTable};
use std::collections::BTreeSet;

/// Reads the row stored under `key`, or says why it is not a row of ours.
pub fn read_row(kv: &dyn KeyValue, key: &str) -> Result<OrderRow, String> {
    let raw = kv.get(key).ok_or("the row is missing")?;
    let row: OrderRow =
        serde_json::from_str(&raw).map_err(|e| format!("not an order row ({e})"))?;
    match keys::classify(key) {
        Some(KeyKind::OrderRow(id)) if id == row.order_id => Ok(row),
        _ => Err(format!(
            "it holds order {} under another order's key",
            row.order_id
        )),
    }
}

/// Every readable row, by order id (damaged rows are reported at start-up and skipped here).
pub fn load_rows(kv: &dyn KeyValue) -> Vec<OrderRow> {
    let mut rows: Vec<OrderRow> = row_keys(kv)
        .iter()
        .filter_map(|key| read_row(kv, key).ok())
        .collect();
    rows.sort_by_key(|row| row.order_id);
    rows
}

/// Writes one row in place, unless its key holds damaged data the user has not decided on.
pub fn save_row(
    kv: &dyn KeyValue,
    damaged: &BTreeSet<String>,
    row: &OrderRow,
) -> Result<(), AppendError> {
    let key = keys::order_row(row.order_id);
    if damaged.contains(&key) {
        return Err(AppendError::NeedsDecision);
    }
    let value = serde_json::to_string(row).map_err(|e| AppendError::Storage(e.to_string()))?;
    kv.set(&key, &value).map_err(append_error)
}

/// Makes the stored table exactly `table`: all its rows written (all or none), then the rows it
/// does not have removed. Used by import, examples and reset.
pub fn replace_table(kv: &dyn KeyValue, table: &TraditionalTable) -> Result<(), AppendError> {
    let writes = row_writes(table);
    commit(kv, &writes).map_err(append_error)?;
    remove_rows_not_in(kv, table);
    Ok(())
}

/// The writes that store every row of `table`.
pub fn row_writes(table: &TraditionalTable) -> Vec<(String, String)> {
    table
        .rows()
        .map(|row| {
            let value = serde_json::to_string(row).unwrap_or_default();
            (keys::order_row(row.order_id), value)
        })
        .collect()
}

/// Removes the stored rows of orders `table` does not have.
pub fn remove_rows_not_in(kv: &dyn KeyValue, table: &TraditionalTable) {
    for key in row_keys(kv) {
        let keep =
            matches!(keys::classify(&key), Some(KeyKind::OrderRow(id)) if table.row(id).is_some());
        if !keep {
            kv.remove(&key);
        }
    }
}

/// Rebuilds a missing table from the events, as start-up does when rows are gone but events exist.
pub fn rebuild_missing(kv: &dyn KeyValue, events: &[RecordedEvent]) -> Note {
    let table = TraditionalTable::rebuild(events);
    match replace_table(kv, &table) {
        Ok(()) => Note::TraditionalRebuilt {
            rows: table.rows().count(),
        },
        Err(e) => Note::TraditionalRebuildFailed {
            reason: e.to_string(),
        },
    }
}

fn row_keys(kv: &dyn KeyValue) -> Vec<String> {
    kv.keys()
        .into_iter()
        .filter(|key| matches!(keys::classify(key), Some(KeyKind::OrderRow(_))))
        .collect()
}
