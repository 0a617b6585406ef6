//! Share links: a whole log packed into a URL fragment (`#scenario=...`), so a teacher can hand
//! a class the same starting point.
//!
//! Only what somebody decided is stored: per event its type, order, time and the command's own
//! texts and amounts. Event ids, versions, amounts paid and refunds are what `decide` records
//! anyway, so decoding sends the commands through the rules again: a link can only carry a
//! history the rules would have produced, and `validate_log` checks the result once more.
//!
//! Payload, format 1: base64url (no padding) of these bytes:
//! format `1` · time unit (0 = milliseconds, 1 = nanoseconds, 2 = seconds) · varint text count · texts
//! (varint byte length, UTF-8) · varint event count · events. An event is a type tag, a varint
//! order id, the zigzag varint time since the previous event (the first: since 1970), then the
//! command's arguments: texts as varint indexes into the texts, money as zigzag varint cents.
//! Each text is stored once (customers and carriers repeat), so the blog example's link stays
//! a few hundred characters long.

use super::{
    validate_log, Command, LogBuilder, LogError, Money, OrderEvent, RecordedEvent, Rejection,
    MAX_TEXT_LEN,
};
use base64url::{base64url_decode, base64url_encode};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::fmt;
use varint::{put_varint, put_zigzag, Reader};

mod base64url;
mod varint;

/// What follows `#` in a share link, before the payload.
pub const SCENARIO_PREFIX: &str = "scenario=";
/// The longest payload accepted or produced: anything longer is refused before decoding.
pub const MAX_SCENARIO_CHARS: usize = 100_000;
const FORMAT: u8 = 1;
const MILLIS: u8 = 0;
const NANOS: u8 = 1;
const SECONDS: u8 = 2;
/// No text the rules accept is longer (200 characters of at most 4 bytes each).
const MAX_TEXT_BYTES: usize = MAX_TEXT_LEN * 4;

/// Why a log could not be put into a link, or a link not read as a log. Nothing is changed
/// either way; `Display` is a sentence for the person who opened the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    TooLong {
        length: usize,
        max: usize,
    },
    /// A character outside base64url, at this position (from 1).
    NotBase64 {
        position: usize,
    },
    Truncated,
    UnsupportedFormat(u8),
    NumberTooLarge,
    BadText,
    BadTextIndex,
    UnknownEventType(u8),
    BadTime,
    TrailingData,
    /// The rules refuse the command behind event `position` (from 1).
    Refused {
        position: usize,
        rejection: Rejection,
    },
    /// The log breaks a rule of logs (only a local log can: a link is re-decided).
    Invalid(LogError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let damaged = "This link is damaged";
        match self {
            Self::Empty => f.write_str("The scenario has no events, so there is nothing to share."),
            Self::TooLong { length, max } => write!(
                f,
                "The scenario is too long for a link ({length} characters; at most {max})."
            ),
            Self::NotBase64 { position } => write!(
                f,
                "{damaged}: character {position} cannot appear in a share link."
            ),
            Self::Truncated => f.write_str(
                "This link is cut off: it ends in the middle of the scenario. Copy the whole link.",
            ),
            Self::UnsupportedFormat(v) => write!(
                f,
                "This link uses share format {v}, which this version of the demo cannot read."
            ),
            Self::NumberTooLarge => write!(f, "{damaged}: a number in it is too large."),
            Self::BadText => write!(f, "{damaged}: a text in it is not valid UTF-8 or too long."),
            Self::BadTextIndex => write!(f, "{damaged}: it refers to a text it does not hold."),
            Self::UnknownEventType(tag) => write!(f, "{damaged}: event type {tag} is unknown."),
            Self::BadTime => write!(f, "{damaged}: an event time is out of range."),
            Self::TrailingData => write!(f, "{damaged}: it has data after the last event."),
            Self::Refused {
                position,
                rejection,
            } => write!(
                f,
                "Event {position} of the shared scenario breaks the rules: {rejection}"
            ),
            Self::Invalid(error) => write!(f, "The log is not a valid history: {error}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The payload of `#scenario=...` for `events`, which must be a valid, non-empty log.
pub fn encode_scenario(events: &[RecordedEvent]) -> Result<String, ShareError> {
    if events.is_empty() {
        return Err(ShareError::Empty);
    }
    validate_log(events).map_err(ShareError::Invalid)?;
    let payload = base64url_encode(&pack(events));
    if payload.len() > MAX_SCENARIO_CHARS {
        return Err(ShareError::TooLong {
            length: payload.len(),
            max: MAX_SCENARIO_CHARS,
        });
    }
    Ok(payload)
}

/// `#scenario=<payload>`: the fragment to put after a page address.
pub fn scenario_fragment(events: &[RecordedEvent]) -> Result<String, ShareError> {
    Ok(format!("#{SCENARIO_PREFIX}{}", encode_scenario(events)?))
}

/// The payload of a fragment such as `location.hash`, or `None` when it is not a share link
/// (an empty hash, or an in-page anchor like `#databases`).
pub fn scenario_payload(fragment: &str) -> Option<&str> {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix(SCENARIO_PREFIX)
}

/// Reads a payload back into a log, refusing anything that is not a valid scenario.
/// Never panics, and never allocates much more than the payload's own size.
pub fn decode_scenario(payload: &str) -> Result<Vec<RecordedEvent>, ShareError> {
    if payload.len() > MAX_SCENARIO_CHARS {
        return Err(ShareError::TooLong {
            length: payload.chars().count(),
            max: MAX_SCENARIO_CHARS,
        });
    }
    let bytes = base64url_decode(payload)?;
    let events = unpack(&mut Reader::new(&bytes))?;
    validate_log(&events).map_err(ShareError::Invalid)?;
    Ok(events)
}

fn tag(event: &OrderEvent) -> u8 {
    match event {
        OrderEvent::OrderPlaced { .. } => 0,
        OrderEvent::OrderPaid { .. } => 1,
        OrderEvent::OrderShipped { .. } => 2,
        OrderEvent::OrderDelivered {} => 3,
        OrderEvent::OrderCancelled { .. } => 4,
        OrderEvent::PaymentProblemReported { .. } => 5,
        OrderEvent::PaymentProblemRetracted { .. } => 6,
    }
}

/// The texts of the command behind `event`, in the order they are written.
fn texts(event: &OrderEvent) -> Vec<&str> {
    match event {
        OrderEvent::OrderPlaced { customer_id, .. } => vec![customer_id],
        OrderEvent::OrderShipped {
            carrier,
            tracking_number,
        } => vec![carrier, tracking_number],
        OrderEvent::OrderCancelled { reason, .. } => vec![reason],
        OrderEvent::PaymentProblemReported { source, detail } => vec![source, detail],
        OrderEvent::PaymentProblemRetracted { reason, .. } => vec![reason],
        OrderEvent::OrderPaid { .. } | OrderEvent::OrderDelivered {} => vec![],
    }
}

/// Times as whole ticks: seconds when every time is a whole second (the scenarios), else
/// milliseconds (what a browser records), else nanoseconds when they fit.
fn ticks(events: &[RecordedEvent]) -> (u8, Vec<i64>) {
    let subsec = |e: &RecordedEvent| e.event_timestamp.timestamp_subsec_nanos();
    if events.iter().all(|e| subsec(e) == 0) {
        return (
            SECONDS,
            events
                .iter()
                .map(|e| e.event_timestamp.timestamp())
                .collect(),
        );
    }
    if events.iter().any(|e| subsec(e) % 1_000_000 != 0) {
        let nanos: Option<Vec<i64>> = events
            .iter()
            .map(|e| e.event_timestamp.timestamp_nanos_opt())
            .collect();
        if let Some(nanos) = nanos.filter(|n| deltas_fit(n)) {
            return (NANOS, nanos);
        }
    }
    let millis = events.iter().map(|e| e.event_timestamp.timestamp_millis());
    (MILLIS, millis.collect())
}

fn deltas_fit(ticks: &[i64]) -> bool {
    let mut previous = 0i64;
    ticks.iter().all(|&t| {
        let fits = t.checked_sub(previous).is_some();
        previous = t;
        fits
    })
}

fn pack(events: &[RecordedEvent]) -> Vec<u8> {
    let mut index: HashMap<&str, u64> = HashMap::new();
    let mut table: Vec<&str> = Vec::new();
    for text in events.iter().flat_map(|e| texts(&e.event)) {
        index.entry(text).or_insert_with(|| {
            table.push(text);
            table.len() as u64 - 1
        });
    }
    let (unit, ticks) = ticks(events);
    let mut out = vec![FORMAT, unit];
    put_varint(&mut out, table.len() as u64);
    for text in &table {
        put_varint(&mut out, text.len() as u64);
        out.extend_from_slice(text.as_bytes());
    }
    put_varint(&mut out, events.len() as u64);
    let mut previous = 0i64;
    for (event, tick) in events.iter().zip(ticks) {
        out.push(tag(&event.event));
        put_varint(&mut out, event.order_id);
        put_zigzag(&mut out, tick.wrapping_sub(previous));
        previous = tick;
        for text in texts(&event.event) {
            put_varint(&mut out, index[text]);
        }
        match &event.event {
            OrderEvent::OrderPlaced { total_amount, .. } => put_zigzag(&mut out, total_amount.0),
            OrderEvent::PaymentProblemRetracted { retracts, .. } => put_varint(&mut out, *retracts),
            _ => {}
        }
    }
    out
}

fn unpack(input: &mut Reader) -> Result<Vec<RecordedEvent>, ShareError> {
    match input.byte()? {
        FORMAT => {}
        other => return Err(ShareError::UnsupportedFormat(other)),
    }
    let unit = input.byte()?;
    let to_time: fn(i64) -> Option<DateTime<Utc>> = match unit {
        MILLIS => DateTime::from_timestamp_millis,
        NANOS => |n| Some(DateTime::from_timestamp_nanos(n)),
        SECONDS => |s| DateTime::from_timestamp(s, 0),
        other => return Err(ShareError::UnsupportedFormat(other)),
    };
    let text_count = input.count()?;
    let mut table = Vec::with_capacity(text_count);
    for _ in 0..text_count {
        let length = input.count()?;
        if length > MAX_TEXT_BYTES {
            return Err(ShareError::BadText);
        }
        let text = std::str::from_utf8(input.take(length)?).map_err(|_| ShareError::BadText)?;
        table.push(text.to_string());
    }
    let event_count = input.count()?;
    if event_count == 0 {
        return Err(ShareError::Empty);
    }
    let mut log = LogBuilder::new();
    let mut tick = 0i64;
    for position in 1..=event_count {
        let tag = input.byte()?;
        let order_id = input.varint()?;
        tick = tick
            .checked_add(input.zigzag()?)
            .ok_or(ShareError::BadTime)?;
        let at = to_time(tick).ok_or(ShareError::BadTime)?;
        let mut text = || -> Result<String, ShareError> {
            let i = usize::try_from(input.varint()?).map_err(|_| ShareError::BadTextIndex)?;
            table.get(i).cloned().ok_or(ShareError::BadTextIndex)
        };
        let command = match tag {
            0 => Command::PlaceOrder {
                customer_id: text()?,
                total_amount: Money(input.zigzag()?),
            },
            1 => Command::PayOrder,
            2 => Command::ShipOrder {
                carrier: text()?,
                tracking_number: text()?,
            },
            3 => Command::DeliverOrder,
            4 => Command::CancelOrder { reason: text()? },
            5 => Command::ReportPaymentProblem {
                source: text()?,
                detail: text()?,
            },
            6 => {
                let reason = text()?;
                Command::RetractPaymentProblem {
                    retracts: input.varint()?,
                    reason,
                }
            }
            other => return Err(ShareError::UnknownEventType(other)),
        };
        log.execute(order_id, &command, at)
            .map_err(|rejection| ShareError::Refused {
                position,
                rejection,
            })?;
    }
    if !input.is_at_end() {
        return Err(ShareError::TrailingData);
    }
    Ok(log.into_events())
}
