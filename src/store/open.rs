//! Start-up: reading everything under our keys, checking it, and never failing.
//!
//! The result is the valid prefix of the log plus a [`Recovery`] report. When anything is
//! damaged, the raw data is backed up first (see `recovery.rs`) and left in place: nothing is
//! rewritten or deleted until the user chooses (`discard_damaged`).

use super::head::Head;
use super::keys::{self, KeyKind};
use super::kv::KeyValue;
use super::log_reader::{read_events, Sequence};
use super::orders_table;
use super::recovery::{back_up, Note, Recovery};
use super::table_check::disagreements;
use super::Problem;
use crate::domain::{RecordedEvent, TraditionalTable};
use chrono::Utc;
use std::collections::BTreeSet;

/// Everything start-up learned.
pub struct Opened {
    pub head: Option<Head>,
    pub events: Vec<RecordedEvent>,
    pub sequence: Sequence,
    pub tail: String,
    pub recovery: Recovery,
    /// Keys holding damaged data that nothing may overwrite until the user decides.
    pub damaged_keys: BTreeSet<String>,
    /// The traditional table as stored, read once for the check, with the overwritten count
    /// its history implies; `None` when start-up rewrote the table and it must be read again.
    pub table: Option<TraditionalTable>,
}

pub fn open(kv: &dyn KeyValue) -> Opened {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut damaged_keys = BTreeSet::new();
    let mut segment_epochs = Vec::new();
    let mut row_keys = Vec::new();
    for key in kv.keys() {
        match keys::classify(&key) {
            Some(KeyKind::Segment { epoch, .. }) => segment_epochs.push(epoch),
            Some(KeyKind::OrderRow(_)) => row_keys.push(key),
            Some(KeyKind::Unknown) => {
                damaged_keys.insert(key.clone());
                problems.push(Problem::UnknownKey { key });
            }
            _ => {}
        }
    }

    let mut sequence = Sequence::default();
    let mut events = Vec::new();
    let mut tail = String::new();
    let mut claimed = 0;
    let head = match kv.get(&keys::head()) {
        None if segment_epochs.is_empty() => None,
        None => {
            problems.push(Problem::HeadMissing {
                segments: segment_epochs.len(),
            });
            None
        }
        Some(raw) => match Head::parse(&raw) {
            Err(detail) => {
                problems.push(Problem::HeadUnreadable { detail });
                None
            }
            Ok(head) => {
                claimed = head.count;
                let read = read_events(kv, &head, 0, &mut sequence);
                problems.extend(read.problem);
                if read.uncommitted > 0 {
                    notes.push(Note::UncommittedTail {
                        events: read.uncommitted,
                    });
                }
                let leftovers = segment_epochs.iter().filter(|e| **e != head.epoch).count();
                if leftovers > 0 {
                    notes.push(Note::LeftoverSegments { count: leftovers });
                }
                events = read.events;
                tail = read.last_fingerprint;
                Some(head)
            }
        },
    };

    let mut rows = Vec::with_capacity(row_keys.len());
    for key in &row_keys {
        match orders_table::read_row(kv, key) {
            Ok(row) => rows.push(row),
            Err(detail) => {
                damaged_keys.insert(key.clone());
                problems.push(Problem::RowUnreadable {
                    key: key.clone(),
                    detail,
                });
            }
        }
    }
    rows.sort_by_key(|row| row.order_id);
    // The table a CRUD app would hold after the same actions; it also counts what it overwrote.
    let from_log = TraditionalTable::rebuild(&events);
    let log_damaged = problems.iter().any(Problem::damages_log);
    // A damaged log is only a prefix: it is decided on first, and the table checked after.
    if !log_damaged && !row_keys.is_empty() {
        // An unreadable row is reported as such already, not once more as a disagreement.
        let unreadable = |id| damaged_keys.contains(&keys::order_row(id));
        let mut orders = disagreements(&rows, &from_log);
        orders.retain(|d| !unreadable(d.order_id));
        if !orders.is_empty() {
            problems.push(Problem::TableDisagrees { orders });
        }
    }
    let overwritten = from_log.overwritten_count();
    let table = Some(if problems.is_empty() {
        from_log
    } else {
        TraditionalTable::from_rows(rows).with_overwritten_count(overwritten)
    });
    let mut recovery = Recovery::clean(events.len() as u64);
    recovery.claimed_events = claimed.max(events.len() as u64);
    if !problems.is_empty() {
        // Back up before writing anything at all.
        let (status, text) = back_up(kv, &problems, Utc::now());
        recovery.backup = status;
        recovery.backup_text = Some(text);
        recovery.problems = problems;
    }
    // A damaged log waits for the user's decision before anything is written, the rebuild
    // included (`discard_damaged` rebuilds a missing table).
    if row_keys.is_empty() && !events.is_empty() && !recovery.log_damaged() {
        // The rows written are `from_log`'s, which `table` already holds.
        notes.push(orders_table::rebuild_missing(kv, &events));
    }
    recovery.notes = notes;
    Opened {
        head,
        events,
        sequence,
        tail,
        recovery,
        damaged_keys,
        table,
    }
}
