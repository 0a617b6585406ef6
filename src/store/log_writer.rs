//! Writing the log: every change is a short list of key writes, applied in order, and rolled
//! back as a whole if any write is refused (a full quota, typically).
//!
//! Order matters for crashes too (a tab can close between two writes): segments are written
//! before the head, and the head is the commit point. An interrupted append leaves extra
//! entries in a segment that no head counts (ignored on read, overwritten by the next append);
//! an interrupted replace leaves segments under an epoch no head names (removed by the next
//! replace). Neither can leave a head pointing at events that are not stored.

use super::head::{fingerprint, Head};
use super::keys::{self, KeyKind};
use super::kv::{KeyValue, KvError};
use super::log_reader::read_segment;
use super::AppendError;
use serde_json::Value;

/// Writes `writes` in order. If one is refused, every key already written gets its previous
/// value back (or is removed if it had none), so storage is exactly as before.
pub fn commit(kv: &dyn KeyValue, writes: &[(String, String)]) -> Result<(), KvError> {
    let mut done: Vec<(&str, Option<String>)> = Vec::with_capacity(writes.len());
    for (key, value) in writes {
        let old = kv.get(key);
        if let Err(error) = kv.set(key, value) {
            roll_back(kv, done);
            return Err(error);
        }
        done.push((key, old));
    }
    Ok(())
}

fn roll_back(kv: &dyn KeyValue, done: Vec<(&str, Option<String>)>) {
    for (key, old) in done.into_iter().rev() {
        match old {
            // The old value was stored before, so it fits again once the new one is gone.
            Some(value) => {
                if kv.set(key, &value).is_err() {
                    kv.remove(key);
                    let _ = kv.set(key, &value);
                }
            }
            None => kv.remove(key),
        }
    }
}

/// Plans an append of `values` after the committed events of `head` (or of a new, empty log):
/// the segment writes (at most one per segment touched, normally one) followed by the new head.
pub fn plan_append(
    kv: &dyn KeyValue,
    head: &Head,
    values: &[Value],
) -> Result<(Head, Vec<(String, String)>), AppendError> {
    let size = head.segment_size as usize;
    let mut writes = Vec::new();
    let mut position = head.count;
    let mut rest = values;
    while !rest.is_empty() {
        let index = head.segment_of(position);
        let committed = head.committed_in(index);
        let mut entries = if committed == 0 {
            Vec::new()
        } else {
            let mut stored =
                read_segment(kv, head, index).map_err(|p| AppendError::Storage(p.to_string()))?;
            if stored.len() < committed {
                return Err(AppendError::Storage(format!(
                    "log segment {index} lost events since start-up; reload the page"
                )));
            }
            // Entries past the committed count are an interrupted append's: drop them.
            stored.truncate(committed);
            stored
        };
        let take = (size - committed).min(rest.len());
        entries.extend_from_slice(&rest[..take]);
        writes.push((keys::segment(&head.epoch, index), to_json(&entries)));
        position += take as u64;
        rest = &rest[take..];
    }
    let new_head = Head {
        count: position,
        tail: values
            .last()
            .map(fingerprint)
            .unwrap_or_else(|| head.tail.clone()),
        ..head.clone()
    };
    writes.push((keys::head(), new_head.to_json()));
    Ok((new_head, writes))
}

/// Plans a whole new log of `values` under a fresh epoch: all its segments, then the head
/// that switches readers over to it.
pub fn plan_new_log(kv: &dyn KeyValue, values: &[Value]) -> (Head, Vec<(String, String)>) {
    let mut head = Head::empty(kv.new_epoch());
    head.count = values.len() as u64;
    head.tail = values.last().map(fingerprint).unwrap_or_default();
    let mut writes: Vec<(String, String)> = values
        .chunks(head.segment_size as usize)
        .enumerate()
        .map(|(index, chunk)| (keys::segment(&head.epoch, index as u64), to_json(chunk)))
        .collect();
    writes.push((keys::head(), head.to_json()));
    (head, writes)
}

/// Removes every segment that does not belong to `epoch` (old generations, interrupted imports).
pub fn remove_other_segments(kv: &dyn KeyValue, epoch: &str) {
    for key in kv.keys() {
        if let Some(KeyKind::Segment { epoch: other, .. }) = keys::classify(&key) {
            if other != epoch {
                kv.remove(&key);
            }
        }
    }
}

pub fn to_json(values: &[Value]) -> String {
    serde_json::to_string(values).unwrap_or_else(|_| "[]".into())
}

/// The error an append reports for a refused write.
pub fn append_error(error: KvError) -> AppendError {
    match error {
        KvError::QuotaExceeded => AppendError::QuotaExceeded,
        KvError::Other(why) => AppendError::Storage(why),
    }
}
