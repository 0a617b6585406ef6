//! Events evolve: old stored shapes are rewritten to the current one on read ("upcasting").
//!
//! Schema history of `event_data`:
//! - **v1** (the first release) wrote money as decimal strings: `OrderPlaced.total_amount`
//!   `"49.90"`, `OrderPaid.amount` `"49.90"`, `OrderCancelled.refund` `"49.90"` or `null`.
//! - **v2** (current) writes money as integer cents: `4990`. No other field changed.
//!
//! Stored events are never rewritten in place: the log keeps what was written, and readers
//! upcast on the way in, so the rest of the domain only ever sees the current shape.

use super::{Money, CURRENT_SCHEMA_VERSION};
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
