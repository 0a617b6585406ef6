//! The order domain, pure and synchronous: no browser, no clock, no randomness.
//! Ids and timestamps come in as arguments, so every function here is deterministic.

pub mod challenges;
mod codec;
mod command;
mod decide;
mod decode_error;
mod event;
mod evolve;
mod generate;
mod log_builder;
mod money;
mod order;
mod projection;
pub mod questions;
mod record;
mod rejection;
mod replay;
mod scenario;
mod share;
mod sql;
mod traditional;
pub mod two_clerks;
mod upcast;
mod validate;
mod what_if;

pub use codec::{
    decode_event, decode_event_bytes, decode_event_id, decode_event_value, decode_log,
    decode_log_bytes, decode_log_value, decode_parts, encode_event, encode_event_value, encode_log,
    EventParts, LOG_FORMAT, LOG_FORMAT_VERSION,
};
pub use command::Command;
pub use decide::{decide, MAX_CUSTOMER_LEN, MAX_TEXT_LEN, MAX_TOTAL};
pub use decode_error::{DecodeError, DecodeProblem};
pub use event::{EventType, OrderEvent, RecordedEvent, CURRENT_SCHEMA_VERSION};
pub use evolve::{evolve, fold};
pub use generate::generate_log;
pub use log_builder::LogBuilder;
pub use money::{Money, MoneyParseError};
pub use order::{Order, OrderStatus};
pub use projection::Projections;
pub use record::{decide_and_record, record};
pub use rejection::Rejection;
pub use replay::{changed_fields, history, replay_skipping, state_at, without, HistoryStep};
pub use scenario::{
    blog_example, bug_story, bug_story_culprit, old_log, old_log_upgraded_at,
    BUG_CORRECTION_REASON, BUG_SOURCE,
};
pub use share::{
    decode_scenario, encode_scenario, scenario_fragment, scenario_payload, ShareError,
    MAX_SCENARIO_CHARS, SCENARIO_PREFIX,
};
pub use sql::{
    event_sourced_script, insert_event_sql, money_literal, quote_literal, timestamp_literal,
    timestamp_text, traditional_script,
};
pub use traditional::{
    NotStored, OrderRow, Overwritten, RowChange, Statement, TableColumn, TraditionalTable,
};
pub use upcast::{
    downcast_to_v1, stored_and_read_forms, stored_event_data, upcast, was_upcast, UpcastError,
};
pub use validate::{command_for, validate_log, LogError, LogProblem};
pub use what_if::{what_if, WhatIf, WouldRefuse};

/// Identifies an order (`orders.order_id`).
pub type OrderId = u64;
/// Identifies an event: its position in the whole log (`order_events.event_id`).
pub type EventId = u64;
