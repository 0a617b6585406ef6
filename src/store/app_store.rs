//! The store surface the page needs: the event log (`EventStore`) plus the traditional table
//! stored beside it, the recovery report and the storage meter. One trait object, so the app
//! runs on `LocalStore` in the browser and on `MemoryStore` where nothing may persist.

use crate::domain::{OrderId, OrderRow, RecordedEvent, TraditionalTable};
use crate::store::{AppendError, EventStore, KeyValue, Recovery, SegmentedStore, Usage};

pub trait AppStore: EventStore {
    /// Appends `events` and the traditional table's new `row` in one all-or-nothing write.
    fn append_with_row(
        &mut self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
        row: Option<&OrderRow>,
    ) -> Result<(), AppendError>;
    /// The stored traditional table, re-read from storage.
    fn load_table(&self) -> TraditionalTable;
    /// Replaces the log and the table in one all-or-nothing write (import, examples, reset).
    fn replace_all_with_table(
        &mut self,
        events: &[RecordedEvent],
        table: &TraditionalTable,
    ) -> Result<(), AppendError>;
    fn recovery(&self) -> &Recovery;
    /// The user chose to keep the valid events and drop what is damaged.
    fn discard_damaged(&mut self) -> Result<(), AppendError>;
    fn usage(&self) -> Usage;
}

impl<K: KeyValue + Clone> AppStore for SegmentedStore<K> {
    fn append_with_row(
        &mut self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
        row: Option<&OrderRow>,
    ) -> Result<(), AppendError> {
        SegmentedStore::append_with_row(self, order_id, expected_version, events, row)
    }

    fn load_table(&self) -> TraditionalTable {
        SegmentedStore::load_table(self)
    }

    fn replace_all_with_table(
        &mut self,
        events: &[RecordedEvent],
        table: &TraditionalTable,
    ) -> Result<(), AppendError> {
        SegmentedStore::replace_all_with_table(self, events, table)
    }

    fn recovery(&self) -> &Recovery {
        SegmentedStore::recovery(self)
    }

    fn discard_damaged(&mut self) -> Result<(), AppendError> {
        SegmentedStore::discard_damaged(self)
    }

    fn usage(&self) -> Usage {
        SegmentedStore::usage(self)
    }
}
