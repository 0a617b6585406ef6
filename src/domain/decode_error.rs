//! Why text could not be read as events, in sentences a person can act on.

use super::codec::{LOG_FORMAT, LOG_FORMAT_VERSION};
use super::UpcastError;
use std::fmt;

/// Why some text could not be read as events. `Display` reads "event 7: unknown event type ...".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The `event_id` of the broken event, when it could be read.
    pub event_id: Option<u64>,
    /// Where in a log file (from 1), when decoding a whole log.
    pub position: Option<usize>,
    pub problem: DecodeProblem,
}

/// What exactly was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// The text is not JSON at all (serde_json's own description).
    NotJson(String),
    /// An event is not a JSON object.
    NotAnObject,
    /// A required field is absent.
    MissingField(&'static str),
    /// A field of the wrong kind: `expected` is prose such as "a whole number".
    WrongType {
        field: &'static str,
        expected: &'static str,
    },
    /// An `event_type` this app does not know.
    UnknownEventType(String),
    /// The schema version is unknown, or old data could not be upcast.
    Upcast {
        event_type: String,
        error: UpcastError,
    },
    /// `event_data` does not fit the event type.
    BadEventData { event_type: String, detail: String },
    /// `event_timestamp` is not RFC 3339.
    BadTimestamp(String),
    /// A JSON file, but not one of ours.
    NotAnEventLog,
    /// One of ours, from a newer release.
    UnsupportedLogVersion(u64),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.event_id, self.position) {
            (Some(id), _) => write!(f, "event {id}: ")?,
            (None, Some(position)) => write!(f, "entry {position} of the log: ")?,
            (None, None) => {}
        }
        match &self.problem {
            DecodeProblem::NotUtf8 => f.write_str("the file is not UTF-8 text"),
            DecodeProblem::NotJson(why) => write!(f, "this is not valid JSON ({why})"),
            DecodeProblem::NotAnObject => f.write_str("an event must be a JSON object"),
            DecodeProblem::MissingField(field) => write!(f, "the field \"{field}\" is missing"),
            DecodeProblem::WrongType { field, expected } => {
                write!(f, "the field \"{field}\" must be {expected}")
            }
            DecodeProblem::UnknownEventType(name) => {
                write!(f, "unknown event type \"{}\"", preview(name))
            }
            DecodeProblem::Upcast { event_type, error } => write!(f, "{event_type}: {error}"),
            DecodeProblem::BadEventData { event_type, detail } => {
                write!(f, "the event_data of {event_type} is invalid ({detail})")
            }
            DecodeProblem::BadTimestamp(found) => write!(
                f,
                "event_timestamp \"{}\" is not an RFC 3339 time such as \"2024-03-04T09:15:00Z\"",
                preview(found)
            ),
            DecodeProblem::NotAnEventLog => write!(
                f,
                "this JSON file is not an event log exported by this app (it has no \"format\": \"{LOG_FORMAT}\")"
            ),
            DecodeProblem::UnsupportedLogVersion(v) => write!(
                f,
                "this event log has format version {v}, newer than this app reads ({LOG_FORMAT_VERSION})"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

impl DecodeError {
    pub(crate) fn new(problem: DecodeProblem) -> Self {
        DecodeError {
            event_id: None,
            position: None,
            problem,
        }
    }
}

/// At most 60 characters of untrusted text, for error messages.
pub(crate) fn preview(text: &str) -> String {
    let mut short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}
