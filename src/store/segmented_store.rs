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
use super::recovery::{BackupStatus, Recovery};
use super::written_segment::WrittenSegment;
use super::{keys, orders_table, AppendError, EventStore, LocalStorageKv, MemoryKv, Refresh};
use crate::domain::{OrderId, OrderRow, RecordedEvent};
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
    /// The rows start-up read while checking them, for the first `load_table` only: every
    /// change to storage after `open` drops them, so they are never stale.
    pub(super) opened_rows: RefCell<Option<Vec<OrderRow>>>,
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
            rows,
        } = open(&kv);
        SegmentedStore {
            kv,
            head,
            events,
            sequence,
            tail,
            recovery,
            damaged_keys,
            opened_rows: RefCell::new(rows),
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

    /// Whether appends wait for the user's decision about a damaged log.
    pub fn needs_decision(&self) -> bool {
        self.recovery.log_damaged()
    }

    /// The user chose to go on with what could be read: the valid events become the log (under
    /// a new epoch), damaged segments, unknown keys and unreadable rows are removed. The backup
    /// key stays. Call only after the user confirmed (and, if the backup failed, downloaded).
    pub fn discard_damaged(&mut self) -> Result<(), AppendError> {
        self.opened_rows.take();
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
        let notes = std::mem::take(&mut self.recovery.notes);
        self.recovery = Recovery::clean(self.events.len() as u64);
        self.recovery.notes = notes;
        if self.events.is_empty() || !orders_table::load_rows(&self.kv).is_empty() {
            return Ok(());
        }
        self.recovery
            .notes
            .push(orders_table::rebuild_missing(&self.kv, &self.events));
        Ok(())
    }

    /// Appends `events` and, in the same all-or-nothing write, the traditional table's new `row`
    /// (the `INSERT`/`UPDATE` for the same action). If anything is refused, nothing is written.
    ///
    /// Returns every event this store learned of during the call, in log order: first those
    /// other tabs appended meanwhile, then the caller's, numbered as stored.
    pub fn append_with_row(
        &mut self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
        row: Option<&OrderRow>,
    ) -> Result<Vec<RecordedEvent>, AppendError> {
        self.opened_rows.take();
        if self.needs_decision() {
            return Err(AppendError::NeedsDecision);
        }
        let before = self.events.len();
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
        let stamped = self.stamp(order_id, expected_version, events)?;
        let values: Vec<Value> = stamped.iter().map(encode).collect();
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
            writes.push((key, value));
        }
        commit_knowing(&self.kv, &writes, &read).map_err(append_error)?;
        if let Some((head, written)) = next {
            self.tail = head.tail.clone();
            self.head = Some(head);
            self.written = Some(written);
        }
        for event in stamped {
            self.sequence.push(&event);
            self.events.push(event);
        }
        Ok(self.events[before..].to_vec())
    }

    /// Checks `events` continue `order_id`'s stream at `expected_version`, and numbers them.
    fn stamp(
        &self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
    ) -> Result<Vec<RecordedEvent>, AppendError> {
        let numbers = (self.sequence.count() + 1..).zip(expected_version + 1..);
        let mut stamped = Vec::with_capacity(events.len());
        for (event, (event_id, version)) in events.iter().zip(numbers) {
            if event.order_id != order_id || event.version != version {
                return Err(AppendError::InvalidEvents(format!(
                    "expected version {version} of order {order_id}, got version {} of order {}",
                    event.version, event.order_id
                )));
            }
            stamped.push(RecordedEvent {
                event_id,
                ..event.clone()
            });
        }
        Ok(stamped)
    }

    /// Writes `events` as a whole new log under a fresh epoch and switches to it; `extra` writes
    /// (table rows) follow the head in the same all-or-nothing commit.
    pub(super) fn write_new_log(
        &mut self,
        events: &[RecordedEvent],
        extra: &[(String, String)],
    ) -> Result<(), AppendError> {
        self.opened_rows.take();
        let mut sequence = Sequence::default();
        for event in events {
            sequence
                .check(event)
                .map_err(|p| AppendError::InvalidEvents(p.to_string()))?;
            sequence.push(event);
        }
        let values: Vec<Value> = events.iter().map(encode).collect();
        let (head, mut writes) = plan_new_log(&self.kv, &values);
        writes.extend_from_slice(extra);
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

    fn append(
        &mut self,
        order_id: OrderId,
        expected_version: u32,
        events: &[RecordedEvent],
    ) -> Result<(), AppendError> {
        self.append_with_row(order_id, expected_version, events, None)
            .map(|_| ())
    }

    fn replace_all(&mut self, events: &[RecordedEvent]) -> Result<(), AppendError> {
        if self.recovery.log_damaged() && !self.backup_kept() {
            return Err(AppendError::NeedsDecision);
        }
        self.write_new_log(events, &[])
    }

    fn refresh(&mut self) -> Refresh {
        // Whatever changed the stored rows is newer than what start-up read.
        self.opened_rows.take();
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
