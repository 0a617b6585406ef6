//! Events evolve: old stored shapes are rewritten to the current one on read ("upcasting").
//!
//! Schema history of `event_data`:
//! - **v1** (the first release) wrote money as decimal strings: `OrderPlaced.total_amount`
//!   `"49.90"`, `OrderPaid.amount` `"49.90"`, `OrderCancelled.refund` `"49.90"` or `null`.
//! - **v2** (current) writes money as integer cents: `4990`. No other field changed.
//!
//! Stored events are never rewritten: the log keeps what was written, and readers upcast on the
//! way in, so the rest of the domain only ever sees the current shape. A `RecordedEvent` keeps
//! the `schema_version` it was stored with, and writing it out again (`stored_event_data`)
//! gives that version's shape back, so an old event stays old on disk and in export files.

use super::{Money, RecordedEvent, CURRENT_SCHEMA_VERSION};
use serde_json::Value;
use std::fmt;

/// Why an event's stored data could not be brought to the current schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpcastError {
    /// Version 0, or newer than this app knows (written by a later release).
    UnsupportedVersion { found: u16 },
    /// A v1 money field that is not a decimal string such as "49.90".
    BadAmount { field: &'static str, found: String },
}

impl fmt::Display for UpcastError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnsupportedVersion { found } => write!(
                f,
                "schema version {found} is not supported (this app reads versions 1 to {CURRENT_SCHEMA_VERSION})"
            ),
            Self::BadAmount { field, found } => write!(
                f,
                "\"{field}\" should be a decimal amount such as \"49.90\" in schema version 1, found {found}"
            ),
        }
    }
}

/// Brings `event_data` of an `event_type` event stored with `schema_version` to the current
/// schema. Unknown event types pass through unchanged (the decoder rejects them itself).
pub fn upcast(event_type: &str, schema_version: u16, data: Value) -> Result<Value, UpcastError> {
    match schema_version {
        CURRENT_SCHEMA_VERSION => Ok(data),
        1 => v1_to_v2(event_type, data),
        found => Err(UpcastError::UnsupportedVersion { found }),
    }
}

/// The v1 shape of current (v2) `event_data`: for tests and for the teaching UI, which can show
/// "this is how the first release stored it".
pub fn downcast_to_v1(event_type: &str, mut data: Value) -> Value {
    if let (Some(field), Value::Object(fields)) = (money_field(event_type), &mut data) {
        if let Some(value) = fields.get_mut(field) {
            if let Some(cents) = value.as_i64() {
                *value = Value::String(Money(cents).to_string());
            }
        }
    }
    data
}

/// `event_data` in the shape of the schema version `event` was stored with: what a store or an
/// export file holds for it. Version 1 amounts are written as "49.90" (two decimals), so a v1
/// value stored as "49.9" is written back as "49.90": the same amount in the same schema.
pub fn stored_event_data(event: &RecordedEvent) -> Value {
    let data = event.event.event_data();
    match event.schema_version {
        1 => downcast_to_v1(event.event.event_type(), data),
        _ => data,
    }
}

/// Whether `event` was stored in an older schema and so went through the upcaster on read.
/// Events without money (`OrderShipped`, ...) read the same in both versions, but they were
/// still written by the older release, so they count too.
pub fn was_upcast(event: &RecordedEvent) -> bool {
    event.schema_version < CURRENT_SCHEMA_VERSION
}

/// `event_data` as stored, beside `event_data` as the code reads it (the current schema).
/// They differ only for an upcast event that carries money.
pub fn stored_and_read_forms(event: &RecordedEvent) -> (Value, Value) {
    (stored_event_data(event), event.event.event_data())
}

fn v1_to_v2(event_type: &str, mut data: Value) -> Result<Value, UpcastError> {
    let (Some(field), Value::Object(fields)) = (money_field(event_type), &mut data) else {
        return Ok(data);
    };
    if let Some(value) = fields.get_mut(field) {
        match value {
            Value::String(text) => {
                let cents = Money::parse(text).map_err(|_| UpcastError::BadAmount {
                    field,
                    found: format!("\"{}\"", super::decode_error::preview(text)),
                })?;
                *value = Value::from(cents.cents());
            }
            Value::Null if field == "refund" => {}
            other => {
                return Err(UpcastError::BadAmount {
                    field,
                    found: super::decode_error::preview(&other.to_string()),
                })
            }
        }
    }
    Ok(data)
}

/// The one money field each event type has, if any.
fn money_field(event_type: &str) -> Option<&'static str> {
    match event_type {
        "OrderPlaced" => Some("total_amount"),
        "OrderPaid" => Some("amount"),
        "OrderCancelled" => Some("refund"),
        _ => None,
    }
}
