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
use super::log_reader::{parse_segment, segment_text};
use super::written_segment::WrittenSegment;
use super::{AppendError, Problem};
use serde_json::Value;

/// Writes `writes` in order. If one is refused, every key already written gets its previous
/// value back (or is removed if it had none), so storage is exactly as before.
pub fn commit(kv: &dyn KeyValue, writes: &[(String, String)]) -> Result<(), KvError> {
    commit_knowing(kv, writes, &[])
}

/// [`commit`], taking the previous values of the keys in `known` from there instead of reading
/// them again (a planner that has just read a segment passes its text on).
pub fn commit_knowing(
    kv: &dyn KeyValue,
    writes: &[(String, String)],
    known: &[(String, String)],
) -> Result<(), KvError> {
    let mut done: Vec<(&str, Option<String>)> = Vec::with_capacity(writes.len());
    for (key, value) in writes {
        let old = match known.iter().find(|(k, _)| k == key) {
            Some((_, old)) => Some(old.clone()),
            None => kv.get(key),
        };
        if let Err(error) = kv.set(key, value) {
            return Err(match roll_back(kv, done) {
                Ok(()) => error,
                // Not "nothing changed" any more: say which keys lost their old value.
                Err(lost) => KvError::Other(format!(
                    "{error}; putting the previous values back failed for {}: reload the page, start-up will check what is stored",
                    lost.join(", ")
                )),
            });
        }
        done.push((key, old));
    }
    Ok(())
}

/// Puts back the previous values of the keys written so far; returns the keys it could not.
fn roll_back(kv: &dyn KeyValue, done: Vec<(&str, Option<String>)>) -> Result<(), Vec<String>> {
    let mut lost = Vec::new();
    for (key, old) in done.into_iter().rev() {
        match old {
            // The old value was stored before, so it fits again once the new one is gone.
            Some(value) => {
                if kv.set(key, &value).is_err() {
                    kv.remove(key);
                    if kv.set(key, &value).is_err() {
                        lost.push(key.to_string());
                    }
                }
            }
            None => kv.remove(key),
        }
    }
    if lost.is_empty() {
        Ok(())
    } else {
        Err(lost)
    }
}

/// What an append will write, and what it read on the way.
pub struct PlannedAppend {
    pub head: Head,
    /// The segment writes (at most one per segment touched, normally one), then the new head.
    pub writes: Vec<(String, String)>,
    /// Segments read while planning, with their stored text (their values before the commit).
    pub read: Vec<(String, String)>,
    /// The last segment as it will be once the writes are committed.
    pub written: WrittenSegment,
}

/// Plans an append of `values` (at least one) after the committed events of `head` (or of a
/// new, empty log). `written` is the segment this tab wrote last, if any: when storage still
/// holds exactly it, it is extended without being parsed.
pub fn plan_append(
    kv: &dyn KeyValue,
    head: &Head,
    values: &[Value],
    written: Option<&WrittenSegment>,
) -> Result<PlannedAppend, AppendError> {
    let size = head.segment_size as usize;
    let mut writes = Vec::new();
    let mut read = Vec::new();
    let mut last = None;
    let mut position = head.count;
    let mut rest = values;
    while !rest.is_empty() {
        let index = head.segment_of(position);
        let key = keys::segment(&head.epoch, index);
        let committed = head.committed_in(index);
        let take = (size - committed).min(rest.len());
        let text = if committed == 0 {
            to_json(&rest[..take])
        } else {
            let stored = segment_text(kv, head, index).map_err(storage_problem)?;
            let text = match written {
                Some(mine) if mine.matches(&key, &stored, committed) => {
                    mine.extended(&rest[..take])
                }
                _ => reparse_and_extend(&stored, index, committed, &rest[..take])?,
            };
            read.push((key.clone(), stored));
            text
        };
        last = Some(WrittenSegment {
            key: key.clone(),
            text: text.clone(),
            count: committed + take,
        });
        writes.push((key, text));
        position += take as u64;
        rest = &rest[take..];
    }
    let written = last.ok_or_else(|| AppendError::InvalidEvents("nothing to append".into()))?;
    let new_head = Head {
        count: position,
        tail: values
            .last()
            .map(fingerprint)
            .unwrap_or_else(|| head.tail.clone()),
        ..head.clone()
    };
    writes.push((keys::head(), new_head.to_json()));
    Ok(PlannedAppend {
        head: new_head,
        writes,
        read,
        written,
    })
}

/// The careful path: the stored segment's committed entries (parsed), then `values`.
fn reparse_and_extend(
    stored: &str,
    index: u64,
    committed: usize,
    values: &[Value],
) -> Result<String, AppendError> {
    let mut entries = parse_segment(stored, index).map_err(storage_problem)?;
    if entries.len() < committed {
        return Err(AppendError::Storage(format!(
            "log segment {index} lost events since start-up; reload the page"
        )));
    }
    // Entries past the committed count are an interrupted append's: drop them.
    entries.truncate(committed);
    entries.extend_from_slice(values);
    Ok(to_json(&entries))
}

fn storage_problem(problem: Problem) -> AppendError {
    AppendError::Storage(problem.to_string())
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
