//! The event store over any [`KeyValue`]: the browser's `localStorage` ([`LocalStore`]) or an
//! in-memory map ([`MemoryStore`], for native tests). One implementation, so both behave alike,
//! including the concurrency rules (a cloned `MemoryKv` is a second tab).

use super::disk_event::encode;
use super::head::Head;
use super::kv::KeyValue;
use super::log_reader::Sequence;
use super::log_writer::{
    append_error, commit, commit_knowing, plan_append, plan_new_log, remove_other_segments,
};
use super::open::{open, Opened};
use super::recovery::{BackupStatus, Note, Recovery};
use super::written_segment::WrittenSegment;
use super::{keys, orders_table, AppendError, EventStore, LocalStorageKv, MemoryKv, Refresh};
use crate::domain::{OrderId, OrderRow, RecordedEvent, TraditionalTable};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The event store of the browser app.
pub type LocalStore = SegmentedStore<LocalStorageKv>;
/// The same store over an in-memory map: native tests, and anything that must not persist.
pub type MemoryStore = SegmentedStore<MemoryKv>;

/// An event log stored as fixed-size segments plus a small head record (see the module docs
/// of `store`), and the traditional table beside it.
#[derive(Debug)]
pub struct SegmentedStore<K: KeyValue + Clone> {
    pub(super) kv: K,
    /// The head this store last read or wrote; `None` while no log is stored.
    pub(super) head: Option<Head>,
    pub(super) events: Vec<RecordedEvent>,
    pub(super) sequence: Sequence,
    /// Fingerprint of our last event, to notice if another tab overwrote it.
    pub(super) tail: String,
    pub(super) recovery: Recovery,
    pub(super) damaged_keys: BTreeSet<String>,
    /// The table start-up read and checked, for the first `load_table` only: every change to
    /// storage after `open` drops it, so it is never stale.
    pub(super) opened_table: RefCell<Option<TraditionalTable>>,
    /// The segment this store wrote last, so the next append extends it without parsing it.
    pub(super) written: Option<WrittenSegment>,
}

impl MemoryStore {
    /// An empty store over a fresh in-memory map.
    pub fn new() -> MemoryStore {
        Self::open(MemoryKv::default())
    }
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: KeyValue + Clone> SegmentedStore<K> {
    /// Loads whatever is stored. Never fails: damage is reported in [`Self::recovery`], the raw
    /// data is backed up and left untouched, and the valid prefix of the log is loaded.
    pub fn open(kv: K) -> Self {
        let Opened {
            head,
            events,
            sequence,
            tail,
            recovery,
            damaged_keys,
            table,
        } = open(&kv);
        SegmentedStore {
            kv,
            head,
            events,
            sequence,
            tail,
            recovery,
            damaged_keys,
            opened_table: RefCell::new(table),
            written: None,
        }
    }

    /// The storage this store works on.
    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// Bytes used in storage, by kind, for the storage meter.
    pub fn usage(&self) -> super::Usage {
        super::usage(&self.kv)
    }

    /// What start-up (or the last reload) found; show `summary()` as a banner when it has problems.
    pub fn recovery(&self) -> &Recovery {
        &self.recovery
    }

    /// The backup document of the damaged data, for the download button.
    pub fn backup_download_text(&self) -> Option<&str> {
        self.recovery.backup_text.as_deref()
    }

    /// Whether appends wait for the user's decision about damaged data (a damaged log, or a
    /// table that disagrees with it).
    pub fn needs_decision(&self) -> bool {
        self.recovery.needs_decision()
    }

    /// The user chose to go on with what could be read: the valid events become the log (under
    /// a new epoch), damaged segments, unknown keys and unreadable rows are removed, and the
    /// traditional table is rebuilt from the kept events so the two databases agree again. The
    /// backup key stays. Call only after the user confirmed (and, if the backup failed,
    /// downloaded).
    pub fn discard_damaged(&mut self) -> Result<(), AppendError> {
        self.opened_table.take();
        if !self.recovery.has_problems() {
            return Ok(());
        }
        if self.recovery.log_damaged() {
            let events = self.events.clone();
            self.write_new_log(&events, &[])?;
        }
        for key in std::mem::take(&mut self.damaged_keys) {
            self.kv.remove(&key);
        }
        let table = TraditionalTable::rebuild(&self.events);
        let stored = orders_table::load_rows(&self.kv);
        let mut notes = std::mem::take(&mut self.recovery.notes);
        if !super::table_check::disagreements(&stored, &table).is_empty() {
            orders_table::replace_table(&self.kv, &table)?;
            notes.push(Note::TraditionalRebuilt {
                rows: table.rows().count(),
            });
        }
        self.recovery = Recovery::clean(self.events.len() as u64);
        self.recovery.notes = notes;
        *self.opened_table.get_mut() = Some(table);
        Ok(())
    }

    /// Appends `events` and, in the same all-or-nothing write, the traditional table's new `row`
    /// (the `INSERT`/`UPDATE` for the same action). If anything is refused, nothing is written.
    ///
    /// `events` arrive numbered by the caller, who decided them on the log as it knew it: they
    /// must continue the log exactly (`event_id` = events stored + 1, ...) and `order_id`'s stream
    /// (`version` = `expected_version` + 1, ...). The store first catches up with other tabs; if
    /// they appended meanwhile, the events no longer continue the log and nothing is written
    /// (`Conflict` when `order_id`'s own stream moved, `LogGrew` when only other orders' did).
    /// Either way `events()` then holds what the other tabs wrote: decide again on it.
    pub fn append_with_row(
        &mut self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
        row: Option<&OrderRow>,
    ) -> Result<(), AppendError> {
        self.opened_table.take();
        if self.needs_decision() {
            return Err(AppendError::NeedsDecision);
        }
        if self.catch_up() == Refresh::Reloaded {
            return Err(AppendError::LogReplaced);
        }
        let actual_version = self.sequence.version(order_id);
        if actual_version != expected_version {
            return Err(AppendError::Conflict {
                order_id,
                expected_version,
                actual_version,
            });
        }
        self.check_continues(order_id, expected_version, events)?;
        let values: Vec<Value> = events.iter().map(encode).collect();
        let (mut writes, mut read, mut next) = (Vec::new(), Vec::new(), None);
        if !values.is_empty() {
            let current = match &self.head {
                Some(head) => head.clone(),
                None => Head::empty(self.kv.new_epoch()),
            };
            let plan = plan_append(&self.kv, &current, &values, self.written.as_ref())?;
            (writes, read) = (plan.writes, plan.read);
            next = Some((plan.head, plan.written));
        }
        if let Some(row) = row {
            let key = keys::order_row(row.order_id);
            if self.damaged_keys.contains(&key) {
                return Err(AppendError::NeedsDecision);
            }
            let value =
                serde_json::to_string(row).map_err(|e| AppendError::Storage(e.to_string()))?;
            before_head(&mut writes, [(key, value)]);
        }
        commit_knowing(&self.kv, &writes, &read).map_err(append_error)?;
        if let Some((head, written)) = next {
            self.tail = head.tail.clone();
            self.head = Some(head);
            self.written = Some(written);
        }
        for event in events {
            self.sequence.push(event);
            self.events.push(event.clone());
        }
        Ok(())
    }

    /// Checks that `events` continue the log and `order_id`'s stream at `expected_version`.
    fn check_continues(
        &self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
    ) -> Result<(), AppendError> {
        let stored = self.sequence.count();
        let numbers = (stored + 1..).zip(expected_version + 1..);
        for (event, (event_id, version)) in events.iter().zip(numbers) {
            if event.order_id != order_id || event.version != version {
                return Err(AppendError::InvalidEvents(format!(
                    "expected version {version} of order {order_id}, got version {} of order {}",
                    event.version, event.order_id
                )));
            }
            if event.event_id != event_id {
                return Err(AppendError::LogGrew {
                    expected_event_id: event.event_id,
                    next_event_id: event_id,
                });
            }
        }
        Ok(())
    }

    /// Writes `events` as a whole new log under a fresh epoch and switches to it; `extra` writes
    /// (table rows) go before the head in the same all-or-nothing commit.
    pub(super) fn write_new_log(
        &mut self,
        events: &[RecordedEvent],
        extra: &[(String, String)],
    ) -> Result<(), AppendError> {
        self.opened_table.take();
        let mut sequence = Sequence::default();
        for event in events {
            sequence
                .check(event)
                .map_err(|p| AppendError::InvalidEvents(p.to_string()))?;
            sequence.push(event);
        }
        let values: Vec<Value> = events.iter().map(encode).collect();
        let (head, mut writes) = plan_new_log(&self.kv, &values);
        before_head(&mut writes, extra.iter().cloned());
        commit(&self.kv, &writes).map_err(append_error)?;
        // The old generation is garbage now, unless it is the only copy of damaged data.
        if !self.recovery.log_damaged() || self.backup_kept() {
            remove_other_segments(&self.kv, &head.epoch);
        }
        self.tail = head.tail.clone();
        self.head = Some(head);
        self.events = events.to_vec();
        self.sequence = sequence;
        if self.recovery.log_damaged() {
            self.recovery.problems.retain(|p| !p.damages_log());
        }
        Ok(())
    }

    pub(super) fn backup_kept(&self) -> bool {
        matches!(
            self.recovery.backup,
            BackupStatus::Written { .. } | BackupStatus::AlreadyKept { .. }
        )
    }
}

impl<K: KeyValue + Clone> EventStore for SegmentedStore<K> {
    fn events(&self) -> &[RecordedEvent] {
        &self.events
    }

    fn stream_version(&self, order_id: OrderId) -> u32 {
        self.sequence.version(order_id)
    }

    fn epoch(&self) -> &str {
        self.head.as_ref().map_or("", |head| head.epoch.as_str())
    }

    /// Appends `events` with the row the traditional table's `UPDATE` leaves for them, so the
    /// two databases stay one unit whoever calls.
    fn append(
        &mut self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
    ) -> Result<(), AppendError> {
        let stored = orders_table::read_row(&self.kv, &keys::order_row(order_id)).ok();
        let mut table = TraditionalTable::from_rows(stored);
        for event in events {
            table.apply(event);
        }
        let row = table.row(order_id).cloned();
        self.append_with_row(order_id, expected_version, events, row.as_ref())
    }

    /// Replaces the log and, to match it, the traditional table.
    fn replace_all(&mut self, events: &[RecordedEvent]) -> Result<(), AppendError> {
        self.replace_all_with_table(events, &TraditionalTable::rebuild(events))
    }

    fn refresh(&mut self) -> Refresh {
        // Whatever changed the stored rows is newer than what start-up read.
        self.opened_table.take();
        if self.needs_decision() {
            // A damaged log is only re-read when another tab changed the head (it may have
            // resolved the damage); otherwise the banner stays as it is.
            let stored = self
                .kv
                .get(&keys::head())
                .and_then(|raw| Head::parse(&raw).ok());
            return if stored == self.head {
                Refresh::UpToDate
            } else {
                self.reload()
            };
        }
        self.catch_up()
    }
}

/// Puts `extra` writes (table rows) before the head in `writes`, or at the end when nothing
/// writes the head. The head is the commit point and the last key written: a tab that sees it
/// has seen every other key of the commit (one tab's writes reach the others in order).
fn before_head(
    writes: &mut Vec<(String, String)>,
    extra: impl IntoIterator<Item = (String, String)>,
) {
    let head = keys::head();
    let at = writes
        .iter()
        .position(|(key, _)| *key == head)
        .unwrap_or(writes.len());
    writes.splice(at..at, extra);
}
