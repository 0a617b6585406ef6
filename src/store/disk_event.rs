//! How one event is written inside a segment, and read back.
//!
//! Interim: until the domain codec (`src/domain/codec.rs`) lands, events are stored as
//! serde_json's form of `RecordedEvent`. Every read and write of an event goes through these
//! two functions, so switching to the codec is a change here only.

use crate::domain::{OrderEvent, RecordedEvent};
use serde_json::Value;
use std::fmt;

/// Why a stored value is not an event this build can replay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A well-formed event of a type this build does not know (a newer app wrote it?).
    UnknownType(String),
    /// Anything else: missing fields, wrong types, not an object.
    Malformed(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownType(t) => write!(f, "unknown event type \"{t}\""),
            Self::Malformed(why) => f.write_str(why),
        }
    }
}

/// The stored form of `event`.
pub fn encode(event: &RecordedEvent) -> Value {
    serde_json::to_value(event).unwrap_or(Value::Null)
}

/// Reads a stored event back.
pub fn decode(value: &Value) -> Result<RecordedEvent, DecodeError> {
    serde_json::from_value(value.clone()).map_err(|e| {
        match value.get("event_type").and_then(Value::as_str) {
            Some(t) if !OrderEvent::TYPES.contains(&t) => DecodeError::UnknownType(t.to_string()),
            _ => DecodeError::Malformed(e.to_string()),
        }
    })
}
