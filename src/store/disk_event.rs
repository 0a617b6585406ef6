//! How one event is written inside a segment, and read back.
//!
//! The domain codec (`domain::encode_event_value` / `decode_event_value`) defines an event's
//! fields and reads old schema versions (upcasting). On disk the same seven fields are stored
//! positionally, without their names, to fit about twice as many events in the quota:
//!
//! ```json
//! [17, 4, 2, 2, "OrderPaid", {"amount": 4990}, "2024-05-01T09:17:00Z"]
//! ```
//! = `[event_id, order_id, version, schema_version, event_type, event_data, event_timestamp]`.
//! Reading hands the seven values to the codec's `decode_parts`, so every check and every
//! upcast of the codec applies to stored events too.

use crate::domain::{
    decode_event_id, decode_parts, encode_event_value, DecodeError, DecodeProblem, EventParts,
    RecordedEvent,
};
use serde_json::{Map, Value};
use std::fmt;

/// The codec's field names, in their on-disk positions.
const FIELDS: [&str; 7] = [
    "event_id",
    "order_id",
    "version",
    "schema_version",
    "event_type",
    "event_data",
    "event_timestamp",
];

/// Why a stored value is not an event this build can replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredEventError {
    /// A well-formed event of a type this build does not know (a newer app wrote it?).
    UnknownType(String),
    /// Anything else, in the codec's words.
    Malformed(String),
}

impl fmt::Display for StoredEventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownType(t) => write!(f, "unknown event type \"{t}\""),
            Self::Malformed(why) => f.write_str(why),
        }
    }
}

/// The stored form of `event`.
pub fn encode(event: &RecordedEvent) -> Value {
    let mut object = match encode_event_value(event) {
        Value::Object(object) => object,
        _ => Map::new(),
    };
    Value::Array(
        FIELDS
            .iter()
            .map(|name| object.remove(*name).unwrap_or(Value::Null))
            .collect(),
    )
}

/// Reads a stored event back (through the codec, so old schema versions are upcast).
pub fn decode(value: &Value) -> Result<RecordedEvent, StoredEventError> {
    decode_owned(value.clone())
}

/// [`decode`] for a value the caller no longer needs: start-up reads thousands of events, and
/// moving the fields instead of copying them is a large part of its cost.
pub fn decode_owned(value: Value) -> Result<RecordedEvent, StoredEventError> {
    let items = match value {
        Value::Array(items) if items.len() == FIELDS.len() => items,
        other => {
            return Err(StoredEventError::Malformed(format!(
                "a stored event is a list of {} values, found {}",
                FIELDS.len(),
                short(&other)
            )))
        }
    };
    let [event_id, order_id, version, schema_version, event_type, event_data, event_timestamp] =
        <[Value; 7]>::try_from(items).unwrap_or_else(|_| unreachable!("length checked above"));
    let malformed = |error: DecodeError| match error.problem {
        DecodeProblem::UnknownEventType(name) => StoredEventError::UnknownType(name),
        _ => StoredEventError::Malformed(error.to_string()),
    };
    let id = decode_event_id(&event_id).map_err(malformed)?;
    decode_parts(EventParts {
        event_id: id,
        order_id: &order_id,
        version: &version,
        schema_version: &schema_version,
        event_type: &event_type,
        event_data,
        event_timestamp: &event_timestamp,
    })
    .map_err(|problem| {
        malformed(DecodeError {
            event_id: Some(id),
            position: None,
            problem,
        })
    })
}

/// At most 60 characters of a stored value, for messages.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}
