//! The traditional table and the backups, as the page uses them through the store.

use super::keys::{self, KeyKind};
use super::kv::KeyValue;
use super::{orders_table, AppendError, Problem, SegmentedStore};
use crate::domain::{OrderRow, RecordedEvent, TraditionalTable};

impl<K: KeyValue + Clone> SegmentedStore<K> {
    /// The stored traditional table (re-read from storage: another tab may have changed it).
    /// The first call after `open` (or `discard_damaged`) hands over the table `open` read and
    /// checked, with the overwritten count the log implies, so start-up reads each row once.
    pub fn load_table(&self) -> TraditionalTable {
        self.opened_table
            .take()
            .unwrap_or_else(|| TraditionalTable::from_rows(orders_table::load_rows(&self.kv)))
    }

    /// `UPDATE`s (or `INSERT`s) one row in place, as a CRUD app does.
    pub fn save_row(&mut self, row: &OrderRow) -> Result<(), AppendError> {
        self.opened_table.take();
        orders_table::save_row(&self.kv, &self.damaged_keys, row)
    }

    /// Makes the stored table exactly `table` (import, examples, reset). An explicit user
    /// choice: it may replace unreadable rows, whose raw data is in the backup.
    pub fn replace_table(&mut self, table: &TraditionalTable) -> Result<(), AppendError> {
        self.opened_table.take();
        self.check_rows_replaceable()?;
        orders_table::replace_table(&self.kv, table)?;
        self.forget_damaged_rows();
        Ok(())
    }

    /// Replaces the log and the table together (import, examples, reset): the new segments, the
    /// head and every row in one all-or-nothing write, so a full quota leaves both databases
    /// exactly as they were. Rows of orders `table` lacks are removed afterwards.
    pub fn replace_all_with_table(
        &mut self,
        events: &[RecordedEvent],
        table: &TraditionalTable,
    ) -> Result<(), AppendError> {
        self.opened_table.take();
        if self.recovery.log_damaged() && !self.backup_kept() {
            return Err(AppendError::NeedsDecision);
        }
        self.check_rows_replaceable()?;
        self.write_new_log(events, &orders_table::row_writes(table))?;
        orders_table::remove_rows_not_in(&self.kv, table);
        self.forget_damaged_rows();
        // The stored table is now exactly `table`: the next `load_table` need not read it back.
        *self.opened_table.get_mut() = Some(table.clone());
        Ok(())
    }

    fn check_rows_replaceable(&self) -> Result<(), AppendError> {
        let damaged_rows = self.damaged_keys.iter().any(|k| is_row(k));
        if damaged_rows && !self.backup_kept() {
            return Err(AppendError::NeedsDecision);
        }
        Ok(())
    }

    fn forget_damaged_rows(&mut self) {
        self.damaged_keys.retain(|k| !is_row(k));
        self.recovery
            .problems
            .retain(|p| !matches!(p, Problem::RowUnreadable { .. }));
    }

    /// Every backup key of damaged data, oldest first (their names sort by time).
    pub fn backup_keys(&self) -> Vec<String> {
        let mut found: Vec<String> = self
            .kv
            .keys()
            .into_iter()
            .filter(|key| keys::classify(key) == Some(KeyKind::Backup))
            .collect();
        found.sort();
        found
    }

    /// The raw text of one backup, for download.
    pub fn backup_text(&self, key: &str) -> Option<String> {
        (keys::classify(key) == Some(KeyKind::Backup))
            .then(|| self.kv.get(key))
            .flatten()
    }

    /// Deletes a backup the user no longer needs (to free space). Only backup keys are touched.
    pub fn delete_backup(&mut self, key: &str) {
        if keys::classify(key) == Some(KeyKind::Backup) {
            self.kv.remove(key);
        }
    }
}

fn is_row(key: &str) -> bool {
    matches!(keys::classify(key), Some(KeyKind::OrderRow(_)))
}
