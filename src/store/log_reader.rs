//! Reading committed events out of segments, checking as it goes that the log is whole.
//!
//! The head is trusted for *how many* events are committed. Segment entries beyond that count are
//! the tail of an interrupted append (segment written, head not yet): not committed, ignored.
//! Fewer entries than the head claims, a missing or unreadable segment, an undecodable event, or
//! a gap in event ids or stream versions stop the read: what came before is the valid prefix.

use super::disk_event::{decode_owned, StoredEventError};
use super::head::{fingerprint, Head};
use super::kv::KeyValue;
use super::{keys, Problem};
use crate::domain::{OrderId, RecordedEvent};
use serde_json::Value;
use std::collections::HashMap;

/// The position reached in a log: how many events, and each order stream's version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sequence {
    count: u64,
    versions: HashMap<OrderId, u32>,
}

impl Sequence {
    pub fn count(&self) -> u64 {
        self.count
    }

    /// How many events `order_id`'s stream holds (0 for an order never seen).
    pub fn version(&self, order_id: OrderId) -> u32 {
        self.versions.get(&order_id).copied().unwrap_or(0)
    }

    /// Checks that `event` is the next one: next event id, next version of its order.
    pub fn check(&self, event: &RecordedEvent) -> Result<(), Problem> {
        if event.event_id != self.count + 1 {
            return Err(Problem::EventIdGap {
                expected: self.count + 1,
                found: event.event_id,
            });
        }
        let expected = self.version(event.order_id) + 1;
        if event.version != expected {
            return Err(Problem::VersionGap {
                event_id: event.event_id,
                order_id: event.order_id,
                expected,
                found: event.version,
            });
        }
        Ok(())
    }

    pub fn push(&mut self, event: &RecordedEvent) {
        self.count = event.event_id;
        self.versions.insert(event.order_id, event.version);
    }
}

/// What reading `from..head.count` found.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    /// The valid events read, in order.
    pub events: Vec<RecordedEvent>,
    /// Fingerprint of the last event read: the head's `tail` when the read reached it, empty
    /// when it stopped early or had nothing to read.
    pub last_fingerprint: String,
    /// Why the read stopped early, if it did.
    pub problem: Option<Problem>,
    /// Entries found beyond the committed count (an interrupted append left them).
    pub uncommitted: usize,
}

/// Reads the committed events after position `from`, checking them against `sequence`
/// (which advances with every valid event).
pub fn read_events(
    kv: &dyn KeyValue,
    head: &Head,
    from: u64,
    sequence: &mut Sequence,
) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    if from >= head.count {
        return out;
    }
    let size = u64::from(head.segment_size);
    for index in head.segment_of(from)..head.segment_count() {
        let committed = head.committed_in(index);
        let values = match read_segment(kv, head, index) {
            Ok(values) => values,
            Err(problem) => {
                out.problem = Some(problem);
                return out;
            }
        };
        out.uncommitted += values.len().saturating_sub(committed);
        let skip = from.saturating_sub(index * size) as usize;
        let found = values.len();
        for (offset, value) in values.into_iter().enumerate().take(committed).skip(skip) {
            let position = index * size + offset as u64 + 1;
            // Only the last committed event is fingerprinted: hashing each one would double the
            // cost of start-up.
            let print = (position == head.count).then(|| fingerprint(&value));
            let event = match next_event(value, position, sequence) {
                Ok(event) => event,
                Err(problem) => {
                    out.problem = Some(problem);
                    return out;
                }
            };
            if print.is_some_and(|print| print != head.tail) {
                out.problem = Some(Problem::TailMismatch { event_id: position });
                return out;
            }
            sequence.push(&event);
            out.events.push(event);
        }
        if found < committed {
            out.problem = Some(Problem::SegmentShort {
                index,
                expected: committed,
                found,
            });
            return out;
        }
    }
    out.last_fingerprint = head.tail.clone();
    out
}

/// The entries of one segment, or why it is not a segment.
pub fn read_segment(kv: &dyn KeyValue, head: &Head, index: u64) -> Result<Vec<Value>, Problem> {
    parse_segment(&segment_text(kv, head, index)?, index)
}

/// One segment's stored text, unparsed.
pub fn segment_text(kv: &dyn KeyValue, head: &Head, index: u64) -> Result<String, Problem> {
    kv.get(&keys::segment(&head.epoch, index))
        .ok_or(Problem::SegmentMissing {
            index,
            first_event: index * u64::from(head.segment_size) + 1,
        })
}

/// The entries of segment `index`'s stored text, or why it is not a segment.
pub fn parse_segment(raw: &str, index: u64) -> Result<Vec<Value>, Problem> {
    serde_json::from_str::<Vec<Value>>(raw).map_err(|e| Problem::SegmentUnreadable {
        index,
        detail: format!("not a JSON array of events ({e})"),
    })
}

/// Decodes the event at `position` and checks it follows `sequence` (without advancing it).
fn next_event(value: Value, position: u64, sequence: &Sequence) -> Result<RecordedEvent, Problem> {
    let event = decode_owned(value).map_err(|e| match e {
        StoredEventError::UnknownType(event_type) => Problem::UnknownEventType {
            position,
            event_type,
        },
        StoredEventError::Malformed(detail) => Problem::EventUnreadable { position, detail },
    })?;
    sequence.check(&event)?;
    Ok(event)
}
