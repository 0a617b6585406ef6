//! The JSON wire format of events, for storage and for export/import files.
//!
//! One event:
//! `{"event_id":1,"order_id":1,"version":1,"schema_version":2,"event_type":"OrderPlaced",
//!   "event_data":{"customer_id":"Ada","total_amount":4990},"event_timestamp":"2024-03-04T09:15:00Z"}`
//!
//! Decoding never panics: anything that is not a well-formed event of a known type and a known
//! schema version is an `Err(DecodeError)` with a sentence a person can act on.

use super::upcast::{stored_event_data, upcast};
use super::{DecodeError, DecodeProblem, EventType, OrderEvent, RecordedEvent};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Map, Value};

/// The `format` of an export file, so a foreign JSON file is recognised as foreign.
pub const LOG_FORMAT: &str = "event-sourcing-demo/event-log";
/// The envelope version written by `encode_log`.
pub const LOG_FORMAT_VERSION: u64 = 1;

/// One event as a JSON value in the wire format, in the schema version it was stored with (an
/// old event is never rewritten in the current shape; see `upcast`).
pub fn encode_event_value(event: &RecordedEvent) -> Value {
    json!({
        "event_id": event.event_id,
        "order_id": event.order_id,
        "version": event.version,
        "schema_version": event.schema_version,
        "event_type": event.event.event_type(),
        "event_data": stored_event_data(event),
        "event_timestamp": event.event_timestamp.to_rfc3339_opts(SecondsFormat::AutoSi, true),
    })
}

/// One event as compact JSON text, fields in the documented order (easy to read in a file).
pub fn encode_event(event: &RecordedEvent) -> String {
    format!(
        "{{\"event_id\":{},\"order_id\":{},\"version\":{},\"schema_version\":{},\"event_type\":{},\"event_data\":{},\"event_timestamp\":{}}}",
        event.event_id,
        event.order_id,
        event.version,
        event.schema_version,
        Value::from(event.event.event_type()),
        stored_event_data(event),
        Value::from(event.event_timestamp.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
    )
}

/// Reads one event from JSON text, upcasting old schema versions.
pub fn decode_event(text: &str) -> Result<RecordedEvent, DecodeError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| DecodeError::new(DecodeProblem::NotJson(e.to_string())))?;
    decode_event_value(&value)
}

/// Reads one event from bytes (a file, say): UTF-8 JSON text.
pub fn decode_event_bytes(bytes: &[u8]) -> Result<RecordedEvent, DecodeError> {
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::new(DecodeProblem::NotUtf8))?;
    decode_event(text)
}

/// Reads one event from a JSON value. The event's data is in the current schema (upcasting is
/// the migration); `schema_version` still says how it was stored, so it is written back so.
pub fn decode_event_value(value: &Value) -> Result<RecordedEvent, DecodeError> {
    let fields = value
        .as_object()
        .ok_or_else(|| DecodeError::new(DecodeProblem::NotAnObject))?;
    let event_id = decode_event_id(field(fields, "event_id").map_err(DecodeError::new)?)?;
    decode_fields(fields, event_id).map_err(|problem| DecodeError {
        event_id: Some(event_id),
        position: None,
        problem,
    })
}

fn decode_fields(
    fields: &Map<String, Value>,
    event_id: u64,
) -> Result<RecordedEvent, DecodeProblem> {
    decode_parts(EventParts {
        event_id,
        order_id: field(fields, "order_id")?,
        version: field(fields, "version")?,
        schema_version: field(fields, "schema_version")?,
        event_type: field(fields, "event_type")?,
        event_data: field(fields, "event_data")?.clone(),
        event_timestamp: field(fields, "event_timestamp")?,
    })
}

/// Reads an `event_id`: checked first, so every later problem can name the event.
pub fn decode_event_id(value: &Value) -> Result<u64, DecodeError> {
    as_whole("event_id", value).map_err(DecodeError::new)
}

/// An event's fields, taken out of whatever held them (an object in a file, a list on disk).
pub struct EventParts<'a> {
    pub event_id: u64,
    pub order_id: &'a Value,
    pub version: &'a Value,
    pub schema_version: &'a Value,
    pub event_type: &'a Value,
    pub event_data: Value,
    pub event_timestamp: &'a Value,
}

/// Checks and decodes an event's fields, upcasting old schema versions. The store reads its
/// events through here without first rebuilding the object form (start-up reads thousands).
pub fn decode_parts(parts: EventParts<'_>) -> Result<RecordedEvent, DecodeProblem> {
    let order_id = as_whole("order_id", parts.order_id)?;
    let version = as_small(
        "version",
        parts.version,
        "a whole number from 0 to 4294967295",
    )?;
    let schema_version = as_small(
        "schema_version",
        parts.schema_version,
        "a whole number from 1 to 65535",
    )?;
    let event_type = match parts.event_type {
        Value::String(name) => name.as_str(),
        _ => return Err(wrong("event_type", "a text such as \"OrderPlaced\"")),
    };
    if EventType::named(event_type).is_none() {
        return Err(DecodeProblem::UnknownEventType(event_type.to_string()));
    }
    let data = parts.event_data;
    if !data.is_object() {
        return Err(wrong("event_data", "a JSON object"));
    }
    let data = upcast(event_type, schema_version, data).map_err(|error| DecodeProblem::Upcast {
        event_type: event_type.to_string(),
        error,
    })?;
    let event: OrderEvent = serde_json::from_value(json!({
        "event_type": event_type, "event_data": data,
    }))
    .map_err(|e| DecodeProblem::BadEventData {
        event_type: event_type.to_string(),
        detail: e.to_string(),
    })?;
    let event_timestamp = match parts.event_timestamp {
        Value::String(text) => DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| DecodeProblem::BadTimestamp(text.clone()))?,
        _ => {
            return Err(wrong(
                "event_timestamp",
                "a text such as \"2024-03-04T09:15:00Z\"",
            ))
        }
    };
    Ok(RecordedEvent {
        event_id: parts.event_id,
        order_id,
        version,
        schema_version,
        event_timestamp,
        event,
    })
}

/// A whole export file: an envelope naming the format, then one event per line.
pub fn encode_log(events: &[RecordedEvent]) -> String {
    let mut out = format!(
        "{{\"format\":\"{LOG_FORMAT}\",\"format_version\":{LOG_FORMAT_VERSION},\"event_count\":{},\"events\":[",
        events.len()
    );
    for (i, event) in events.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&encode_event(event));
    }
    out.push_str("\n]}\n");
    out
}

/// Reads an export file written by `encode_log`. Only the shape is checked here: run
/// `validate_log` on the result before trusting it as history.
pub fn decode_log(text: &str) -> Result<Vec<RecordedEvent>, DecodeError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| DecodeError::new(DecodeProblem::NotJson(e.to_string())))?;
    decode_log_value(&value)
}

/// `decode_log` for bytes (a chosen file): UTF-8 JSON text.
pub fn decode_log_bytes(bytes: &[u8]) -> Result<Vec<RecordedEvent>, DecodeError> {
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::new(DecodeProblem::NotUtf8))?;
    decode_log(text)
}

/// `decode_log` for an already parsed JSON value.
pub fn decode_log_value(value: &Value) -> Result<Vec<RecordedEvent>, DecodeError> {
    let envelope = value
        .as_object()
        .filter(|o| o.get("format").and_then(Value::as_str) == Some(LOG_FORMAT))
        .ok_or_else(|| DecodeError::new(DecodeProblem::NotAnEventLog))?;
    match envelope.get("format_version").and_then(Value::as_u64) {
        Some(LOG_FORMAT_VERSION) => {}
        Some(newer) if newer > LOG_FORMAT_VERSION => {
            return Err(DecodeError::new(DecodeProblem::UnsupportedLogVersion(
                newer,
            )))
        }
        _ => return Err(DecodeError::new(wrong("format_version", "the number 1"))),
    }
    let Some(Value::Array(items)) = envelope.get("events") else {
        return Err(DecodeError::new(wrong("events", "a list of events")));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            decode_event_value(item).map_err(|mut e| {
                e.position = Some(i + 1);
                e
            })
        })
        .collect()
}

fn field<'a>(
    fields: &'a Map<String, Value>,
    name: &'static str,
) -> Result<&'a Value, DecodeProblem> {
    fields.get(name).ok_or(DecodeProblem::MissingField(name))
}

fn wrong(field: &'static str, expected: &'static str) -> DecodeProblem {
    DecodeProblem::WrongType { field, expected }
}

fn as_whole(name: &'static str, value: &Value) -> Result<u64, DecodeProblem> {
    value
        .as_u64()
        .ok_or_else(|| wrong(name, "a whole number, 0 or more"))
}

fn as_small<T: TryFrom<u64>>(
    name: &'static str,
    value: &Value,
    expected: &'static str,
) -> Result<T, DecodeProblem> {
    T::try_from(as_whole(name, value)?).map_err(|_| wrong(name, expected))
}
